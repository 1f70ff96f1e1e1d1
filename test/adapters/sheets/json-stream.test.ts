import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonStreamReader, readJsonStream } from '../../../shared/adapters/sheets/json-stream.ts';

function readInPieces(text: string, step: number, transform?: (path: string, value: unknown) => unknown): unknown {
  const reader = new JsonStreamReader(transform as never);
  for (let i = 0; i < text.length; i += step) reader.write(text.slice(i, i + step));
  return reader.end();
}

describe('JsonStreamReader', () => {
  it('builds what JSON.parse builds, whatever the JSON and wherever the text is cut', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 9 }), fc.boolean(), (value, step, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(readInPieces(text, step)).toEqual(JSON.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['escapes cut in the middle', '{"a":"x\\"y\\\\z\\u00e5\\n"}', { a: 'x"y\\zå\n' }],
    ['numbers at a chunk end', '[1.5e3,-0.25,7]', [1500, -0.25, 7]],
    ['literals', '{"t":true,"f":false,"n":null}', { t: true, f: false, n: null }],
    ['a bare number', '42', 42],
  ])('%s', (_name, text, expected) => {
    for (const step of [1, 2, 3, 100]) expect(readInPieces(text, step)).toEqual(expected);
  });

  it('hands each finished container to the transform with its path', () => {
    const seen: string[] = [];
    const out = readInPieces('{"sheets":[{"data":[{"rowData":[{"values":[{"v":1},{"v":2}]}]}]}]}', 4, (path, value) => {
      seen.push(path);
      return path === 'sheets/[]/data/[]/rowData/[]/values/[]' ? (value as { v: number }).v * 10 : value;
    });
    expect(out).toEqual({ sheets: [{ data: [{ rowData: [{ values: [10, 20] }] }] }] });
    expect(seen).toContain('sheets/[]/data/[]/rowData/[]/values');
  });

  it('reads a byte stream with characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"blad":"Mätetal − 2 %"}');
    const chunks = Array.from(bytes, (b) => new Uint8Array([b]));
    expect(await readJsonStream((async function* () { yield* chunks; })())).toEqual({ blad: 'Mätetal − 2 %' });
  });

  it('refuses text that ends early', () => {
    expect(() => readInPieces('{"a":[1,2', 3)).toThrow(SyntaxError);
  });
});
