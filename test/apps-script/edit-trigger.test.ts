import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEditRequest } from '../../functions/edit-request.ts';
import { verifySignature } from '../../functions/signature.ts';
import { buildAppsScript } from '../../scripts/build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = 'apps-script-secret-0123456789-abcdef';
const ENDPOINT = 'https://europe-north2-proj.cloudfunctions.net/onSheetEdit';
const IDS = ['1SheetA_abc', '1SheetB-def'];
let code = '';

beforeAll(async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'malkoll-gas-'));
  await buildAppsScript(root, out);
  code = readFileSync(path.join(out, 'Code.gs'), 'utf8');
});

interface Fetched { url: string; params: { method: string; contentType: string; payload: string; headers: Record<string, string>; muteHttpExceptions: boolean } }
interface FakeTrigger { handler: string; type: string; source: string; getHandlerFunction(): string; getEventType(): string; getTriggerSourceId(): string }

/** A fresh Apps Script world: the services the trigger uses, recording what it does. */
function world(options: { props?: Record<string, string>; responses?: { code: number; headers?: Record<string, string> }[] } = {}) {
  const props: Record<string, string> = {
    MALKOLL_SIGNING_SECRET: SECRET,
    MALKOLL_ENDPOINT: ENDPOINT,
    MALKOLL_SPREADSHEETS: IDS.join(', '),
    ...options.props,
  };
  const fetched: Fetched[] = [];
  const slept: number[] = [];
  const responses = [...(options.responses ?? [])];
  const triggers: FakeTrigger[] = [];
  const trigger = (handler: string, type: string, source: string): FakeTrigger => ({
    handler, type, source,
    getHandlerFunction: () => handler,
    getEventType: () => type,
    getTriggerSourceId: () => source,
  });
  const context = vm.createContext({
    console: { log: () => {}, warn: () => {}, error: () => {} },
    UrlFetchApp: {
      fetch: (url: string, params: Fetched['params']) => {
        fetched.push({ url, params });
        const r = responses.shift() ?? { code: 200 };
        return { getResponseCode: () => r.code, getContentText: () => '{}', getHeaders: () => r.headers ?? {} };
      },
    },
    PropertiesService: { getScriptProperties: () => ({ getProperty: (k: string) => props[k] ?? null }) },
    Utilities: {
      Charset: { UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' },
      // like Apps Script: the MAC as signed bytes (−128…127)
      computeHmacSha256Signature: (value: string, key: string, charset: string) => {
        expect(charset).toBe('UTF_8');
        return [...createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(value, 'utf8')).digest()].map((b) => (b > 127 ? b - 256 : b));
      },
      sleep: (ms: number) => slept.push(ms),
    },
    ScriptApp: {
      EventType: { ON_EDIT: 'ON_EDIT', ON_CHANGE: 'ON_CHANGE', CLOCK: 'CLOCK' },
      getProjectTriggers: () => [...triggers],
      deleteTrigger: (t: FakeTrigger) => triggers.splice(triggers.indexOf(t), 1),
      newTrigger: (handler: string) => ({
        forSpreadsheet: (id: string) => ({
          onEdit: () => ({ create: () => { const t = trigger(handler, 'ON_EDIT', id); triggers.push(t); return t; } }),
        }),
      }),
    },
    SpreadsheetApp: {},
  });
  vm.runInContext(code, context, { filename: 'Code.gs' });
  return { context: context as unknown as { onEditTrigger(e: unknown): void; installTriggers(): string }, fetched, slept, triggers, trigger };
}

const HEADERS: Record<string, string[]> = {
  Mätetal: ['Målområde', 'Indikator', 'Mätetal', 'Riktning', 'Utfall 2024', 'Utfall 2025', 'Utveckling', 'Förklaring'],
  Handlingsplan: ['Målområde', 'Aktivitet', 'Ansvarig', 'Klart senast', 'Status', 'Läge'],
  Anteckningar: ['Vad', 'Vem'],
};

/** An installable onEdit event for `a1` (`F7` or `G2:H3`) on `sheetName`. */
function editEvent(sheetName: string, a1: string, spreadsheetId = IDS[0]!) {
  const [from, to = from] = a1.split(':') as [string, string?];
  const col = (ref: string) => ref.replace(/\d+/g, '').split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = (ref: string) => Number(ref.replace(/[A-Z]+/g, ''));
  const headers = HEADERS[sheetName] ?? [];
  const sheet = {
    getName: () => sheetName,
    getRange: (r: number, c: number, nr: number, nc: number) => {
      expect([r, nr]).toEqual([1, 1]);
      return { getValues: () => [headers.slice(c - 1, c - 1 + nc)] };
    },
  };
  const range = {
    getA1Notation: () => a1,
    getRow: () => row(from),
    getColumn: () => col(from),
    getNumColumns: () => col(to!) - col(from) + 1,
    getSheet: () => sheet,
  };
  return { range, source: { getId: () => spreadsheetId }, value: '42' };
}

