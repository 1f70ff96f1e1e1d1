/**
 * The year round in Google (domain.md §7), through the functions' production wiring and the real googleapis
 * clients against the Google fake (every request checked against Google's discovery documents), with the Kolada
 * fake and webhook receivers on the loopback:
 * - the scheduled `recalculateAll` (over HTTP) merges Kolada into the workbooks it reads (one read each), and
 *   recalculates anyway when Kolada cannot be reached;
 * - `Fastställd 2025` makes a copy of the summary beside it, shared read-only with the summary's readers, never
 *   written again, while the live summary lists what changed since;
 * - a Google Chat and a Teams webhook get exactly one message per changing run, none for an unchanged one, the
 *   backlog after a refusal, and nothing twice when the summary write fails;
 * - `new-year google` inserts `Utfall 2026` right after the last Utfall column in every workbook, once.
 */
import * as functions from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { http, passthrough } from 'msw';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGoogleFake, fakeClients, type SheetSeed } from '../../shared/testing/google-fake/index.ts';
import { startKoladaFake, type KoladaFake } from '../../shared/testing/kolada-fake/index.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../shared/testing/webhook-receiver/index.ts';
import { parseConfig, type Config } from '../../shared/config.ts';
import { createProductionRecalc, type ProductionRecalc } from '../../shared/app/production.ts';
import { createRecalculateAll } from '../../functions/recalculate-all.ts';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { SHEETS } from '../../shared/engine/index.ts';
import { DEMO_KOLADA, demoWorkbooks } from '../../sheets-templates/demo/index.ts';
import { seedsOf, titleOf } from './support/demo-seeds.ts';

const SECRET = 'year-round-secret-0123456789-abcdefgh';
let now = new Date('2026-03-03T06:00:00Z');
const fake = createGoogleFake();
const quick = { retries: 1, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} };
let folder = '';
let summaryId = '';
const ids: string[] = [];
let kolada: KoladaFake;
let chat: WebhookReceiver;
let teams: WebhookReceiver;
let config: Config;
let production: ProductionRecalc;
let allUrl = '';
const servers: Server[] = [];

const title = (id: string) => fake.getSpreadsheet(id).properties.title;
const envFor = (hook: WebhookReceiver): Config => ({ ...config, alertTarget: { format: hook === chat ? 'google-chat' : 'teams', url: hook.url } });
const productionFor = (c: Config) => createProductionRecalc(c, { ...fakeClients(), now: () => now, retry: quick, kolada: { retryDelayMs: 10, timeoutMs: 2000 }, alertTimeoutMs: 2000 });

/** Text of every cell of a sheet, joined (what a reader sees). */
function sheetText(id: string, sheet: string): string {
  return fake
    .getSheetValues(id, sheet)
    .map((r) => r.map((v) => (v === null ? '' : String(v))).join(' | '))
    .join('\n');
}

/** A person types `value` into the Mätetal row of `metric`, under `header` (a real batchUpdate on the fake). */
async function type(metric: string, header: string, value: number | string): Promise<void> {
  const id = ids.find((i) => title(i) === 'Miljöprogram')!;
  const rows = fake.getSheetValues(id, SHEETS.metrics);
  const col = rows[0]!.indexOf(header);
  const row = rows.findIndex((r) => r.includes(metric));
  const sheetId = fake.getSpreadsheet(id).sheets.find((s) => s.properties.title === SHEETS.metrics)!.properties.sheetId;
  const userEnteredValue = typeof value === 'number' ? { numberValue: value } : { stringValue: value };
  await fakeClients().sheets.spreadsheets.batchUpdate({
    spreadsheetId: id,
    requestBody: { requests: [{ updateCells: { start: { sheetId, rowIndex: row, columnIndex: col }, rows: [{ values: [{ userEnteredValue }] }], fields: 'userEnteredValue' } }] },
  });
}
const envOf = () => ids.find((i) => title(i) === 'Miljöprogram')!;
const edit = () => ({ spreadsheetId: envOf(), sheetName: SHEETS.metrics, range: 'F7', editedAt: now.toISOString() });

async function scheduled(): Promise<{ yearRound?: { notes: string[]; archived: { year: number }[] } }> {
  const res = await fetch(allUrl, { method: 'POST' });
  expect(res.status).toBe(200);
  return (await res.json()) as never;
}

