/**
 * The pitfalls of patching a person's package (the shared notes' list), one case each: what is handled, and
 * what is refused with a Swedish reason while the file stays as it was. Through patchWorkbook, and through the
 * store where the refusal reaches the run's report.
 */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createXlsxWorkbookStore, readWorkbookGrid, sha256 } from '../../../shared/adapters/xlsx/index.ts';
import { patchWorkbook } from '../../../shared/adapters/xlsx/patch-workbook.ts';
import type { CellPatch } from '../../../shared/adapters/xlsx/cell-patch.ts';
import { PackageError } from '../../../shared/adapters/xlsx/ooxml/package-error.ts';
import { UnreadableWorkbookError } from '../../../shared/ports.ts';
import { PALETTE } from '../../../shared/engine/model/palette.ts';
import { cellColours, inspectXlsx, numberFormat, sheetOf } from '../../support/xlsx-inspect.ts';
import { buildZip, type ZipInput } from '../../support/zip-builder.ts';
import { buildXlsx, type RawSheet } from './build-xlsx.ts';
import { plan, tempDir } from './helpers.ts';

const status = (row: number, column: number, key: 'Positiv' | 'Negativ' | 'text' = 'Positiv', text: string = key): CellPatch => ({
  sheet: 'Mätetal',
  row,
  column,
  value: { text },
  look: { kind: 'palette', key, ...(key === 'text' ? { wrap: true } : {}) },
});
const sheet = (sheetData: string, tail = ''): RawSheet[] => [{ name: 'Mätetal', sheetData, tail }];
/** cellXfs: 0 General, 1 '0.0%' with a thin border (border 0 of buildXlsx is empty), 2 yyyy-mm-dd */
const book = (sheets: RawSheet[]) => buildXlsx(sheets, ['<si><t>Mätetal</t></si>'], { 164: '0.0%', 165: 'yyyy-mm-dd' }, [0, 164, 165]);
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (error instanceof PackageError) return error.reason;
    throw error;
  }
  throw new Error('not refused');
};

describe('formulas in the product\'s cells', () => {
  it.each([
    ['an array formula', '<c r="B2"><f t="array" ref="B2:B3">A2:A3*2</f><v>2</v></c>', /Mätetal!B2 innehåller en matrisformel/],
    ['a cell inside an array formula', '<c r="A2"><f t="array" ref="A2:B2">{1,2}</f><v>1</v></c><c r="B2"><v>2</v></c>', /Mätetal!B2 ligger i matrisformeln A2:B2/],
    ['a shared formula\'s master', '<c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c>', /Mätetal!B2 är början på en delad formel för B2:B4/],
    ['a data table', '<c r="B2"><f t="dataTable" ref="B2:B3" dt2D="0" dtr="0" r1="A1"/><v>2</v></c>', /Mätetal!B2 innehåller en datatabell/],
  ])('%s is refused, and the store leaves the file as it was', async (_what, cell, reason) => {
    const bytes = book(sheet(`<row r="2">${cell}</row>`));
    expect(refusal(() => patchWorkbook(bytes, { cells: [status(2, 2)], state: null }))).toMatch(reason);
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, 'F.xlsx'), bytes);
      const store = createXlsxWorkbookStore(dir);
      const ref = { id: 'F.xlsx', name: 'F' };
      const { version } = await store.read(ref);
      const outcome = await store.write(ref, plan([{ sheet: 'Mätetal', rowNumber: 2, columnNumber: 2, value: 'Positiv', style: 'Positiv' }]), version);
      expect(outcome).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/^'F\.xlsx' skrevs inte: cellen /) });
      expect(sha256(await readFile(join(dir, 'F.xlsx')))).toBe(version);
    } finally {
      await cleanup();
    }
  });

  it('an ordinary formula is replaced, and the calculation chain goes with it (part, relationship, content type)', () => {
    const files = unzipSync(book(sheet('<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2*2</f><v>2</v></c></row>')));
    files['xl/calcChain.xml'] = new TextEncoder().encode('<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="1"/></calcChain>');
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!).replace('</Relationships>', '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>');
    files['xl/_rels/workbook.xml.rels'] = new TextEncoder().encode(rels);
    const types = strFromU8(files['[Content_Types].xml']!).replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>');
    files['[Content_Types].xml'] = new TextEncoder().encode(types);
    const bytes = buildZip(Object.entries(files).map(([name, data]) => ({ name, data })));
    const out = unzipSync(patchWorkbook(bytes, { cells: [status(2, 2)], state: null }).bytes);
    expect(Object.keys(out)).not.toContain('xl/calcChain.xml');
    expect(strFromU8(out['xl/_rels/workbook.xml.rels']!)).not.toContain('calcChain');
    expect(strFromU8(out['[Content_Types].xml']!)).not.toContain('calcChain');
    expect(sheetOf(inspectXlsx(patchWorkbook(bytes, { cells: [status(2, 2)], state: null }).bytes), 'Mätetal').cells.get('B2')).toMatchObject({ value: 'Positiv', formula: null });
  });

  it('a formula cell shared from a master above is replaced like any formula', () => {
    const bytes = book(sheet('<row r="2"><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>2</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c></row>'));
    const wb = inspectXlsx(patchWorkbook(bytes, { cells: [status(3, 2)], state: null }).bytes);
    expect(sheetOf(wb, 'Mätetal').cells.get('B3')).toMatchObject({ value: 'Positiv', formula: null });
    expect(sheetOf(wb, 'Mätetal').cells.get('B2')).toMatchObject({ value: '2', formula: 'A2*2' });
  });
});

