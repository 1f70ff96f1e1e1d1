/**
 * The built bundle as deployed (issue 13): `npm run build` into a folder of its own, functions-framework
 * serving it in one process, the Google fake (Sheets, Drive, Cloud Tasks, metadata server) in another,
 * reached only through MALKOLL_GOOGLE_API_ROOT and Application Default Credentials from the metadata
 * server. Nothing of the product is imported into this process except to compute the expected result.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sheets as sheetsClient, auth } from '@googleapis/sheets';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { spawnGoogleServer, type GoogleServerProcess } from '../../shared/testing/google-server/client.ts';
import { cleanEnv, freePort, serveFunction, type FunctionProcess } from '../../shared/testing/functions-process.ts';
import { startKoladaFake, type KoladaFake } from '../../shared/testing/kolada-fake/index.ts';
import { gridFromSpreadsheet, READ_FIELDS } from '../../shared/adapters/sheets/read-grid.ts';
import { recalculate } from '../../shared/engine/recalculate.ts';
import { METRIC_HEADERS, SHEETS } from '../../shared/engine/model/template.ts';
import { computeSignature } from '../../functions/signature.ts';
import { demoWorkbooks } from '../../sheets-templates/demo/index.ts';
import { seedsOf, titleOf } from './support/demo-seeds.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'tmp', `built-e2e-${process.pid}`);
const SECRET = 'built-e2e-secret-0123456789-abcdefghij';
const QUEUE = 'projects/malkoll-test/locations/europe-north1/queues/malkoll-edits';

let google: GoogleServerProcess;
// the demo set has a Kolada-KPI: the scheduled run asks Kolada, here a fake with nothing to say (no network in tests)
let kolada: KoladaFake;
const ids: string[] = [];
let summaryId = '';
const functions: Record<'inline' | 'all' | 'queued', FunctionProcess> = {} as never;

beforeAll(async () => {
  await build({ root, outDir: out });
  google = await spawnGoogleServer({ queues: [QUEUE] });
  for (const wb of demoWorkbooks()) ids.push(await google.createSpreadsheet(titleOf(wb), seedsOf(wb)));
  summaryId = await google.createSpreadsheet('Målkoll – Sammanfattning', [{ name: SHEETS.summary, rows: [] }]);
  const env = {
    ...google.functionEnv(),
    MALKOLL_SIGNING_SECRET: SECRET,
    MALKOLL_SPREADSHEETS: ids.join(','),
    MALKOLL_SUMMARY_SPREADSHEET: summaryId,
    MALKOLL_SHARE_DOMAINS: 'exempelland.se',
    MALKOLL_KOLADA_URL: (kolada = await startKoladaFake()).url,
  };
  const source = (target: string) => path.join(out, 'functions', target);
  functions.inline = await serveFunction({ source: source('onSheetEdit'), target: 'onSheetEdit', env: cleanEnv(env) });
  functions.all = await serveFunction({ source: source('recalculateAll'), target: 'recalculateAll', env: cleanEnv(env) });
  const port = await freePort();
  functions.queued = await serveFunction({
    source: source('onSheetEdit'),
    target: 'onSheetEdit',
    port,
    env: cleanEnv({ ...env, MALKOLL_TASKS_QUEUE: QUEUE, MALKOLL_FUNCTION_URL: `http://127.0.0.1:${port}/` }),
  });
});

afterAll(async () => {
  for (const f of Object.values(functions)) await f?.close();
  await google?.close();
  await kolada?.close();
  rmSync(out, { recursive: true, force: true });
});

afterEach(async () => {
  const state = await google.state();
  expect(state.validationErrors).toEqual([]);
  expect(state.tasksValidationErrors).toEqual([]);
});

/** Reads the set back through the fake's own REST API (a fixed token) and asks the engine what it would write. */
async function pendingWrites(): Promise<Record<string, number>> {
  const oauth = new auth.OAuth2();
  oauth.setCredentials({ access_token: 'oracle', expiry_date: Date.now() + 3_600_000 });
  const sheets = sheetsClient({ version: 'v4', auth: oauth, rootUrl: google.url });
  const grids = [];
  for (const id of ids) grids.push(gridFromSpreadsheet(id, (await sheets.spreadsheets.get({ spreadsheetId: id, includeGridData: true, fields: READ_FIELDS })).data).grid);
  const result = recalculate(grids, { today: new Date().toISOString().slice(0, 10), changedAt: 'x', shareDomains: ['exempelland.se'] });
  return Object.fromEntries(result.plans.map((p) => [p.workbookId, p.writes.length]));
}

function signed(spreadsheetId: string, range: string): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify({ spreadsheetId, sheetName: SHEETS.metrics, range, editedAt: new Date().toISOString() });
  const ts = String(Math.floor(Date.now() / 1000));
  return { headers: { 'content-type': 'application/json', 'x-malkoll-timestamp': ts, 'x-malkoll-signature': computeSignature(SECRET, ts, body) }, body };
}

const post = (f: FunctionProcess, request: { headers?: Record<string, string>; body?: string }) =>
  fetch(f.url, { method: 'POST', headers: request.headers ?? {}, body: request.body ?? '' });

