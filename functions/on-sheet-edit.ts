/**
 * `onSheetEdit`: the edit trigger's signed call (domain.md §6). Checks, in this order and before
 * anything touches Google: method (405), size (413), signature (401), shape (400), allowlist (403).
 * Deployed with public access: the HMAC signature is the authentication (see signature.ts for what
 * the per-instance replay memory does and does not catch).
 *
 * Edit storms (docs/reliability.md): with a Cloud Tasks queue configured, a verified edit is not
 * recalculated here but queued as a named task (one per workbook and 5-second bucket, whichever instance
 * comes first) and answered 202. The task calls back with the same body and `X-Malkoll-Run: 1`, signed
 * with a key derived from the secret (runSigningKey): the header is trusted only because that signature
 * proves it came from the queue, so an edit call with the header added fails the signature check (401).
 * Without a queue every edit recalculates inline.
 * @module
 */
import type { Request, Response } from '@google-cloud/functions-framework';
import type { Config } from '../shared/config.ts';
import { parseEditRequest, type EditRequest } from './edit-request.ts';
import { answerRecalc, refuse, refuseMethod } from './http.ts';
import { ReplayCache, SIGNATURE_HEADER, TIMESTAMP_HEADER, computeSignature, verifySignature } from './signature.ts';
import { jsonLogger, type Logger, type RecalcReport } from './types.ts';
import { isRetryable, retryAfterSeconds } from './retryable.ts';
import type { EditQueue, RunKind } from '../shared/adapters/tasks/index.ts';

export const MAX_BODY_BYTES = 64 * 1024;
/** set on the queue's run request (never by the edit trigger) */
export const RUN_HEADER = 'x-malkoll-run';

/** The header's value for each kind of run: the workbook's run, or the set's summary run. */
const RUN_VALUES: Record<RunKind, string> = { run: '1', summary: 'summary' };

/**
 * The run requests' HMAC key: derived from the secret, so only a holder of the secret can mark a run, and
 * one per kind, so a run request with its header changed to the other kind fails the signature check.
 */
export function runSigningKey(secret: string, kind: RunKind = 'run'): string {
  return kind === 'run' ? `${secret}\u0000malkoll-run` : `${secret}\u0000malkoll-${kind}`;
}

/** The headers of the queue's run request for these exact body bytes, timestamped `atMs`. */
export function signRunRequest(secret: string, rawBody: string, atMs: number, kind: RunKind = 'run'): Record<string, string> {
  const timestamp = String(Math.floor(atMs / 1000));
  return {
    'content-type': 'application/json',
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: computeSignature(runSigningKey(secret, kind), timestamp, rawBody),
    [RUN_HEADER]: RUN_VALUES[kind],
  };
}

export interface OnSheetEditDeps {
  config: Config;
  recalculate: (spreadsheetId: string, edit: EditRequest) => Promise<RecalcReport>;
  log?: Logger;
  /** milliseconds since the epoch */
  now?: () => number;
  /** Cloud Tasks queue that coalesces edits; absent: recalculate inline */
  queue?: EditQueue | null;
  /**
   * With a queue, the summary's own run (docs/performance.md): a workbook's run then recalculates the workbook
   * only and asks the queue for the set's summary run, which calls this. Absent: a run does both, as inline.
   */
  summaryRun?: {
    recalculateWorkbook: (spreadsheetId: string, edit: EditRequest) => Promise<RecalcReport>;
    rebuildSummary: () => Promise<RecalcReport>;
  } | null;
}

