/** Shared set-up for the edit-storm tests: instances of onSheetEdit on one Cloud Tasks fake. */
import { auth } from '@googleapis/sheets';
import { parseConfig, type Config } from '../../shared/config.ts';
import { createOnSheetEdit, signRunRequest } from '../../functions/on-sheet-edit.ts';
import { computeSignature } from '../../functions/signature.ts';
import type { EditRequest } from '../../functions/edit-request.ts';
import type { LogEntry, RecalcReport } from '../../functions/types.ts';
import { createEditQueue, type TasksHttpClient } from '../../shared/adapters/tasks/index.ts';
import type { RetryPolicy } from '../../shared/adapters/sheets/retry.ts';

export const SECRET = 'storm-secret-0123456789-abcdefghijklmnop';
export const BOOK = '1StormBook_abc-123';
export const OTHER = '1OtherBook_def-456';
export const QUEUE = 'projects/malkoll-test/locations/europe-north1/queues/malkoll-edits';
export const FUNCTION_URL = 'https://europe-north1-malkoll-test.cloudfunctions.net/onSheetEdit';

export const instantRetry: Partial<RetryPolicy> = { sleep: async () => {}, random: () => 0.5, retries: 3 };

export function tasksClient(): TasksHttpClient {
  const oauth = new auth.OAuth2();
  oauth.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
  return oauth as unknown as TasksHttpClient;
}

export function config(withQueue: boolean): Config {
  return parseConfig({
    MALKOLL_SIGNING_SECRET: SECRET,
    MALKOLL_SPREADSHEETS: `${BOOK},${OTHER}`,
    ...(withQueue ? { MALKOLL_TASKS_QUEUE: QUEUE, MALKOLL_FUNCTION_URL: FUNCTION_URL } : {}),
  });
}

export interface Recorded {
  recalcs: { spreadsheetId: string; edit: EditRequest; at: number }[];
  logs: LogEntry[];
}

/** One "instance": its own replay memory and queue client, a shared clock and shared records. */
export function instance(opts: { clock: () => number; record: Recorded; withQueue?: boolean; fail?: () => unknown }) {
  const cfg = config(opts.withQueue ?? true);
  const report = (id: string): RecalcReport => ({ workbooks: [{ id, name: 'Klimat', outcome: 'written', counts: {} }], summary: 'unchanged', issues: [] });
  return createOnSheetEdit({
    config: cfg,
    now: opts.clock,
    log: (entry) => opts.record.logs.push(entry),
    recalculate: async (spreadsheetId, edit) => {
      opts.record.recalcs.push({ spreadsheetId, edit, at: opts.clock() });
      const failure = opts.fail?.();
      if (failure) throw failure;
      return report(spreadsheetId);
    },
    queue:
      opts.withQueue === false
        ? null
        : createEditQueue({
            client: tasksClient(),
            queue: QUEUE,
            functionUrl: FUNCTION_URL,
            signRun: (body, at) => signRunRequest(SECRET, body, at),
            retry: instantRetry,
          }),
  });
}

/** The edit trigger's call, signed at `atMs`. */
export function editCall(edit: Partial<EditRequest> & { editedAt: string }, atMs: number, secret = SECRET) {
  const body = JSON.stringify({ spreadsheetId: BOOK, sheetName: 'Mätetal', range: 'F7', ...edit });
  const timestamp = String(Math.floor(atMs / 1000));
  return {
    headers: { 'content-type': 'application/json', 'x-malkoll-timestamp': timestamp, 'x-malkoll-signature': computeSignature(secret, timestamp, body) },
    body,
  };
}