describe('merged cells', () => {
  it('a cell hidden under a merged range is not written, and said so; the rest is', () => {
    const bytes = book(sheet('<row r="2"><c r="A2"><v>1</v></c></row>', '<mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells>'));
    const result = patchWorkbook(bytes, { cells: [status(2, 2), status(3, 2), status(4, 2)], state: null });
    expect(result.notes).toEqual(['Mätetal!B3 skrevs inte: cellen ligger under den sammanslagna cellen B2:C3']);
    const cells = sheetOf(inspectXlsx(result.bytes), 'Mätetal').cells;
    expect([cells.get('B2')?.value, cells.get('B3'), cells.get('B4')?.value]).toEqual(['Positiv', undefined, 'Positiv']);
  });
});

describe('text', () => {
  it.each([
    ['leading and trailing spaces', '  två mellanslag  '],
    ['a line break and a tab', 'rad 1\nrad 2\tflik'],
    ['a carriage return (folded by XML readers unless escaped)', 'a\r\nb'],
    ['control characters', 'klocka\u0007 och \u001b'],
    ['a literal _x0041_', 'koden _x0041_ står kvar'],
    ['markup characters', '<b> & "citat" \'apostrof\''],
    ['a character outside the BMP', 'mål 🎯'],
  ])('%s come back exactly', (_what, text) => {
    const bytes = patchWorkbook(book(sheet('')), { cells: [status(2, 2, 'text', text)], state: null }).bytes;
    expect(readWorkbookGrid(bytes, 'x.xlsx', 'x').sheets[0]?.rows[1]?.[1]).toEqual({ value: text });
  });

  it('is never longer than Excel\'s 32,767 characters: a longer text ends in "…"', () => {
    const long = 'ord '.repeat(10_000);
    const bytes = patchWorkbook(book(sheet('')), { cells: [status(2, 2, 'text', long)], state: null }).bytes;
    const value = readWorkbookGrid(bytes, 'x.xlsx', 'x').sheets[0]?.rows[1]?.[1]?.value as string;
    expect(value).toHaveLength(32_767);
    expect(value.endsWith('…')).toBe(true);
    expect(long.startsWith(value.slice(0, -1))).toBe(true);
  });
});

describe('formats', () => {
  it('a status keeps the cell\'s own number format and border; styles only grow, never by an empty fill, and not at all on a second run', () => {
    const styles = (b: Uint8Array) => strFromU8(unzipSync(b)['xl/styles.xml']!);
    const bytes = book(sheet('<row r="2"><c r="B2" s="1"/><c r="C2" s="1"/></row>'));
    const first = patchWorkbook(bytes, { cells: [status(2, 2), status(2, 3, 'Negativ')], state: null }).bytes;
    const wb = inspectXlsx(first);
    const b2 = sheetOf(wb, 'Mätetal').cells.get('B2');
    expect(cellColours(wb, b2)).toEqual({ fill: PALETTE.Positiv.fill, font: PALETTE.Positiv.font, bold: false });
    expect(numberFormat(wb, b2)).toBe('0.0%');
    expect(styles(first)).not.toMatch(/<fill\/>/);
    expect(styles(first).startsWith(styles(bytes).slice(0, styles(bytes).indexOf('<fonts')))).toBe(true);
    // the statuses swap: the formats already appended are reused
    const second = patchWorkbook(first, { cells: [status(2, 2, 'Negativ'), status(2, 3)], state: null }).bytes;
    expect(wb.cellXfs.length).toBe(inspectXlsx(second).cellXfs.length);
    expect(styles(second)).toBe(styles(first));
  });

  it('writes a number into an input cell keeping its format, or with a given one; copies another cell\'s look', () => {
    const bytes = book(sheet('<row r="1"><c r="A1" s="2"><v>45658</v></c></row><row r="2"><c r="B2"/></row>'));
    const result = patchWorkbook(bytes, {
      cells: [
        { sheet: 'Mätetal', row: 2, column: 2, value: { number: 0.308 }, look: { kind: 'keep', numberFormat: '0.0%' } },
        { sheet: 'Mätetal', row: 2, column: 3, value: { number: 12 }, look: { kind: 'keep' } },
        { sheet: 'Mätetal', row: 1, column: 2, value: { text: 'Utfall 2026' }, look: { kind: 'copy', from: { row: 1, column: 1 } } },
      ],
      state: null,
    });
    const grid = readWorkbookGrid(result.bytes, 'x.xlsx', 'x').sheets[0]!;
    expect(grid.rows[1]?.slice(1, 3)).toEqual([{ value: 0.308, percent: true }, { value: 12 }]);
    const wb = inspectXlsx(result.bytes);
    expect(sheetOf(wb, 'Mätetal').cells.get('B1')?.style).toBe(sheetOf(wb, 'Mätetal').cells.get('A1')?.style);
  });
});

