import * as functions from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config.ts';
import type { EditRequest } from '../../functions/edit-request.ts';
import { relaxFrameworkJsonParsing } from '../../functions/framework-json.ts';
import { createOnSheetEdit } from '../../functions/on-sheet-edit.ts';
import { computeSignature } from '../../functions/signature.ts';
import type { LogEntry, RecalcReport } from '../../functions/types.ts';

const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
const KNOWN = '1KnownSheetId_abc-123';
const UNKNOWN = '1UnknownSheetId_xyz-999';
const NOW_S = 1_760_000_000;
const REPORT: RecalcReport = { workbooks: [{ id: KNOWN, name: 'Klimat', outcome: 'written', counts: { Positiv: 2 } }], summary: 'written', issues: [] };

const calls: { spreadsheetId: string; edit: EditRequest }[] = [];
const logs: LogEntry[] = [];
let failWith: unknown = null;
let url = '';
let server: Server;

function body(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ spreadsheetId: KNOWN, sheetName: 'Mätetal', range: 'F7', editedAt: '2025-10-09T08:15:00.000Z', ...overrides });
}

let nonce = 0;
/** A correctly signed call; `editedAt` varies so that no two calls share a signature (no accidental replay). */
function signed(raw: string, timestamp = NOW_S): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-malkoll-timestamp': String(timestamp),
    'x-malkoll-signature': computeSignature(SECRET, String(timestamp), raw),
  };
}
function freshBody(overrides: Record<string, unknown> = {}): string {
  nonce += 1;
  return body({ editedAt: new Date(Date.UTC(2025, 9, 9, 8, 0, nonce)).toISOString(), ...overrides });
}

