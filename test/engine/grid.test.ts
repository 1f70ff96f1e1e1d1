import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeName } from '../../shared/engine/model/grid.ts';
import { cellText, isBlankCell } from '../../shared/engine/parse/values.ts';

/** Texts with every kind of space and case a person, Excel or Sheets puts in a name. */
const SPACY = [' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2007', '\u2009', '\u202f', '\u3000', '\ufeff', '\u0085', '\u200b', '\u0001'];
const names = fc
  .array(fc.oneof(fc.constantFrom(...SPACY), fc.constantFrom('Målområde', 'ÖKA', 'å', 'Ä', 'x', 'İ', 'ß', 'Σ', '1', 'a\u0308', 'A\u030a', '\u0308', 'e\u0301\u0327', '\u2013'), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

describe('names and blank cells', () => {
  // NFC added on purpose (issue 17 D.14): a decomposed 'Mätetal' once did not match the template's
  it('normalizeName composes (NFC), folds case and tidies spaces exactly as the regex does', () => {
    const reference = (t: string) => t.replace(/[\s\u00a0]+/g, ' ').trim().normalize('NFC').toLowerCase();
    expect(normalizeName('Ma\u0308tetal')).toBe('mätetal');
    expect(normalizeName(' Ma\u030alomra\u030ade ')).toBe('målområde');
    expect(normalizeName('  Minska\u00a0 utsläpp ')).toBe('minska utsläpp');
    expect(normalizeName('Mätetal 1')).toBe('mätetal 1');
    fc.assert(fc.property(names, (t) => {
        expect(normalizeName(t)).toBe(reference(t));
      }), { numRuns: 20_000 });
  });

  it('cellText and isBlankCell read text cells as the regexes did', () => {
    fc.assert(
      fc.property(names, (t) => {
        expect(cellText({ value: t })).toBe(t.replace(/[\u00a0\u202f]/g, ' ').trim());
        expect(isBlankCell({ value: t })).toBe(t.replace(/[\s\u00a0\u2007\u2009\u202f]+/g, '') === '');
      }),
      { numRuns: 20_000 },
    );
  });
});
