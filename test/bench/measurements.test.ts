/**
 * Smoke test of the benchmark's measurement functions on tiny inputs: each runs the real code paths and
 * returns finite numbers. No timing assertions (timings are `npm run bench`'s business); the call counts
 * are exact, because they are the product's contract (1 read + 1 write per edited workbook, 0 writes
 * when nothing changed).
 */
import { describe, expect, it } from 'vitest';
import { measureSheetsCalls, columnLetter } from '../../bench/sheets-calls.ts';
import { measureEditBurst } from '../../bench/edit-burst.ts';
import { measureEditLatency } from '../../bench/edit-latency.ts';
import { measureEngine, median, percentile } from '../../bench/engine.ts';
import { measureNaive } from '../../bench/naive.ts';
import { measureLocalRecalc } from '../../bench/local-recalc.ts';
import { simulateReportingWeek } from '../../bench/reporting-week.ts';
import { fixtureSheets, inputCellCount, toGrid, toSeeds } from '../../bench/workbook-fixture.ts';

const finite = (o: Record<string, unknown>) =>
  Object.entries(o).filter(([, v]) => typeof v === 'number').forEach(([k, v]) => expect(Number.isFinite(v), k).toBe(true));

describe('bench measurements on tiny inputs', () => {
  it('sheets calls: 1 read + 1 write on the workbook, no writes when unchanged', async () => {
    const r = await measureSheetsCalls(5, 3);
    finite(r as never);
    expect([r.workbookReads, r.workbookWrites, r.workbookCalls, r.writesWhenUnchanged]).toEqual([1, 1, 2, 0]);
    expect(r.totalCalls).toBe(r.workbookCalls + r.summaryCalls);
  });

  it('edit burst: coalesced recalculations are far fewer than edits; inline is one per edit', async () => {
    const r = await measureEditBurst({ edits: 12, instances: 2, metrics: 3 });
    expect(r.inlineRecalcs).toBe(12);
    expect(r.coalescedRecalcs).toBeGreaterThan(0);
    expect(r.coalescedRecalcs).toBeLessThanOrEqual(3);
  });

  it('edit latency: measures every edit through a real server', async () => {
    const r = await measureEditLatency({ edits: 2, metrics: 3, delayMs: 1 });
    finite(r as never);
    expect(r.edits).toBe(2);
    expect(r.p95Ms).toBeGreaterThan(0);
    expect(r.googleCallsPerEdit).toBeGreaterThanOrEqual(2);
  });

  it('engine: phases and the whole recalculate report numbers', () => {
    const r = measureEngine(40, { workbooks: 2, warmUp: 5, runs: 1 });
    finite(r as never);
    expect(r.metrics).toBe(40);
    expect(r.runs).toBe(1);
    expect(r.pipelineMs).toBeCloseTo(r.parseMs + r.assessMs + r.planMs, 6);
  });

  it('naive: run against the fake, calls = non-empty input cells + planned writes', async () => {
    const ran = await measureNaive(3, { run: true, latencyMs: 300 });
    const counted = await measureNaive(3, { run: false, latencyMs: 300 });
    expect(ran.reads).toBe(inputCellCount(fixtureSheets({ metrics: 3 })));
    expect({ ...ran, ran: false }).toEqual(counted);
    expect(ran.modelledSeconds).toBeCloseTo(ran.calls * 0.3, 6);
  });

  it('local recalc: the CLI\'s first, unchanged and empty-cache runs, the plain load + save and a first run\'s phases each run and are timed', async () => {
    const r = await measureLocalRecalc(5);
    for (const run of [r.firstRecalc, r.unchangedRecalc, r.coldCacheRecalc, r.plainLoadSave]) {
      expect(run.exitCode).toBe(0);
      expect(run.wallMs).toBeGreaterThan(0);
      if (r.rssSource === 'time -v') expect(run.peakRssMb).toBeGreaterThan(0);
    }
    // the phases of one more first run: each was timed, and none overlaps another (what is left of the run is not
    // negative)
    const { totalMs, otherMs, ...timed } = r.phases;
    for (const [phase, ms] of Object.entries(timed)) expect(ms, phase).toBeGreaterThan(0);
    expect(otherMs).toBeGreaterThanOrEqual(0);
    expect(totalMs).toBeGreaterThan(r.phases.startMs);
  }, 60_000);
});

describe('bench helpers', () => {
  it.each([
    [[1, 2, 3], 50, 2, 2],
    [[4, 1, 3, 2], 95, 4, 2.5],
  ])('percentile/median of %j', (values, p, pv, mv) => {
    expect(percentile(values, p)).toBe(pv);
    expect(median(values)).toBe(mv);
  });

  it.each([[1, 'A'], [26, 'Z'], [27, 'AA'], [53, 'BA']])('column %i is %s', (n, letters) => expect(columnLetter(n)).toBe(letters));

  it('fixture: one description, same cells for the fake and the engine', () => {
    const sheets = fixtureSheets({ metrics: 12, years: 4 });
    const grid = toGrid('x.xlsx', sheets);
    const seeds = toSeeds(sheets);
    expect(grid.sheets.map((s) => s.rows.length)).toEqual(seeds.map((s) => s.rows.length));
    expect(sheets.find((s) => s.name === 'Mätetal')!.rows).toHaveLength(12);
  });

  it('reporting week: a short simulated week through the real handler, every edit recalculated, statuses right at the end', async () => {
    const r = await simulateReportingWeek({ workbooks: 2, editsPerMinute: 3, minutes: 2, metrics: 10 });
    finite(r as never);
    expect(r.edits).toBe(12);
    expect(r.editsWithoutRecalc).toBe(0);
    expect(r.finalStatusesRight).toBe(true);
    expect(r.summaryRuns).toBeGreaterThan(0);
    expect(r.summaryRuns).toBeLessThan(r.workbookRuns);
  });
});
