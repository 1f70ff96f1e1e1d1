/**
 * `onSheetEdit`: the edit trigger's signed call (domain.md §6). Checks, in this order and before
 * anything touches Google: method (405), size (413), signature (401), shape (400), allowlist (403).
 * Deployed with public access: the HMAC signature is the authentication (see signature.ts for what
 * the per-instance replay memory does and does not catch).
 * @module
 */
import type { Request, Response } from '@google-cloud/functions-framework';
import type { Config } from '../shared/config.ts';
import { parseEditRequest, type EditRequest } from './edit-request.ts';
import { answerRecalc, refuse, refuseMethod } from './http.ts';
import { ReplayCache, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from './signature.ts';
import { jsonLogger, type Logger, type RecalcReport } from './types.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export interface OnSheetEditDeps {
  config: Config;
  recalculate: (spreadsheetId: string, edit: EditRequest) => Promise<RecalcReport>;
  log?: Logger;
  /** milliseconds since the epoch */
  now?: () => number;
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
    const nowSeconds = Math.floor(now() / 1000);
    const check = verifySignature({
      secret: deps.config.signingSecret,
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
    await answerRecalc(
      res,
      log,
      { spreadsheetId: edit.spreadsheetId, sheetName: edit.sheetName, range: edit.range, editedAt: edit.editedAt },
      () => deps.recalculate(edit.spreadsheetId, edit),
      // a 503 invites a retry; the caller may resend the same signed call within the window
      () => replays.forget(check.signature),
    );
  };
}

function unauthorized(res: Response, log: Logger, reason: string): void {
  log({ severity: 'WARNING', message: 'obehörig begäran', status: 401, reason });
  refuse(res, 401, 'unauthorized', reason);
}
