/**
 * The one retry policy for every Google call (reads and batchUpdate alike): bounded exponential
 * backoff with full jitter on 408/429/500/502/503/504, on 403 rate-limit reasons, and on calls that got
 * no answer (timeouts, resets); `Retry-After` is honoured. gaxios' own retry is switched off per call
 * (`retry: false`) because it retries no POST by default, has no jitter and ignores Retry-After.
 * A batchUpdate is safe to repeat: it is atomic and Målkoll's requests set absolute values.
 * @module
 */

export interface RetryPolicy {
  /** retries after the first attempt */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** per attempt */
  timeoutMs: number;
  /** a Retry-After longer than this is not waited for: the call fails at once */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 5,
  baseDelayMs: 500,
  maxDelayMs: 32_000,
  timeoutMs: 60_000,
  maxRetryAfterMs: 120_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Options handed to every generated client method. */
export interface CallOptions {
  retry: false;
  timeout: number;
}

/** A Google call that failed for good; `status` is null when no answer came. */
export class GoogleApiError extends Error {
  readonly operation: string;
  readonly status: number | null;
  readonly reason: string | null;
  readonly attempts: number;
  /** the failure was transient (quota, 5xx, no answer): the caller may retry later (functions answer 503) */
  readonly retryable: boolean;
  constructor(operation: string, status: number | null, reason: string | null, detail: string, attempts: number, retryable = false) {
    super(
      `${operation} misslyckades${status ? ` med HTTP ${status}` : ' utan svar'}${reason ? ` (${reason})` : ''}` +
        `${attempts > 1 ? ` efter ${attempts} försök` : ''}: ${detail}`,
    );
    this.name = 'GoogleApiError';
    this.operation = operation;
    this.status = status;
    this.reason = reason;
    this.attempts = attempts;
    this.retryable = retryable;
  }
}

interface ErrorInfo {
  status: number | null;
  reason: string | null;
  message: string;
  retryAfterMs: number | null;
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);

function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Record<string, string>;
  return record[name] ?? record[name.toLowerCase()] ?? null;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

export function describeError(error: unknown): ErrorInfo {
  const e = error as { status?: number; response?: { status?: number; data?: any; headers?: unknown }; message?: string };
  const status = e?.response?.status ?? e?.status ?? null;
  // a streamed call's error body arrives as text (gaxios collects it into the message); parse it as Google's JSON
  let data = e?.response?.data ?? (typeof e?.message === 'string' && e.message.startsWith('{"error"') ? e.message : undefined);
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      data = undefined;
    }
  }
  const body = data?.error;
  const reason = body?.errors?.[0]?.reason ?? body?.status ?? null;
  return {
    status: typeof status === 'number' ? status : null,
    reason: typeof reason === 'string' ? reason : null,
    message: typeof body?.message === 'string' ? body.message : String(e?.message ?? error),
    retryAfterMs: parseRetryAfter(header(e?.response?.headers, 'retry-after')),
  };
}

function retryable(info: ErrorInfo): boolean {
  if (info.status === null) return true; // timeout, reset, DNS: nothing was answered
  if (RETRY_STATUSES.has(info.status)) return true;
  return info.status === 403 && info.reason !== null && RATE_LIMIT_REASONS.has(info.reason);
}

/** Runs `call` under the policy; throws GoogleApiError when it gives up. */
export async function withRetry<T>(operation: string, call: (options: CallOptions) => Promise<T>, overrides: Partial<RetryPolicy> = {}): Promise<T> {
  const policy = { ...DEFAULT_RETRY, ...overrides };
  for (let attempt = 0; ; attempt++) {
    try {
      return await call({ retry: false, timeout: policy.timeoutMs });
    } catch (error) {
      const info = describeError(error);
      const tooLong = info.retryAfterMs !== null && info.retryAfterMs > policy.maxRetryAfterMs;
      if (!retryable(info) || attempt >= policy.retries || tooLong) {
        throw new GoogleApiError(operation, info.status, info.reason, info.message, attempt + 1, retryable(info));
      }
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt) * policy.random();
      await policy.sleep(Math.max(backoff, info.retryAfterMs ?? 0));
    }
  }
}
