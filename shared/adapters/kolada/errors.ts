/**
 * The one error the Kolada client throws: Kolada could not be reached (network, timeout, 5xx after one retry,
 * or the v2 route answering 404/410, as it will once v2 is shut down). Its message is the Swedish reason the
 * `kolada` command prints; a recalculation never waits for Kolada, so nothing else depends on it.
 * @module
 */
import { formatNumber } from '../../engine/index.ts';

export class KoladaError extends Error {
  /** HTTP status when Kolada answered, null for a network failure or timeout */
  readonly status: number | null;
  constructor(reason: string, status: number | null = null) {
    super(`Kolada kunde inte nås: ${reason}`);
    this.name = 'KoladaError';
    this.status = status;
  }
}

/** A failure of one key figure that does not stop the others (a 4xx other than 404/410, an unreadable page). */
export interface KoladaKpiFailure {
  kpi: string;
  reason: string;
}

/** Swedish words for what fetch threw: a timeout, a refused connection, an unknown host … */
export function networkReason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `inget svar inom ${formatNumber(timeoutMs / 1000, 1)} s`;
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return 'anslutningen nekades';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'adressen kunde inte slås upp (inget nätverk?)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'anslutningen bröts';
  return `nätverksfel (${code ?? e?.cause?.message ?? e?.message ?? 'okänt'})`;
}
