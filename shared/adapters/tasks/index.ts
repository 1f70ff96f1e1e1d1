/**
 * Cloud Tasks adapter: coalesces edit storms across function instances through named tasks
 * (docs/reliability.md). `createEditQueue` turns a verified edit into at most one task per workbook
 * and 5-second bucket; the task calls `onSheetEdit` back with a freshly signed run request.
 * @module
 */
import { auth } from '@googleapis/sheets';
import type { RetryPolicy } from '../sheets/retry.ts';
import { SUMMARY_BUCKET_MS, bucketScheduleTime, editBucket, editTaskId, summaryScheduleTime, summaryTaskId } from './edit-task.ts';
import { enqueueHttpTask, taskName, type EnqueueOutcome, type TasksHttpClient } from './enqueue.ts';

export { BUCKET_MS, SCHEDULE_SLACK_MS, SUMMARY_BUCKET_MS, editBucket, editTaskId, bucketScheduleTime, summaryTaskId, summaryScheduleTime } from './edit-task.ts';
export { enqueueHttpTask, taskName, tasksEndpoint, TASKS_ENDPOINT, CREATE_OPERATION, type HttpTask, type EnqueueOutcome, type TasksHttpClient } from './enqueue.ts';

/** Creating tasks needs the broad Cloud Platform scope; IAM (roles/cloudtasks.enqueuer on the queue) narrows it. */
export const TASKS_SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];

export interface EditNoticeLike {
  spreadsheetId: string;
  sheetName: string;
  range: string;
  editedAt: string;
}

export interface EditQueueDeps {
  client: TasksHttpClient;
  queue: string;
  /** where the task posts the run (the onSheetEdit URL) */
  functionUrl: string;
  /**
   * the headers that authenticate the run request, for these exact body bytes; timestamped with the
   * task's scheduleTime (or now, for a late edit whose bucket is past), so the 5-minute window starts
   * when the task is due, not when it was queued
   */
  signRun: (rawBody: string, atMs: number, kind?: RunKind) => Record<string, string>;
  retry?: Partial<RetryPolicy>;
  /** Cloud Tasks' v2 endpoint (default Google's) */
  endpoint?: string;
}

/** `run`: recalculate the edited workbook; `summary`: rebuild the set's summary. */
export type RunKind = 'run' | 'summary';

export interface EditQueue {
  enqueue(edit: EditNoticeLike, nowMs: number): Promise<{ outcome: EnqueueOutcome; task: string }>;
  /** the summary run of the 30-second bucket `nowMs` is in (created once, whoever asks) */
  enqueueSummary(edit: EditNoticeLike, nowMs: number): Promise<{ outcome: EnqueueOutcome; task: string }>;
}

export function createEditQueue(deps: EditQueueDeps): EditQueue {
  const create = async (id: string, scheduleTime: Date, edit: EditNoticeLike, nowMs: number, kind: RunKind) => {
    // only the contract's four fields: the run request must pass the same strict shape check
    const body = JSON.stringify({ spreadsheetId: edit.spreadsheetId, sheetName: edit.sheetName, range: edit.range, editedAt: edit.editedAt });
    const outcome = await enqueueHttpTask(
      { client: deps.client, queue: deps.queue, ...(deps.retry ? { retry: deps.retry } : {}), ...(deps.endpoint ? { endpoint: deps.endpoint } : {}) },
      { id, scheduleTime, url: deps.functionUrl, headers: deps.signRun(body, Math.max(scheduleTime.getTime(), nowMs), kind), body },
    );
    return { outcome, task: taskName(deps.queue, id) };
  };
  return {
    enqueue(edit, nowMs) {
      const bucket = editBucket(edit.editedAt, nowMs);
      return create(editTaskId(edit.spreadsheetId, bucket), bucketScheduleTime(bucket), edit, nowMs, 'run');
    },
    enqueueSummary(edit, nowMs) {
      const bucket = Math.floor(nowMs / SUMMARY_BUCKET_MS);
      return create(summaryTaskId(bucket), summaryScheduleTime(bucket), edit, nowMs, 'summary');
    },
  };
}

/** Application Default Credentials with the Cloud Platform scope (the function's service account on Cloud Run). */
export function createTasksClient(): TasksHttpClient {
  return new auth.GoogleAuth({ scopes: TASKS_SCOPES }) as unknown as TasksHttpClient;
}
