/**
 * Which failures of a recalculation are worth retrying later (answered 503 + Retry-After): Google's
 * 429 (quota) and 5xx, and network errors. Everything else is a bug or a configuration fault (500).
 * @module
 */

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** gRPC-style codes some Google clients use: UNAVAILABLE, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED. */
const RETRYABLE_GRPC_CODES = new Set([14, 8, 4]);

function retryableStatus(status: unknown): boolean {
  const n = typeof status === 'string' && /^\d{3}$/.test(status) ? Number(status) : status;
  return typeof n === 'number' && (n === 429 || n === 408 || (n >= 500 && n <= 599));
}

/**
 * Recognises gaxios/googleapis errors (`status`, `code` as number or string, `response.status`),
 * Node/undici network errors (`code`), fetch's TypeError with a network `cause`, and an explicit
 * `retryable: true` an adapter may set. Follows `cause` a few levels deep.
 */
export function isRetryable(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const e = current as {
      retryable?: unknown;
      status?: unknown;
      code?: unknown;
      response?: { status?: unknown };
      cause?: unknown;
    };
    if (e.retryable === true) return true;
    if (e.retryable === false) return false;
    if (retryableStatus(e.status) || retryableStatus(e.response?.status)) return true;
    if (typeof e.code === 'string' && (RETRYABLE_NETWORK_CODES.has(e.code) || retryableStatus(e.code))) return true;
    if (typeof e.code === 'number' && (retryableStatus(e.code) || RETRYABLE_GRPC_CODES.has(e.code))) return true;
    current = e.cause;
  }
  return false;
}

/** Seconds to tell the caller to wait; a 429 waits out the per-minute quota. */
export function retryAfterSeconds(err: unknown): number {
  const status = (err as { status?: unknown; response?: { status?: unknown } } | null)?.status
    ?? (err as { response?: { status?: unknown } } | null)?.response?.status;
  return status === 429 || status === '429' ? 60 : 10;
}