beforeAll(async () => {
  fake.listen();
  fake.server.use(http.all(/^http:\/\/127\.0\.0\.1/, () => passthrough()));
  folder = fake.drive.addFolder('Målkoll', { sharedDrive: true });
  for (const wb of demoWorkbooks()) ids.push(fake.createSpreadsheet(titleOf(wb), seedsOf(wb) as SheetSeed[], { parent: folder }));
  summaryId = fake.createSpreadsheet('Målkoll – Sammanfattning', [{ name: SHEETS.summary, rows: [] }], { parent: folder });
  kolada = await startKoladaFake({ perPage: 2 });
  kolada.set(DEMO_KOLADA.kpi, DEMO_KOLADA.id, 2024, 8420);
  kolada.set(DEMO_KOLADA.kpi, DEMO_KOLADA.id, 2025, { T: 8100, K: 3900, M: 4200 });
  chat = await startWebhookReceiver();
  teams = await startWebhookReceiver();
  config = parseConfig({
    MALKOLL_SIGNING_SECRET: SECRET,
    MALKOLL_SPREADSHEETS: ids.join(','),
    MALKOLL_SUMMARY_SPREADSHEET: summaryId,
    MALKOLL_SHARE_DOMAINS: 'exempelland.se',
    MALKOLL_KOLADA_URL: kolada.url,
  });
  production = productionFor(envFor(chat));
  functions.http('recalculateAllYearRound', createRecalculateAll({ recalculateAll: () => production.recalculateAll(), log: () => {} }));
  const server = getTestServer('recalculateAllYearRound');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  allUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterEach(() => expect(fake.validationErrors).toEqual([]));

afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
  await Promise.all([kolada.close(), chat.close(), teams.close()]);
  fake.close();
});

