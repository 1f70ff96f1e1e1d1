/**
 * `malkoll kolada DIR` on real files against the Kolada fake on the loopback (MALKOLL_KOLADA_URL), domain.md §7:
 * Kolada's figures go only into empty `Utfall` cells (paged answers followed, the total of a gender split taken,
 * years Kolada lacks left empty, a `%` metric's figure stored as Excel stores a typed percentage), never over a
 * typed value (that difference is listed under Datakvalitet), Förklaring names the source and day; run again it
 * changes nothing; a 5xx is retried once; Kolada unreachable (5xx twice, a timeout, no network) changes nothing
 * and exits 1.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { createXlsxWorkbookStore } from '../../shared/adapters/xlsx/index.ts';
import { fetchKolada, KoladaError } from '../../shared/adapters/kolada/index.ts';
import { fetchKoladaOutcomes } from '../../shared/app/kolada.ts';
import { isoDateInStockholm } from '../../shared/app/recalc-set.ts';
import { METRIC_HEADERS as M, SHEETS } from '../../shared/engine/index.ts';
import { rowOf, pct } from '../../sheets-templates/demo/types.ts';
import { startKoladaFake, type KoladaFake } from '../../shared/testing/kolada-fake/index.ts';
import { freePort } from '../../shared/testing/functions-process.ts';
import { inspectXlsx, numberFormat, rowValues, sheetOf, typedValue } from '../support/xlsx-inspect.ts';
import { writeDemoSet } from './year-round-fixtures.ts';

const ID = '0099';
const DISCARDED = 'Kassation av läkemedel';
const RENEWABLE_HEAT = 'Andel förnybar fjärrvärme';

let root: string;
let dir: string;
let kolada: KoladaFake;
const file = () => path.join(dir, 'Miljöprogram.xlsx');
const hashes = async () => {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.xlsx')).sort();
  return Object.fromEntries(await Promise.all(names.map(async (f) => [f, createHash('sha256').update(await readFile(path.join(dir, f))).digest('hex')])));
};

async function kolada_(args: string[] = ['kolada', dir]): Promise<{ code: number; out: string }> {
  const io = recordingConsole();
  const code = await runCli(args, io);
  return { code, out: io.text() };
}

/** The Mätetal cell of `metric` under `header`, with its number format. */
async function cell(metric: string, header: string) {
  const wb = inspectXlsx(await readFile(file()));
  const sheet = sheetOf(wb, SHEETS.metrics);
  const headers = rowValues(sheet, 1);
  const col = headers.indexOf(header) + 1;
  const nameCol = headers.indexOf(M.metric) + 1;
  for (let r = 2; r < 200; r++) {
    if (rowValues(sheet, r)[nameCol - 1] !== metric) continue;
    const letters = col <= 26 ? String.fromCharCode(64 + col) : `${String.fromCharCode(64 + Math.floor((col - 1) / 26))}${String.fromCharCode(65 + ((col - 1) % 26))}`;
    const c = sheet.cells.get(`${letters}${r}`);
    return { value: typedValue(c), format: numberFormat(wb, c) };
  }
  throw new Error(`no metric ${metric}`);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'malkoll-kolada-'));
  dir = path.join(root, 'set');
  // the demo set (Kolada-id 0099, Kolada-KPI N00945 on Kassation av läkemedel) plus a % metric with a key figure
  await writeDemoSet(dir, (wb) => ({
    ...wb,
    sheets: wb.sheets.map((s) => {
      if (s.name !== SHEETS.metrics || wb.fileName !== 'Miljöprogram.xlsx') return s;
      const extra = rowOf(s.headers, {
        [M.goalArea]: 'Minskad klimatpåverkan',
        [M.indicator]: 'Energianvändningen i regionens verksamheter ska minska',
        [M.metric]: RENEWABLE_HEAT,
        [M.unit]: '%',
        [M.direction]: 'Öka',
        'Utfall 2023': pct(0.3),
        [M.koladaKpi]: 'n00946',
      });
      return { ...s, rows: [...s.rows.slice(0, 1), extra, ...s.rows.slice(1)] };
    }),
  }));
  expect(await runCli(['recalc', dir], recordingConsole())).toBe(0);
  kolada = await startKoladaFake({ perPage: 2 });
  // Kassation (kg): 2021 the same as typed, 2022 differs from the typed 9 310, 2024 divided by gender, 2025 empty in the workbook
  kolada.set('N00945', ID, 2021, 8940);
  kolada.set('N00945', ID, 2022, 9400);
  kolada.set('N00945', ID, 2023, 8770);
  kolada.set('N00945', ID, 2024, { T: 8420, K: 4000, M: 4420 });
  kolada.set('N00945', ID, 2025, { T: 8100, K: 3900, M: 4200 });
  // fjärrvärme (%): 2021 null, 2022 missing, 2023 the same as the typed 30 %, 2024 new, 2025 missing
  kolada.set('N00946', ID, 2021, null);
  kolada.set('N00946', ID, 2023, 30);
  kolada.set('N00946', ID, 2024, 31.2);
  // another region's figures are never asked for
  kolada.set('N00945', '0019', 2025, 1);
  vi.stubEnv('MALKOLL_KOLADA_URL', kolada.url);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await kolada.close();
  await rm(root, { recursive: true, force: true });
});