export function createOnSheetEdit(deps: OnSheetEditDeps): (req: Request, res: Response) => Promise<void> {
  const log = deps.log ?? jsonLogger;
  const now = deps.now ?? Date.now;
  const replays = new ReplayCache();
  const allowed = new Set(deps.config.spreadsheets);

  return async (req, res) => {
    if (req.method !== 'POST') {
      refuseMethod(res);
      return;
    }
    // The framework has already read the body (up to its own, much larger limit) into rawBody.
    const raw: Uint8Array = req.rawBody ?? new Uint8Array(0);
    if (raw.byteLength > MAX_BODY_BYTES) {
      log({ severity: 'WARNING', message: 'för stor begäran', status: 413, bytes: raw.byteLength });
      refuse(res, 413, 'payload_too_large', `kroppen är större än ${MAX_BODY_BYTES / 1024} KB`);
      return;
    }
    const nowMs = now();
    const nowSeconds = Math.floor(nowMs / 1000);
    const header = req.headers[RUN_HEADER];
    const runKind: RunKind | null = header === RUN_VALUES.run ? 'run' : header === RUN_VALUES.summary ? 'summary' : null;
    const isRun = runKind !== null;
    const check = verifySignature({
      secret: runKind ? runSigningKey(deps.config.signingSecret, runKind) : deps.config.signingSecret,
      timestampHeader: req.headers[TIMESTAMP_HEADER],
      signatureHeader: req.headers[SIGNATURE_HEADER],
      rawBody: raw,
      nowSeconds,
    });
    if (!check.ok) return unauthorized(res, log, check.reason);
    if (!replays.remember(check.signature, check.timestamp, nowSeconds)) {
      return unauthorized(res, log, 'upprepad begäran (samma signatur har redan tagits emot)');
    }
    const parsed = parseEditRequest(raw);
    if (!parsed.ok) {
      log({ severity: 'WARNING', message: 'felaktig begäran', status: 400, reason: parsed.reason });
      refuse(res, 400, 'bad_request', parsed.reason);
      return;
    }
    const { edit } = parsed;
    if (!allowed.has(edit.spreadsheetId)) {
      log({ severity: 'WARNING', message: 'kalkylarket finns inte i MALKOLL_SPREADSHEETS', status: 403, spreadsheetId: edit.spreadsheetId });
      refuse(res, 403, 'forbidden', 'kalkylarket finns inte bland de konfigurerade arbetsböckerna');
      return;
    }
    const fields = { spreadsheetId: edit.spreadsheetId, sheetName: edit.sheetName, range: edit.range, editedAt: edit.editedAt };
    if (deps.queue && !isRun) {
      await enqueue(deps.queue, edit, nowMs, res, log, fields, () => replays.forget(check.signature));
      return;
    }
    const split = deps.queue && deps.summaryRun ? { queue: deps.queue, ...deps.summaryRun } : null;
    if (split && runKind === 'summary') {
      await answerRecalc(res, log, { ...fields, run: 'summary' }, () => split.rebuildSummary(), () => replays.forget(check.signature));
      return;
    }
    if (split && runKind === 'run') {
      const run = async () => {
        const report = await split.recalculateWorkbook(edit.spreadsheetId, edit);
        // after the workbook: the summary run of this bucket starts after this run (the queue runs one at a time)
        await split.queue.enqueueSummary(edit, now());
        return report;
      };
      await answerRecalc(res, log, { ...fields, run: true }, run, () => replays.forget(check.signature));
      return;
    }
    await answerRecalc(
      res,
      log,
      isRun ? { ...fields, run: true } : fields,
      () => deps.recalculate(edit.spreadsheetId, edit),
      // a 503 invites a retry; the caller may resend the same signed call within the window
      () => replays.forget(check.signature),
    );
  };
}

async function enqueue(
  queue: EditQueue,
  edit: EditRequest,
  nowMs: number,
  res: Response,
  log: Logger,
  fields: Record<string, unknown>,
  forget: () => void,
): Promise<void> {
  try {
    const { outcome, task } = await queue.enqueue(edit, nowMs);
    // `exists`: another instance (or an earlier edit) already scheduled this workbook's bucket
    log({ severity: 'INFO', message: outcome === 'created' ? 'omräkning köad' : 'omräkning redan köad', ...fields, task, outcome });
    res.status(202).json({ queued: true });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const operation = (err as { operation?: unknown } | null)?.operation;
    const extra = typeof operation === 'string' ? { operation } : {};
    if (isRetryable(err)) {
      forget();
      const seconds = retryAfterSeconds(err);
      log({ severity: 'WARNING', message: 'kunde inte köa omräkningen', ...fields, ...extra, error: message, retryAfter: seconds });
      res.set('Retry-After', String(seconds));
      refuse(res, 503, 'temporarily_unavailable', 'kön svarar inte just nu; försök igen senare');
    } else {
      log({ severity: 'ERROR', message: 'kunde inte köa omräkningen', ...fields, ...extra, error: message });
      refuse(res, 500, 'internal_error', 'kunde inte köa omräkningen; se loggen');
    }
  }
}

function unauthorized(res: Response, log: Logger, reason: string): void {
  log({ severity: 'WARNING', message: 'obehörig begäran', status: 401, reason });
  refuse(res, 401, 'unauthorized', reason);
}
