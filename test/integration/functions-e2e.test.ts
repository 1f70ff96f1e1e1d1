/**
 * End to end on a real functions-framework server: signed edit → onSheetEdit → production recalculation
 * through the real googleapis clients → the msw Google fake, seeded with the demo set.
 */
import * as functions from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { http, passthrough } from 'msw';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellSeed, SheetSeed } from '../../shared/testing/google-fake/index.ts';
import { useGoogleFake } from '../support/use-google-fake.ts';
import { spreadsheetResource } from '../../shared/testing/google-fake/sheets-state.ts';
import { parseConfig } from '../../shared/config.ts';
import { createProductionRecalc } from '../../shared/app/production.ts';
import { isoDateInStockholm } from '../../shared/app/recalc-set.ts';
import { gridFromSpreadsheet } from '../../shared/adapters/sheets/read-grid.ts';
import { hexOf } from '../../shared/adapters/sheets/cell-format.ts';
import { recalculate } from '../../shared/engine/recalculate.ts';
import { PALETTE } from '../../shared/engine/model/palette.ts';
import { METRIC_HEADERS, SETTING_NAMES, SHEETS } from '../../shared/engine/model/template.ts';
import { relaxFrameworkJsonParsing } from '../../functions/framework-json.ts';
import { createOnSheetEdit } from '../../functions/on-sheet-edit.ts';
import { createRecalculateAll } from '../../functions/recalculate-all.ts';
import { computeSignature } from '../../functions/signature.ts';
import { demoWorkbooks } from '../../sheets-templates/demo/index.ts';
import { SHARE_WITH } from '../../sheets-templates/demo/environment.ts';
import { seedsOf, titleOf } from './support/demo-seeds.ts';
import { startKoladaFake, type KoladaFake } from '../../shared/testing/kolada-fake/index.ts';

const SECRET = 'e2e-secret-0123456789-abcdefghijklmnopq';
const NOW = new Date('2026-03-02T09:00:00Z');
const REFUSED_ADDRESS = 'extern@annan.se';
const STATUS_WORDS = ['Positiv', 'Oförändrad', 'Negativ', 'Inget värde', 'Fel'] as const;

const { fake, ...clients } = useGoogleFake();
const ids: string[] = [];
let summaryId = '';
let editUrl = '';
let allUrl = '';
const servers: Server[] = [];
// the demo set has a Kolada-KPI: the scheduled run asks Kolada, here a fake with nothing to say (no network in tests)
let kolada: KoladaFake;

/** The demo set, with one address outside the allowed domain added to `Sammanfattning delas med`. */
function demoSeeds(): { title: string; seeds: SheetSeed[] }[] {
  return demoWorkbooks().map((wb) => ({
    title: titleOf(wb),
    seeds: seedsOf(wb).map((sheet) =>
      sheet.name !== SHEETS.settings
        ? sheet
        : { ...sheet, rows: sheet.rows.map((r) => (r[0] === SETTING_NAMES.shareWith ? [r[0], `${SHARE_WITH}, ${REFUSED_ADDRESS}`] : r)) },
    ),
  }));
}

async function listen(target: string): Promise<string> {
  const server = getTestServer(target);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

beforeAll(async () => {
  fake.server.use(http.all(/^http:\/\/127\.0\.0\.1/, () => passthrough()));
  for (const { title, seeds } of demoSeeds()) ids.push(fake.createSpreadsheet(title, seeds));
  summaryId = fake.createSpreadsheet('Målkoll – Sammanfattning', [{ name: SHEETS.summary, rows: [] }]);
  const config = parseConfig({
    MALKOLL_SIGNING_SECRET: SECRET,
    MALKOLL_SPREADSHEETS: ids.join(','),
    MALKOLL_SUMMARY_SPREADSHEET: summaryId,
    MALKOLL_SHARE_DOMAINS: 'exempelland.se',
    MALKOLL_KOLADA_URL: (kolada = await startKoladaFake()).url,
  });
  const production = createProductionRecalc(config, { ...clients, now: () => NOW });
  expect(relaxFrameworkJsonParsing()).toBe(true);
  const quiet = () => {};
  functions.http('onSheetEdit', createOnSheetEdit({ config, recalculate: (id, edit) => production.recalculate(id, edit), log: quiet }));
  functions.http('recalculateAll', createRecalculateAll({ recalculateAll: () => production.recalculateAll(), log: quiet }));
  editUrl = await listen('onSheetEdit');
  allUrl = await listen('recalculateAll');
});

afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
  await kolada?.close();
});

