/**
 * The pure engine on a large set: `recalculate()` (parse → settings → assess → plan → set → summary) on
 * grids built in memory, plus the phases alone so it is visible what dominates.
 * @module
 */
import {
  assessedRows,
  recalculate,
  parseWorkbook,
  resolveSetSettings,
  assessWorkbook,
  assessSet,
  planWrites,
  buildSummary,
  type WorkbookGrid,
} from '../shared/engine/index.ts';
import { fixtureSheets, toGrid } from './workbook-fixture.ts';

export interface EngineResult {
  metrics: number;
  workbooks: number;
  /** how many times each phase was run; the figures are medians */
  runs: number;
  /** assess every workbook's rows and the set's levels, both years, aggregation included: the figure */
  assessMs: number;
  /** grids → models (reading every cell, names checked against their sheets) */
  parseMs: number;
  /** the write plans: product cells to change, state to remember, Ändringslogg rows */
  planMs: number;
  /** parse + assess + plan: everything the engine does for a recalculation except the summary */
  pipelineMs: number;
  /** buildSummary alone: the leadership document of the whole set */
  summaryMs: number;
  /** the whole recalculate() in one call, summary included (run once) */
  recalculateMs: number;
  /** heap in use after the run (MB) */
  heapMb: number;
}

const TODAY = '2026-03-02';

export function buildEngineInput(metrics: number, workbooks: number): WorkbookGrid[] {
  const per = Math.ceil(metrics / workbooks);
  return Array.from({ length: workbooks }, (_, i) => toGrid(`Förvaltning ${i + 1}.xlsx`, fixtureSheets({ metrics: per, seed: i })));
}

/**
 * One warm-up on a small set (JIT), then the phases one after another `runs` times (medians: a function
 * instance assesses many times in its life, and one run on a shared machine is noisy), then recalculate()
 * as a whole once.
 */
export function measureEngine(metrics: number, options: { workbooks?: number; warmUp?: number; runs?: number } = {}): EngineResult {
  const workbooks = options.workbooks ?? Math.max(1, Math.round(metrics / 10_000));
  const runs = options.runs ?? 3;
  const warm = buildEngineInput(options.warmUp ?? Math.min(metrics, 2_000), 1);
  recalculate(warm, { today: TODAY, changedAt: `${TODAY}T00:00:00Z` });
  const grids = buildEngineInput(metrics, workbooks);
  const time = <T>(f: () => T): [T, number] => {
    const t = performance.now();
    const value = f();
    return [value, performance.now() - t];
  };
  const phases = { parse: [] as number[], assess: [] as number[], plan: [] as number[], pipeline: [] as number[], summary: [] as number[] };
  // started with --expose-gc (bench/run.ts): each run begins without the garbage of the one before
  const collect = (globalThis as { gc?: () => void }).gc;
  for (let run = 0; run < runs; run++) {
    collect?.();
    const [models, parseMs] = time(() => grids.map(parseWorkbook));
    const [assessed, assessMs] = time(() => {
      const settings = resolveSetSettings(models);
      const assessments = models.map((m) => assessWorkbook(m, settings, TODAY));
      // as recalculate() does: the set reuses the workbooks' own metric assessments
      return { settings, assessments, set: assessSet(models, settings, TODAY, { assessed: assessedRows(models, assessments) }) };
    });
    const [, planMs] = time(() => grids.map((g, i) => planWrites(g, models[i]!, assessed.assessments[i]!)));
    const [, summaryMs] = time(() =>
      buildSummary(assessed.set, assessed.settings, { sources: models.map((m) => ({ id: m.workbookId, name: m.workbookName })), today: TODAY, changedAt: `${TODAY}T00:00:00Z` }),
    );
    phases.parse.push(parseMs);
    phases.assess.push(assessMs);
    phases.plan.push(planMs);
    phases.pipeline.push(parseMs + assessMs + planMs);
    phases.summary.push(summaryMs);
  }
  const [result, recalculateMs] = time(() => recalculate(grids, { today: TODAY, changedAt: `${TODAY}T00:00:00Z` }));
  const assessedCount = result.assessments.reduce((n, a) => n + a.metrics.length, 0);
  if (assessedCount !== workbooks * Math.ceil(metrics / workbooks)) throw new Error('bench: the engine did not assess every metric');
  return {
    metrics: assessedCount,
    workbooks,
    runs,
    assessMs: median(phases.assess),
    parseMs: median(phases.parse),
    planMs: median(phases.plan),
    pipelineMs: median(phases.pipeline),
    summaryMs: median(phases.summary),
    recalculateMs,
    heapMb: process.memoryUsage().heapUsed / 1e6,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
