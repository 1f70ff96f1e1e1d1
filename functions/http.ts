/**
 * Small response helpers shared by the two handlers. Error bodies are JSON `{ error, reason? }`,
 * `error` a stable English code for programs, `reason` a Swedish sentence for people.
 * @module
 */
import type { Response } from '@google-cloud/functions-framework';
import { isRetryable, retryAfterSeconds } from './retryable.ts';
import type { Logger, RecalcReport } from './types.ts';

export function refuse(res: Response, status: number, error: string, reason?: string): void {
  res.status(status).json(reason === undefined ? { error } : { error, reason });
}

export function refuseMethod(res: Response): void {
  res.set('Allow', 'POST');
  refuse(res, 405, 'method_not_allowed', 'endast POST');
}

/** Runs a recalculation and answers 200 with its report, 503 + Retry-After when worth retrying, else 500. */
export async function answerRecalc(
  res: Response,
  log: Logger,
  fields: Record<string, unknown>,
  run: () => Promise<RecalcReport>,
  onRetryable?: () => void,
): Promise<void> {
  const started = Date.now();
  try {
    const report = await run();
    const errors = report.issues.filter((i) => i.kind === 'error').length;
    log({
      severity: errors > 0 ? 'WARNING' : 'INFO',
      message: 'omräkning klar',
      ...fields,
      summary: report.summary,
      workbooks: report.workbooks.length,
      errors,
      durationMs: Date.now() - started,
      ...(report.yearRound ? { yearRound: yearRoundLog(report) } : {}),
    });
    res.status(200).json(report);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // the adapters' GoogleApiError names the Google call that failed (e.g. sheets.spreadsheets.batchUpdate)
    const operation = (err as { operation?: unknown } | null)?.operation;
    if (typeof operation === 'string') fields = { ...fields, operation };
    if (isRetryable(err)) {
      onRetryable?.();
      const seconds = retryAfterSeconds(err);
      log({ severity: 'WARNING', message: 'omräkningen misslyckades tillfälligt', ...fields, error: message, retryAfter: seconds });
      res.set('Retry-After', String(seconds));
      refuse(res, 503, 'temporarily_unavailable', 'Google svarar inte just nu; försök igen senare');
    } else {
      log({ severity: 'ERROR', message: 'omräkningen misslyckades', ...fields, error: message, stack: err instanceof Error ? err.stack : undefined });
      refuse(res, 500, 'internal_error', 'omräkningen misslyckades; se loggen');
    }
  }
}

/** What the logs keep of the announcement and archives (never the webhook's address). */
function yearRoundLog(report: RecalcReport): Record<string, unknown> {
  const round = report.yearRound!;
  return {
    announced: round.alert?.message?.items.length ?? 0,
    ...(round.alert?.delivery ? { delivered: round.alert.delivery.ok, ...(round.alert.delivery.ok ? {} : { deliveryError: round.alert.delivery.reason }) } : {}),
    archived: round.archived.map((a) => a.year),
    notes: round.notes,
  };
}
