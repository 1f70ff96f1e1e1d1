/**
 * The hidden `_malkoll` sheet's JSON is written key by key for speed; it must be exactly the text
 * JSON.stringify gives, whatever the state holds, or a state written by one version would read differently.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateJson } from '../../../shared/adapters/xlsx/state-sheet.ts';

const text = fc.string({ unit: fc.constantFrom('a', 'Ö', '"', '\\', '\n', '\u0001', '\u00a0', '→', '😀', '\ud800', '!', '|', '0', '7') });
/** state keys as the plan makes them, plus array-index keys, which an object lists first */
const key = fc.oneof(text, fc.nat({ max: 3000 }).map(String), text.map((t) => `Mätetal!${t}!Utveckling`));
const value = fc.jsonValue();

describe('the state JSON', () => {
  it('is JSON.stringify of the state', () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, text, { maxKeys: 30 }),
        fc.option(fc.dictionary(text, value, { maxKeys: 4 }), { nil: undefined }),
        fc.option(value, { nil: undefined }),
        fc.boolean(),
        (written, kolada, extra, writtenFirst) => {
          const state = writtenFirst ? { written, kolada, extra } : { extra, kolada, written };
          expect(stateJson(state)).toBe(JSON.stringify(state));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it.each([
    ['a non-string value in written', { written: { a: 'x', b: 1 } }],
    ['written that is not an object', { written: null }],
    ['written as an array', { written: ['a'] }],
    ['undefined and a function beside it', { written: { a: 'x' }, gone: undefined, f: () => 1 }],
    ['no written at all', { kolada: { k: { value: 1 } } }],
    ['nothing', {}],
  ])('is JSON.stringify of the state with %s', (_case, state) => {
    expect(stateJson(state)).toBe(JSON.stringify(state));
  });
});
