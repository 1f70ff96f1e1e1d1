/**
 * Fetches key-figure values from Kolada's open API, v2 (domain.md §7): one request per key figure for all
 * the set's `Utfall` years, `GET {root}/v2/data/kpi/{kpi}/municipality/{id}/year/{y1,y2,…}`, then each
 * `next_page` until an answer has none (Kolada's documentation: at most `per_page` ≤ 5000 items per answer,
 * "to read all entries … follow the URL in the next_page field"). The total (`T`) is taken; missing years
 * and null values are simply absent.
 *
 * Failures: a network error, a timeout or a 5xx is tried once more after a pause; if it fails again, or
 * the route answers 404/410, the whole fetch stops with one KoladaError — nothing is half-fetched into the
 * workbooks and no request storm follows. A 4xx or an unreadable page fails only its key figure.
 * @module
 */
import { dataPage, totalsOf } from './response.ts';
import { KoladaError, networkReason, type KoladaKpiFailure } from './errors.ts';

export interface KoladaClientOptions {
  /** from koladaRoot(env): `https://api.kolada.se` or a loopback fake */
  root: string;
  /** per request; default 20 s */
  timeoutMs?: number;
  /** pause before the one retry; default 1 s */
  retryDelayMs?: number;
  /** sent as `per_page` when set (Kolada's default is its maximum, 5000) */
  perPage?: number;
  /** a guard against a `next_page` loop; default 100 pages */
  maxPages?: number;
}

export interface KoladaQuery {
  /** the four-digit Kolada-id (parseKoladaId) */
  municipality: string;
  /** key-figure ids (parseKoladaKpi); duplicates are fetched once */
  kpis: string[];
  years: number[];
}

export interface KoladaResult {
  /** kpi → year → the total's value; a key figure that failed is absent (see `failures`) */
  values: Record<string, Record<number, number>>;
  failures: KoladaKpiFailure[];
  /** HTTP requests made, retries included */
  requests: number;
}

const DEFAULTS = { timeoutMs: 20_000, retryDelayMs: 1_000, maxPages: 100 };
const KPI = /^[A-Z]\d{5}$/;
const MUNICIPALITY = /^\d{4}$/;

/** The body as JSON, undefined when it is not JSON; a timeout while reading still counts as a timeout. */
async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    const name = (error as { name?: string })?.name;
    if (name === 'TimeoutError' || name === 'AbortError') throw error;
    return undefined;
  }
}

type Answer = { kind: 'ok'; body: unknown } | { kind: 'client-error'; status: number };

class Session {
  requests = 0;
  readonly #o: Required<Omit<KoladaClientOptions, 'perPage'>> & { perPage?: number };
  constructor(options: KoladaClientOptions) {
    this.#o = { ...DEFAULTS, ...options };
  }

  /** One GET, with one retry on a network error, timeout or 5xx. */
  async get(url: string): Promise<Answer> {
    let failure: KoladaError | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, this.#o.retryDelayMs));
      this.requests++;
      try {
        const response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(this.#o.timeoutMs) });
        if (response.status >= 500) {
          await response.body?.cancel();
          failure = new KoladaError(`servern svarade ${response.status}`, response.status);
          continue;
        }
        if (response.status === 404 || response.status === 410) {
          await response.body?.cancel();
          throw new KoladaError(`${new URL(url).pathname} finns inte (${response.status}) – Koladas API v2 kan ha stängts`, response.status);
        }
        if (!response.ok) {
          await response.body?.cancel();
          return { kind: 'client-error', status: response.status };
        }
        return { kind: 'ok', body: await readJson(response) };
      } catch (error) {
        if (error instanceof KoladaError) throw error;
        // a timeout has already waited its full time: trying again would double the wait for nothing
        const timedOut = (error as { name?: string })?.name === 'TimeoutError';
        failure = new KoladaError(networkReason(error, this.#o.timeoutMs));
        if (timedOut) break;
      }
    }
    throw failure!;
  }

  firstUrl(kpi: string, municipality: string, years: number[]): string {
    const base = `${this.#o.root}/v2/data/kpi/${encodeURIComponent(kpi)}/municipality/${encodeURIComponent(municipality)}/year/${years.join(',')}`;
    return this.#o.perPage === undefined ? base : `${base}?per_page=${this.#o.perPage}`;
  }

  /**
   * `next_page` is a full URL; only its path and query are used, against the configured root, so an answer
   * can neither send the client to another host nor down from https to http.
   */
  nextUrl(nextPage: string): string | null {
    let next: URL;
    try {
      next = new URL(nextPage, `${this.#o.root}/`);
    } catch {
      return null;
    }
    const at = next.pathname.indexOf('/v2/data/');
    return at < 0 ? null : `${this.#o.root}${next.pathname.slice(at)}${next.search}`;
  }

  get maxPages(): number {
    return this.#o.maxPages;
  }
}

type KpiOutcome = { kind: 'values'; values: Record<number, number> } | { kind: 'failed'; reason: string };

async function fetchOne(session: Session, kpi: string, municipality: string, years: number[]): Promise<KpiOutcome> {
  const wanted = new Set(years);
  const values: Record<number, number> = {};
  let url: string | null = session.firstUrl(kpi, municipality, years);
  for (let page = 1; url !== null; page++) {
    if (page > session.maxPages) return { kind: 'failed', reason: `fler än ${session.maxPages} sidor svar – avbrutet` };
    const answer = await session.get(url);
    if (answer.kind === 'client-error') return { kind: 'failed', reason: `Kolada svarade ${answer.status}` };
    const parsed = dataPage.safeParse(answer.body);
    if (!parsed.success) return { kind: 'failed', reason: 'Koladas svar kunde inte läsas' };
    for (const [year, value] of totalsOf(parsed.data, kpi, municipality, wanted)) values[year] ??= value;
    const next = parsed.data.next_page;
    url = next ? session.nextUrl(next) : null;
    if (next && url === null) return { kind: 'failed', reason: 'Koladas hänvisning till nästa sida kunde inte följas' };
  }
  return { kind: 'values', values };
}

/** Every key figure's totals for the municipality and years; throws KoladaError when Kolada cannot be reached. */
export async function fetchKolada(options: KoladaClientOptions, query: KoladaQuery): Promise<KoladaResult> {
  const session = new Session(options);
  const result: KoladaResult = { values: {}, failures: [], requests: 0 };
  const years = [...new Set(query.years)].sort((a, b) => a - b);
  // parseKoladaId gives four digits; anything else is a caller's mistake, not Kolada's
  if (!MUNICIPALITY.test(query.municipality)) throw new TypeError(`fetchKolada: municipality must be four digits (parseKoladaId), got ${JSON.stringify(query.municipality)}`);
  for (const kpi of [...new Set(query.kpis)]) {
    if (!KPI.test(kpi)) {
      result.failures.push({ kpi, reason: 'inget nyckeltals-id (en bokstav och fem siffror)' });
      continue;
    }
    if (years.length === 0) {
      result.values[kpi] = {};
      continue;
    }
    const outcome = await fetchOne(session, kpi, query.municipality, years);
    if (outcome.kind === 'values') result.values[kpi] = outcome.values;
    else result.failures.push({ kpi, reason: outcome.reason });
  }
  result.requests = session.requests;
  return result;
}