describe('onEditTrigger', () => {
  it('posts the signed edit call for an outcome typed in Mätetal', () => {
    const w = world();
    const before = Math.floor(Date.now() / 1000);
    w.context.onEditTrigger(editEvent('Mätetal', 'F7'));
    expect(w.fetched).toHaveLength(1);
    const { url, params } = w.fetched[0]!;
    expect(url).toBe(ENDPOINT);
    expect(params).toMatchObject({ method: 'post', contentType: 'application/json', muteHttpExceptions: true });
    expect(params.payload).toMatch(/^[\x20-\x7e]*$/); // ASCII only: the signed bytes are the sent bytes
    const raw = Buffer.from(params.payload, 'utf8');
    const parsed = parseEditRequest(raw);
    expect(parsed).toMatchObject({ ok: true, edit: { spreadsheetId: IDS[0], sheetName: 'Mätetal', range: 'F7' } });
    if (parsed.ok) expect(Math.abs(Date.parse(parsed.edit.editedAt) - Date.now())).toBeLessThan(5000);
    const timestamp = Number(params.headers['X-Malkoll-Timestamp']);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    const check = verifySignature({
      secret: SECRET,
      timestampHeader: params.headers['X-Malkoll-Timestamp'],
      signatureHeader: params.headers['X-Malkoll-Signature'],
      rawBody: raw,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    expect(check.ok).toBe(true);
    expect(verifySignature({ secret: 'x'.repeat(40), timestampHeader: params.headers['X-Malkoll-Timestamp'], signatureHeader: params.headers['X-Malkoll-Signature'], rawBody: raw, nowSeconds: timestamp }).ok).toBe(false);
  });

  it.each([
    { name: 'an edit in Utveckling', sheet: 'Mätetal', a1: 'G5', posts: 0 },
    { name: 'an edit across Utveckling and Förklaring', sheet: 'Mätetal', a1: 'G5:H9', posts: 0 },
    { name: 'an edit in Läge', sheet: 'Handlingsplan', a1: 'F3', posts: 0 },
    { name: 'a sheet outside the template', sheet: 'Anteckningar', a1: 'A2', posts: 0 },
    { name: 'the generated summary sheet', sheet: 'Sammanfattning', a1: 'B2', posts: 0 },
    { name: 'a paste across input and product columns', sheet: 'Mätetal', a1: 'F5:G5', posts: 1 },
    { name: 'the header of a product column (structure)', sheet: 'Mätetal', a1: 'G1', posts: 1 },
    { name: 'Status in Handlingsplan', sheet: 'Handlingsplan', a1: 'E3', posts: 1 },
    { name: 'a sheet name in other case', sheet: 'mätetal', a1: 'E3', posts: 1 },
    { name: 'Inställningar', sheet: 'Inställningar', a1: 'B2', posts: 1 },
  ])('$name → $posts call(s)', ({ sheet, a1, posts }) => {
    const w = world();
    w.context.onEditTrigger(editEvent(sheet, a1));
    expect(w.fetched).toHaveLength(posts);
  });

  it('retries once, signed afresh, after 503 with Retry-After', () => {
    const w = world({ responses: [{ code: 503, headers: { 'Retry-After': '3' } }, { code: 200 }] });
    w.context.onEditTrigger(editEvent('Mätetal', 'F7'));
    expect(w.fetched).toHaveLength(2);
    expect(w.slept).toEqual([3000]);
  });

  it.each([401, 403, 500])('throws when the function answers %i, so the failure is reported', (status) => {
    const w = world({ responses: [{ code: status }] });
    expect(() => w.context.onEditTrigger(editEvent('Mätetal', 'F7'))).toThrow(String(status));
  });

  it.each<{ props: Record<string, string>; name: string }>([
    { props: { MALKOLL_SIGNING_SECRET: '' }, name: 'MALKOLL_SIGNING_SECRET' },
    { props: { MALKOLL_SIGNING_SECRET: 'short' }, name: 'MALKOLL_SIGNING_SECRET' },
    { props: { MALKOLL_ENDPOINT: 'http://insecure.example' }, name: 'MALKOLL_ENDPOINT' },
  ])('refuses to post without $name', ({ props, name }) => {
    const w = world({ props });
    expect(() => w.context.onEditTrigger(editEvent('Mätetal', 'F7'))).toThrow(name);
    expect(w.fetched).toHaveLength(0);
  });
});

describe('installTriggers', () => {
  it('is idempotent: twice leaves one onEdit trigger per spreadsheet, and others alone', () => {
    const w = world();
    w.triggers.push(w.trigger('nightly', 'CLOCK', ''), w.trigger('onEditTrigger', 'ON_EDIT', '1Old'));
    w.context.installTriggers();
    w.context.installTriggers();
    const ours = w.triggers.filter((t) => t.handler === 'onEditTrigger');
    expect(ours.map((t) => [t.type, t.source]).sort()).toEqual(IDS.map((id) => ['ON_EDIT', id]));
    expect(w.triggers.filter((t) => t.handler === 'nightly')).toHaveLength(1);
  });

  it('refuses more spreadsheets than the 20-trigger limit, deleting nothing', () => {
    const many = Array.from({ length: 20 }, (_, i) => `1Sheet${i}`).join(',');
    const w = world({ props: { MALKOLL_SPREADSHEETS: many } });
    w.triggers.push(w.trigger('nightly', 'CLOCK', ''), w.trigger('onEditTrigger', 'ON_EDIT', '1Old'));
    expect(() => w.context.installTriggers()).toThrow(/20/);
    expect(w.triggers).toHaveLength(2);
  });

  it('refuses without MALKOLL_SPREADSHEETS', () => {
    const w = world({ props: { MALKOLL_SPREADSHEETS: ' , ' } });
    expect(() => w.context.installTriggers()).toThrow('MALKOLL_SPREADSHEETS');
  });
});