async function callsOn(id: string) {
  return (await google.calls()).filter((c) => c.path.includes(`/${id}`)).map((c) => c.method);
}

/** Finds a Kvalitativ metric row with a manual Positiv and returns where to type a new assessment. */
async function manualRow(id: string) {
  const values = await google.values(id, SHEETS.metrics);
  const col = (h: string) => values[0]!.indexOf(h) + 1;
  const row = values.findIndex((r, i) => i > 0 && r[col(METRIC_HEADERS.direction) - 1] === 'Kvalitativ' && r[col(METRIC_HEADERS.manual) - 1]);
  return row < 0 ? null : { row: row + 1, manual: col(METRIC_HEADERS.manual), development: col(METRIC_HEADERS.development) };
}

describe('the built functions against the fake in its own process', () => {
  it('a signed edit: 200, every workbook holds what the engine computes, the summary is written, credentials came from the metadata server', async () => {
    const res = await post(functions.inline, signed(ids[0]!, 'F7'));
    expect(res.status).toBe(200);
    const report = (await res.json()) as { summary: string };
    expect(report.summary).toBe('written');
    expect(Object.values(await pendingWrites()).every((n) => n === 0)).toBe(true);
    const summary = await google.values(summaryId, SHEETS.summary);
    expect(summary.filter((r) => r[0] === 'Samlad bedömning')).toHaveLength(1);
    expect((await google.state()).tokensIssued).toBeGreaterThanOrEqual(1);
  });

  it('an edit that changes a status: 1 read + 1 write of that workbook, the new status in the cell', async () => {
    let target: { id: string; row: number; manual: number; development: number } | null = null;
    for (const candidate of ids) {
      const found = await manualRow(candidate);
      if (found) {
        target = { id: candidate, ...found };
        break;
      }
    }
    expect(target, 'a Kvalitativ row with a manual assessment in the demo set').not.toBeNull();
    const t = target!;
    const before = (await google.cell(t.id, SHEETS.metrics, t.row, t.development))?.userEnteredValue?.stringValue;
    const next = before === 'Negativ' ? 'Positiv' : 'Negativ';
    await google.type(t.id, SHEETS.metrics, t.row, t.manual, next);
    await google.resetCalls();
    const res = await post(functions.inline, signed(t.id, `A${t.row}`));
    expect(res.status).toBe(200);
    expect(await callsOn(t.id)).toEqual(['sheets.spreadsheets.get', 'sheets.spreadsheets.batchUpdate']);
    expect((await google.cell(t.id, SHEETS.metrics, t.row, t.development))?.userEnteredValue?.stringValue).toBe(next);
  });

  it('recalculateAll: 200, each workbook read once, nothing written when nothing changed', async () => {
    await google.resetCalls();
    const res = await post(functions.all, {});
    expect(res.status).toBe(200);
    for (const id of ids) expect(await callsOn(id)).toEqual(['sheets.spreadsheets.get']);
    expect((await google.calls()).filter((c) => c.method === 'sheets.spreadsheets.batchUpdate')).toEqual([]);
  });

  it('with the queue: the edit is answered 202, the workbook\'s run writes the status, the summary run appends Ändringslogg', async () => {
    let t: { id: string; row: number; manual: number; development: number } | null = null;
    for (const candidate of ids) {
      const found = await manualRow(candidate);
      if (found) t = { id: candidate, ...found };
    }
    expect(t).not.toBeNull();
    const id = t!.id;
    const before = (await google.cell(id, SHEETS.metrics, t!.row, t!.development))?.userEnteredValue?.stringValue;
    const next = before === 'Oförändrad' ? 'Negativ' : 'Oförändrad';
    await google.type(id, SHEETS.metrics, t!.row, t!.manual, next);
    const logBefore = (await google.values(summaryId, SHEETS.changeLog)).length;
    const res = await post(functions.queued, signed(id, `A${t!.row}`));
    expect(res.status).toBe(202);
    expect((await google.tasks()).pending.map((p) => p.name)).toEqual([expect.stringMatching(/\/tasks\/edit-/)]);
    // the workbook's run: its status, and a summary run asked for
    const runs = await google.dispatchTasks(Date.now() + 3_600_000);
    expect(runs.map((d) => d.status)).toEqual([200]);
    expect((await google.cell(id, SHEETS.metrics, t!.row, t!.development))?.userEnteredValue?.stringValue).toBe(next);
    expect((await google.values(summaryId, SHEETS.changeLog)).length).toBe(logBefore);
    expect((await google.tasks()).pending.map((p) => p.name)).toEqual([expect.stringMatching(/\/tasks\/summary-/)]);
    // the summary run: the change reaches Ändringslogg, once
    expect((await google.dispatchTasks(Date.now() + 3_600_000)).map((d) => d.status)).toEqual([200]);
    const log = await google.values(summaryId, SHEETS.changeLog);
    expect(log.slice(logBefore).filter((r) => r[2] === SHEETS.metrics && String(r[3]) === String(t!.row) && r[5] === before && r[6] === next)).toHaveLength(1);
    expect((await google.tasks()).pending).toEqual([]);
    expect(Object.values(await pendingWrites()).every((n) => n === 0)).toBe(true);
  });
});
