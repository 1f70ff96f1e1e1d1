/**
 * How an edit becomes a Cloud Tasks task: the name that coalesces a burst, and when it runs.
 *
 * Every edit of one workbook within the same 5-second bucket maps to the same task name, so whichever
 * instance enqueues first wins and the others get ALREADY_EXISTS. The task runs 1 s after its bucket
 * ends, so it reads the workbook after every edit of the bucket was made (the edit is in the sheet
 * before the trigger fires; the 1 s covers clock skew between Apps Script and Cloud Tasks). Cloud Tasks
 * refuses a name for ~1 h after the task ran or was deleted, hence the time bucket in the name: a later
 * burst gets new names. An edit that arrives after its bucket's task already ran is covered too: that
 * task read the workbook after the edit was made, and ALREADY_EXISTS is the right answer.
 * @module
 */

export const BUCKET_MS = 5_000;
/** after the bucket's end, before the task runs */
export const SCHEDULE_SLACK_MS = 1_000;

/**
 * The bucket of an edit: by its `editedAt` (so the same edit maps to the same task on every instance and
 * on a replay), but never later than now (a clock ahead must not push the run into the future).
 */
export function editBucket(editedAt: string, nowMs: number): number {
  const at = Date.parse(editedAt);
  const ms = Number.isFinite(at) ? Math.min(at, nowMs) : nowMs;
  return Math.floor(ms / BUCKET_MS);
}

/** Task ids allow letters, digits, `-` and `_` (≤ 500 characters); spreadsheet ids use only those. */
export function editTaskId(spreadsheetId: string, bucket: number): string {
  return `edit-${spreadsheetId}-${bucket}`;
}

export function bucketScheduleTime(bucket: number): Date {
  return new Date((bucket + 1) * BUCKET_MS + SCHEDULE_SLACK_MS);
}

/**
 * The set's summary is rebuilt by a task of its own, one per 30-second bucket whichever workbooks were
 * written in it: a workbook's run asks for the bucket it finished in, and the task runs after the bucket
 * ends, so it starts after every run that asked for it (the queue runs one task at a time). In reporting
 * week this keeps the summary to two writes a minute instead of one per edit (docs/performance.md).
 */
export const SUMMARY_BUCKET_MS = 30_000;

export function summaryTaskId(bucket: number): string {
  return `summary-${bucket}`;
}

export function summaryScheduleTime(bucket: number): Date {
  return new Date((bucket + 1) * SUMMARY_BUCKET_MS + SCHEDULE_SLACK_MS);
}
