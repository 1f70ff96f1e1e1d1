/**
 * The file-level half of the bad-input catalogue: real .xlsx files (the template writer, then exceljs for
 * what a person or another program puts in a cell), recalculated through recalcSet with the local stores,
 * and read back with the independent reader (test/support/xlsx-inspect.ts).
 */
import { expect } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { writeTemplateWorkbook } from '../../shared/adapters/xlsx/create-workbook.ts';
import { createXlsxWorkbookStore } from '../../shared/adapters/xlsx/index.ts';
import { createXlsxSummaryStore } from '../../shared/adapters/xlsx/summary-store.ts';
import { recalcSet } from '../../shared/app/recalc-set.ts';
import { recalculate } from '../../shared/engine/recalculate.ts';
import type { Status } from '../../shared/engine/model/model.ts';
import type { TemplateCell } from '../../sheets-templates/template-spec.ts';
import { GOAL, INDICATOR } from '../engine/grid-builder.ts';
import { inspectXlsx, sheetOf, type InspectedWorkbook } from '../support/xlsx-inspect.ts';
import { BAD_ROW, GOOD, HEADERS, badRow, baseline } from './catalogue-grid.ts';
import { plain, productRows, unexpectedLines } from './catalogue-view.ts';

type ExcelValue = ExcelJS.CellValue;

export interface FileCase {
  name: string;
  /** cells of the bad row (row 5) as exceljs values, by header */
  bad?: Record<string, ExcelValue>;
  mutate?: (ws: Worksheet) => void;
  /** other files in the folder */
  others?: (dir: string) => Promise<void>;
  where: { row: number; status?: Status } | 'summary';
  message: RegExp;
  also?: RegExp[];
  /** checks on the written file beyond the common ones */
  after?: (wb: InspectedWorkbook) => void;
}

const FILE = 'Klimat.xlsx';
const col = (header: string) => HEADERS.indexOf(header) + 1;

export const FILE_CASES: FileCase[] = [
  { name: '#DIV/0! med sparat felresultat', bad: { 'Utfall 2025': { formula: 'F5/0', result: { error: '#DIV/0!' } } as ExcelValue }, where: { row: BAD_ROW }, message: /kalkylbladsfel '#DIV\/0!'/ },
  { name: '#REF! som cellvärde', bad: { 'Utfall 2025': { error: '#REF!' } as ExcelValue }, where: { row: BAD_ROW }, message: /kalkylbladsfel '#REF!'/ },
  { name: 'formel med sparat resultat läses som talet', bad: { 'Utfall 2025': { formula: 'F5+2', result: 12 } as ExcelValue }, where: { row: BAD_ROW, status: 'Positiv' }, message: /12 st \(2025\) mot 10 st \(2024\)/ },
  { name: 'formel utan sparat resultat', bad: { 'Utfall 2025': { formula: 'F5+2' } as ExcelValue }, where: { row: BAD_ROW }, message: /formeln saknar sparat resultat \('=F5\+2'\)/ },
  { name: 'datum där ett tal ska stå', bad: { 'Utfall 2025': new Date('2025-03-01T00:00:00Z') }, mutate: (ws) => (ws.getCell(BAD_ROW, col('Utfall 2025')).numFmt = 'yyyy-mm-dd'), where: { row: BAD_ROW }, message: /ett datum \('2025-03-01'\) där ett tal ska stå/ },
  { name: '50 000 tecken i Utfall', bad: { 'Utfall 2025': 'x'.repeat(50_000) }, where: { row: BAD_ROW }, message: /för lång text/ },
  {
    name: '50 000 tecken i en egen kolumn behålls', bad: { Anteckning: 'å'.repeat(50_000) }, where: { row: BAD_ROW, status: 'Positiv' }, message: /12 st \(2025\) mot 10 st \(2024\)/,
    after: (wb) => expect(sheetOf(wb, 'Mätetal').cells.get(`Q${BAD_ROW}`)?.value).toBe('å'.repeat(50_000)),
  },
  {
    name: 'sammanslagna celler över utfallen', bad: { 'Utfall 2025': null }, mutate: (ws) => ws.mergeCells(BAD_ROW, col('Utfall 2024'), BAD_ROW, col('Utfall 2025')),
    where: { row: BAD_ROW, status: 'Inget värde' }, message: /Utfall 2025 saknas/, also: [/Utfall 2025 saknas/],
    after: (wb) => expect(sheetOf(wb, 'Mätetal').merged).toEqual([`F${BAD_ROW}:G${BAD_ROW}`]),
  },
  {
    name: 'dolda rader bedöms och förblir dolda', mutate: (ws) => (ws.getRow(3).hidden = true), where: { row: BAD_ROW, status: 'Positiv' }, message: /→ Positiv/,
    after: (wb) => expect(sheetOf(wb, 'Mätetal').hiddenRows).toEqual([3]),
  },
  {
    name: 'procentformat och procenttext i samma rad', bad: { Enhet: '%', 'Utfall 2024': 0.369, 'Utfall 2025': '38,0 %' }, mutate: (ws) => (ws.getCell(BAD_ROW, col('Utfall 2024')).numFmt = '0.0%'),
    where: { row: BAD_ROW, status: 'Positiv' }, message: /38 % \(2025\) mot 36,9 % \(2024\): \+1,1 procentenheter/,
  },
  { name: 'okänd Riktning', bad: { Riktning: 'Uppåt' }, where: { row: BAD_ROW }, message: /Riktning 'Uppåt' känns inte igen/ },
  {
    name: 'tom arbetsbok i mappen', others: async (dir) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Blad1');
      await wb.xlsx.writeFile(join(dir, 'Tom.xlsx'));
    },
    where: 'summary', message: /^Tom.*Bladet 'Mätetal' saknas i arbetsboken/, also: [/^Tom.*Bladet '(Målområden|Indikatorer)' saknas/],
  },
  {
    name: 'trasig fil i mappen', others: (dir) => writeFile(join(dir, 'Trasig.xlsx'), 'PK\u0003\u0004 inte en arbetsbok'),
    where: 'summary', message: /Trasig.*Trasig\.xlsx/,
  },
];