async function send(init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Response> {
  return fetch(url, { method: init.method ?? 'POST', headers: init.headers, body: init.body });
}

beforeAll(async () => {
  expect(relaxFrameworkJsonParsing()).toBe(true);
  const handler = createOnSheetEdit({
    config: parseConfig({ MALKOLL_SIGNING_SECRET: SECRET, MALKOLL_SPREADSHEETS: `${KNOWN},1Other` }),
    recalculate: async (spreadsheetId, edit) => {
      calls.push({ spreadsheetId, edit });
      if (failWith !== null) throw failWith;
      return REPORT;
    },
    log: (entry) => logs.push(entry),
    now: () => NOW_S * 1000 + 400,
  });
  functions.http('onSheetEditUnderTest', handler);
  server = getTestServer('onSheetEditUnderTest');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  calls.length = 0;
  logs.length = 0;
  failWith = null;
});

const big = (): string => freshBody({ sheetName: 'x'.repeat(64 * 1024) });

type Case = { name: string; request: () => { method?: string; headers?: Record<string, string>; body?: string }; status: number };

const refusals: Case[] = [
  { name: 'GET', request: () => ({ method: 'GET' }), status: 405 },
  { name: 'PUT, signed', request: () => { const b = freshBody(); return { method: 'PUT', headers: signed(b), body: b }; }, status: 405 },
  { name: 'body over 64 KB, signed', request: () => { const b = big(); return { headers: signed(b), body: b }; }, status: 413 },
  { name: 'no signature', request: () => { const b = freshBody(); const { 'x-malkoll-signature': _, ...h } = signed(b); return { headers: h, body: b }; }, status: 401 },
  { name: 'no timestamp', request: () => { const b = freshBody(); const { 'x-malkoll-timestamp': _, ...h } = signed(b); return { headers: h, body: b }; }, status: 401 },
  { name: 'wrong signature (other secret)', request: () => { const b = freshBody(); return { headers: { ...signed(b), 'x-malkoll-signature': computeSignature('another-secret-0123456789-abcdefghij', String(NOW_S), b) }, body: b }; }, status: 401 },
  { name: 'signature of another body', request: () => { const b = freshBody(); return { headers: signed(freshBody()), body: b }; }, status: 401 },
  { name: 'signature without sha256= prefix', request: () => { const b = freshBody(); const h = signed(b); return { headers: { ...h, 'x-malkoll-signature': h['x-malkoll-signature']!.slice(7) }, body: b }; }, status: 401 },
  { name: 'timestamp 301 s old', request: () => { const b = freshBody(); return { headers: signed(b, NOW_S - 301), body: b }; }, status: 401 },
  { name: 'timestamp 301 s ahead', request: () => { const b = freshBody(); return { headers: signed(b, NOW_S + 301), body: b }; }, status: 401 },
  { name: 'timestamp in milliseconds', request: () => { const b = freshBody(); return { headers: signed(b, NOW_S * 1000), body: b }; }, status: 401 },
  { name: 'malformed JSON, signed', request: () => { const b = '{"spreadsheetId":'; return { headers: signed(b), body: b }; }, status: 400 },
  { name: 'JSON string, signed', request: () => { const b = '"F7"'; return { headers: signed(b), body: b }; }, status: 400 },
  { name: 'wrong types', request: () => { const b = freshBody({ range: 7 }); return { headers: signed(b), body: b }; }, status: 400 },
  { name: 'missing field', request: () => { const b = JSON.stringify({ spreadsheetId: KNOWN, sheetName: 'Mätetal', range: 'F7' }); return { headers: signed(b), body: b }; }, status: 400 },
  { name: 'unknown field', request: () => { const b = freshBody({ user: 'anna@region.se' }); return { headers: signed(b), body: b }; }, status: 400 },
  { name: 'range with sheet name', request: () => { const b = freshBody({ range: 'Mätetal!F7' }); return { headers: signed(b), body: b }; }, status: 400 },
  { name: 'range not A1', request: () => { const b = freshBody({ range: 'R7C6' }); return { headers: signed(b), body: b }; }, status: 400 },
  { name: 'editedAt not ISO 8601', request: () => { const b = freshBody({ editedAt: '9 oktober 2025' }); return { headers: signed(b), body: b }; }, status: 400 },
  { name: 'editedAt without zone', request: () => { const b = freshBody({ editedAt: '2025-10-09T08:15:00' }); return { headers: signed(b), body: b }; }, status: 400 },
  { name: 'unknown spreadsheet', request: () => { const b = freshBody({ spreadsheetId: UNKNOWN }); return { headers: signed(b), body: b }; }, status: 403 },
  // order of the checks: method, size, signature, shape, allowlist
  { name: 'oversized AND unsigned → 413', request: () => ({ headers: { 'content-type': 'application/json' }, body: big() }), status: 413 },
  { name: 'oversized malformed JSON AND unsigned → 413', request: () => ({ headers: { 'content-type': 'application/json' }, body: '{'.repeat(70_000) }), status: 413 },
  { name: 'GET AND oversized → 405', request: () => ({ method: 'DELETE', body: big() }), status: 405 },
  { name: 'unsigned AND malformed JSON (application/json) → 401', request: () => ({ headers: { 'content-type': 'application/json' }, body: '{bad' }), status: 401 },
  { name: 'unsigned AND malformed JSON (text/plain) → 401', request: () => ({ headers: { 'content-type': 'text/plain' }, body: '{bad' }), status: 401 },
  { name: 'stale AND unknown spreadsheet → 401', request: () => { const b = freshBody({ spreadsheetId: UNKNOWN }); return { headers: signed(b, NOW_S - 600), body: b }; }, status: 401 },
  { name: 'malformed AND unknown spreadsheet → 400', request: () => { const b = freshBody({ spreadsheetId: UNKNOWN, range: 'x' }); return { headers: signed(b), body: b }; }, status: 400 },
];

describe('onSheetEdit on a real functions-framework server', () => {
  it.each(refusals)('$name → $status, recalculate not called', async ({ request, status }) => {
    const res = await send(request());
    expect(res.status).toBe(status);
    if (status === 405) expect(res.headers.get('allow')).toBe('POST');
    const json = (await res.json()) as { error: string; reason?: string };
    expect(typeof json.error).toBe('string');
    expect(calls).toEqual([]);
  });

  it('400 names the zod reason', async () => {
    const b = freshBody({ extra: 1 });
    const json = (await (await send({ headers: signed(b), body: b })).json()) as { error: string; reason: string };
    expect(json).toMatchObject({ error: 'bad_request' });
    expect(json.reason).toContain('extra');
  });

  it.each(['F7', 'A1:C3', '$B$2', 'A:C', '3:5', 'A5:A'])('accepts range %s and calls recalculate once with the id', async (range) => {
    const b = freshBody({ range });
    const res = await send({ headers: signed(b), body: b });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(REPORT);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.spreadsheetId).toBe(KNOWN);
    expect(calls[0]!.edit).toEqual(JSON.parse(b));
  });

  it('accepts a timestamp exactly 300 s off, and non-ASCII escaped in the body', async () => {
    const b = freshBody().replace('Mätetal', 'M\\u00e4tetal');
    expect(b).toContain('"M\\u00e4tetal"');
    const res = await send({ headers: signed(b, NOW_S - 300), body: b });
    expect(res.status).toBe(200);
    expect(calls[0]!.edit.sheetName).toBe('Mätetal');
  });

  it('refuses a replay of the same signed call with 401', async () => {
    const b = freshBody();
    const first = await send({ headers: signed(b), body: b });
    const replay = await send({ headers: signed(b), body: b });
    expect([first.status, replay.status]).toEqual([200, 401]);
    expect(((await replay.json()) as { reason: string }).reason).toMatch(/upprepad/);
    expect(calls).toHaveLength(1);
  });

  it.each([
    { name: 'Google 429', error: Object.assign(new Error('Quota exceeded'), { status: 429 }), status: 503, retryAfter: '60' },
    { name: 'gaxios 503 as response.status', error: Object.assign(new Error('backend'), { response: { status: 503 } }), status: 503, retryAfter: '10' },
    { name: 'network reset', error: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), status: 503, retryAfter: '10' },
    { name: 'a bug', error: new TypeError('x is undefined'), status: 500, retryAfter: null },
    { name: 'Google 403 (no access)', error: Object.assign(new Error('forbidden'), { status: 403 }), status: 500, retryAfter: null },
  ])('recalculate throws $name → $status', async ({ error, status, retryAfter }) => {
    failWith = error;
    const b = freshBody();
    const res = await send({ headers: signed(b), body: b });
    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe(retryAfter);
    expect(calls).toHaveLength(1);
    expect(logs.at(-1)?.severity).toBe(status === 503 ? 'WARNING' : 'ERROR');
  });

  it('after a 503 the same signed call may be retried', async () => {
    failWith = Object.assign(new Error('Quota exceeded'), { code: 429 });
    const b = freshBody();
    expect((await send({ headers: signed(b), body: b })).status).toBe(503);
    failWith = null;
    expect((await send({ headers: signed(b), body: b })).status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it('logs structured lines with the spreadsheet id and never the secret or the signature', async () => {
    const b = freshBody();
    const headers = signed(b);
    await send({ headers, body: b });
    await send({ headers: { ...headers, 'x-malkoll-signature': 'sha256=' + '0'.repeat(64) }, body: freshBody() });
    const text = JSON.stringify(logs);
    expect(logs[0]).toMatchObject({ severity: 'INFO', spreadsheetId: KNOWN });
    expect(logs[1]).toMatchObject({ severity: 'WARNING', status: 401 });
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(headers['x-malkoll-signature']!.slice(7));
  });
});