describe('kolada DIR', () => {
  let first: { code: number; out: string };
  const today = isoDateInStockholm(new Date());
  beforeAll(async () => {
    first = await kolada_();
  });

  it('asks once per key figure for every Utfall year, following next_page', () => {
    expect(first.code).toBe(0);
    const firstPages = kolada.requests.filter((r) => !r.query.page);
    expect(firstPages.map((r) => r.path).sort()).toEqual([`/v2/data/kpi/N00945/municipality/${ID}/year/2021,2022,2023,2024,2025`, `/v2/data/kpi/N00946/municipality/${ID}/year/2021,2022,2023,2024,2025`]);
    expect(kolada.requests.filter((r) => r.query.page).length).toBeGreaterThanOrEqual(2);
    expect(first.out).toContain(`Kolada-id ${ID}, 2 nyckeltal (N00946, N00945), åren 2021–2025`);
  });

  it('fills empty cells only: the total of a gender split, a percentage as Excel stores it; missing years stay empty', async () => {
    expect(await cell(DISCARDED, 'Utfall 2025')).toEqual({ value: 8100, format: expect.not.stringContaining('%') });
    expect(await cell(RENEWABLE_HEAT, 'Utfall 2024')).toEqual({ value: 0.312, format: '0.0%' });
    expect((await cell(RENEWABLE_HEAT, 'Utfall 2022')).value).toBeNull();
    expect((await cell(RENEWABLE_HEAT, 'Utfall 2025')).value).toBeNull();
    expect(first.out).toMatch(new RegExp(`Miljöprogram, rad \\d+ ${DISCARDED} \\(N00945\\): ifyllt 2025; redan samma 2021, 2023, 2024; inskrivet värde skiljer sig 2022`));
    expect(first.out).toContain('2 utfall ifyllda från Kolada.');
  });

  it('never overwrites a typed value; the difference is listed under Datakvalitet', async () => {
    expect((await cell(DISCARDED, 'Utfall 2022')).value).toBe(9310);
    const html = (await readFile(path.join(dir, 'Sammanfattning.html'), 'utf8')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(html).toContain('Utfall som skiljer sig från Kolada (1)');
    expect(html).toMatch(/Utfall 2022: 9\s310\skg i arbetsboken men 9\s400\skg i Kolada \(N00945, hämtat \d{4}-\d\d-\d\d\) – det inskrivna värdet behålls/);
  });

  it('recalculates, and Förklaring names the source and the day', async () => {
    expect(first.out).toContain('Räknar om arbetsböckerna');
    expect(String((await cell(DISCARDED, M.explanation)).value)).toMatch(new RegExp(`Utfall 2025 från Kolada N00945, hämtat ${today}\\.$`));
    expect(String((await cell(RENEWABLE_HEAT, M.explanation)).value)).toContain(`Utfall 2024 från Kolada N00946, hämtat ${today}`);
  });

  it('run again, it changes nothing; a 5xx is tried once more', async () => {
    const before = await hashes();
    kolada.fail(503, 1);
    const again = await kolada_();
    expect(again.code).toBe(0);
    expect(again.out).toContain('Inga nya utfall');
    expect(again.out).not.toContain('Räknar om');
    expect(await hashes()).toEqual(before);
  });

  it('Kolada answering 5xx twice: says so, changes nothing, exit 1', async () => {
    const before = await hashes();
    kolada.fail(503, 2);
    const failed = await kolada_();
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('Kolada kunde inte nås: servern svarade 503. Inget ändrades.');
    expect(await hashes()).toEqual(before);
  });

  it('a timeout: Kolada could not be reached, nothing written (through the use case, with a short timeout)', async () => {
    const before = await hashes();
    kolada.hang(2);
    const store = createXlsxWorkbookStore(dir);
    await expect(fetchKoladaOutcomes({ store, today, fetch: (q) => fetchKolada({ root: kolada.url, timeoutMs: 300, retryDelayMs: 10 }, q) })).rejects.toThrow(KoladaError);
    expect(await hashes()).toEqual(before);
  });

  it('without network (nothing listens at the address): says Kolada could not be reached, changes nothing, exit 1', async () => {
    const closed = await freePort(); // taken, then let go: nothing listens there
    vi.stubEnv('MALKOLL_KOLADA_URL', `http://127.0.0.1:${closed}`);
    const before = await hashes();
    const failed = await kolada_();
    vi.stubEnv('MALKOLL_KOLADA_URL', kolada.url);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('Kolada kunde inte nås: anslutningen nekades. Inget ändrades.');
    expect(await hashes()).toEqual(before);
  });
});
