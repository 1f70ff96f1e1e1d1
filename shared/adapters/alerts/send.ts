/**
 * Posts one alert body to the webhook with a timeout. Never throws: a refused or failed delivery comes back
 * as a result with a Swedish reason, so the recalculation goes on and the caller keeps the changes for the
 * next run (backlog.ts). No retry here: the next run is the retry. The address is never put in a reason (it
 * holds the webhook's secret).
 * @module
 */
import { formatNumber } from '../../engine/index.ts';
import type { AlertTarget } from './target.ts';

export type DeliveryResult = { ok: true; status: number } | { ok: false; status: number | null; reason: string };

export const DEFAULT_ALERT_TIMEOUT_MS = 10_000;

function failureReason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `inget svar inom ${formatNumber(timeoutMs / 1000, 1)} s`;
  if (e?.cause?.code === 'ECONNREFUSED') return 'anslutningen nekades';
  return `nätverksfel (${e?.cause?.code ?? 'okänt'})`;
}

export async function sendAlert(target: AlertTarget, body: object, options: { timeoutMs?: number } = {}): Promise<DeliveryResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ALERT_TIMEOUT_MS;
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      // a webhook that redirects elsewhere would receive the message unchecked
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, reason: `webhooken svarade ${response.status}` };
  } catch (error) {
    return { ok: false, status: null, reason: failureReason(error, timeoutMs) };
  }
}
