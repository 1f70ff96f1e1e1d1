/**
 * A fake of Kolada's open API v2 `data` routes, built from Kolada's published documentation
 * (github.com/Hypergene/kolada README: routes, the answer `{count, values, next_page, previous_page}`, items
 * `{kpi, municipality, period, values: [{gender, count, status, value}]}`, at most `per_page` items per answer
 * and `next_page` as a full URL). A real HTTP server on the loopback (port 0), reached through
 * `MALKOLL_KOLADA_URL`, so the client is tested over real sockets without module mocks.
 *
 * ```ts
 * const kolada = await startKoladaFake({ perPage: 2 });          // small pages, so paging really happens
 * kolada.set('N00945', '0019', 2024, 30.8);                     // the total only
 * kolada.set('N00945', '0019', 2025, { T: 31.2, K: 33, M: 29 }); // divided by gender
 * kolada.set('N00945', '0019', 2023, null);                     // an item whose value is null
 * kolada.fail(503, 2); kolada.hang();                           // the next requests answer 503 twice, then hang
 * kolada.requests;                                              // every request, in order
 * await kolada.close();
 * ```
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Gender = 'T' | 'K' | 'M';
export type FakeValue = number | null | Partial<Record<Gender, number | null>>;

export interface KoladaFakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** what the fake did: an HTTP status, or 'hang' */
  answer: number | 'hang';
}

export interface KoladaFake {
  /** the API root without version, for MALKOLL_KOLADA_URL (`http://127.0.0.1:PORT`) */
  url: string;
  set(kpi: string, municipality: string, year: number, value: FakeValue): void;
  /** the next `times` requests answer `status` (e.g. 500, 503) */
  fail(status: number, times?: number): void;
  /** the next `times` requests never get an answer (the client's timeout must end them) */
  hang(times?: number): void;
  requests: KoladaFakeRequest[];
  close(): Promise<void>;
}

export interface KoladaFakeOptions {
  /** items per answer when the request gives no `per_page`; Kolada's default is 5000 */
  perPage?: number;
  /**
   * the root written into `next_page`/`previous_page` (default: the fake's own); e.g. `http://api.kolada.se`
   * to check that a client follows only the path of a link, never its host
   */
  linkRoot?: string;
}

const MAX_PER_PAGE = 5000;

interface Item {
  kpi: string;
  municipality: string;
  period: number;
  values: { gender: Gender; count: number; status: string; value: number | null }[];
}

function genderValues(value: FakeValue): Item['values'] {
  const byGender = typeof value === 'object' && value !== null ? value : { T: value };
  return (['T', 'K', 'M'] as const)
    .filter((g) => g in byGender)
    .map((g) => ({ gender: g, count: 1, status: '', value: byGender[g] ?? null }));
}

/** `/v2/data/kpi/A,B/municipality/0019/year/2024,2025` → {kpi: [A, B], municipality: [0019], year: [2024, 2025]} */
function dimensions(path: string): Record<string, string[]> | null {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] !== 'v2' || parts[1] !== 'data' || parts.length % 2 !== 0) return null;
  const dims: Record<string, string[]> = {};
  for (let i = 2; i < parts.length; i += 2) {
    const name = parts[i]!;
    if (!['kpi', 'municipality', 'year'].includes(name) || name in dims) return null;
    dims[name] = decodeURIComponent(parts[i + 1]!).split(',');
  }
  // Kolada needs at least two of the three dimensions
  return Object.keys(dims).length >= 2 ? dims : null;
}

export async function startKoladaFake(options: KoladaFakeOptions = {}): Promise<KoladaFake> {
  const data = new Map<string, Item>();
  const faults: (number | 'hang')[] = [];
  const requests: KoladaFakeRequest[] = [];
  let root = '';

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', root);
    const query = Object.fromEntries(url.searchParams);
    const log = (answer: number | 'hang') => requests.push({ method: req.method ?? '', path: url.pathname, query, answer });
    const fault = faults.shift();
    if (fault === 'hang') return log('hang');
    if (fault !== undefined) {
      log(fault);
      return send(res, fault, { error: 'injected' });
    }
    if (req.method !== 'GET') {
      log(405);
      return send(res, 405, { error: 'method not allowed' });
    }
    const dims = dimensions(url.pathname);
    const perPage = Number(query.per_page ?? options.perPage ?? MAX_PER_PAGE);
    const page = Number(query.page ?? 1);
    if (!dims) {
      log(404);
      return send(res, 404, { error: 'not found' });
    }
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE || !Number.isInteger(page) || page < 1) {
      log(400);
      return send(res, 400, { error: 'bad paging' });
    }
    const matches = [...data.values()]
      .filter((it) => (!dims.kpi || dims.kpi.includes(it.kpi)) && (!dims.municipality || dims.municipality.includes(it.municipality)))
      .filter((it) => !dims.year || dims.year.includes(String(it.period)))
      .sort((a, b) => a.kpi.localeCompare(b.kpi) || a.municipality.localeCompare(b.municipality) || a.period - b.period);
    const values = matches.slice((page - 1) * perPage, page * perPage);
    const at = (p: number) => `${options.linkRoot ?? root}${url.pathname}?page=${p}&per_page=${perPage}`;
    const body: Record<string, unknown> = { count: values.length, values };
    if (page * perPage < matches.length) body.next_page = at(page + 1);
    if (page > 1) body.previous_page = at(page - 1);
    log(200);
    send(res, 200, body);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: root,
    set(kpi, municipality, year, value) {
      data.set(`${kpi}|${municipality}|${year}`, { kpi, municipality, period: year, values: genderValues(value) });
    },
    fail(status, times = 1) {
      for (let i = 0; i < times; i++) faults.push(status);
    },
    hang(times = 1) {
      for (let i = 0; i < times; i++) faults.push('hang');
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
