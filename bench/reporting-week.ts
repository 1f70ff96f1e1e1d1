/**
 * A region's reporting week, simulated (issue 13): 7 workbooks, each edited 5 times a minute, for 60
 * simulated minutes, through the real onSheetEdit handler, the production wiring and the real googleapis
 * clients, against the Google fake with Google's per-minute quotas (60 reads and 60 writes per user, 300
 * per project; beyond them 429 with Google's body) and 300 ms per call, and the Cloud Tasks fake running
 * one task at a time with the queue's retry settings. Time is simulated (virtual-clock.ts).
 *
 * An edit: a person types a new outcome (in the fake), the trigger's signed call arrives 1 s later (an
 * assumption: Google documents no trigger latency), the handler queues the workbook's run; runs ask for
 * the set's summary run. Measured from the fake's call log:
 * - edit → status: from the edit to the end of the first workbook read after it (the status is then the
 *   one that read computes) plus that run's write, if it wrote;
 * - edits without recalculation: edits no read of their workbook came after;
 * - writes per minute: the most Sheets writes Google admitted in any 60 s window;
 * - final statuses right: after the queue drains, every workbook's product cells equal a fresh
 *   recalculation of its final inputs, and the summary's content is the fresh summary's.
 * @module
 */
import { setupServer } from 'msw/node';
import { auth } from '@googleapis/sheets';
import { createGoogleFake, fakeClients, SHEETS_QUOTAS, WRITE_METHODS } from '../shared/testing/google-fake/index.ts';
import { cellFromSeed, spreadsheetResource } from '../shared/testing/google-fake/sheets-state.ts';
import { createTasksFake, QUEUE_RETRY } from '../shared/testing/tasks-fake/index.ts';
import { invoke } from '../shared/testing/tasks-fake/invoke.ts';
import { parseConfig } from '../shared/config.ts';
import { createProductionRecalc } from '../shared/app/production.ts';
import { isoDateInStockholm } from '../shared/app/recalc-set.ts';
import { createEditQueue, type TasksHttpClient } from '../shared/adapters/tasks/index.ts';
import { gridFromSpreadsheet } from '../shared/adapters/sheets/read-grid.ts';
import { decodeSummaryState } from '../shared/adapters/sheets/summary-state.ts';
import { recalculate } from '../shared/engine/index.ts';
import { createOnSheetEdit, signRunRequest } from '../functions/on-sheet-edit.ts';
import { computeSignature } from '../functions/signature.ts';
import { VirtualClock } from './virtual-clock.ts';
import { percentile } from './engine.ts';
import { LAST_YEAR, fixtureSheets, metricHeaders, toSeeds } from './workbook-fixture.ts';
import { SIGNING_SECRET } from './google-env.ts';

const QUEUE = 'projects/malkoll-bench/locations/europe-north1/queues/malkoll-edits';
const FUNCTION_URL = 'https://europe-north1-malkoll-bench.cloudfunctions.net/onSheetEdit';
const START = Date.parse('2026-03-02T08:00:00Z');
const TRIGGER_LATENCY_MS = 1_000;
const CALL_LATENCY_MS = 300;

export interface ReportingWeekOptions {
  workbooks?: number;
  editsPerMinute?: number;
  minutes?: number;
  metrics?: number;
  seed?: number;
  /** `per-run`: the design before issue 13, every workbook run also rewrites the summary (for comparison) */
  summary?: 'own-run' | 'per-run';
}

export interface ReportingWeekResult {
  workbooks: number;
  edits: number;
  minutes: number;
  editsWithoutRecalc: number;
  writesPerMinMax: number;
  readsPerMinMax: number;
  editToStatusP50S: number;
  editToStatusP95S: number;
  finalStatusesRight: boolean;
  quotaRefusals: number;
  workbookRuns: number;
  summaryRuns: number;
  changeLogRows: number;
}