function templateSheets(): { name: string; headers: string[]; rows: TemplateCell[][] }[] {
  const plain = (row: unknown[]) => row.map((v) => (v === undefined ? null : (v as TemplateCell)));
  return [
    { name: 'Målområden', headers: ['Målområde', 'Hållbarhetsmål'], rows: [[GOAL, 'Halverade utsläpp 2030'], ['Social hållbarhet', 'Jämlik hälsa']] },
    { name: 'Indikatorer', headers: ['Målområde', 'Indikator', 'Målvärde 2030'], rows: [[GOAL, INDICATOR, '−50 %, basår 2019'], [GOAL, 'Energianvändning', null], ['Social hållbarhet', 'Hälsa', null]] },
    { name: 'Mätetal', headers: HEADERS, rows: [...GOOD.map((g) => plain(g.cells)), plain(badRow({}))] },
    { name: 'Inställningar', headers: ['Inställning', 'Värde'], rows: [['Organisation', 'Region Test'], ['Redovisningsår', 2025]] },
  ];
}

async function buildFile(path: string, c: FileCase): Promise<void> {
  await writeTemplateWorkbook(path, { fileName: FILE, sheets: templateSheets() });
  if (!c.bad && !c.mutate) return;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('Mätetal')!;
  for (const [header, value] of Object.entries(c.bad ?? {})) ws.getCell(BAD_ROW, col(header)).value = value;
  c.mutate?.(ws);
  await wb.xlsx.writeFile(path);
}

const letter = (n: number) => String.fromCharCode(64 + n);
const normType = (t: string) => (t === 's' || t === 'inlineStr' || t === 'str' ? 'string' : t);

function columnOfHeader(wb: InspectedWorkbook, sheet: string, header: string): string | null {
  for (const [addr, cell] of sheetOf(wb, sheet).cells) if (/^[A-Z]+1$/.test(addr) && cell.value === header) return addr.slice(0, -1);
  return null;
}

