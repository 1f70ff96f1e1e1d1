/**
 * Recalculations caused by 100 signed edits within 10 s (simulated clock) to one workbook: through the
 * Cloud Tasks coalescing (3 onSheetEdit instances on one Cloud Tasks fake, then the queue drained), and
 * inline (no queue: every edit recalculates). Recalculations are the real production ones on the Google fake.
 * @module
 */
import { auth } from '@googleapis/sheets';
import { createOnSheetEdit, signRunRequest } from '../functions/on-sheet-edit.ts';
import { computeSignature } from '../functions/signature.ts';
import { createEditQueue, type TasksHttpClient } from '../shared/adapters/tasks/index.ts';
import { createTasksFake } from '../shared/testing/tasks-fake/index.ts';
import { invoke } from '../shared/testing/tasks-fake/invoke.ts';
import { SIGNING_SECRET, createGoogleEnv } from './google-env.ts';
import { fixtureSheets } from './workbook-fixture.ts';

const QUEUE = 'projects/malkoll-bench/locations/europe-north1/queues/malkoll-edits';
const FUNCTION_URL = 'https://europe-north1-malkoll-bench.cloudfunctions.net/onSheetEdit';

export interface BurstResult {
  edits: number;
  instances: number;
  /** with the queue configured: recalculations after the queue was drained */
  coalescedRecalcs: number;
  tasksCreated: number;
  /** without a queue: every edit recalculates inline */
  inlineRecalcs: number;
}

function tasksClient(): TasksHttpClient {
  const oauth = new auth.OAuth2();
  oauth.setCredentials({ access_token: 'bench-token', expiry_date: Date.now() + 3_600_000 });
  return oauth as unknown as TasksHttpClient;
}

export async function measureEditBurst(options: { edits?: number; instances?: number; metrics?: number } = {}): Promise<BurstResult> {
  const edits = options.edits ?? 100;
  const instanceCount = options.instances ?? 3;
  let clock = 1_772_442_000_300; // 2026-03-02, not on a bucket boundary: the burst touches 3 buckets, the worst case
  const t0 = clock;
  const env = createGoogleEnv([{ title: 'Klimat', sheets: fixtureSheets({ metrics: options.metrics ?? 10 }) }], {
    env: { MALKOLL_TASKS_QUEUE: QUEUE, MALKOLL_FUNCTION_URL: FUNCTION_URL },
  });
  const tasks = createTasksFake({ queues: [QUEUE], now: () => clock });
  env.fake.server.use(...tasks.handlers);
  try {
    const id = env.workbookIds[0]!;
    let recalcs = 0;
    const production = env.production(() => new Date(clock));
    const recalculate = (spreadsheetId: string, edit: Parameters<typeof production.recalculate>[1]) => {
      recalcs++;
      return production.recalculate(spreadsheetId, edit);
    };
    const quiet = () => {};
    const handler = (withQueue: boolean) =>
      createOnSheetEdit({
        config: withQueue ? env.config : { ...env.config, tasksQueue: null, functionUrl: null },
        now: () => clock,
        log: quiet,
        recalculate,
        queue: withQueue
          ? createEditQueue({ client: tasksClient(), queue: QUEUE, functionUrl: FUNCTION_URL, signRun: (body, at) => signRunRequest(SIGNING_SECRET, body, at) })
          : null,
      });
    const call = (i: number, at: number) => {
      const body = JSON.stringify({ spreadsheetId: id, sheetName: 'Mätetal', range: `H${2 + (i % 7)}`, editedAt: new Date(at - 300).toISOString() });
      const timestamp = String(Math.floor(at / 1000));
      return { headers: { 'content-type': 'application/json', 'x-malkoll-timestamp': timestamp, 'x-malkoll-signature': computeSignature(SIGNING_SECRET, timestamp, body) }, body };
    };
    const burst = async (instances: ReturnType<typeof handler>[]) => {
      for (let i = 0; i < edits; i++) {
        clock = t0 + i * Math.floor(10_000 / edits) + 300; // the trigger's own latency
        const answer = await invoke(instances[i % instances.length]!, call(i, clock));
        if (answer.status >= 300) throw new Error(`bench: edit ${i} answered ${answer.status}`);
      }
    };

    const queued = Array.from({ length: instanceCount }, () => handler(true));
    await burst(queued);
    clock = t0 + 10_000 + 120_000;
    let k = 0;
    await tasks.dispatch(async (request) => (await invoke(queued[k++ % queued.length]!, request)).status, clock);
    const coalescedRecalcs = recalcs;

    recalcs = 0;
    clock = t0 + 200_000;
    const inlineT0 = clock;
    const inline = [handler(false)];
    for (let i = 0; i < edits; i++) {
      clock = inlineT0 + i * Math.floor(10_000 / edits) + 300;
      const answer = await invoke(inline[0]!, call(i + edits, clock));
      if (answer.status >= 300) throw new Error(`bench: inline edit ${i} answered ${answer.status}`);
    }
    if (tasks.validationErrors.length || env.fake.validationErrors.length) throw new Error('bench: a fake refused requests');
    return { edits, instances: instanceCount, coalescedRecalcs, tasksCreated: tasks.created.length, inlineRecalcs: recalcs };
  } finally {
    env.close();
  }
}
