/**
 * Creates one HTTP-target task through the Cloud Tasks REST API (v2), with the auth client's own
 * `request` (google-auth-library), so no Cloud Tasks client library is needed. Retried under the same
 * policy as every Google call (shared/adapters/sheets/retry.ts): a create with a given name is safe to
 * repeat, because a repeat answers ALREADY_EXISTS.
 * @module
 */
import { GoogleApiError, withRetry, type RetryPolicy } from '../sheets/retry.ts';

export const TASKS_ENDPOINT = 'https://cloudtasks.googleapis.com/v2';

/** Cloud Tasks' v2 endpoint under MALKOLL_GOOGLE_API_ROOT (tests, emulators), else Google's. */
export function tasksEndpoint(apiRoot: string | null | undefined): string {
  return apiRoot ? `${apiRoot.replace(/\/+$/, '')}/v2` : TASKS_ENDPOINT;
}
export const CREATE_OPERATION = 'cloudtasks.projects.locations.queues.tasks.create';

/** The subset of google-auth-library's AuthClient / GoogleAuth used here (gaxios options). */
export interface TasksHttpClient {
  request<T = unknown>(options: {
    url: string;
    method: 'POST';
    data: unknown;
    headers?: Record<string, string>;
    retry?: boolean;
    timeout?: number;
  }): Promise<{ data: T }>;
}

export interface HttpTask {
  /** the task id (last part of the name) */
  id: string;
  scheduleTime: Date;
  url: string;
  headers: Record<string, string>;
  /** the exact bytes the target receives (and the signature covers) */
  body: string;
}

export type EnqueueOutcome = 'created' | 'exists';

export interface EnqueueDeps {
  client: TasksHttpClient;
  /** `projects/P/locations/L/queues/Q` */
  queue: string;
  retry?: Partial<RetryPolicy>;
  /** Cloud Tasks' v2 endpoint (default Google's; see tasksEndpoint) */
  endpoint?: string;
}

export function taskName(queue: string, id: string): string {
  return `${queue}/tasks/${id}`;
}

/** `created`, or `exists` when a task of that name exists or ran within the last hour. */
export async function enqueueHttpTask(deps: EnqueueDeps, task: HttpTask): Promise<EnqueueOutcome> {
  const data = {
    task: {
      name: taskName(deps.queue, task.id),
      scheduleTime: task.scheduleTime.toISOString(),
      httpRequest: {
        url: task.url,
        httpMethod: 'POST',
        headers: task.headers,
        body: Buffer.from(task.body, 'utf8').toString('base64'),
      },
    },
  };
  try {
    await withRetry(
      CREATE_OPERATION,
      (o) => deps.client.request({ url: `${deps.endpoint ?? TASKS_ENDPOINT}/${deps.queue}/tasks`, method: 'POST', data, ...o }),
      deps.retry,
    );
    return 'created';
  } catch (error) {
    if (error instanceof GoogleApiError && error.status === 409) return 'exists';
    throw error;
  }
}
