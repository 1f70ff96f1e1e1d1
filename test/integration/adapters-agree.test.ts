/**
 * One held-out workbook, two adapters: read into the same engine input (the grids deep-equal but for the id), and
 * the local .xlsx path and the Google path must write identical statuses and Förklaring texts at metric,
 * indicator, goal-area and organisation level. The local side is read back with the independent reader (fflate +
 * fast-xml-parser), the Google side from the fake's cells.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGoogleFake } from '../support/use-google-fake.ts';
import { inspectXlsx, sheetOf, type InspectedWorkbook } from '../support/xlsx-inspect.ts';
import { writeTemplateWorkbook } from '../../shared/adapters/xlsx/create-workbook.ts';
import { createXlsxWorkbookStore } from '../../shared/adapters/xlsx/index.ts';
import { createXlsxSummaryStore, SUMMARY_FILE } from '../../shared/adapters/xlsx/summary-store.ts';
import { createSheetsSummaryStore, createSheetsWorkbookStore } from '../../shared/adapters/sheets/index.ts';
import { recalcSet } from '../../shared/app/recalc-set.ts';
import { SHEETS } from '../../shared/engine/model/template.ts';
import type { WorkbookGrid } from '../../shared/engine/index.ts';
import { heldOutWorkbook } from './support/held-out.ts';
import { seedsOf, titleOf } from './support/demo-seeds.ts';

type Table = (string | null)[][];
const NOW = new Date('2026-02-10T08:00:00Z');
const { fake, sheets, drive } = useGoogleFake();
let dir = '';
let local: InspectedWorkbook;
let localSummary: InspectedWorkbook;
let googleId = '';
let summaryId = '';
/** the workbook as each adapter read it, before either wrote anything */
const read: { local?: WorkbookGrid; google?: WorkbookGrid } = {};

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The independent reader's cells as a table of texts (shared strings resolved by the reader). */
function table(wb: InspectedWorkbook, name: string): Table {
  const out: Table = [];
  for (const [ref, cell] of sheetOf(wb, name).cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const r = Number(m[2]) - 1;
    const c = columnIndex(m[1]!);
    while (out.length <= r) out.push([]);
    out[r]![c] = cell.value === '' ? null : cell.value;
  }
  return out.map((row) => Array.from(row, (v) => v ?? null));
}

function googleTable(id: string, name: string): Table {
  return fake.getSheetValues(id, name).map((row) => row.map((v) => (v === null ? null : String(v))));
}

/** The product's two columns per row, keyed by the row's identifying cells, from a table with headers in row 1. */
function written(t: Table, keys: string[]): string[][] {
  const headers = t[0]!;
  const at = (h: string) => headers.indexOf(h);
  for (const h of [...keys, 'Utveckling', 'Förklaring']) expect(at(h), h).toBeGreaterThanOrEqual(0);
  return t.slice(1)
    .filter((row) => row[at('Utveckling')] !== undefined && row[at('Utveckling')] !== null)
    .map((row) => [...keys.map((k) => row[at(k)] ?? ''), row[at('Utveckling')] ?? '', row[at('Förklaring')] ?? '']);
}

