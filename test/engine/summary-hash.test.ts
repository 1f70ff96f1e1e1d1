import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson, Fnv1a64, fnv1a64 } from '../../shared/engine/summary/hash.ts';

// FNV-1a 64-bit reference values (offset basis cbf29ce484222325, prime 100000001b3), computed with BigInt.
function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** Text with what JSON and UTF-8 make awkward: quotes, controls, non-ASCII, astral characters, lone surrogates. */
const awkwardText = fc.string({ unit: fc.constantFrom('a', 'Ö', '"', '\\', '\n', '\u0001', '\u00a0', '−', '😀', '\ud800', '\udc00', '0', '1', ' ') });
/** Keys that include array indices ("0", "2024"), which an object lists before its other keys. */
const key = fc.oneof(awkwardText, fc.nat({ max: 3000 }).map(String), fc.constantFrom('4294967295', '4294967294', '01', '-1', '1.5'));
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, undefined, true, false, 0, -0, 1.5, -7.25e-9, 1e21, Number.NaN, Infinity),
    fc.double(),
    awkwardText,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
    fc.constant(new Date(Date.UTC(2026, 11, 6))),
  ),
})).value;

describe('summary content hash', () => {
  it.each([
    ['empty', ''],
    ['ASCII', 'a'],
    ['Swedish', 'Samlad bedömning'],
    ['minus and no-break space', '−7,7\u00a0%'],
    ['long ASCII', 'x'.repeat(10_000)],
    ['longer than one encoded piece', 'ö'.repeat(70_000)],
    ['astral characters', '😀'.repeat(40_000)],
    ['a surrogate pair across a piece boundary', `a${'😀'.repeat(40_000)}`],
    ['lone surrogates', 'a\ud800b\udc00'],
  ])('fnv1a64 of %s equals the BigInt reference', (_case, text) => {
    expect(fnv1a64(text)).toBe(reference(text));
  });
  it('gives the same hash for text fed in whole pieces as for the text joined', () => {
    fc.assert(
      fc.property(fc.array(awkwardText, { maxLength: 40 }), fc.nat({ max: 70_000 }), (pieces, padding) => {
        const all = [...pieces, 'å'.repeat(padding), ...pieces];
        const hash = new Fnv1a64();
        for (const piece of all) hash.update(piece);
        expect(hash.digest()).toBe(reference(all.join('')));
      }),
      { numRuns: 200 },
    );
  });
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(canonicalJson({ a: [2, { c: 4, d: 3 }], b: 1 }));
  });
  it('canonicalHash is the hash of the canonical JSON, without building it', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        expect(canonicalHash(value)).toBe(fnv1a64(canonicalJson(value) ?? ''));
      }),
      { numRuns: 3000 },
    );
  });
});
