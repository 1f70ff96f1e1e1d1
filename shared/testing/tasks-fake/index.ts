/**
 * An HTTP-boundary fake of the Cloud Tasks v2 REST API (`projects.locations.queues.tasks.create`) for
 * msw v3, stateful like the real queue: named tasks, ALREADY_EXISTS (409) for a name that exists or
 * ran/was deleted within the last hour (Google's error body), and dispatch ON DEMAND: a test calls
 * `dispatch(deliver)` and the due tasks are delivered one at a time (the queue runs with
 * maxConcurrentDispatches 1), oldest scheduleTime first; a non-2xx answer keeps the task for a retry.
 *
 * ```ts
 * const tasks = createTasksFake({ queues: [QUEUE], now: () => clock });
 * const server = setupServer(...tasks.handlers);   // or googleFake.server.use(...tasks.handlers)
 * await tasks.dispatch(async (request) => (await invoke(handler, request)).status);
 * tasks.created; tasks.pending(); tasks.inject({ status: 503, times: 2 }); tasks.validationErrors
 * createTasksFake({ queues, now, retry: QUEUE_RETRY });  // a failed task waits its backoff, as the queue's settings say
 * tasks.handle(request);   // one web Request → Response (msw uses it; so does shared/testing/google-server)
 * ```
 * @module
 */
import { http, HttpResponse } from 'msw';

export const TOMBSTONE_MS = 60 * 60 * 1000;

export interface FakeTask {
  name: string;
  scheduleTime: number;
  url: string;
  httpMethod: string;
  headers: Record<string, string>;
  /** decoded from base64 */
  body: string;
  attempts: number;
  createdAt: number;
}

