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

describe('reading what other readers got wrong', () => {
  const read = async (sheets: Parameters<typeof buildXlsx>[0], sst: string[] = [], formats: Record<number, string> = NUMFMTS, xfs: number[] = XFS, workbookPr = '') => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = join(dir, 'Prov.xlsx');
      await writeFile(path, buildXlsx(sheets, sst, formats, xfs, workbookPr));
      return await readWorkbookFile(path);
    } finally {
      await cleanup();
    }
  };

  it.each([
    ['161 typed as text', '<c r="A1" t="s"><v>0</v></c>', ['<si><t>161</t></si>'], { value: '161' }],
    ['00123 as an inline string', '<c r="A1" t="inlineStr"><is><t>00123</t></is></c>', [], { value: '00123' }],
    ['a number with spaces around, as text', '<c r="A1" t="inlineStr"><is><t xml:space="preserve"> 42 </t></is></c>', [], { value: ' 42 ' }],
    ['an escaped control character', '<c r="A1" t="inlineStr"><is><t>a_x000D_b</t></is></c>', [], { value: 'a\rb' }],
    ['an ISO date cell (t="d")', '<c r="A1" t="d"><v>2025-01-01</v></c>', [], { value: 45658, date: '2025-01-01' }],
    ['entities and CDATA', '<c r="A1" t="inlineStr"><is><t>a &amp; <![CDATA[<b>]]></t></is></c>', [], { value: 'a & <b>' }],
  ])('%s', async (_what, cell, sst, expected) => {
    const grid = await read([{ name: 'Mätetal', sheetData: `<row r="1">${cell}</row>` }], sst);
    expect(grid.sheets[0]?.rows[0]?.[0]).toEqual(expected);
  });

  it('dates of a 1904-based workbook are the days they show', async () => {
    const grid = await read([{ name: 'Mätetal', sheetData: '<row r="1"><c r="A1" s="2"><v>44196</v></c></row>' }], [], NUMFMTS, XFS, '<workbookPr date1904="1"/>');
    expect(grid.sheets[0]?.rows[0]?.[0]).toEqual({ value: 45658, date: '2025-01-01' });
  });

  it('rows and cells without r follow the one before; a shared formula\'s dependants get their own text', async () => {
    const sheetData =
      '<row><c><v>1</v></c><c t="s"><v>0</v></c></row><row r="3"><c r="B3"><f t="shared" ref="B3:B4" si="0">A3*2</f><v>4</v></c><c><v>5</v></c></row>' +
      '<row><c r="B4"><f t="shared" si="0"/><v>6</v></c></row>';
    const grid = await read([{ name: 'Mätetal', sheetData }], ['<si><t>B1</t></si>']);
    expect(grid.sheets[0]?.rows).toEqual([
      [{ value: 1 }, { value: 'B1' }],
      [],
      [null, { value: 4, formula: 'A3*2' }, { value: 5 }],
      [null, { value: 6, formula: 'A4*2' }],
    ]);
  });

  it('lists merged ranges, 1-based and inclusive', async () => {
    const grid = await read([{ name: 'Mätetal', sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>', tail: '<mergeCells count="2"><mergeCell ref="A2:A5"/><mergeCell ref="B1:D1"/></mergeCells>' }]);
    expect(grid.sheets[0]?.merges).toEqual([
      { top: 2, left: 1, bottom: 5, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 4 },
    ]);
  });

  it('reads a template sheet named in another case, with spaces or decomposed (NFD); others by name only', async () => {
    const grid = await read([
      { name: ' MÄTETAL '.normalize('NFD'), sheetData: '<row r="1"><c r="A1"><v>7</v></c></row>' },
      { name: 'Anteckningar', sheetData: '<row r="1"><c r="A1"><v>8</v></c></row>' },
    ]);
    expect(grid.sheets.map((s) => [s.name, s.rows])).toEqual([
      [' MÄTETAL '.normalize('NFD'), [[{ value: 7 }]]],
      ['Anteckningar', []],
    ]);
  });
});
