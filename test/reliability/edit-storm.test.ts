/**
 * Edit storms across instances (issue 4, item 4): 100 signed edits within 10 s to one workbook, spread
 * over 3 onSheetEdit instances (3 factories: own replay memory, own queue client) on one Cloud Tasks
 * fake, lead to at most 3 recalculations once the queue is dispatched — and every edit is followed by
 * a recalculation that starts after it.
 */
import { setupServer } from 'msw/node';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTasksFake, type TasksFake } from '../../shared/testing/tasks-fake/index.ts';
import { invoke } from '../../shared/testing/tasks-fake/invoke.ts';
import { BUCKET_MS, CREATE_OPERATION } from '../../shared/adapters/tasks/index.ts';
import { BOOK, OTHER, QUEUE, SECRET, editCall, instance, type Recorded } from './storm-fixtures.ts';

let clock = 0;
let tasks: TasksFake = createTasksFake({ queues: [QUEUE], now: () => clock });
const server = setupServer();
let record: Recorded;

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  tasks = createTasksFake({ queues: [QUEUE], now: () => clock });
  server.resetHandlers(...tasks.handlers);
  record = { recalcs: [], logs: [] };
});
afterEach(() => {
  expect(tasks.validationErrors).toEqual([]);
  const text = JSON.stringify(record.logs);
  expect(text).not.toContain(SECRET);
  expect(text).not.toMatch(/sha256=|[0-9a-f]{64}/);
});

type Handler = ReturnType<typeof instance>;

/** Sends `edits` (ms offsets from t0, with trigger latency) round-robin over the instances. */
async function burst(instances: Handler[], t0: number, offsets: number[], latencyMs = 300) {
  const answers = [];
  for (const [i, offset] of offsets.entries()) {
    clock = t0 + offset + latencyMs;
    const call = editCall({ range: `F${2 + (i % 7)}`, editedAt: new Date(t0 + offset).toISOString() }, clock);
    answers.push(await invoke(instances[i % instances.length]!, call));
  }
  return answers;
}

async function drain(instances: Handler[], at: number) {
  clock = at;
  let k = 0;
  return tasks.dispatch(async (request) => (await invoke(instances[k++ % instances.length]!, request)).status);
}

