/**
 * Issue "Only Målkoll's cells change": random template-shaped workbooks (generated-workbook.ts: number-like
 * text, empty text cells, rich text, inline and shared strings, shared and array formulas with cached results,
 * dates, booleans, errors, merged cells, rows and cells without `r`, an `x:` prefix, data descriptors) are
 * recalculated through the local adapter. Then every zip entry other than the bookkeeping parts and the
 * product's sheets is byte-identical, stored record included; in the product's sheets every byte outside the
 * product's cells is identical; and openpyxl, exceljs and LibreOffice open every result whose input they
 * open (exceljs cannot read a cell without `r`, openpyxl a shared formula whose master lacks one — files
 * other programs do write) and read the product's words and colours. Runs: 20 by default,
 * MALKOLL_PROPERTY_RUNS for more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createXlsxWorkbookStore } from '../../../shared/adapters/xlsx/index.ts';
import { createXlsxSummaryStore } from '../../../shared/adapters/xlsx/summary-store.ts';
import { recalcSet } from '../../../shared/app/recalc-set.ts';
import { PALETTE } from '../../../shared/engine/model/palette.ts';
import { cellColours, inspectXlsx, sheetOf } from '../../support/xlsx-inspect.ts';
import { diffOutsideProductCells } from '../../support/package-diff.ts';
import { libreOfficeCsvMany, libreOfficeResaveMany } from '../../support/libreoffice.ts';
import { openpyxlCells } from '../../support/openpyxl.ts';
import { generatedOptions, generatedWorkbook, PRODUCT_COLUMNS, SIMPLE, type GeneratedOptions } from './generated-workbook.ts';

const RUNS = Number(process.env.MALKOLL_PROPERTY_RUNS ?? 0) || 20;
const STATUSES = new Set(['Positiv', 'Oförändrad', 'Negativ', 'Inget värde', 'Fel']);
const now = () => new Date('2026-03-01T09:00:00Z');

interface Result {
  file: string;
  /** the generated input, as it was */
  input: string;
  /** Mätetal!H2… as written: word and palette key */
  statuses: { ref: string; word: string }[];
}

let outDir: string;
const results: Result[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'malkoll-patched-'));
});
afterAll(() => rm(outDir, { recursive: true, force: true }));

