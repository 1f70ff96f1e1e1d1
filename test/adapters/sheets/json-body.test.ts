import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBody } from '../../../shared/adapters/sheets/json-body.ts';

async function text(value: unknown): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of jsonBody(value)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('jsonBody', () => {
  it('streams exactly the bytes JSON.stringify gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expect(await text(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it('streams large arrays element by element, undefined fields left out as JSON.stringify does', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ values: [{ userEnteredValue: { stringValue: `rad ${i} − Mätetal` } }], skip: undefined }));
    const body = { requests: [{ updateCells: { rows, fields: 'userEnteredValue' } }] };
    expect(await text(body)).toBe(JSON.stringify(body));
  });

  it('never holds a whole batch as one chunk, however few its requests', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ values: [{ userEnteredValue: { stringValue: `rad ${i} − Mätetal` } }, { note: [i, 'x'] }] }));
    const body = { requests: [{ updateSheetProperties: { fields: 'gridProperties' } }, { updateCells: { rows, fields: '*' } }] };
    const sizes: number[] = [];
    for await (const chunk of jsonBody(body)) sizes.push((chunk as Buffer).byteLength);
    expect(sizes.length).toBeGreaterThan(10);
    // a chunk is cut once it reaches 64 K characters: at most three bytes each, plus the piece that crossed the line
    expect(Math.max(...sizes)).toBeLessThan(3 * 64 * 1024 + 1024);
  });
});
