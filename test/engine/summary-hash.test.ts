import { describe, expect, it } from 'vitest';
import { canonicalJson, fnv1a64 } from '../../shared/engine/summary/hash.ts';

// FNV-1a 64-bit reference values (offset basis cbf29ce484222325, prime 100000001b3), computed with BigInt.
function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

describe('summary content hash', () => {
  it.each(['', 'a', 'Samlad bedömning', '−7,7\u00a0%', 'x'.repeat(10_000)])('fnv1a64(%j) equals the BigInt reference', (text) => {
    expect(fnv1a64(text)).toBe(reference(text));
  });
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(canonicalJson({ a: [2, { c: 4, d: 3 }], b: 1 }));
  });
});
