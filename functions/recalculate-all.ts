/**
 * `recalculateAll`: recomputes the whole set (the safety net after missed edits, and the daily run
 * that moves `Läge` on past due dates). POST only; the body is ignored.
 *
 * Authentication is not done here but by Cloud Run IAM: the function is deployed WITHOUT public access
 * (`--no-allow-unauthenticated`) and Cloud Scheduler calls it with an OIDC token of a service account
 * that holds `roles/run.invoker` on it (scripts/deploy.ts). A request without a valid token never
 * reaches this code.
 * @module
 */
import type { Request, Response } from '@google-cloud/functions-framework';
import { answerRecalc, refuseMethod } from './http.ts';
import { jsonLogger, type Logger, type RecalcReport } from './types.ts';

export interface RecalculateAllDeps {
  recalculateAll: () => Promise<RecalcReport>;
  log?: Logger;
}

export function createRecalculateAll(deps: RecalculateAllDeps): (req: Request, res: Response) => Promise<void> {
  const log = deps.log ?? jsonLogger;
  return async (req, res) => {
    if (req.method !== 'POST') {
      refuseMethod(res);
      return;
    }
    await answerRecalc(res, log, { target: 'recalculateAll' }, () => deps.recalculateAll());
  };
}
