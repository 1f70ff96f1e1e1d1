/** Acceptance (issue, 5): each kind of stored cell reaches the grid as grid.ts describes it. */
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readWorkbookFile } from '../../../shared/adapters/xlsx/index.ts';
import type { CellInput } from '../../../shared/engine/model/grid.ts';
import { isDateFormat, isPercentFormat, serialToIsoDate } from '../../../shared/adapters/xlsx/number-formats.ts';
import { buildXlsx } from './build-xlsx.ts';
import { tempDir } from './helpers.ts';

const SST = [
  '<si><t>Mätetal</t></si>',
  '<si><r><rPr><b/></rPr><t>Fet</t></r><r><t xml:space="preserve"> och vanlig</t></r></si>',
  '<si><t>36,9 %</t></si>',
];
// cellXfs: 0 General, 1 '0.0%', 2 yyyy-mm-dd, 3 built-in 14 (date), 4 built-in 9 (0%), 5 h:mm (time, not a date)
const NUMFMTS = { 164: '0.0%', 165: 'yyyy-mm-dd' };
const XFS = [0, 164, 165, 14, 9, 20];

const SHEET = `
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
<row r="2"><c r="A2" s="1"><v>0.369</v></c><c r="B2" s="4"><v>0.5</v></c><c r="C2" t="s"><v>2</v></c><c r="D2"><v>4.5</v></c></row>
<row r="3"><c r="A3" s="2"><v>45658</v></c><c r="B3" s="3"><v>45291</v></c><c r="C3" s="5"><v>0.5</v></c></row>
<row r="4"><c r="A4" t="e"><v>#DIV/0!</v></c><c r="B4" t="e"><f>Blad2!#REF!</f><v>#REF!</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="b"><v>0</v></c></row>
<row r="5" hidden="1"><c r="A5"><f>1+1</f><v>2</v></c><c r="B5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C5"><f>D4*2</f></c></row>
<row r="6" hidden="1"><c r="A6" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c><c r="C6" s="1"/></row>
<row r="8"><c r="B8" t="inlineStr"><is><t>efter en tom rad</t></is></c></row>`;

describe('reading cells', () => {
  const cases: { address: [number, number]; expected: CellInput | null; what: string }[] = [
    { what: 'plain string', address: [1, 1], expected: { value: 'Mätetal' } },
    { what: 'rich text → plain text', address: [1, 2], expected: { value: 'Fet och vanlig' } },
    { what: 'custom percent format', address: [2, 1], expected: { value: 0.369, percent: true } },
    { what: 'built-in percent format', address: [2, 2], expected: { value: 0.5, percent: true } },
    { what: 'text that looks like a percent stays text', address: [2, 3], expected: { value: '36,9 %' } },
    { what: 'plain number', address: [2, 4], expected: { value: 4.5 } },
    { what: 'custom date format', address: [3, 1], expected: { value: 45658, date: '2025-01-01' } },
    { what: 'built-in date format 14', address: [3, 2], expected: { value: 45291, date: '2023-12-31' } },
    { what: 'time only is no date', address: [3, 3], expected: { value: 0.5 } },
    { what: '#DIV/0!', address: [4, 1], expected: { value: null, error: '#DIV/0!' } },
    { what: 'formula giving #REF!', address: [4, 2], expected: { value: null, error: '#REF!', formula: 'Blad2!#REF!' } },
    { what: 'TRUE', address: [4, 3], expected: { value: true } },
    { what: 'FALSE', address: [4, 4], expected: { value: false } },
    { what: 'formula with a cached number', address: [5, 1], expected: { value: 2, formula: '1+1' } },
    { what: 'formula with a cached string', address: [5, 2], expected: { value: 'ab', formula: '"a"&"b"' } },
    { what: 'formula without a cached result', address: [5, 3], expected: { value: null, formula: 'D4*2', uncached: true } },
    { what: 'inline rich text', address: [6, 1], expected: { value: 'inline' } },
    { what: 'styled empty cell', address: [6, 3], expected: null },
    { what: 'after an empty row', address: [8, 2], expected: { value: 'efter en tom rad' } },
  ];

  it.each(cases)('$what', async ({ address: [r, c], expected }) => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = join(dir, 'Celler.xlsx');
      await writeFile(path, buildXlsx([{ name: 'Mätetal', sheetData: SHEET }], SST, NUMFMTS, XFS));
      const grid = await readWorkbookFile(path);
      expect(grid.id).toBe('Celler.xlsx');
      expect(grid.name).toBe('Celler');
      const cell = grid.sheets[0]?.rows[r - 1]?.[c - 1] ?? null;
      expect(cell).toEqual(expected);
    } finally {
      await cleanup();
    }
  });

  it('lists hidden rows and hidden sheets, leaves out _malkoll, fills missing rows', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = join(dir, 'Dolt.xlsx');
      const state = JSON.stringify({ written: { 'Mätetal!a!Utveckling': 'Positiv' } });
      await writeFile(
        path,
        buildXlsx(
          [
            { name: 'Mätetal', sheetData: SHEET },
            { name: 'Gömt', sheetData: '', state: 'hidden' },
            { name: '_malkoll', sheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>etikett</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${state.slice(0, 10)}</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>${state.slice(10).replace(/&/g, '&amp;')}</t></is></c></row>`, state: 'hidden' },
          ],
          SST,
          NUMFMTS,
          XFS,
        ),
      );
      const grid = await readWorkbookFile(path);
      expect(grid.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([['Mätetal', false], ['Gömt', true]]);
      expect(grid.sheets[0]?.hiddenRows).toEqual([5, 6]);
      expect(grid.sheets[0]?.rows[6]).toEqual([]);
      expect(grid.state).toEqual({ written: { 'Mätetal!a!Utveckling': 'Positiv' } });
    } finally {
      await cleanup();
    }
  });
});

describe('number formats', () => {
  it.each([
    ['0.0%', true, false],
    ['0%', true, false],
    ['"%"0', false, false],
    ['yyyy-mm-dd', false, true],
    ['d-mmm-yy', false, true],
    ['mmm-yy', false, true],
    ['[$-41D]yyyy/mm/dd', false, true],
    ['h:mm', false, false],
    ['mm:ss', false, false],
    ['General', false, false],
    ['#,##0.00 "kr"', false, false],
    ['0.00\\d', false, false],
  ])('%s → percent %s, date %s', (code, percent, date) => {
    expect(isPercentFormat(code)).toBe(percent);
    expect(isDateFormat(code)).toBe(date);
  });

  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45658, '2025-01-01'],
    [45658.75, '2025-01-01'],
    [0, null],
    [-3, null],
  ])('serial %d → %s', (serial, iso) => {
    expect(serialToIsoDate(serial)).toBe(iso);
  });
});
