/**
 * The Kolada fake answers as Kolada's v2 documentation says (github.com/Hypergene/kolada README): the data
 * routes with two or three of kpi/municipality/year, comma-separated ids, `{count, values, next_page,
 * previous_page}` with `count` the length of `values`, full-URL page links, at most `per_page` ≤ 5000 items.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKoladaFake, type KoladaFake } from '../../shared/testing/kolada-fake/index.ts';

let kolada: KoladaFake;
beforeEach(async () => {
  kolada = await startKoladaFake({ perPage: 2 });
  kolada.set('N00945', '0019', 2023, 1);
  kolada.set('N00945', '0019', 2024, { T: 2, K: 3, M: 1 });
  kolada.set('N00945', '0019', 2025, null);
  kolada.set('U28116', '0025', 2025, 4);
});
afterEach(() => kolada.close());

const get = async (path: string) => {
  const response = await fetch(`${kolada.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('the Kolada fake', () => {
  it('pages with full-URL links and counts each page', async () => {
    const first = await get('/v2/data/kpi/N00945/municipality/0019/year/2023,2024,2025');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      count: 2,
      values: [
        { kpi: 'N00945', municipality: '0019', period: 2023, values: [{ gender: 'T', count: 1, status: '', value: 1 }] },
        {
          kpi: 'N00945',
          municipality: '0019',
          period: 2024,
          values: [
            { gender: 'T', count: 1, status: '', value: 2 },
            { gender: 'K', count: 1, status: '', value: 3 },
            { gender: 'M', count: 1, status: '', value: 1 },
          ],
        },
      ],
      next_page: `${kolada.url}/v2/data/kpi/N00945/municipality/0019/year/2023,2024,2025?page=2&per_page=2`,
    });
    const second = await get(new URL(first.body.next_page as string).pathname + new URL(first.body.next_page as string).search);
    expect(second.body).toEqual({
      count: 1,
      values: [{ kpi: 'N00945', municipality: '0019', period: 2025, values: [{ gender: 'T', count: 1, status: '', value: null }] }],
      previous_page: `${kolada.url}/v2/data/kpi/N00945/municipality/0019/year/2023,2024,2025?page=1&per_page=2`,
    });
  });

  it.each([
    ['/v2/data/kpi/N00945,U28116/year/2025', ['N00945|0019|2025', 'U28116|0025|2025']],
    ['/v2/data/kpi/N00945/municipality/0019', ['N00945|0019|2023', 'N00945|0019|2024']],
    ['/v2/data/municipality/0025/year/2025', ['U28116|0025|2025']],
    ['/v2/data/kpi/N00945/municipality/0019/year/2019', []],
  ])('%s', async (path, items) => {
    const { body } = await get(path);
    expect((body.values as { kpi: string; municipality: string; period: number }[]).map((v) => `${v.kpi}|${v.municipality}|${v.period}`)).toEqual(items);
  });

  it.each([
    ['/v2/data/kpi/N00945', 404],
    ['/v2/kpi/N00945', 404],
    ['/v2/data/kpi/N00945/year/2025?per_page=5001', 400],
    ['/v2/data/kpi/N00945/year/2025?page=0', 400],
  ])('%s → %i', async (path, status) => {
    expect((await get(path)).status).toBe(status);
  });

  it('logs every request and plays injected faults in order', async () => {
    kolada.fail(503);
    expect((await get('/v2/data/kpi/N00945/year/2025')).status).toBe(503);
    expect((await get('/v2/data/kpi/N00945/year/2025')).status).toBe(200);
    expect(kolada.requests.map((r) => [r.path, r.answer])).toEqual([
      ['/v2/data/kpi/N00945/year/2025', 503],
      ['/v2/data/kpi/N00945/year/2025', 200],
    ]);
  });
});