describe('the scheduled run: Kolada merged, the approved year archived', () => {
  let report: Awaited<ReturnType<typeof scheduled>>;
  let reads: Record<string, number>;
  beforeAll(async () => {
    fake.calls.reset();
    report = await scheduled();
    reads = Object.fromEntries(ids.map((id) => [title(id), fake.calls.requests.filter((r) => r.method === 'sheets.spreadsheets.get' && r.url.pathname.includes(id)).length]));
  });

  it('merges Kolada into the workbooks it reads anyway: each read once, the empty 2025 cell gets the total, the typed 2024 stays', () => {
    expect(reads).toEqual({ Miljöprogram: 1, 'Social hållbarhet': 1, 'Hälso- och sjukvården': 1 });
    expect(report.yearRound?.notes).toContainEqual(expect.stringMatching(/^Kolada: 1 utfall ifyllda \(1 nyckeltal, \d+ anrop\)$/));
    const rows = fake.getSheetValues(envOf(), SHEETS.metrics);
    const row = rows.find((r) => r.includes('Kassation av läkemedel'))!;
    expect(row[rows[0]!.indexOf('Utfall 2025')]).toBe(8100);
    expect(row[rows[0]!.indexOf('Utfall 2024')]).toBe(8420);
    expect(String(row[rows[0]!.indexOf('Förklaring')])).toContain('Utfall 2025 från Kolada N00945, hämtat 2026-03-03');
  });

  it('copies the summary beside it as the approved 2025 report, shared read-only with its readers', () => {
    expect(report.yearRound?.archived).toEqual([{ year: 2025, location: expect.stringMatching(/^https:\/\/docs\.google\.com\/spreadsheets\/d\//), adopted: false }]);
    const copies = [...fake.drive.files.values()].filter((f) => f.name === 'Sammanfattning 2025 (fastställd 2026-03-02)');
    expect(copies).toHaveLength(1);
    expect(copies[0]!.parents).toEqual([folder]);
    expect(copies[0]!.permissions.map((p) => [p.emailAddress, p.role]).sort()).toEqual([
      ['koncernledning@exempelland.se', 'reader'],
      ['regiondirektor@exempelland.se', 'reader'],
    ]);
    const state = fake.getSheetValues(copies[0]!.id, SHEETS.state).slice(1).map((r) => String(r[0])).join('');
    expect(JSON.parse(state)).toMatchObject({ kind: 'archive', year: 2025, approvedOn: '2026-03-02' });
    expect(sheetText(copies[0]!.id, SHEETS.summary)).toContain('Samlad bedömning');
    expect(sheetText(summaryId, SHEETS.summary)).toContain('Inga bedömningar har ändrats sedan redovisningen för 2025 fastställdes 2026-03-02.');
  });

  it('announces nothing on the set’s first recalculation', () => {
    expect(chat.requests).toEqual([]);
  });

  it('again: Kolada has nothing new, so nothing is written, archived again or announced', async () => {
    const asked = kolada.requests.length;
    const files = fake.drive.files.size;
    fake.calls.reset();
    await scheduled();
    expect(kolada.requests.length).toBeGreaterThan(asked);
    for (const id of [...ids, summaryId]) {
      expect(fake.calls.requests.filter((r) => r.method === 'sheets.spreadsheets.batchUpdate' && r.url.pathname.includes(id)), title(id)).toEqual([]);
    }
    for (const id of ids) expect(fake.calls.requests.filter((r) => r.method === 'sheets.spreadsheets.get' && r.url.pathname.includes(id)), title(id)).toHaveLength(1);
    expect(fake.drive.files.size).toBe(files);
    expect(chat.requests).toEqual([]);
  });

  it('Kolada unreachable: the run reports it and recalculates anyway', async () => {
    now = new Date('2026-03-04T06:00:00Z');
    kolada.fail(503, 2);
    const next = await scheduled();
    expect(next.yearRound?.notes).toContainEqual('Kolada kunde inte nås: servern svarade 503 – omräkningen gjordes ändå');
  });
});

describe('alerts and the difference section after an edit', () => {
  let archive: unknown;
  const archiveId = () => [...fake.drive.files.values()].find((f) => f.name === 'Sammanfattning 2025 (fastställd 2026-03-02)')!.id;
  beforeAll(() => {
    archive = structuredClone(fake.getSpreadsheet(archiveId()));
  });

  it('a changing edit sends one Google Chat message, with a link to the row; the archive is untouched', async () => {
    await type('Försäljning av diklofenak', 'Utfall 2025', '33,7 kg');
    await production.recalculate(envOf(), edit());
    expect(chat.requests).toHaveLength(1);
    const body = chat.requests[0]!.json as { text: string };
    expect(Object.keys(body)).toEqual(['text']);
    const sheetId = fake.getSpreadsheet(envOf()).sheets.find((s) => s.properties.title === SHEETS.metrics)!.properties.sheetId;
    expect(body.text).toContain('*Försäljning av diklofenak: Negativ → Positiv*');
    expect(body.text).toMatch(new RegExp(`<https://docs\\.google\\.com/spreadsheets/d/${envOf()}/edit#gid=${sheetId}&range=A\\d+\\|Öppna raden>`));
    expect(fake.getSpreadsheet(archiveId())).toEqual(archive);
    expect(sheetText(summaryId, SHEETS.summary)).toMatch(/Försäljning av diklofenak \(Utsläppen av läkemedelsrester ska minska\) \| Miljöprogram \| Negativ \| Positiv \| Utfall 2025 rättat: 34,8\skg → 33,7\skg/);
  });

  it('an unchanged run sends nothing', async () => {
    await production.recalculate(envOf(), edit());
    expect(chat.requests).toHaveLength(1);
  });

  it('a refused delivery is sent with the next changing run’s message, oldest first', async () => {
    chat.refuse(500);
    await type('Försäljning av diklofenak', 'Utfall 2025', '34,8 kg');
    const refused = await production.recalculate(envOf(), edit());
    expect(refused.yearRound?.alert?.delivery).toEqual({ ok: false, status: 500, reason: 'webhooken svarade 500' });
    chat.accept();
    await production.recalculate(envOf(), edit());
    expect(chat.requests).toHaveLength(2);
    await type('Antibiotikarecept per 1 000 invånare', 'Utfall 2025', 290);
    await production.recalculate(envOf(), edit());
    expect(chat.requests).toHaveLength(3);
    const text = (chat.requests[2]!.json as { text: string }).text;
    expect(text.indexOf('Försäljning av diklofenak: Positiv → Negativ')).toBeGreaterThan(0);
    expect(text.indexOf('Antibiotikarecept per 1 000 invånare: Positiv → Negativ')).toBeGreaterThan(text.indexOf('Försäljning av diklofenak'));
    expect(fake.getSpreadsheet(archiveId())).toEqual(archive);
  });

  it('a summary write that fails announces nothing; the retry announces the change once', async () => {
    await type('Antibiotikarecept per 1 000 invånare', 'Utfall 2025', 253);
    fake.inject({ method: 'sheets.spreadsheets.batchUpdate', target: summaryId, status: 500, times: 2 });
    await expect(production.recalculate(envOf(), edit())).rejects.toThrow();
    expect(chat.requests).toHaveLength(3);
    await production.recalculate(envOf(), edit());
    expect(chat.requests).toHaveLength(4);
    expect((chat.requests[3]!.json as { text: string }).text).toContain('Antibiotikarecept per 1 000 invånare: Negativ → Positiv');
    await production.recalculate(envOf(), edit());
    expect(chat.requests).toHaveLength(4);
  });

  it('a Teams workflow webhook gets the change as one Adaptive Card', async () => {
    const toTeams = productionFor(envFor(teams));
    await type('Försäljning av diklofenak', 'Utfall 2025', '33,6 kg');
    await toTeams.recalculate(envOf(), edit());
    await toTeams.recalculate(envOf(), edit());
    expect(teams.requests).toHaveLength(1);
    const card = teams.requests[0]!.json as { type: string; attachments: { contentType: string; content: { type: string; body: { items?: { text?: string }[] }[] } }[] };
    expect(card.type).toBe('message');
    expect(card.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.attachments[0]!.content.type).toBe('AdaptiveCard');
    expect(JSON.stringify(card)).toContain('Försäljning av diklofenak: Negativ → Positiv');
  });
});

describe('new-year google', () => {
  const run = async () => {
    const io = recordingConsole();
    const code = await runCli(['new-year', 'google'], io, { google: { env: { MALKOLL_SPREADSHEETS: ids.join(',') }, clients: () => fakeClients() } });
    return { code, out: io.text() };
  };

  it('inserts Utfall 2026 right after the last Utfall column in every workbook; the rest moves along with its cells', async () => {
    const before = Object.fromEntries(ids.map((id) => [id, fake.getSheetValues(id, SHEETS.metrics)]));
    const writes = fake.calls.count('sheets.spreadsheets.batchUpdate');
    const { code, out } = await run();
    expect(code).toBe(0);
    expect(out).toContain('Nytt år: Utfall 2026 (senaste året med utfall är 2025) i de 3 kalkylarken i MALKOLL_SPREADSHEETS');
    expect(out).toMatch(/\+ Miljöprogram: 'Utfall 2026' infogad i kolumn [A-Z]+ på bladet Mätetal, direkt efter [A-Z]+/);
    expect(fake.calls.count('sheets.spreadsheets.batchUpdate') - writes).toBe(ids.length);
    for (const id of ids) {
      const rows = fake.getSheetValues(id, SHEETS.metrics);
      const old = before[id]!;
      const at = old[0]!.indexOf('Utfall 2025') + 1;
      expect(rows[0]![at], title(id)).toBe('Utfall 2026');
      // every row: the same cells, with one empty cell where the new column went
      rows.forEach((row, r) => {
        const expected = [...(old[r] ?? []).slice(0, at), ...(r === 0 ? ['Utfall 2026'] : (old[r] ?? []).length > at ? [null] : []), ...(old[r] ?? []).slice(at)];
        expect(row, `${title(id)} row ${r + 1}`).toEqual(expected);
      });
    }
  });

  it('run twice, the second run writes nothing', async () => {
    const writes = fake.calls.count('sheets.spreadsheets.batchUpdate');
    const { code, out } = await run();
    expect(code).toBe(0);
    expect(out).toContain('Inget ändrades.');
    expect(fake.calls.count('sheets.spreadsheets.batchUpdate')).toBe(writes);
  });

  it('the next recalculation reads the moved columns: the statuses stay where they were', async () => {
    const report = await production.recalculate(envOf(), edit());
    expect(report.workbooks.find((w) => w.id === envOf())?.outcome).toBe('unchanged');
    const rows = fake.getSheetValues(envOf(), SHEETS.metrics);
    const row = rows.find((r) => r.includes('Försäljning av diklofenak'))!;
    expect(row[rows[0]!.indexOf('Utveckling')]).toBe('Positiv');
  });
});
