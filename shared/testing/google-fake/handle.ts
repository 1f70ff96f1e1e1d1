/**
 * One HTTP request to the fake → its answer, as a web `Response`: the same function serves msw (tests in
 * one process) and the fake's own HTTP server (shared/testing/google-server, the fake in its own
 * process). In order: record, authenticate, injected faults, quota, validation against the discovery
 * documents, latency, the method itself, the `fields` mask.
 * @module
 */
import { HttpResponse } from 'msw';
import { resolveMethod, validateBody, validateQuery } from './discovery.ts';
import { applyFieldMask, parseFieldMask } from './field-mask.ts';
import { FakeGoogleError, badRequest, notFound, quotaExceeded, rateLimited } from './errors.ts';
import { dispatch, type FakeState } from './dispatch.ts';
import type { QuotaCounter, QuotaKind, QuotaLimits } from './quota.ts';

export interface Fault {
  /** discovery id to match; all methods when absent */
  method?: string;
  /** a spreadsheet or file id the request's path must name */
  target?: string;
  status?: 429 | 500 | 503 | number;
  /** seconds, sent as the Retry-After header */
  retryAfter?: number;
  /** drop the connection (HttpResponse.error()) */
  reset?: boolean;
  /** apply the request, then drop the connection: Google did it, the caller never hears */
  afterApply?: boolean;
  delayMs?: number;
  /** how many matching requests it hits (default 1) */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  httpMethod: string;
  url: URL;
  body: unknown;
  /** the fake's clock when the request arrived, and when it was answered */
  at: number;
  answeredAt?: number;
  status?: number;
}

export interface HandleContext {
  state: FakeState;
  requests: RecordedRequest[];
  faults: (Fault & { left: number })[];
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** latency added to every answered request (ms), by discovery id */
  latencyMs: (method: string) => number;
  quota: { counter: QuotaCounter; limits: QuotaLimits } | null;
  /** requests refused for quota */
  refused: { method: string; at: number; kind: QuotaKind; scope: 'user' | 'project' }[];
}

const FAULT_MESSAGES: Record<number, string> = {
  403: 'The caller does not have permission',
  404: 'Requested entity was not found.',
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

export const WRITE_METHODS = /batchUpdate|create|delete|append|clear|update/i;
const SHEETS_READS = /^sheets\.spreadsheets\.(get|getByDataFilter|values\.(get|batchGet|batchGetByDataFilter))$/;

function quotaKind(method: string): QuotaKind | null {
  if (!method.startsWith('sheets.')) return null; // Drive's quotas are separate and far larger
  return SHEETS_READS.test(method) ? 'read' : 'write';
}

const respondError = (e: FakeGoogleError, headers: Record<string, string> = {}): Response => HttpResponse.json(e.body, { status: e.code, headers });

export async function handleGoogleRequest(ctx: HandleContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const method = resolveMethod(request.method, url);
  const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    return respondError(badRequest('Invalid JSON payload received.'));
  }
  const record: RecordedRequest = { method: method?.id ?? `unknown ${request.method} ${url.pathname}`, httpMethod: request.method, url, body, at: ctx.now() };
  ctx.requests.push(record);
  const answer = (response: Response): Response => {
    record.answeredAt = ctx.now();
    record.status = response.type === 'error' ? 0 : response.status;
    return response;
  };
  if (!method) {
    ctx.state.validationErrors.push(`no Google method answers ${request.method} ${url.pathname}`);
    return answer(respondError(notFound(`Method not found: ${request.method} ${url.pathname}`)));
  }
  const authorization = /^Bearer (\S+)/.exec(request.headers.get('authorization') ?? '');
  if (!authorization) {
    return answer(respondError(new FakeGoogleError(401, 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.')));
  }
  const fault = ctx.faults.find((f) => f.left > 0 && (!f.method || f.method === method.id) && (!f.target || url.pathname.includes(`/${f.target}`)));
  let dropAfterApply = false;
  if (fault) {
    fault.left--;
    if (fault.delayMs) await ctx.sleep(fault.delayMs);
    if (fault.afterApply) dropAfterApply = true;
    else if (fault.reset) return answer(HttpResponse.error());
    else if (fault.status) {
      const error =
        fault.status === 429
          ? rateLimited(method.api, WRITE_METHODS.test(method.id))
          : new FakeGoogleError(fault.status, FAULT_MESSAGES[fault.status] ?? 'Internal error encountered.');
      return answer(respondError(error, fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}));
    }
  }
  const kind = quotaKind(method.id);
  if (ctx.quota && kind) {
    const refused = ctx.quota.counter.admit(kind, authorization[1]!, record.at);
    if (refused) {
      ctx.refused.push({ method: method.id, at: record.at, ...refused });
      const limits = ctx.quota.limits;
      const value = refused.scope === 'user' ? (kind === 'read' ? limits.readPerUser : limits.writePerUser) : kind === 'read' ? limits.readPerProject : limits.writePerProject;
      const error = quotaExceeded(kind, refused.scope, value);
      return answer(HttpResponse.json(error.body as Record<string, unknown>, { status: error.code }));
    }
  }
  const problems = [...validateQuery(method, url.searchParams), ...validateBody(method, body)];
  if (problems.length) {
    ctx.state.validationErrors.push(...problems);
    return answer(respondError(badRequest(`Invalid request: ${problems.join('; ')}`)));
  }
  const latency = ctx.latencyMs(method.id);
  if (latency > 0) await ctx.sleep(latency);
  try {
    const out = dispatch(ctx.state, method, url.searchParams, body);
    if (dropAfterApply) return answer(HttpResponse.error());
    if (out.status === 204) return answer(new HttpResponse(null, { status: 204 }));
    const fields = url.searchParams.get('fields');
    let json = out.json;
    if (fields) {
      try {
        json = applyFieldMask(json, parseFieldMask(fields));
      } catch (e) {
        ctx.state.validationErrors.push(`${method.id}: ${(e as Error).message}`);
        return answer(respondError(badRequest((e as Error).message)));
      }
    }
    return answer(HttpResponse.json(json as Record<string, unknown>, { status: out.status ?? 200 }));
  } catch (e) {
    if (e instanceof FakeGoogleError) return answer(respondError(e));
    throw e;
  }
}