let editNo = 0;
function editBody(spreadsheetId: string, range = 'F7'): string {
  editNo += 1;
  return JSON.stringify({ spreadsheetId, sheetName: SHEETS.metrics, range, editedAt: new Date(NOW.getTime() + editNo * 1000).toISOString() });
}
function signedHeaders(raw: string, secret = SECRET, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return { 'content-type': 'application/json', 'x-malkoll-timestamp': String(timestamp), 'x-malkoll-signature': computeSignature(secret, String(timestamp), raw) };
}
const postEdit = (raw: string, headers: Record<string, string>) => fetch(editUrl, { method: 'POST', headers, body: raw });

/** Calls that touched one spreadsheet (Sheets path or Drive file path), by method. */
function callsOn(id: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of fake.calls.requests) if (r.url.pathname.includes(`/${id}`)) out[r.method] = (out[r.method] ?? 0) + 1;
  return out;
}
const writesOn = (id: string) => callsOn(id)['sheets.spreadsheets.batchUpdate'] ?? 0;

/** The engine's own answer for the set as the fake holds it now (the oracle for what must be written). */
function expectedPlans() {
  const grids = ids.map((id) => gridFromSpreadsheet(id, spreadsheetResource(fake.getSpreadsheet(id), true)).grid);
  return recalculate(grids, { today: isoDateInStockholm(NOW), changedAt: NOW.toISOString(), shareDomains: ['exempelland.se'] });
}

