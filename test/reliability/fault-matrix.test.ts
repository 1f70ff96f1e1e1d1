/**
 * Google faults (issue 4, item 3): for every Google call of one edit's recalculation (workbook read,
 * workbook batchUpdate, summary read, summary batchUpdate, Drive permissions), through onSheetEdit →
 * createProductionRecalc → real googleapis clients → msw fake, inject 429 (with and without
 * Retry-After), 500, 503, a timeout (an answer later than the client's timeout) and a connection reset:
 * - transient (2 faults, policy allows 2 retries): the edit succeeds (200) and the workbook holds the
 *   fresh result;
 * - persistent: onSheetEdit answers 503 with Retry-After, the workbook is entirely old or entirely new
 *   (one atomic batchUpdate), and a structured log line names the failed operation.
 * Sleeps are instant (retry policy injection); the timeout is 150 ms per attempt.
 */
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useGoogleFake } from '../support/use-google-fake.ts';
import { invoke } from '../../shared/testing/tasks-fake/invoke.ts';
import type { LogEntry } from '../../functions/types.ts';
import { NOW, currentProductCells, freshProductCells } from './interleaving-fixtures.ts';
import { regionOnFake } from './region-on-fake.ts';

const SECRET = 'fault-secret-0123456789-abcdefghijklmnop';
const TIMEOUT_MS = 150;
const RETRIES = 2;

const { fake, ...clients } = useGoogleFake({ fresh: true });

type Target = { name: string; operation: string; leaves: 'old' | 'new'; matches: (method: string, url: URL, ids: { book: string; summary: string }) => boolean };

const TARGETS: Target[] = [
  { name: 'workbook read', leaves: 'old', operation: 'sheets.spreadsheets.get', matches: (m, u, ids) => m === 'GET' && u.pathname === `/v4/spreadsheets/${ids.book}` },
  { name: 'workbook batchUpdate', leaves: 'old', operation: 'sheets.spreadsheets.batchUpdate', matches: (m, u, ids) => m === 'POST' && u.pathname === `/v4/spreadsheets/${ids.book}:batchUpdate` },
  { name: 'summary read', leaves: 'old', operation: 'sheets.spreadsheets.values.batchGet', matches: (m, u, ids) => m === 'GET' && u.pathname.startsWith(`/v4/spreadsheets/${ids.summary}`) },
  { name: 'summary batchUpdate', leaves: 'new', operation: 'sheets.spreadsheets.batchUpdate', matches: (m, u, ids) => m === 'POST' && u.pathname === `/v4/spreadsheets/${ids.summary}:batchUpdate` },
  { name: 'drive permissions', leaves: 'new', operation: 'drive.permissions.list', matches: (_m, u, ids) => u.pathname.startsWith(`/drive/v3/files/${ids.summary}/permissions`) },
];

type Kind = { name: string; respond: () => Promise<Response> | Response };
const googleError = (code: number, status: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ error: { code, message: `fault ${code}`, status, errors: [{ message: `fault ${code}`, domain: 'global', reason: code === 429 ? 'rateLimitExceeded' : 'backendError' }] } }, { status: code, headers });

const KINDS: Kind[] = [
  { name: '429', respond: () => googleError(429, 'RESOURCE_EXHAUSTED') },
  { name: '429 + Retry-After', respond: () => googleError(429, 'RESOURCE_EXHAUSTED', { 'Retry-After': '1' }) },
  { name: '500', respond: () => googleError(500, 'INTERNAL') },
  { name: '503', respond: () => googleError(503, 'UNAVAILABLE') },
  { name: 'timeout', respond: async () => { await delay(TIMEOUT_MS + 100); return googleError(503, 'UNAVAILABLE'); } },
  { name: 'connection reset', respond: () => HttpResponse.error() },
];

async function setUp() {
  const logs: LogEntry[] = [];
  const slept: number[] = [];
  const { book, summary, handler, signedEdit } = regionOnFake(fake, {
    secret: SECRET,
    clients,
    retry: { retries: RETRIES, timeoutMs: TIMEOUT_MS, sleep: async (ms) => void slept.push(ms), random: () => 0.5 },
    log: (e) => logs.push(e),
  });
  return { book, summary, handler, call: signedEdit(NOW), logs, slept };
}

function injectFault(target: Target, kind: Kind, times: number, ids: { book: string; summary: string }) {
  let left = times;
  let hits = 0;
  fake.server.use(
    http.all(/^https:\/\/(sheets|www)\.googleapis\.com\//, ({ request }) => {
      if (left <= 0 || !target.matches(request.method, new URL(request.url), ids)) return undefined;
      left--;
      hits++;
      return kind.respond();
    }),
  );
  return { hits: () => hits };
}

const cases = TARGETS.flatMap((target) => KINDS.map((kind) => ({ target, kind, label: `${target.name} × ${kind.name}` })));
let matrixCases = 0;

describe(`Google fault matrix (${cases.length} × 2 cases)`, () => {
  it.each(cases)('$label, transient: succeeds after retries, workbook fully new', async ({ target, kind }) => {
    const s = await setUp();
    const fault = injectFault(target, kind, RETRIES, s);
    const answer = await invoke(s.handler, s.call);
    expect(fault.hits()).toBe(RETRIES);
    expect(answer.status).toBe(200);
    expect(Object.fromEntries(currentProductCells(fake, s.book))).toEqual(Object.fromEntries(freshProductCells(fake, s.book)));
    // bounded backoff with jitter, and Retry-After honoured
    expect(s.slept.length).toBeGreaterThanOrEqual(RETRIES);
    if (kind.name === '429 + Retry-After') expect(s.slept).toContain(1000);
    matrixCases++;
  });

  it.each(cases)('$label, persistent: 503 + Retry-After, workbook old or new, log names the operation', async ({ target, kind }) => {
    const s = await setUp();
    const before = currentProductCells(fake, s.book);
    const fault = injectFault(target, kind, 99, s);
    const answer = await invoke(s.handler, s.call);
    expect(fault.hits()).toBe(RETRIES + 1);
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toMatch(/^\d+$/);
    expect(answer.json).toMatchObject({ error: 'temporarily_unavailable' });
    const after = Object.fromEntries(currentProductCells(fake, s.book));
    const old = Object.fromEntries(before);
    const fresh = Object.fromEntries(freshProductCells(fake, s.book));
    expect(Object.keys(fresh).length).toBeGreaterThan(0);
    expect([old, fresh]).toContainEqual(after);
    // order of one edit: summary state read, workbook read, workbook write, summary write, sharing
    expect(after).toEqual(target.leaves === 'old' ? old : fresh);
    const line = s.logs.at(-1)!;
    expect(line).toMatchObject({ severity: 'WARNING', message: 'omräkningen misslyckades tillfälligt', operation: target.operation, spreadsheetId: s.book });
    expect(String(line.error)).toContain(target.operation);
    // the caller may resend the same signed call once Google is back
    fake.server.resetHandlers();
    expect((await invoke(s.handler, s.call)).status).toBe(200);
    expect(Object.fromEntries(currentProductCells(fake, s.book))).toEqual(fresh);
    matrixCases++;
  });

  it('ran the whole matrix', () => {
    console.info(`fault matrix: ${matrixCases} cases (${TARGETS.length} calls × ${KINDS.length} faults × transient/persistent)`);
    expect(matrixCases).toBe(cases.length * 2);
  });
});
