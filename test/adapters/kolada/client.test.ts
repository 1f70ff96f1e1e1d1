/**
 * The Kolada client against the loopback fake built from Kolada's documentation (shared/testing/kolada-fake):
 * paging by next_page, the total of a gender split, missing years and null values, 5xx with one retry,
 * timeouts, a shut-down v2 route, and one failing key figure among others.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchKolada, KoladaError, type KoladaClientOptions } from '../../../shared/adapters/kolada/index.ts';
import { startKoladaFake, type KoladaFake } from '../../../shared/testing/kolada-fake/index.ts';

let kolada: KoladaFake;
let options: KoladaClientOptions;

beforeEach(async () => {
  kolada = await startKoladaFake({ perPage: 2 });
  options = { root: kolada.url, timeoutMs: 2_000, retryDelayMs: 1 };
});
afterEach(() => kolada.close());

const YEARS = [2021, 2022, 2023, 2024, 2025];

describe('fetchKolada', () => {
  it('follows next_page until there is none, one request per key figure for all years', async () => {
    for (const y of YEARS) kolada.set('N00945', '0019', y, y - 2000);
    const result = await fetchKolada(options, { municipality: '0019', kpis: ['N00945'], years: YEARS });
    expect(result.values).toEqual({ N00945: { 2021: 21, 2022: 22, 2023: 23, 2024: 24, 2025: 25 } });
    expect(kolada.requests.map((r) => [r.path, r.query.page])).toEqual([
      ['/v2/data/kpi/N00945/municipality/0019/year/2021,2022,2023,2024,2025', undefined],
      ['/v2/data/kpi/N00945/municipality/0019/year/2021,2022,2023,2024,2025', '2'],
      ['/v2/data/kpi/N00945/municipality/0019/year/2021,2022,2023,2024,2025', '3'],
    ]);
    expect(result.requests).toBe(3);
  });

  it('follows only the path of next_page, on the configured root', async () => {
    await kolada.close();
    kolada = await startKoladaFake({ perPage: 1, linkRoot: 'http://api.kolada.se' });
    for (const y of [2024, 2025]) kolada.set('N00945', '0019', y, 1);
    const result = await fetchKolada({ ...options, root: kolada.url }, { municipality: '0019', kpis: ['N00945'], years: [2024, 2025] });
    expect(result.values.N00945).toEqual({ 2024: 1, 2025: 1 });
    expect(kolada.requests).toHaveLength(2);
  });

  it.each([
    ['a total only', 30.8, 30.8],
    ['a gender split: the total', { T: 31.2, K: 33.1, M: 29.4 }, 31.2],
    ['a split without total: absent', { K: 33.1, M: 29.4 }, undefined],
    ['a null value: absent', null, undefined],
    ['a null total beside genders: absent', { T: null, K: 1, M: 2 }, undefined],
  ])('%s', async (_, value, expected) => {
    kolada.set('N00945', '0019', 2025, value);
    const result = await fetchKolada(options, { municipality: '0019', kpis: ['N00945'], years: [2025] });
    expect(result.values.N00945?.[2025]).toBe(expected);
  });

  it('leaves out years Kolada lacks, other municipalities and years not asked for', async () => {
    kolada.set('N00945', '0019', 2023, 1);
    kolada.set('N00945', '0019', 2025, 3);
    kolada.set('N00945', '0025', 2024, 99);
    kolada.set('N00945', '0019', 2019, 99);
    const result = await fetchKolada(options, { municipality: '0019', kpis: ['N00945'], years: [2023, 2024, 2025] });
    expect(result.values.N00945).toEqual({ 2023: 1, 2025: 3 });
  });

  it('asks once per key figure, duplicates once, and nothing without years', async () => {
    kolada.set('N00945', '0019', 2025, 1);
    kolada.set('U28116', '0019', 2025, 2);
    const result = await fetchKolada(options, { municipality: '0019', kpis: ['N00945', 'U28116', 'N00945'], years: [2025, 2025] });
    expect(result.values).toEqual({ N00945: { 2025: 1 }, U28116: { 2025: 2 } });
    expect(kolada.requests.map((r) => r.path)).toEqual([
      '/v2/data/kpi/N00945/municipality/0019/year/2025',
      '/v2/data/kpi/U28116/municipality/0019/year/2025',
    ]);
    await fetchKolada(options, { municipality: '0019', kpis: ['N00945'], years: [] });
    expect(kolada.requests).toHaveLength(2);
  });

  it('sends per_page when asked to', async () => {
    kolada.set('N00945', '0019', 2025, 1);
    await fetchKolada({ ...options, perPage: 5000 }, { municipality: '0019', kpis: ['N00945'], years: [2025] });
    expect(kolada.requests[0]?.query.per_page).toBe('5000');
  });
});

describe('when Kolada fails', () => {
  it('tries a 5xx once more and goes on', async () => {
    kolada.set('N00945', '0019', 2025, 1);
    kolada.fail(503);
    const result = await fetchKolada(options, { municipality: '0019', kpis: ['N00945'], years: [2025] });
    expect(result.values.N00945).toEqual({ 2025: 1 });
    expect(kolada.requests.map((r) => r.answer)).toEqual([503, 200]);
  });

  it.each([
    ['5xx twice', (k: KoladaFake) => k.fail(500, 2), 'Kolada kunde inte nås: servern svarade 500', [500, 500]],
    ['no answer', (k: KoladaFake) => k.hang(), 'Kolada kunde inte nås: inget svar inom 0,2 s', ['hang']],
    ['the v2 route gone', (k: KoladaFake) => k.fail(404), 'finns inte (404) – Koladas API v2 kan ha stängts', [404]],
  ])('%s: one KoladaError, no further requests', async (_, inject, message, answers) => {
    kolada.set('N00945', '0019', 2025, 1);
    kolada.set('U28116', '0019', 2025, 2);
    inject(kolada);
    const query = { municipality: '0019', kpis: ['N00945', 'U28116'], years: [2025] };
    const error = await fetchKolada({ ...options, timeoutMs: 200 }, query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KoladaError);
    expect((error as Error).message).toContain(message);
    expect(kolada.requests.map((r) => r.answer)).toEqual(answers);
  });

  it('says so when nothing listens', async () => {
    const root = kolada.url;
    await kolada.close();
    kolada = await startKoladaFake();
    const error = await fetchKolada({ ...options, root }, { municipality: '0019', kpis: ['N00945'], years: [2025] }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('Kolada kunde inte nås: anslutningen nekades');
  });

  it('fails only the key figure Kolada refuses (4xx) or that is no id, and fetches the rest', async () => {
    kolada.set('U28116', '0019', 2025, 2);
    kolada.fail(400);
    const result = await fetchKolada(options, { municipality: '0019', kpis: ['N00945', 'n0094', 'U28116'], years: [2025] });
    expect(result.values).toEqual({ U28116: { 2025: 2 } });
    expect(result.failures).toEqual([
      { kpi: 'N00945', reason: 'Kolada svarade 400' },
      { kpi: 'n0094', reason: 'inget nyckeltals-id (en bokstav och fem siffror)' },
    ]);
  });

  it('refuses a Kolada-id that is not four digits (parseKoladaId pads it) before asking', async () => {
    await expect(fetchKolada(options, { municipality: '19', kpis: ['N00945'], years: [2025] })).rejects.toThrow(/four digits/);
    expect(kolada.requests).toEqual([]);
  });
});