/** The cells staff typed (everything outside the product's columns) must come back exactly. */
function expectTypedCellsKept(before: InspectedWorkbook, after: InspectedWorkbook): void {
  for (const sheet of before.sheets) {
    const b = sheetOf(after, sheet.name);
    const product = new Set(['Utveckling', 'Förklaring', 'Läge'].map((h) => columnOfHeader(after, sheet.name, h)).filter(Boolean));
    for (const [addr, cell] of sheet.cells) {
      if (product.has(addr.replace(/\d+$/, ''))) continue;
      const a = b.cells.get(addr);
      expect({ value: a?.value, formula: a?.formula, type: normType(a?.type ?? '') }, `${sheet.name}!${addr}`).toEqual({ value: cell.value, formula: cell.formula, type: normType(cell.type) });
    }
    for (const addr of b.cells.keys()) {
      if (!product.has(addr.replace(/\d+$/, '')) && !sheet.cells.has(addr)) expect(b.cells.get(addr)?.value ?? null, `new cell ${sheet.name}!${addr}`).toBeNull();
    }
    expect(b.merged).toEqual(sheet.merged);
    expect(b.hiddenRows).toEqual(sheet.hiddenRows);
  }
}

function cellTexts(wb: InspectedWorkbook, sheet: string): string[] {
  return [...sheetOf(wb, sheet).cells.values()].map((c) => c.value ?? '');
}

const baseGrid = baseline();
const baseRows = productRows(baseGrid, recalculate([baseGrid], { today: '2026-03-01', changedAt: 'x' }).plans[0]!, 'Mätetal');

export async function runFileCase(c: FileCase): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'malkoll-catalogue-'));
  try {
    const path = join(dir, FILE);
    await buildFile(path, c);
    await c.others?.(dir);
    const before = inspectXlsx(await readFile(path));
    const report = await recalcSet({ store: createXlsxWorkbookStore(dir), summary: createXlsxSummaryStore(dir), now: () => new Date('2026-03-01T09:00:00Z') });
    const after = inspectXlsx(await readFile(path));
    const summary = inspectXlsx(await readFile(join(dir, 'Sammanfattning.xlsx')));

    const dev = columnOfHeader(after, 'Mätetal', 'Utveckling')!;
    const expl = columnOfHeader(after, 'Mätetal', 'Förklaring')!;
    const m = sheetOf(after, 'Mätetal');
    const rowOf = (r: number) => ({ status: m.cells.get(`${dev}${r}`)?.value ?? undefined, explanation: m.cells.get(`${expl}${r}`)?.value ?? undefined });

    // 1. the message is where the user sees it
    const expected = [c.message, ...(c.also ?? [])];
    const lines = report.issues.map((i) => plain(i.text));
    if (c.where === 'summary') {
      expect(lines.some((l) => c.message.test(l)), lines.join('\n')).toBe(true);
      const shown = c.message.source.split('.*').at(-1)!.replace(/\\/g, '').replace(/^\^/, '');
      expect(cellTexts(summary, 'Sammanfattning').some((t) => plain(t).includes(shown)), `Sammanfattning.xlsx shows ${shown}`).toBe(true);
    } else {
      const row = rowOf(c.where.row);
      const status = c.where.status ?? 'Fel';
      expect(row.status).toBe(status);
      expect(plain(row.explanation)).toMatch(c.message);
      if (status === 'Fel') {
        expect(row.explanation).toMatch(/^Fel: /);
        const message = row.explanation!.replace(/^Fel: /, '');
        expect(cellTexts(summary, 'Sammanfattning')).toContain(message);
        expected.push(new RegExp(`Mätetal, rad ${c.where.row} `));
      }
    }
    expect(unexpectedLines(lines.filter((l) => !/Manuell bedömning/.test(l)), expected)).toEqual([]);

    // 2. the good rows keep their statuses (and the same sentence the engine gives for them)
    for (const g of GOOD) {
      expect(rowOf(g.row), g.name).toEqual(baseRows.get(g.row));
      expect(rowOf(g.row).status).toBe(g.status);
    }
    // 3. nothing else changes
    expectTypedCellsKept(before, after);
    expect(after.definedNames).toEqual(before.definedNames);
    expect(report.workbooks.find((w) => w.id === FILE)?.outcome).toBe('written');
    c.after?.(after);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export { letter };