describe('the package', () => {
  const parts = (bytes: Uint8Array): ZipInput[] => Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));

  it('ZIP64 records are read and their entries copied', () => {
    const bytes = buildZip(parts(book(sheet('<row r="2"><c r="A2"><v>1</v></c></row>'))), { zip64: true });
    const out = patchWorkbook(bytes, { cells: [status(2, 2)], state: null }).bytes;
    expect(sheetOf(inspectXlsx(out), 'Mätetal').cells.get('B2')?.value).toBe('Positiv');
    expect(strFromU8(unzipSync(out)['xl/sharedStrings.xml']!)).toBe(strFromU8(unzipSync(bytes)['xl/sharedStrings.xml']!));
  });

  it.each([
    ['compressed another way', { method: 12 }, /delen xl\/worksheets\/sheet1\.xml är komprimerad på ett sätt som Målkoll inte kan läsa \(metod 12\)/],
    ['encrypted', { flags: 1 }, /delen xl\/worksheets\/sheet1\.xml är krypterad/],
  ])('a sheet part %s is refused with a reason naming it', (_what, change, reason) => {
    const bytes = buildZip(parts(book(sheet(''))).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, stored: true, ...change } : p)));
    const error = (() => {
      try {
        readWorkbookGrid(bytes, 'F.xlsx', 'F');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as UnreadableWorkbookError).reason).toMatch(reason);
  });

  it('a part stored as UTF-16 is refused with a reason', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><worksheet/>', 'utf16le')]);
    const bytes = buildZip(parts(book(sheet(''))).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: utf16 } : p)));
    expect(() => readWorkbookGrid(bytes, 'F.xlsx', 'F')).toThrow(/sparad som UTF-16/);
  });

  it('a workbook without a styles part gets one (registered), and its statuses their colours', () => {
    const files = unzipSync(book(sheet('<row r="2"><c r="A2"><v>1</v></c></row>')));
    delete files['xl/styles.xml'];
    files['xl/_rels/workbook.xml.rels'] = new TextEncoder().encode(strFromU8(files['xl/_rels/workbook.xml.rels']!).replace(/<Relationship Id="rIdS"[^>]*\/>/, ''));
    files['[Content_Types].xml'] = new TextEncoder().encode(strFromU8(files['[Content_Types].xml']!).replace(/<Override PartName="\/xl\/styles\.xml"[^>]*\/>/, ''));
    const out = patchWorkbook(buildZip(Object.entries(files).map(([name, data]) => ({ name, data }))), { cells: [status(2, 2)], state: { written: {} } }).bytes;
    const parts = unzipSync(out);
    expect(strFromU8(parts['xl/_rels/workbook.xml.rels']!)).toMatch(/relationships\/styles" Target="styles\.xml"/);
    expect(strFromU8(parts['[Content_Types].xml']!)).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    const wb = inspectXlsx(out);
    expect(cellColours(wb, sheetOf(wb, 'Mätetal').cells.get('B2')).fill).toBe(PALETTE.Positiv.fill);
    expect(sheetOf(wb, '_malkoll').state).toBe('hidden');
  });

  it('a plan for a sheet the workbook does not have is refused', () => {
    expect(refusal(() => patchWorkbook(book(sheet('')), { cells: [{ ...status(2, 2), sheet: 'Borta' }], state: null }))).toBe("bladet 'Borta' finns inte i arbetsboken");
  });
});
