/**
 * Google's JSON error bodies, as the real APIs send them (`{error:{code,message,status,errors:[…]}}`).
 * The fake throws `FakeGoogleError` from its models; the router turns it into the response.
 * @module
 */

const STATUS_BY_CODE: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const REASON_BY_CODE: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  429: 'rateLimitExceeded',
  500: 'backendError',
  503: 'backendError',
};

export interface GoogleErrorBody {
  error: {
    code: number;
    message: string;
    status?: string;
    errors: { message: string; domain: string; reason: string; location?: string; locationType?: string }[];
  };
}

export class FakeGoogleError extends Error {
  readonly code: number;
  readonly body: GoogleErrorBody;
  constructor(code: number, message: string, options: { reason?: string; domain?: string; status?: string | null } = {}) {
    super(message);
    this.code = code;
    const status = options.status === null ? undefined : (options.status ?? STATUS_BY_CODE[code]);
    this.body = {
      error: {
        code,
        message,
        ...(status ? { status } : {}),
        errors: [{ message, domain: options.domain ?? 'global', reason: options.reason ?? REASON_BY_CODE[code] ?? 'error' }],
      },
    };
  }
}

export const badRequest = (message: string): FakeGoogleError => new FakeGoogleError(400, message);
export const notFound = (message = 'Requested entity was not found.'): FakeGoogleError => new FakeGoogleError(404, message);

/** The message Drive sends when a service account tries to own a file (checked against public reports). */
export const STORAGE_QUOTA_MESSAGE =
  'Service Accounts do not have storage quota. Leverage shared drives (https://developers.google.com/workspace/drive/api/guides/about-shareddrives), or use OAuth delegation (http://support.google.com/a/answer/7281227) instead.';

export function storageQuotaExceeded(): FakeGoogleError {
  // Drive v3 errors carry no `status`; domain usageLimits (which is why naive clients retry it — we must not)
  return new FakeGoogleError(403, STORAGE_QUOTA_MESSAGE, { reason: 'storageQuotaExceeded', domain: 'usageLimits', status: null });
}

export function rateLimited(api: 'sheets' | 'drive', write: boolean): FakeGoogleError {
  const metric = write ? 'Write requests' : 'Read requests';
  return new FakeGoogleError(
    429,
    `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service '${api}.googleapis.com' for consumer 'project_number:123456789012'.`,
    { reason: 'rateLimitExceeded' },
  );
}

/**
 * The body Sheets sends when a per-minute quota is used up (v4 sends `details` with an ErrorInfo and no
 * `errors` list), e.g. "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per
 * minute per user' of service 'sheets.googleapis.com' …" with reason RATE_LIMIT_EXCEEDED.
 */
export function quotaExceeded(kind: 'read' | 'write', scope: 'user' | 'project', limitValue: number): { code: number; body: unknown } {
  const metric = kind === 'read' ? 'Read requests' : 'Write requests';
  const limit = `${metric} per minute${scope === 'user' ? ' per user' : ''}`;
  const message = `Quota exceeded for quota metric '${metric}' and limit '${limit}' of service 'sheets.googleapis.com' for consumer 'project_number:123456789012'.`;
  return {
    code: 429,
    body: {
      error: {
        code: 429,
        message,
        status: 'RESOURCE_EXHAUSTED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'RATE_LIMIT_EXCEEDED',
            domain: 'googleapis.com',
            metadata: {
              quota_limit: `${kind === 'read' ? 'Read' : 'Write'}RequestsPerMinute${scope === 'user' ? 'PerUser' : 'PerProject'}`,
              quota_metric: `sheets.googleapis.com/${kind}_requests`,
              quota_limit_value: String(limitValue),
              consumer: 'projects/123456789012',
              service: 'sheets.googleapis.com',
            },
          },
        ],
      },
    },
  };
}
