/**
 * Figures Kolada already has are fetched (domain.md §7): one request per key figure for all the set's `Utfall`
 * years, then each workbook's rows merged (engine/kolada-plan.ts) and written through the ports — values only
 * into empty cells or cells still holding what the product put there, with the record kept in the workbook's
 * state. Kolada being unreachable changes nothing: the KoladaError reaches the caller before any write.
 * @module
 */
import { koladaQuery, parseWorkbook, planKolada, resolveSetSettings, type InputPlan, type IsoDate, type KoladaRowReport, type WorkbookGrid } from '../engine/index.ts';
import type { KoladaQuery, KoladaResult } from '../adapters/kolada/index.ts';
import type { WorkbookStore, WriteOutcome } from '../ports.ts';
import type { Loaded } from './recalc-set.ts';
import { readEach } from './set-io.ts';

export interface KoladaDeps {
  store: WorkbookStore;
  /** fetchKolada with the configured root; throws KoladaError when Kolada cannot be reached */
  fetch: (query: KoladaQuery) => Promise<KoladaResult>;
  /** the day of the fetch (Europe/Stockholm), named in Förklaring */
  today: IsoDate;
}

export interface KoladaWorkbookReport {
  name: string;
  outcome: WriteOutcome['kind'] | 'unreadable';
  reason?: string;
  rows: KoladaRowReport[];
}

export interface KoladaReport {
  /** why nothing was asked of Kolada (Swedish), or null when it was */
  nothingToFetch: string | null;
  municipality: string | null;
  kpis: string[];
  years: number[];
  requests: number;
  failures: { kpi: string; reason: string }[];
  workbooks: KoladaWorkbookReport[];
}

/** Reads the set, then merges Kolada into it (`mergeKolada`). */
export async function fetchKoladaOutcomes(deps: KoladaDeps): Promise<KoladaReport> {
  const { read, unreadable } = await readEach(deps.store, await deps.store.list());
  const report = await mergeKolada(deps, read);
  const notRead = unreadable.map((u): KoladaWorkbookReport => ({ name: u.ref.name, outcome: 'unreadable', reason: u.reason, rows: [] }));
  return { ...report, workbooks: [...notRead, ...report.workbooks] };
}

/**
 * Kolada merged into workbooks already read (the scheduled run's own reads: no second read): the query from
 * their rows, one fetch, and each workbook's cells and record written; each grid (and version) is updated to
 * hold what was written, so the recalculation that follows sees it.
 */
export async function mergeKolada(deps: KoladaDeps, read: Loaded[]): Promise<KoladaReport> {
  const workbooks: KoladaWorkbookReport[] = [];
  const models = read.map((r) => parseWorkbook(r.grid));
  const query = koladaQuery(models, resolveSetSettings(models));
  const report: KoladaReport = { nothingToFetch: null, municipality: query.municipality, kpis: query.kpis, years: query.years, requests: 0, failures: [], workbooks };
  if (query.kpis.length === 0) return { ...report, nothingToFetch: 'inget mätetal har Kolada-KPI' };
  if (query.municipality === null) return { ...report, nothingToFetch: 'Kolada-id saknas i Inställningar (t.ex. 0019 för Region Västmanland)' };
  if (query.years.length === 0) return { ...report, nothingToFetch: 'bladet Mätetal har inga Utfall-kolumner' };

  const fetched = await deps.fetch({ municipality: query.municipality, kpis: query.kpis, years: query.years });
  report.requests = fetched.requests;
  report.failures = fetched.failures;
  for (const [i, item] of read.entries()) {
    const planned = planKolada(item.grid, models[i]!, fetched.values, deps.today);
    const w: KoladaWorkbookReport = { name: item.grid.name, outcome: 'unchanged', rows: planned.rows };
    workbooks.push(w);
    if (!planned.plan) continue;
    const outcome = await deps.store.writeInputs!(item.ref, planned.plan, item.version);
    w.outcome = outcome.kind;
    if (outcome.kind === 'skipped') w.reason = outcome.reason;
    if (outcome.kind === 'conflict') w.reason = 'ändrades under körningen och skrevs inte – kör kommandot igen';
    if (outcome.kind === 'written') {
      item.grid = withInputs(item.grid, planned.plan);
      if (outcome.version) item.version = outcome.version;
    }
  }
  return report;
}

/** The grid as it is after the plan's cells and state were written. */
function withInputs(grid: WorkbookGrid, plan: InputPlan): WorkbookGrid {
  const sheets = grid.sheets.map((sheet) => {
    const writes = plan.writes.filter((w) => w.sheet === sheet.name);
    if (writes.length === 0) return sheet;
    const rows = sheet.rows.map((r) => (r ? [...r] : r));
    for (const w of writes) {
      const row = (rows[w.rowNumber - 1] ??= []);
      row[w.columnNumber - 1] = 'text' in w.value ? { value: w.value.text } : { value: w.value.number, ...(w.value.percent ? { percent: true } : {}) };
    }
    return { ...sheet, rows };
  });
  return { ...grid, sheets, state: plan.state ?? grid.state };
}