async function recalcOne(o: GeneratedOptions): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'malkoll-gen-'));
  try {
    const path = join(dir, 'Arbetsbok.xlsx');
    const before = generatedWorkbook(o);
    await writeFile(path, before);
    const report = await recalcSet({ store: createXlsxWorkbookStore(dir), summary: createXlsxSummaryStore(dir), now });
    expect(report.workbooks.map((w) => [w.outcome, w.reason ?? null])).toEqual([['written', null]]);
    const after = await readFile(path);

    const rowsOf = o.metrics.length + o.notes.length + 5;
    const diff = diffOutsideProductCells(before, after, (part) => {
      const columns = PRODUCT_COLUMNS[part];
      if (!columns) return null;
      const refs = new Set<string>();
      for (const c of columns) for (let r = 2; r <= rowsOf; r++) refs.add(`${c}${r}`);
      return refs;
    }, new Set(['xl/worksheets/sheet6.xml']));
    expect(diff).toEqual({ changedEntries: [], missingEntries: [], sheetDifferences: [] });

    // the independent reader sees a status word and its colours in every metric row
    const wb = inspectXlsx(after);
    const metrics = sheetOf(wb, 'Mätetal');
    const statuses = o.metrics.map((_, i) => {
      const ref = `H${i + 2}`;
      const cell = metrics.cells.get(ref);
      const word = cell?.value ?? '';
      expect(STATUSES.has(word), `${ref}: ${word}`).toBe(true);
      expect(cellColours(wb, cell).fill).toBe(PALETTE[word as keyof typeof PALETTE].fill);
      return { ref, word };
    });
    expect(sheetOf(wb, '_malkoll').state).toBe('hidden');
    const file = join(outDir, `wb-${results.length + 1}.xlsx`);
    const input = join(outDir, `in-${results.length + 1}.xlsx`);
    await copyFile(path, file);
    await writeFile(input, before);
    results.push({ file, input, statuses });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe(`patching ${RUNS} generated workbooks`, () => {
  it('changes no byte outside the product cells and their bookkeeping', { timeout: 60_000 + RUNS * 5_000 }, async () => {
    // first two fixed workbooks every reader opens (every cell with its `r`, no prefix), then random ones
    const readable: GeneratedOptions = {
      ...SIMPLE,
      descriptors: true,
      extraColumns: 3,
      metrics: SIMPLE.metrics.map((m) => ({ ...m, extras: [{ kind: 'rich' }, { kind: 'empty-text', inline: false }, { kind: 'error', value: '#N/A' }], omitRowRef: true })),
      notes: [{ text: 'Summa', extras: [{ kind: 'date' }, { kind: 'bool', value: true }, { kind: 'text', text: '00123', inline: true }], omitRowRef: false }],
      sharedFormula: true,
      arrayFormula: true,
      merge: true,
      styledProductCells: true,
    };
    await fc.assert(fc.asyncProperty(generatedOptions, recalcOne), { numRuns: RUNS, examples: [[SIMPLE], [readable]] });
    expect(results.length).toBeGreaterThanOrEqual(RUNS);
  });

  it('openpyxl opens every result it opened as input, and reads the words and colours', { timeout: 120_000 }, async () => {
    const refs = [...new Set(results.flatMap((r) => r.statuses.map((s) => s.ref)))];
    const inputs = await openpyxlCells(results.map((r) => r.input));
    const read = await openpyxlCells(results.map((r) => r.file), { Mätetal: refs });
    const opened = results.filter((r) => inputs[r.input]!.error === undefined);
    expect(opened.length).toBeGreaterThan(0);
    for (const r of opened) {
      expect(read[r.file]!.error, r.file).toBeUndefined();
      for (const s of r.statuses) {
        const cell = read[r.file]!.cells[`Mätetal!${s.ref}`]!;
        expect(cell.value, `${r.file} ${s.ref}`).toBe(s.word);
        expect(cell.fill).toBe(PALETTE[s.word as keyof typeof PALETTE].fill);
        expect(cell.font).toBe(PALETTE[s.word as keyof typeof PALETTE].font);
      }
      expect(read[r.file]!.sheets.at(-1)).toBe('_malkoll');
    }
  });

  it('exceljs opens every result it opened as input, and reads the words and colours', async () => {
    let opened = 0;
    for (const r of results) {
      const load = async (path: string) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
        return wb;
      };
      if (!(await load(r.input).then(() => true, () => false))) continue;
      opened++;
      const wb = await load(r.file);
      const ws = wb.getWorksheet('Mätetal')!;
      for (const s of r.statuses) {
        const cell = ws.getCell(s.ref);
        expect(cell.text).toBe(s.word);
        const fill = cell.fill as ExcelJS.FillPattern;
        expect(fill.fgColor?.argb?.slice(-6)).toBe(PALETTE[s.word as keyof typeof PALETTE].fill);
      }
    }
    expect(opened).toBeGreaterThan(0);
  });

  it('LibreOffice opens every result, shows the words and keeps the colours', { timeout: 600_000 }, async () => {
    const files = results.map((r) => r.file);
    const csv = await libreOfficeCsvMany(files);
    const resaved = await libreOfficeResaveMany(files);
    for (const r of results) {
      const rows = csv.get(r.file)!.get('Mätetal')!;
      const wb = inspectXlsx(resaved.get(r.file)!);
      for (const s of r.statuses) {
        const row = Number(s.ref.slice(1));
        expect(rows[row - 1]?.[7], `${r.file} ${s.ref}`).toBe(s.word);
        expect(cellColours(wb, sheetOf(wb, 'Mätetal').cells.get(s.ref)).fill).toBe(PALETTE[s.word as keyof typeof PALETTE].fill);
      }
    }
  });
});