describe('edit storm through Cloud Tasks named tasks', () => {
  it('100 edits in 10 s over 3 instances → 3 tasks, ≤ 3 recalculations, each after the edits it covers', async () => {
    const instances = [0, 1, 2].map(() => instance({ clock: () => clock, record }));
    const t0 = 1_760_000_002_300; // not on a bucket boundary: 10 s then touch 3 buckets, the worst case
    const offsets = Array.from({ length: 100 }, (_, i) => i * 100);
    const answers = await burst(instances, t0, offsets);
    expect(answers.every((a) => a.status === 202 && (a.json as { queued: boolean }).queued)).toBe(true);
    expect(record.recalcs).toHaveLength(0);
    expect(tasks.requests).toHaveLength(100);
    expect(tasks.created.map((t) => t.name.split('/').at(-1))).toEqual(
      [0, 1, 2].map((b) => `edit-${BOOK}-${Math.floor(t0 / BUCKET_MS) + b}`),
    );
    expect(tasks.requests.filter((r) => r.status === 409)).toHaveLength(97);

    const runs = await drain(instances, t0 + 30_000);
    expect(runs.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(record.recalcs.length).toBeLessThanOrEqual(3);
    console.info(`edit storm: 100 edits in 10 s on 3 instances → ${record.recalcs.length} recalculations`);
    // every edit is covered by a task scheduled after it was made
    for (const offset of offsets) {
      expect(tasks.created.some((t) => t.scheduleTime > t0 + offset)).toBe(true);
    }
    expect(await drain(instances, t0 + 60_000)).toEqual([]);
  });

  it('a replay of an edit on another instance after the run is absorbed (ALREADY_EXISTS), no extra run', async () => {
    const [a, b] = [0, 1].map(() => instance({ clock: () => clock, record }));
    const t0 = 1_760_000_100_000;
    clock = t0 + 200;
    const call = editCall({ editedAt: new Date(t0).toISOString() }, clock);
    expect((await invoke(a!, call)).status).toBe(202);
    await drain([a!], t0 + 7_000);
    clock = t0 + 8_000;
    expect((await invoke(b!, call)).status).toBe(202);
    expect(tasks.requests.map((r) => r.status)).toEqual([200, 409]);
    expect(await drain([b!], t0 + 20_000)).toEqual([]);
    expect(record.recalcs).toHaveLength(1);
  });

  it('two workbooks edited in the same bucket get a task each', async () => {
    const [a] = [instance({ clock: () => clock, record })];
    const t0 = 1_760_000_200_000;
    clock = t0 + 100;
    await invoke(a!, editCall({ editedAt: new Date(t0).toISOString() }, clock));
    await invoke(a!, editCall({ spreadsheetId: OTHER, editedAt: new Date(t0).toISOString() }, clock));
    await drain([a!], t0 + 10_000);
    expect(record.recalcs.map((r) => r.spreadsheetId).sort()).toEqual([BOOK, OTHER].sort());
  });

  it('property: any 100 edits within 10 s, any latency, any instance → at most 3 recalculations (30 runs of 100 HTTP calls)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 9_999 }), { minLength: 100, maxLength: 100 }),
        fc.integer({ min: 1_760_000_000_000, max: 1_760_000_100_000 }),
        fc.integer({ min: 0, max: 4_000 }),
        async (raw, t0, latency) => {
          tasks = createTasksFake({ queues: [QUEUE], now: () => clock });
          server.resetHandlers(...tasks.handlers);
          record.recalcs.length = 0;
          const instances = [0, 1, 2].map(() => instance({ clock: () => clock, record }));
          const offsets = [...raw].sort((x, y) => x - y);
          const answers = await burst(instances, t0, offsets, latency);
          expect(answers.every((a) => a.status === 202)).toBe(true);
          await drain(instances, t0 + 60_000);
          expect(record.recalcs.length).toBeGreaterThanOrEqual(1);
          expect(record.recalcs.length).toBeLessThanOrEqual(3);
          for (const offset of offsets) expect(tasks.created.some((t) => t.scheduleTime > t0 + offset)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('the run request', () => {
  it('an edit call with X-Malkoll-Run added (trigger-signed) is refused 401: it cannot skip the queue', async () => {
    const a = instance({ clock: () => clock, record });
    clock = 1_760_000_300_000;
    const call = editCall({ editedAt: new Date(clock).toISOString() }, clock);
    const answer = await invoke(a, { ...call, headers: { ...call.headers, 'x-malkoll-run': '1' } });
    expect(answer.status).toBe(401);
    expect(record.recalcs).toHaveLength(0);
    expect(tasks.requests).toHaveLength(0);
  });

  it('the task body is the contract shape and the run is signed for the time it is due (5-minute window from then)', async () => {
    const a = instance({ clock: () => clock, record });
    const t0 = 1_760_000_400_000;
    clock = t0;
    await invoke(a, editCall({ range: 'B3', editedAt: new Date(t0).toISOString() }, clock));
    const task = tasks.created[0]!;
    expect(JSON.parse(task.body)).toEqual({ spreadsheetId: BOOK, sheetName: 'Mätetal', range: 'B3', editedAt: new Date(t0).toISOString() });
    expect(task.headers).toMatchObject({ 'x-malkoll-run': '1', 'x-malkoll-timestamp': String(Math.floor(task.scheduleTime / 1000)) });
    expect(task.scheduleTime).toBe((Math.floor(t0 / BUCKET_MS) + 1) * BUCKET_MS + 1_000);
    // a queue backlog of 4 minutes still runs; 6 minutes is refused (Cloud Tasks then stops at max-retry-duration)
    expect((await drain([a], task.scheduleTime + 240_000)).map((r) => r.status)).toEqual([200]);
    clock = t0 + 6_000;
    await invoke(a, editCall({ range: 'B4', editedAt: new Date(t0 + 5_500).toISOString() }, clock));
    expect((await drain([a], tasks.pending()[0]!.scheduleTime + 360_000)).map((r) => r.status)).toEqual([401]);
    expect(record.recalcs).toHaveLength(1);
  });

  it("a failed run answers 503 and the queue's retry of the same task runs again", async () => {
    let failures = 1;
    const a = instance({ clock: () => clock, record, fail: () => (failures-- > 0 ? Object.assign(new Error('quota'), { status: 429 }) : null) });
    const t0 = 1_760_000_500_000;
    clock = t0;
    await invoke(a, editCall({ editedAt: new Date(t0).toISOString() }, clock));
    expect((await drain([a], t0 + 7_000)).map((r) => r.status)).toEqual([503]);
    expect((await drain([a], t0 + 17_000)).map((r) => r.status)).toEqual([200]);
    expect(record.recalcs).toHaveLength(2);
  });
});

describe('enqueue faults', () => {
  it.each([
    { name: '503 twice, then created', fault: { status: 503, times: 2 }, status: 202 },
    { name: '429 with Retry-After 1, then created', fault: { status: 429, retryAfter: 1, times: 1 }, status: 202 },
    { name: 'connection reset, then created', fault: { status: 0, reset: true, times: 1 }, status: 202 },
    { name: '503 for good → 503 + Retry-After', fault: { status: 503, times: 99 }, status: 503 },
    { name: '429 for good → 503 + Retry-After 60', fault: { status: 429, times: 99 }, status: 503 },
  ])('$name', async ({ fault, status }) => {
    const a = instance({ clock: () => clock, record });
    clock = 1_760_000_600_000;
    tasks.inject(fault);
    const call = editCall({ editedAt: new Date(clock).toISOString() }, clock);
    const answer = await invoke(a, call);
    expect(answer.status).toBe(status);
    if (status === 503) {
      expect(answer.headers['retry-after']).toBe(fault.status === 429 ? '60' : '10');
      expect(record.logs.at(-1)).toMatchObject({ severity: 'WARNING', operation: CREATE_OPERATION, spreadsheetId: BOOK });
      tasks.inject({ status: 200, times: 0 });
    } else {
      expect(tasks.created).toHaveLength(1);
    }
  });

  it("after a 503 the trigger's retry of the same signed call is accepted (not a replay)", async () => {
    const a = instance({ clock: () => clock, record });
    clock = 1_760_000_700_000;
    tasks.inject({ status: 503, times: 4 });
    const call = editCall({ editedAt: new Date(clock).toISOString() }, clock);
    expect((await invoke(a, call)).status).toBe(503);
    expect((await invoke(a, call)).status).toBe(202);
  });
});

describe('without a queue configured', () => {
  it('every verified edit recalculates inline and answers 200 with the report, as before', async () => {
    const a = instance({ clock: () => clock, record, withQueue: false });
    clock = 1_760_000_800_000;
    for (let i = 0; i < 5; i++) {
      const answer = await invoke(a, editCall({ range: `C${i + 2}`, editedAt: new Date(clock + i).toISOString() }, clock));
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ summary: 'unchanged', workbooks: [{ id: BOOK }] });
    }
    expect(record.recalcs).toHaveLength(5);
    expect(tasks.requests).toHaveLength(0);
  });
});
