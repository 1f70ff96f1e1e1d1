/**
 * Issue "Reliability and security", item 2: nothing typed is ever lost. fast-check generates random
 * workbooks (metrics, Swedish-formatted outcomes, extra columns, notes rows, text typed into the product's
 * columns) and random edit sequences; after every edit the set is recalculated through the LOCAL xlsx
 * adapter (files in a temp dir, recalcSet) and through the GOOGLE adapter (msw fake, real clients), and
 * every cell outside Utveckling/Förklaring/Läge and `_malkoll` must still hold what the "user" typed.
 * Local files are read back with the independent reader (test/support/xlsx-inspect.ts), and compared byte for
 * byte with the file as the "user" left it: every part but the bookkeeping ones identical, and in the sheets
 * every byte outside the product's cells (test/support/package-diff.ts).
 *
 * Runs: 30 local + 100 Google by default (npm test stays fast). Soak/benchmark mode:
 *   MALKOLL_PROPERTY_RUNS=10000 npx vitest run test/reliability/nothing-typed-is-lost.test.ts
 * runs that many of each.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import XlsxPopulate from 'xlsx-populate';
import { writeTemplateWorkbook } from '../../shared/adapters/xlsx/create-workbook.ts';
import { createXlsxWorkbookStore } from '../../shared/adapters/xlsx/index.ts';
import { createXlsxSummaryStore } from '../../shared/adapters/xlsx/summary-store.ts';
import { createSheetsSummaryStore, createSheetsWorkbookStore } from '../../shared/adapters/sheets/index.ts';
import { recalcSet } from '../../shared/app/recalc-set.ts';
import { useGoogleFake } from '../support/use-google-fake.ts';
import { inspectXlsx } from '../support/xlsx-inspect.ts';
import { diffOutsideProductCells, productColumnCells, stateParts } from '../support/package-diff.ts';
import { applyEdit, lostCells, scenario, type Scenario, type TypedSheet } from './typed-workbook.ts';

const SOAK = Number(process.env.MALKOLL_PROPERTY_RUNS ?? 0);
const LOCAL_RUNS = SOAK > 0 ? SOAK : 30;
const GOOGLE_RUNS = SOAK > 0 ? SOAK : 100;
const TIMEOUT = Math.max(120_000, (LOCAL_RUNS + GOOGLE_RUNS) * 2_000);
const now = () => new Date('2026-03-01T09:00:00Z');
const clone = (sheets: TypedSheet[]): TypedSheet[] => sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) }));
const letters = (n: number): string => (n <= 0 ? '' : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
const decode = (addr: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  return { column: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
};

let localRuns = 0;
let googleRuns = 0;
let recalcs = 0;

async function checkLocal(s: Scenario): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'malkoll-typed-'));
  try {
    const typed = clone(s.sheets);
    const path = join(dir, 'Arbetsbok.xlsx');
    await writeTemplateWorkbook(path, {
      fileName: 'Arbetsbok.xlsx',
      sheets: typed.map((t) => ({ name: t.name, headers: t.rows[0] as string[], rows: t.rows.slice(1) })),
    });
    const recalc = async () => {
      recalcs++;
      const before = await readFile(path);
      await recalcSet({ store: createXlsxWorkbookStore(dir), summary: createXlsxSummaryStore(dir), now });
      const after = await readFile(path);
      const wb = inspectXlsx(after);
      expect(diffOutsideProductCells(before, after, productColumnCells(wb, inspectXlsx(before)), stateParts(wb))).toEqual({ changedEntries: [], missingEntries: [], sheetDifferences: [] });
      for (const sheet of typed) {
        const inspected = wb.sheets.find((x) => x.name === sheet.name)!;
        const at = (r: number, c: number) => inspected.cells.get(`${letters(c)}${r}`)?.value ?? null;
        let maxRow = 0;
        let maxColumn = 0;
        for (const addr of inspected.cells.keys()) {
          const { row, column } = decode(addr);
          maxRow = Math.max(maxRow, row);
          maxColumn = Math.max(maxColumn, column);
        }
        expect(lostCells(sheet, at, maxColumn, maxRow)).toEqual([]);
      }
    };
    await recalc();
    for (const [i, edit] of s.edits.entries()) {
      // the person edits the file in their spreadsheet program
      const cells = applyEdit(typed, edit, i);
      const wb = await XlsxPopulate.fromDataAsync(await readFile(path));
      for (const c of cells) wb.sheet('Mätetal')!.cell(c.row, c.column).value(c.value);
      await writeFile(path, await wb.outputAsync());
      await recalc();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  localRuns++;
}

const { fake, sheets, drive } = useGoogleFake();
const fast = { sleep: async () => {}, random: () => 0, retries: 2 };

async function checkGoogle(s: Scenario): Promise<void> {
  const typed = clone(s.sheets);
  const id = fake.createSpreadsheet('Arbetsbok', typed.map((t) => ({ name: t.name, rows: t.rows })));
  const summaryId = fake.createSpreadsheet('Sammanfattning', [{ name: 'Blad1', rows: [] }]);
  const recalc = async () => {
    recalcs++;
    await recalcSet({
      store: createSheetsWorkbookStore({ sheets, spreadsheetIds: [id], retry: fast }),
      summary: createSheetsSummaryStore({ sheets, drive, summarySpreadsheetId: summaryId, driveFolderId: null, shareDomains: [], retry: fast }),
      now,
    });
    for (const sheet of typed) {
      const values = fake.getSheetValues(id, sheet.name);
      const at = (r: number, c: number) => {
        const v = values[r - 1]?.[c - 1];
        return v === null || v === undefined ? null : String(v);
      };
      expect(lostCells(sheet, at, Math.max(...values.map((r) => r.length)), values.length)).toEqual([]);
    }
  };
  await recalc();
  for (const [i, edit] of s.edits.entries()) {
    for (const c of applyEdit(typed, edit, i)) fake.typeCell(id, 'Mätetal', c.row, c.column, c.value);
    await recalc();
  }
  googleRuns++;
}

describe(`nothing typed is lost: ${LOCAL_RUNS} random workbooks through the local xlsx adapter`, () => {
  it('keeps every typed cell outside the product columns after every edit', { timeout: TIMEOUT }, async () => {
    await fc.assert(fc.asyncProperty(scenario, checkLocal), { numRuns: LOCAL_RUNS });
  });
});

describe(`nothing typed is lost: ${GOOGLE_RUNS} random workbooks through the Google adapter (msw fake)`, () => {
  it('keeps every typed cell outside the product columns after every edit', { timeout: TIMEOUT }, async () => {
    await fc.assert(fc.asyncProperty(scenario, checkGoogle), { numRuns: GOOGLE_RUNS });
  });
});

afterAll(() => {
  console.log(`nothing-typed-is-lost: ${localRuns} local + ${googleRuns} Google workbooks, ${recalcs} recalculations checked`);
});
