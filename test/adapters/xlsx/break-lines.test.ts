import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines } from '../../../shared/adapters/xlsx/summary-workbook.ts';

describe('breakLines (long summary text as one line per row, no merged cells)', () => {
  it.each([
    ['', 10, ['']],
    ['kort', 10, ['kort']],
    ['ett två tre fyra', 7, ['ett två', 'tre', 'fyra']],
    ['abcdefghijklmno', 5, ['abcde', 'fghij', 'klmno']],
  ])('%j at width %i', (text, width, lines) => expect(breakLines(text, width)).toEqual(lines));

  it('never loses or reorders a character and keeps every line within the width', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zåäö]{1,20}$/), { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (words, width) => {
        const text = words.join(' ');
        const lines = breakLines(text, width);
        expect(lines.every((l) => l.length <= width)).toBe(true);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
    );
  });
});
