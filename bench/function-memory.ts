/**
 * The deployed function's memory (issue 13): the built bundle under functions-framework in a process of its
 * own, with the Node options deploy sets, the Google fake (Sheets, Drive, Cloud Tasks, metadata) in another,
 * reached through MALKOLL_GOOGLE_API_ROOT, with the environment deploy sets (FUNCTION_ENV). A 10,000-metric workbook is recalculated once by a first process
 * (its statuses, summary and cached model exist, as in a running region); then a person changes an outcome
 * and a FRESH process serves the signed edit as deployed with the queue: the trigger's call (202), the
 * workbook's run and the set's summary run, all three. Its peak resident set (VmHWM) is read from outside.
 * @module
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../scripts/build.ts';
import { FUNCTION_ENV, nodeOptionsFor } from '../scripts/function-runtime.ts';
import { spawnGoogleServer, type GoogleServerProcess } from '../shared/testing/google-server/client.ts';
import { cleanEnv, freePort, serveFunction } from '../shared/testing/functions-process.ts';
import { computeSignature } from '../functions/signature.ts';
import { LAST_YEAR, fixtureSheets, metricHeaders, toSeeds } from './workbook-fixture.ts';
import { SIGNING_SECRET } from './google-env.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const QUEUE = 'projects/malkoll-bench/locations/europe-north1/queues/malkoll-edits';

export interface FunctionMemoryResult {
  metrics: number;
  nodeOptions: string;
  /** a fresh process serving one signed edit that changes a status (trigger call, workbook run, summary run) */
  editPeakMb: number;
  /** the very first run of the workbook (every status written, the summary laid out) */
  firstRunPeakMb: number;
  idleMb: number;
  /** the same process's peak once the workbook's run was served, before the summary run */
  workbookRunPeakMb: number;
  editMs: number;
}

async function serveEdit(google: GoogleServerProcess, out: string, env: Record<string, string>, nodeOptions: string, id: string, row: number) {
  const port = await freePort();
  const fn = await serveFunction({
    source: path.join(out, 'functions/onSheetEdit'),
    target: 'onSheetEdit',
    port,
    nodeOptions: nodeOptions.split(' '),
    env: cleanEnv({ ...env, ...FUNCTION_ENV, MALKOLL_TASKS_QUEUE: QUEUE, MALKOLL_FUNCTION_URL: `http://127.0.0.1:${port}/` }),
  });
  try {
    const idle = fn.peakRssMb() ?? Number.NaN;
    const body = JSON.stringify({ spreadsheetId: id, sheetName: 'Mätetal', range: `A${row}`, editedAt: new Date().toISOString() });
    const ts = String(Math.floor(Date.now() / 1000));
    const started = performance.now();
    const res = await fetch(fn.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-malkoll-timestamp': ts, 'x-malkoll-signature': computeSignature(SIGNING_SECRET, ts, body) }, body });
    if (res.status !== 202) throw new Error(`bench: the edit was answered ${res.status}: ${await res.text()}`);
    // as Cloud Tasks would: the workbook's run (delivered at once: its 5-second bucket changes nothing measured), then
    // the summary run it asked for, not before it is due (its name is its 30-second bucket, used once)
    let afterWorkbookRun = Number.NaN;
    for (const run of ['workbook', 'summary']) {
      if (run === 'summary') {
        afterWorkbookRun = fn.peakRssMb() ?? Number.NaN;
        const due = Math.max(0, ...(await google.tasks()).pending.map((t) => t.scheduleTime));
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
      }
      const delivered = await google.dispatchTasks(run === 'workbook' ? Date.now() + 3_600_000 : Date.now());
      if (delivered.length !== 1 || delivered[0]!.status !== 200) throw new Error(`bench: the ${run} run failed: ${JSON.stringify(delivered)}\n${fn.output().slice(-2000)}`);
    }
    return { peak: fn.peakRssMb() ?? Number.NaN, idle, afterWorkbookRun, ms: performance.now() - started };
  } finally {
    await fn.close();
  }
}

export async function measureFunctionMemory(metrics = 10_000): Promise<FunctionMemoryResult> {
  const out = path.join(ROOT, 'tmp', `bench-function-${process.pid}`);
  await build({ root: ROOT, outDir: out });
  const google = await spawnGoogleServer({ queues: [QUEUE] });
  try {
    const id = await google.createSpreadsheet('Klimat', toSeeds(fixtureSheets({ metrics })));
    const summary = await google.createSpreadsheet('Sammanfattning', [{ name: 'Blad1', rows: [] }]);
    const env = { ...google.functionEnv(), MALKOLL_SIGNING_SECRET: SIGNING_SECRET, MALKOLL_SPREADSHEETS: id, MALKOLL_SUMMARY_SPREADSHEET: summary };
    const nodeOptions = nodeOptionsFor('onSheetEdit');
    const first = await serveEdit(google, out, env, nodeOptions, id, 2);
    // metric 1 (Minska) falls below its target: its status changes
    await google.type(id, 'Mätetal', 2, metricHeaders(10).indexOf(`Utfall ${LAST_YEAR}`) + 1, 500);
    const edit = await serveEdit(google, out, env, nodeOptions, id, 2);
    const state = await google.state();
    if (state.validationErrors.length) throw new Error(`bench: the fake refused requests: ${state.validationErrors.join('; ')}`);
    return { metrics, nodeOptions, editPeakMb: edit.peak, firstRunPeakMb: first.peak, idleMb: edit.idle, workbookRunPeakMb: edit.afterWorkbookRun, editMs: edit.ms };
  } finally {
    await google.close();
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await measureFunctionMemory(Number(process.argv[2] ?? 10_000)));
}