export interface DeliveredRequest {
  task: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export interface TasksFault {
  status: number;
  retryAfter?: number;
  times?: number;
  reset?: boolean;
}

/** A queue's retry settings (`gcloud tasks queues create --min-backoff … --max-attempts …`). */
export interface QueueRetry {
  minBackoffMs: number;
  maxBackoffMs: number;
  maxDoublings: number;
  maxAttempts: number;
}

/** The settings docs/reliability.md gives the queue (and scripts/deploy.ts creates it with). */
export const QUEUE_RETRY: QueueRetry = { minBackoffMs: 5_000, maxBackoffMs: 60_000, maxDoublings: 3, maxAttempts: 10 };

/** Cloud Tasks' backoff: doubling from min_backoff max_doublings times, then growing linearly, capped at max_backoff. */
export function backoffMs(retry: QueueRetry, attempt: number): number {
  const doubled = Math.min(attempt, retry.maxDoublings);
  const base = retry.minBackoffMs * 2 ** (doubled - 1);
  const linear = Math.max(0, attempt - retry.maxDoublings) * retry.minBackoffMs * 2 ** (retry.maxDoublings - 1);
  return Math.min(retry.maxBackoffMs, base + linear);
}

export interface TasksFake {
  handlers: ReturnType<typeof http.post>[];
  handle(request: Request): Promise<Response>;
  /** tasks given up after maxAttempts failed deliveries */
  abandoned: FakeTask[];
  /** every create call answered 200 (the tasks that were really created) */
  created: FakeTask[];
  /** every create call, whatever its answer */
  requests: { name: string; status: number }[];
  pending(): FakeTask[];
  /** delivers every task due at `at` (default now()), one at a time; returns the deliveries made */
  dispatch(deliver: (request: DeliveredRequest) => Promise<number>, at?: number): Promise<{ task: string; status: number }[]>;
  /** delivers the one task due earliest (the queue runs one at a time); null when none is due */
  dispatchNext(deliver: (request: DeliveredRequest) => Promise<number>, at?: number): Promise<{ task: string; status: number } | null>;
  /** when the earliest pending task is due (null: none pending) */
  nextDueAt(): number | null;
  inject(fault: TasksFault): void;
  validationErrors: string[];
}

const STATUS: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 404: 'NOT_FOUND', 409: 'ALREADY_EXISTS', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' };

function googleError(code: number, message: string, headers: Record<string, string> = {}): Response {
  return HttpResponse.json({ error: { code, message, status: STATUS[code] ?? 'UNKNOWN' } }, { status: code, headers });
}

const TASK_ID = /^[A-Za-z0-9_-]{1,500}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function createTasksFake(options: { queues: string[]; now?: () => number; retry?: QueueRetry }): TasksFake {
  const now = options.now ?? Date.now;
  const queues = new Set(options.queues);
  const tasks = new Map<string, FakeTask>();
  /** name → when it ran or was deleted */
  const tombstones = new Map<string, number>();
  const created: FakeTask[] = [];
  const requests: { name: string; status: number }[] = [];
  const validationErrors: string[] = [];
  let faults: (TasksFault & { left: number })[] = [];

  const invalid = (problem: string): Response => {
    validationErrors.push(problem);
    return googleError(400, `Invalid request: ${problem}`);
  };

  const abandoned: FakeTask[] = [];
  const handle = async (request: Request): Promise<Response> => {
    const parent = decodeURIComponent(new URL(request.url).pathname.replace(/^\/v2\//, '').replace(/\/tasks$/, ''));
    if (!/^Bearer \S+/.test(request.headers.get('authorization') ?? '')) {
      return googleError(401, 'Request is missing required authentication credential.');
    }
    const fault = faults.find((f) => f.left > 0);
    let body: any;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return invalid('body is not JSON');
    }
    const name: string = body?.task?.name ?? '';
    if (fault) {
      fault.left--;
      requests.push({ name, status: fault.reset ? 0 : fault.status });
      if (fault.reset) return HttpResponse.error();
      return googleError(fault.status, fault.status === 429 ? 'Quota exceeded for quota metric' : 'The service is currently unavailable.', fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {});
    }
    const answer = (status: number, response: Response): Response => {
      requests.push({ name, status });
      return response;
    };
    if (!/^projects\/[^/]+\/locations\/[^/]+\/queues\/[^/]+$/.test(parent)) return answer(400, invalid(`bad parent ${parent}`));
    if (!queues.has(parent)) return answer(404, googleError(404, `Queue does not exist. If you just created the queue, wait at least a minute for the queue to initialize.`));
    const extra = Object.keys(body ?? {}).filter((k) => k !== 'task' && k !== 'responseView');
    if (extra.length) return answer(400, invalid(`unknown fields ${extra.join(', ')}`));
    const t = body.task ?? {};
    const id = name.startsWith(`${parent}/tasks/`) ? name.slice(parent.length + 7) : null;
    if (id === null || !TASK_ID.test(id)) return answer(400, invalid(`task.name ${name} is not ${parent}/tasks/<id>`));
    if (t.scheduleTime !== undefined && !RFC3339.test(t.scheduleTime)) return answer(400, invalid(`task.scheduleTime ${t.scheduleTime} is not RFC 3339`));
    const hr = t.httpRequest;
    if (!hr || typeof hr.url !== 'string' || !/^https?:\/\//.test(hr.url)) return answer(400, invalid('task.httpRequest.url missing'));
    if (hr.httpMethod !== undefined && !['POST', 'GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'].includes(hr.httpMethod)) return answer(400, invalid(`httpMethod ${hr.httpMethod}`));
    if (hr.body !== undefined && (typeof hr.body !== 'string' || !BASE64.test(hr.body))) return answer(400, invalid('task.httpRequest.body is not base64'));
    const at = now();
    for (const [old, when] of tombstones) if (at - when > TOMBSTONE_MS) tombstones.delete(old);
    if (tasks.has(name)) return answer(409, googleError(409, 'Requested entity already exists'));
    if (tombstones.has(name)) {
      return answer(409, googleError(409, 'The task cannot be created because a task with this name existed too recently. For more information about task de-duplication see https://cloud.google.com/tasks/docs/reference/rest/v2/projects.locations.queues.tasks/create#body.request_body.FIELDS.task.'));
    }
    const task: FakeTask = {
      name,
      scheduleTime: t.scheduleTime ? Date.parse(t.scheduleTime) : at,
      url: hr.url,
      httpMethod: hr.httpMethod ?? 'POST',
      headers: { ...(hr.headers ?? {}) },
      body: hr.body ? Buffer.from(hr.body, 'base64').toString('utf8') : '',
      attempts: 0,
      createdAt: at,
    };
    tasks.set(name, task);
    created.push(task);
    // the basic view leaves the payload out
    return answer(200, HttpResponse.json({ name, scheduleTime: new Date(task.scheduleTime).toISOString(), createTime: new Date(at).toISOString(), dispatchCount: 0, responseCount: 0, view: 'BASIC' }));
  };
  /** One delivery; a success tombstones the name, a failure waits its backoff (or is given up). */
  const deliverTask = async (task: FakeTask, deliver: (request: DeliveredRequest) => Promise<number>, at: number): Promise<number> => {
    task.attempts++;
    const status = await deliver({ task: task.name, url: task.url, method: task.httpMethod, headers: task.headers, body: task.body });
    if (status >= 200 && status < 300) {
      tasks.delete(task.name);
      tombstones.set(task.name, at);
    } else if (options.retry) {
      if (task.attempts >= options.retry.maxAttempts) {
        tasks.delete(task.name);
        tombstones.set(task.name, at);
        abandoned.push(task);
      } else {
        task.scheduleTime = now() + backoffMs(options.retry, task.attempts);
      }
    }
    return status;
  };
  const create = http.post(/^https:\/\/cloudtasks\.googleapis\.com\/v2\/(.+)\/tasks$/, ({ request }) => handle(request));

  return {
    handlers: [create],
    handle,
    abandoned,
    created,
    requests,
    pending: () => [...tasks.values()],
    async dispatch(deliver, at = now()) {
      const done: { task: string; status: number }[] = [];
      const due = [...tasks.values()].filter((t) => t.scheduleTime <= at).sort((a, b) => a.scheduleTime - b.scheduleTime);
      // one at a time: the next delivery starts only after the previous one answered
      for (const task of due) done.push({ task: task.name, status: await deliverTask(task, deliver, at) });
      return done;
    },
    async dispatchNext(deliver, at = now()) {
      let first: FakeTask | null = null;
      for (const t of tasks.values()) if (t.scheduleTime <= at && (!first || t.scheduleTime < first.scheduleTime)) first = t;
      return first ? { task: first.name, status: await deliverTask(first, deliver, at) } : null;
    },
    nextDueAt() {
      let at: number | null = null;
      for (const t of tasks.values()) if (at === null || t.scheduleTime < at) at = t.scheduleTime;
      return at;
    },
    inject: (fault) => void faults.push({ ...fault, left: fault.times ?? 1 }),
    validationErrors,
  };
}