beforeAll(async () => {
  const wb = heldOutWorkbook();
  dir = mkdtempSync(path.join(tmpdir(), 'malkoll-agree-'));
  await writeTemplateWorkbook(path.join(dir, wb.fileName), wb);
  read.local = (await createXlsxWorkbookStore(dir).read({ id: wb.fileName, name: titleOf(wb) })).grid;
  const localReport = await recalcSet({ store: createXlsxWorkbookStore(dir), summary: createXlsxSummaryStore(dir), now: () => NOW });
  expect(localReport.workbooks.map((w) => w.outcome)).toEqual(['written']);
  local = inspectXlsx(readFileSync(path.join(dir, wb.fileName)));
  localSummary = inspectXlsx(readFileSync(path.join(dir, SUMMARY_FILE)));

  googleId = fake.createSpreadsheet('Provland', seedsOf(wb));
  summaryId = fake.createSpreadsheet('Sammanfattning', [{ name: SHEETS.summary, rows: [] }]);
  read.google = (await createSheetsWorkbookStore({ sheets, spreadsheetIds: [googleId] }).read({ id: googleId, name: googleId })).grid;
  fake.calls.reset();
  const googleReport = await recalcSet({
    store: createSheetsWorkbookStore({ sheets, spreadsheetIds: [googleId] }),
    summary: createSheetsSummaryStore({ sheets, drive, summarySpreadsheetId: summaryId, driveFolderId: null, shareDomains: [] }),
    now: () => NOW,
  });
  expect(googleReport.workbooks.map((w) => w.outcome)).toEqual(['written']);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the same held-out workbook through both adapters', () => {
  it('is read into the same engine input: the grids deep-equal but for the id', () => {
    expect(read.local!.sheets.length).toBeGreaterThan(3);
    expect({ ...read.google!, id: '' }).toStrictEqual({ ...read.local!, id: '' });
  });

  const levels = [
    { sheet: SHEETS.metrics, keys: ['Målområde', 'Indikator', 'Mätetal'], rows: 12 },
    { sheet: SHEETS.indicators, keys: ['Målområde', 'Indikator'], rows: 5 },
    { sheet: SHEETS.goalAreas, keys: ['Målområde'], rows: 3 },
  ];
  it.each(levels)('$sheet: identical Utveckling and Förklaring', ({ sheet, keys, rows }) => {
    const fromXlsx = written(table(local, sheet), keys);
    const fromSheets = written(googleTable(googleId, sheet), keys);
    expect(fromXlsx).toHaveLength(rows);
    expect(fromSheets).toEqual(fromXlsx);
  });

  it('the workbook exercises every status, so agreement means something', () => {
    const statuses = new Set(written(table(local, SHEETS.metrics), ['Mätetal']).map((r) => r[1]));
    expect([...statuses].sort()).toEqual(['Fel', 'Inget värde', 'Negativ', 'Oförändrad', 'Positiv']);
    const metrics = Object.fromEntries(written(table(local, SHEETS.metrics), ['Mätetal']).map((r) => [r[0], r]));
    expect(metrics['Slutenvårdens förskrivning']![2]).toMatch(/^Fel:/);
    expect(metrics['Friskvård']![1]).toBe('Fel');
    expect(metrics['Upplevd kvalitet']![1]).toBe('Positiv');
    expect(metrics['Bemötande']![1]).toBe('Inget värde');
    const indicators = Object.fromEntries(written(table(local, SHEETS.indicators), ['Indikator']).map((r) => [r[0], r]));
    expect(indicators['Energianvändning']![1]).toBe(metrics['Verksamhetsel']![1]); // Styrande mätetal decides
    expect(indicators['Patientnöjdhet']![1]).toBe('Negativ'); // override
  });

  it('organisation level: the same "Samlad bedömning" row in both summaries', () => {
    const overall = (t: Table) => t.filter((r) => r[0] === 'Samlad bedömning');
    const fromXlsx = overall(table(localSummary, SHEETS.summary));
    const fromSheets = overall(googleTable(summaryId, SHEETS.summary));
    expect(fromXlsx).toHaveLength(1);
    expect(fromSheets).toHaveLength(1);
    expect(fromSheets[0]!.slice(0, 3)).toEqual(fromXlsx[0]!.slice(0, 3));
  });

  it('the Google path used 1 read and 1 write on the workbook', () => {
    const on = fake.calls.requests.filter((r) => r.url.pathname.includes(googleId)).map((r) => r.method);
    expect(on.sort()).toEqual(['sheets.spreadsheets.batchUpdate', 'sheets.spreadsheets.get']);
    expect(fake.validationErrors).toEqual([]);
  });
});