/** A small deterministic generator (mulberry32): the same week every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The most events in any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

export async function simulateReportingWeek(options: ReportingWeekOptions = {}): Promise<ReportingWeekResult> {
  const workbookCount = options.workbooks ?? 7;
  const perMinute = options.editsPerMinute ?? 5;
  const minutes = options.minutes ?? 60;
  const metrics = options.metrics ?? 60;
  const rnd = random(options.seed ?? 2026);
  const clock = new VirtualClock(START);
  const fake = createGoogleFake({ now: clock.now, sleep: clock.sleep, latencyMs: CALL_LATENCY_MS, quota: SHEETS_QUOTAS });
  const tasks = createTasksFake({ queues: [QUEUE], now: clock.now, retry: QUEUE_RETRY });
  const server = setupServer(...fake.server.listHandlers(), ...tasks.handlers);
  server.listen({ onUnhandledFrame: 'error' });
  try {
    const headers = metricHeaders(10);
    const outcomeColumn = headers.indexOf(`Utfall ${LAST_YEAR}`) + 1;
    const ids = Array.from({ length: workbookCount }, (_, i) =>
      fake.createSpreadsheet(`Förvaltning ${i + 1}`, toSeeds(fixtureSheets({ metrics, seed: i * 7 }))),
    );
    const summaryId = fake.createSpreadsheet('Sammanfattning', [{ name: 'Blad1', rows: [] }]);
    const config = parseConfig({
      MALKOLL_SIGNING_SECRET: SIGNING_SECRET,
      MALKOLL_SPREADSHEETS: ids.join(','),
      MALKOLL_SUMMARY_SPREADSHEET: summaryId,
      MALKOLL_TASKS_QUEUE: QUEUE,
      MALKOLL_FUNCTION_URL: FUNCTION_URL,
    });
    const production = createProductionRecalc(config, { ...fakeClients(), now: () => new Date(clock.now()), retry: { sleep: clock.sleep, random: rnd } });
    const oauth = new auth.OAuth2();
    oauth.setCredentials({ access_token: 'bench-token', expiry_date: Date.now() + 365 * 86_400_000 });
    const queue = createEditQueue({
      client: oauth as unknown as TasksHttpClient,
      queue: QUEUE,
      functionUrl: FUNCTION_URL,
      signRun: (body, at, kind) => signRunRequest(SIGNING_SECRET, body, at, kind),
      retry: { sleep: clock.sleep, random: rnd },
    });
    let workbookRuns = 0;
    let summaryRuns = 0;
    const handler = createOnSheetEdit({
      config,
      queue,
      now: clock.now,
      log: () => {},
      recalculate: (id, edit) => (workbookRuns++, summaryRuns++, production.recalculate(id, edit)),
      summaryRun:
        options.summary === 'per-run'
          ? null
          : {
              recalculateWorkbook: (id, edit) => (workbookRuns++, production.recalculateWorkbook(id, edit)),
              rebuildSummary: () => (summaryRuns++, production.rebuildSummary()),
            },
    });

    // the region before the week: every workbook computed once, the summary written
    clock.spawn(async () => void (await production.recalculateAll()));
    await clock.run(clock.now() + 60 * 60_000);
    fake.calls.reset();
    const begin = clock.now();

    // the edits, spread at random over the hour
    const edits: { id: string; at: number }[] = [];
    for (const id of ids) {
      for (let k = 0; k < perMinute * minutes; k++) edits.push({ id, at: begin + Math.floor(rnd() * minutes * 60_000) });
    }
    edits.sort((a, b) => a.at - b.at);
    for (const edit of edits) {
      const row = 2 + Math.floor(rnd() * metrics);
      const value = Math.round((900 + rnd() * 400) * 10) / 10;
      clock.spawn(async () => {
        const sheet = fake.getSpreadsheet(edit.id).sheets.find((s) => s.properties.title === 'Mätetal')!;
        (sheet.rows[row - 1] ??= [])[outcomeColumn - 1] = cellFromSeed(value);
        await clock.sleep(TRIGGER_LATENCY_MS);
        const body = JSON.stringify({ spreadsheetId: edit.id, sheetName: 'Mätetal', range: `H${row}`, editedAt: new Date(edit.at).toISOString() });
        const ts = String(Math.floor(clock.now() / 1000));
        const answer = await invoke(handler, { headers: { 'content-type': 'application/json', 'x-malkoll-timestamp': ts, 'x-malkoll-signature': computeSignature(SIGNING_SECRET, ts, body) }, body });
        if (answer.status !== 202) throw new Error(`bench: an edit call was answered ${answer.status}`);
      }, edit.at);
    }

    // Cloud Tasks: one task at a time, each as soon as it is due
    const end = begin + minutes * 60_000;
    let stop = false;
    clock.spawn(async () => {
      while (!stop) {
        const due = tasks.nextDueAt();
        if (due !== null && due <= clock.now()) {
          await tasks.dispatchNext(async (request) => (await invoke(handler, { headers: request.headers, body: request.body })).status);
        } else {
          await clock.sleep(due === null ? 1_000 : Math.min(1_000, due - clock.now()));
        }
        if (clock.now() > end && tasks.pending().length === 0) stop = true;
      }
    });
    await clock.run(end + 30 * 60_000);
    stop = true;

    // edit → status, from the call log (a run reads the workbook, then writes it if anything changed)
    const calls = fake.calls.requests.filter((r) => r.status === 200);
    const byBook = new Map<string, { reads: number[]; writes: number[] }>();
    for (const r of calls) {
      const id = ids.find((i) => r.url.pathname.includes(`/${i}`));
      if (!id) continue;
      const entry = byBook.get(id) ?? { reads: [], writes: [] };
      if (r.method === 'sheets.spreadsheets.get') entry.reads.push(r.answeredAt!);
      else if (r.method === 'sheets.spreadsheets.batchUpdate') entry.writes.push(r.answeredAt!);
      byBook.set(id, entry);
    }
    const delays: number[] = [];
    let withoutRecalc = 0;
    for (const edit of edits) {
      const book = byBook.get(edit.id);
      const read = book?.reads.find((t) => t - CALL_LATENCY_MS >= edit.at);
      if (read === undefined) {
        withoutRecalc++;
        continue;
      }
      const nextRead = book!.reads.find((t) => t > read) ?? Number.POSITIVE_INFINITY;
      const write = book!.writes.find((t) => t > read && t < nextRead);
      delays.push(((write ?? read) - edit.at) / 1000);
    }
    const writeTimes = calls.filter((r) => r.method.startsWith('sheets.') && WRITE_METHODS.test(r.method)).map((r) => r.at);
    const readTimes = calls.filter((r) => r.method.startsWith('sheets.') && !WRITE_METHODS.test(r.method)).map((r) => r.at);

    return {
      workbooks: workbookCount,
      edits: edits.length,
      minutes,
      editsWithoutRecalc: withoutRecalc,
      writesPerMinMax: maxInWindow(writeTimes, 60_000),
      readsPerMinMax: maxInWindow(readTimes, 60_000),
      editToStatusP50S: percentile(delays, 50),
      editToStatusP95S: percentile(delays, 95),
      finalStatusesRight: finalStatusesRight(fake, ids, summaryId, clock.now()),
      quotaRefusals: fake.quotaRefusals.length,
      workbookRuns,
      summaryRuns,
      changeLogRows: Math.max(0, fake.getSheetValues(summaryId, 'Ändringslogg').length - 1),
    };
  } finally {
    server.close();
  }
}

/** The product cells and the summary equal a fresh recalculation of the final inputs (product cells blanked, no state). */
function finalStatusesRight(fake: ReturnType<typeof createGoogleFake>, ids: string[], summaryId: string, now: number): boolean {
  const grids = ids.map((id) => gridFromSpreadsheet(id, spreadsheetResource(fake.getSpreadsheet(id), true)).grid);
  const options = { today: isoDateInStockholm(new Date(now)), changedAt: new Date(now).toISOString() };
  const asIs = recalculate(grids, options);
  // nothing left to write: every product cell holds what the engine computes from the final inputs
  if (asIs.plans.some((p) => p.writes.length > 0)) return false;
  const product = new Set(['Utveckling', 'Förklaring']);
  const blank = grids.map((g) => ({
    ...g,
    state: null,
    sheets: g.sheets.map((s) => {
      const header = s.rows[0] ?? [];
      const cols = new Set(header.flatMap((c, i) => (typeof c?.value === 'string' && product.has(c.value) ? [i] : [])));
      return { ...s, rows: s.rows.map((r, i) => (i === 0 ? r : r.map((c, j) => (cols.has(j) ? null : c)))) };
    }),
  }));
  const fresh = recalculate(blank, options);
  const freshCells = new Map(fresh.plans.flatMap((p) => p.writes.filter((w) => w.rowNumber > 1).map((w) => [`${p.workbookId}|${w.sheet}|${w.rowNumber}|${w.columnNumber}`, w.value] as const)));
  for (const g of grids) {
    for (const s of g.sheets) {
      for (const [key, value] of freshCells) {
        const [id, sheet, row, col] = key.split('|');
        if (id !== g.id || sheet !== s.name) continue;
        if (String(s.rows[Number(row) - 1]?.[Number(col) - 1]?.value ?? '') !== value) return false;
      }
    }
  }
  const state = fake.getSheetValues(summaryId, '_malkoll');
  const decoded = decodeSummaryState([{ values: state.map((r) => [r[0] ?? '']) }], ids, []);
  return decoded.doc?.contentHash === fresh.summary.contentHash;
}

if (process.argv[2] === 'run') {
  console.log(await simulateReportingWeek());
}