function columnOf(id: string, sheet: string, header: string): number {
  const headers = fake.getSheetValues(id, sheet)[0] ?? [];
  const i = headers.indexOf(header);
  expect(i, `${sheet}!${header}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

describe('refused calls touch no Google API', () => {
  const cases = [
    { name: 'unsigned', status: 401, request: () => { const b = editBody(ids[0]!); return { body: b, headers: { 'content-type': 'application/json' } }; } },
    { name: 'wrong signature', status: 401, request: () => { const b = editBody(ids[0]!); return { body: b, headers: signedHeaders(b, 'x'.repeat(40)) }; } },
    { name: 'stale timestamp', status: 401, request: () => { const b = editBody(ids[0]!); return { body: b, headers: signedHeaders(b, SECRET, Math.floor(Date.now() / 1000) - 301) }; } },
    { name: 'unknown spreadsheet', status: 403, request: () => { const b = editBody('1NotConfigured_abc'); return { body: b, headers: signedHeaders(b) }; } },
  ];
  it.each(cases)('$name → $status', async ({ request, status }) => {
    fake.calls.reset();
    const { body, headers } = request();
    const res = await postEdit(body, headers);
    expect(res.status).toBe(status);
    expect(fake.calls.count()).toBe(0);
  });
});

describe('signed edits on the demo set', () => {
  it('first edit: 200, and the fake holds the statuses, colours and explanations the engine computes', async () => {
    const expected = expectedPlans();
    fake.calls.reset();
    const raw = editBody(ids[0]!);
    const res = await postEdit(raw, signedHeaders(raw));
    expect(res.status).toBe(200);
    const report = (await res.json()) as { summary: string; workbooks: { id: string; outcome: string }[] };
    expect(report.summary).toBe('written');
    // nothing cached yet: every workbook is read once, written at most once
    for (const id of ids) {
      expect(callsOn(id)['sheets.spreadsheets.get']).toBe(1);
      expect(writesOn(id)).toBeLessThanOrEqual(1);
    }
    // the division's workbook (issue 15) holds only its agendapyramid: none of the product's cells to write there
    const onlyPyramid = new Set(expected.models.filter((m) => m.metrics.length + m.indicators.length + m.goalAreas.length === 0).map((m) => m.workbookId));
    expect(onlyPyramid.size).toBe(1);
    for (const plan of expected.plans) {
      if (onlyPyramid.has(plan.workbookId)) expect(plan.writes).toEqual([]);
      else expect(plan.writes.length).toBeGreaterThan(0);
      for (const w of plan.writes) {
        const cell = fake.getCell(plan.workbookId, w.sheet, w.rowNumber, w.columnNumber);
        expect(cell?.userEnteredValue?.stringValue, `${w.sheet}!R${w.rowNumber}C${w.columnNumber}`).toBe(w.value);
        expect(hexOf(cell?.userEnteredFormat?.backgroundColor)).toBe(PALETTE[w.style].fill);
        expect(hexOf(cell?.userEnteredFormat?.textFormat?.foregroundColor)).toBe(PALETTE[w.style].font);
      }
    }
  });

  it('every metric row carries a status word, its palette colour, and a Förklaring ("Fel:" for errors)', () => {
    let fel = 0;
    for (const id of ids) {
      const values = fake.getSheetValues(id, SHEETS.metrics);
      const metricCol = columnOf(id, SHEETS.metrics, METRIC_HEADERS.metric);
      const devCol = columnOf(id, SHEETS.metrics, METRIC_HEADERS.development);
      const expCol = columnOf(id, SHEETS.metrics, METRIC_HEADERS.explanation);
      values.slice(1).forEach((row, i) => {
        if (!row[metricCol - 1]) return;
        const word = row[devCol - 1] as (typeof STATUS_WORDS)[number];
        expect(STATUS_WORDS).toContain(word);
        const cell = fake.getCell(id, SHEETS.metrics, i + 2, devCol);
        expect(hexOf(cell?.userEnteredFormat?.backgroundColor)).toBe(PALETTE[word].fill);
        const explanation = String(row[expCol - 1] ?? '');
        expect(explanation.length).toBeGreaterThan(5);
        if (word === 'Fel') {
          fel++;
          expect(explanation).toMatch(/^Fel:/);
        }
      });
    }
    expect(fel).toBeGreaterThanOrEqual(1); // the demo holds one broken row on purpose
  });

  it('the summary: one "Samlad bedömning" row, native charts, Ändringslogg, read-only sharing within the allowed domain', () => {
    const summary = fake.getSheetValues(summaryId, SHEETS.summary);
    const overall = summary.filter((r) => r[0] === 'Samlad bedömning');
    expect(overall).toHaveLength(1);
    expect(STATUS_WORDS).toContain(overall[0]![1]);
    const sheet = fake.getSpreadsheet(summaryId).sheets.find((s) => s.properties.title === SHEETS.summary)!;
    expect(sheet.charts.length).toBeGreaterThan(0);
    const log = fake.getSheetValues(summaryId, SHEETS.changeLog);
    expect(log[0]).toEqual(['Tidpunkt', 'Arbetsbok', 'Blad', 'Rad', 'Avser', 'Från', 'Till', 'Orsak']);
    const file = fake.drive.files.get(summaryId)!;
    const granted = file.permissions.filter((p) => p.role !== 'owner');
    expect(granted.map((p) => [p.type, p.emailAddress, p.role]).sort()).toEqual([
      ['group', 'koncernledning@exempelland.se', 'reader'],
      ['user', 'regiondirektor@exempelland.se', 'reader'],
    ]);
    expect(granted.some((p) => p.emailAddress === REFUSED_ADDRESS)).toBe(false);
    const refused = summary.flat().filter((c) => typeof c === 'string' && c.includes(REFUSED_ADDRESS));
    expect(refused.length).toBeGreaterThan(0); // listed as refused in the data-quality section
  });

  it('an edit that changes a status: 1 read + 1 write on that workbook, none on the other, summary + Ändringslogg updated', async () => {
    const id = ids.find((i) => fake.getSheetValues(i, SHEETS.metrics).some((r) => r.includes('Kvalitativ')))!;
    const values = fake.getSheetValues(id, SHEETS.metrics);
    const dirCol = columnOf(id, SHEETS.metrics, METRIC_HEADERS.direction);
    const manualCol = columnOf(id, SHEETS.metrics, METRIC_HEADERS.manual);
    const devCol = columnOf(id, SHEETS.metrics, METRIC_HEADERS.development);
    const rowIndex = values.findIndex((r) => r[dirCol - 1] === 'Kvalitativ' && r[manualCol - 1] === 'Positiv');
    expect(rowIndex).toBeGreaterThan(0);
    expect(values[rowIndex]![devCol - 1]).toBe('Positiv');
    // a person types Negativ (through the API here: the fake has no UI)
    await clients.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ updateCells: { start: { sheetId: fake.getSpreadsheet(id).sheets[0]!.properties.sheetId, rowIndex, columnIndex: manualCol - 1 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'Negativ' } }] }], fields: 'userEnteredValue' } }] },
    });
    const logBefore = fake.getSheetValues(summaryId, SHEETS.changeLog).length;
    fake.calls.reset();
    const range = `${String.fromCharCode(64 + manualCol)}${rowIndex + 1}`;
    const raw = editBody(id, range);
    const res = await postEdit(raw, signedHeaders(raw));
    expect(res.status).toBe(200);
    expect(callsOn(id)).toEqual({ 'sheets.spreadsheets.get': 1, 'sheets.spreadsheets.batchUpdate': 1 });
    for (const other of ids.filter((i) => i !== id)) expect(callsOn(other)).toEqual({});
    expect(callsOn(summaryId)['sheets.spreadsheets.values.batchGet']).toBe(1);
    expect(writesOn(summaryId)).toBe(1);
    expect(fake.getCell(id, SHEETS.metrics, rowIndex + 1, devCol)?.userEnteredValue?.stringValue).toBe('Negativ');
    const log = fake.getSheetValues(summaryId, SHEETS.changeLog);
    expect(log.length).toBeGreaterThan(logBefore);
    const added = log.slice(logBefore);
    expect(added.some((r) => r[5] === 'Positiv' && r[6] === 'Negativ' && String(r[7]).includes(`Redigering av ${SHEETS.metrics}!${range}`))).toBe(true);
    // sharing was not repeated: no duplicate permission, no second notification
    const perms = fake.drive.files.get(summaryId)!.permissions.filter((p) => p.role === 'reader');
    expect(perms).toHaveLength(2);
    expect(fake.drive.notifications.filter((n) => n.fileId === summaryId)).toHaveLength(2);
  });

  it('the same edit again: 1 read and 0 writes on the workbook, no summary write', async () => {
    const id = ids.find((i) => fake.getSheetValues(i, SHEETS.metrics).some((r) => r.includes('Kvalitativ')))!;
    fake.calls.reset();
    const raw = editBody(id);
    const res = await postEdit(raw, signedHeaders(raw));
    expect(res.status).toBe(200);
    expect(callsOn(id)).toEqual({ 'sheets.spreadsheets.get': 1 });
    expect(writesOn(summaryId)).toBe(0);
    expect(fake.calls.count('sheets.spreadsheets.batchUpdate')).toBe(0);
  });

  it('recalculateAll reads each workbook exactly once and writes nothing when nothing changed', async () => {
    fake.calls.reset();
    const res = await fetch(allUrl, { method: 'POST' });
    expect(res.status).toBe(200);
    for (const id of ids) expect(callsOn(id)).toEqual({ 'sheets.spreadsheets.get': 1 });
    expect(writesOn(summaryId)).toBe(0);
    expect(fake.calls.count('drive.permissions.create')).toBe(0);
  });
});

// keeps the CellSeed import honest: demo seeds are plain cells, percent cells and dates only
const _kinds: CellSeed[] = [{ percent: 0.5 }, { date: '2026-01-01' }];
void _kinds;
