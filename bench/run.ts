/**
 * `npm run bench`: every figure of issue 5 from real runs of the product's code (the Google fake of the
 * tests at the HTTP boundary, the real CLI as a child process). Prints a table; with `-- --json` the
 * last line is one JSON object with the keys below. Takes a few minutes on a 2-core machine.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureSheetsCalls } from './sheets-calls.ts';
import { measureEditBurst } from './edit-burst.ts';
import { measureEditLatency } from './edit-latency.ts';
import { measureNaive } from './naive.ts';
import { measureLocalRecalc } from './local-recalc.ts';
import { measureColdStart } from './cold-start.ts';
import { measureFunctionMemory } from './function-memory.ts';
import { simulateReportingWeek } from './reporting-week.ts';
import type { EngineResult } from './engine.ts';
import { printTable, type Row } from './table.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const json = process.argv.includes('--json');
const progress = (text: string) => process.stderr.write(`… ${text}\n`);
// the product logs JSON lines (functions) to stdout; the table and the JSON line must stay readable
const quiet = <T>(f: () => Promise<T>): Promise<T> => {
  const log = console.log;
  console.log = () => {};
  return f().finally(() => (console.log = log));
};

progress('Sheets-anrop per omräkning (10 och 10 000 mätetal)');
const small = await quiet(() => measureSheetsCalls(10));
const large = await quiet(() => measureSheetsCalls(10_000));
progress('100 redigeringar på 10 s');
const burst = await quiet(() => measureEditBurst());
progress('redigering → status, 300 ms per Google-anrop, 50 redigeringar');
const latency = await quiet(() => measureEditLatency({ edits: 50 }));
progress('naiv jämförelse (cell för cell)');
const naiveSmall = await quiet(() => measureNaive(10, { run: true }));
const naiveLarge = await quiet(() => measureNaive(10_000, { run: false }));
progress('motorn, 100 000 mätetal (egen process)');
const engineChild = spawnSync(process.execPath, ['--max-old-space-size=6144', '--expose-gc', path.join(ROOT, 'bench/child/engine.ts'), '100000'], { cwd: ROOT, encoding: 'utf8' });
if (engineChild.status !== 0) throw new Error(`bench: engine run failed: ${engineChild.stderr}`);
const engine = JSON.parse(engineChild.stdout.trim().split('\n').pop()!) as EngineResult;
progress('lokal recalc, 10 000 mätetal (barnprocess)');
const local = await measureLocalRecalc(10_000);
progress('kallstart av dist/index.js');
const cold = measureColdStart(5);
progress('funktionens minne: byggd bunt i functions-framework, 10 000 mätetal, fejken i egen process');
const fnMemory = await quiet(() => measureFunctionMemory(10_000));
progress('rapportveckan: 7 arbetsböcker × 5 redigeringar/min × 60 simulerade minuter');
const week = await quiet(() => simulateReportingWeek());

const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;
const figures = {
  sheets_calls_per_recalc_10: small.workbookCalls,
  sheets_calls_per_recalc_10000: large.workbookCalls,
  summary_calls_per_rebuild: large.summaryCalls,
  total_calls_per_edit_10: small.totalCalls,
  total_calls_per_edit_10000: large.totalCalls,
  write_calls_when_unchanged: Math.max(small.writesWhenUnchanged, large.writesWhenUnchanged),
  calls_when_unchanged: large.callsWhenUnchanged,
  recalcs_per_100_edit_burst: burst.coalescedRecalcs,
  recalcs_per_100_edit_burst_inline: burst.inlineRecalcs,
  edit_to_status_p95_ms: round(latency.p95Ms),
  edit_to_status_p50_ms: round(latency.p50Ms),
  edit_to_answer_p95_ms: round(latency.answerP95Ms),
  recalc_10000_against_fake_ms: round(large.recalcMs),
  engine_100k_metrics_ms: round(engine.assessMs),
  engine_100k_parse_ms: round(engine.parseMs),
  engine_100k_plan_ms: round(engine.planMs),
  engine_100k_pipeline_ms: round(engine.pipelineMs),
  engine_100k_summary_ms: round(engine.summaryMs),
  engine_100k_recalculate_ms: round(engine.recalculateMs),
  local_recalc_10000_ms: round(local.firstRecalc.wallMs),
  local_recalc_10000_unchanged_ms: round(local.unchangedRecalc.wallMs),
  xlsx_plain_load_save_10000_ms: round(local.plainLoadSave.wallMs),
  local_recalc_vs_plain_ratio: round(local.firstRecalc.wallMs / local.plainLoadSave.wallMs, 2),
  local_recalc_unchanged_vs_plain_ratio: round(local.unchangedRecalc.wallMs / local.plainLoadSave.wallMs, 2),
  peak_rss_mb_10000: round(local.firstRecalc.peakRssMb ?? Number.NaN, 1),
  peak_rss_mb_10000_unchanged: round(local.unchangedRecalc.peakRssMb ?? Number.NaN, 1),
  local_recalc_10000_cold_cache_ms: round(local.coldCacheRecalc.wallMs),
  peak_rss_mb_10000_cold_cache: round(local.coldCacheRecalc.peakRssMb ?? Number.NaN, 1),
  xlsx_plain_peak_rss_mb_10000: round(local.plainLoadSave.peakRssMb ?? Number.NaN, 1),
  local_phases_10000_total_ms: round(local.phases.totalMs),
  local_phase_start_ms: round(local.phases.startMs),
  local_phase_read_ms: round(local.phases.readMs),
  local_phase_engine_ms: round(local.phases.engineMs),
  local_phase_workbook_write_ms: round(local.phases.workbookWriteMs),
  local_phase_summary_ms: round(local.phases.summaryMs),
  local_phase_gc_ms: round(local.phases.gcMs),
  local_phase_other_ms: round(local.phases.otherMs),
  local_workbook_read_write_vs_plain_ratio: round((local.phases.readMs + local.phases.workbookWriteMs) / local.plainLoadSave.wallMs, 2),
  cold_start_import_ms: round(cold.medianMs),
  function_peak_rss_mb_10000: round(fnMemory.editPeakMb, 1),
  function_peak_rss_mb_10000_first_run: round(fnMemory.firstRunPeakMb, 1),
  function_peak_rss_mb_10000_workbook_run: round(fnMemory.workbookRunPeakMb, 1),
  reporting_week_edits_without_recalc: week.editsWithoutRecalc,
  reporting_week_writes_per_min_max: week.writesPerMinMax,
  reporting_week_reads_per_min_max: week.readsPerMinMax,
  reporting_week_edit_to_status_p95_s: round(week.editToStatusP95S, 1),
  reporting_week_final_statuses_right: week.finalStatusesRight,
  reporting_week_quota_refusals: week.quotaRefusals,
  naive_calls_10: naiveSmall.calls,
  naive_calls_10000: naiveLarge.calls,
  naive_modelled_s_10: round(naiveSmall.modelledSeconds, 1),
  naive_modelled_s_10000: round(naiveLarge.modelledSeconds),
  naive_call_ratio_10: round(naiveSmall.calls / small.totalCalls, 1),
  naive_call_ratio_10000: round(naiveLarge.calls / large.totalCalls, 1),
};

// figures inside the notes in Swedish form too (1 234,5), as the value column prints them
const sv = (n: number) => n.toLocaleString('sv-SE');
const rows: Row[] = [
  ['Sheets-anrop, omräkning av arbetsbok, 10 mätetal', small.workbookCalls, '2', `${small.workbookReads} läsning + ${small.workbookWrites} skrivning; sammanfattning +${small.summaryCalls}`],
  ['Sheets-anrop, omräkning av arbetsbok, 10 000 × 10 år', large.workbookCalls, '2', `${large.workbookReads} + ${large.workbookWrites}; sammanfattning +${large.summaryCalls}; ${sv(round(large.recalcMs))} ms mot fejken`],
  ['Skrivanrop när inget ändrats', figures.write_calls_when_unchanged, '0', `${large.callsWhenUnchanged} läsanrop`],
  ['Omräkningar av 100 redigeringar på 10 s', burst.coalescedRecalcs, '≤ 3', `Cloud Tasks, ${burst.instances} instanser, ${burst.tasksCreated} uppgifter; utan kö: ${burst.inlineRecalcs}`],
  ['Redigering → status, p95 (ms)', figures.edit_to_status_p95_ms, '< 3000', `300 ms per anrop, ${latency.edits} redigeringar, p50 ${sv(figures.edit_to_status_p50_ms)}, svar p95 ${sv(figures.edit_to_answer_p95_ms)}`],
  ['Motorn bedömer och väger samman 100 000 mätetal (ms)', figures.engine_100k_metrics_ms, '< 1000', `median av ${engine.runs}; med tolkning ${sv(round(engine.parseMs))} och skrivplan ${sv(round(engine.planMs))}: ${sv(figures.engine_100k_pipeline_ms)}; sammanfattning ${sv(round(engine.summaryMs))}; recalculate() ${sv(round(engine.recalculateMs))}`],
  ['Lokal recalc, 10 000 mätetal (ms)', figures.local_recalc_10000_ms, '≤ 0,5 × läs+spara', `${sv(figures.local_recalc_vs_plain_ratio)} × xlsx-populate läs+spara (${sv(figures.xlsx_plain_load_save_10000_ms)})`],
  [
    'Lokal recalc i faser, 10 000 mätetal (ms)',
    figures.local_phases_10000_total_ms,
    'rapportera',
    `start ${sv(figures.local_phase_start_ms)}, läsning ${sv(figures.local_phase_read_ms)}, motorn ${sv(figures.local_phase_engine_ms)}, skrivning ${sv(figures.local_phase_workbook_write_ms)}, sammanfattning ${sv(figures.local_phase_summary_ms)}, skräpsamling ${sv(figures.local_phase_gc_ms)}, övrigt ${sv(figures.local_phase_other_ms)}; läsning + skrivning = ${sv(figures.local_workbook_read_write_vs_plain_ratio)} × läs+spara`,
  ],
  ['Lokal recalc, oförändrad (ms)', figures.local_recalc_10000_unchanged_ms, '≤ 0,25 × läs+spara', `${sv(figures.local_recalc_unchanged_vs_plain_ratio)} × läs+spara`],
  ['Högsta RSS, 10 000 mätetal (MB)', figures.peak_rss_mb_10000, '< 256', `oförändrad ${sv(figures.peak_rss_mb_10000_unchanged)} (mål < 128); bara xlsx-populate ${sv(figures.xlsx_plain_peak_rss_mb_10000)}; med tom kompileringscache ${sv(figures.peak_rss_mb_10000_cold_cache)} (${sv(figures.local_recalc_10000_cold_cache_ms)} ms)`],
  ['Funktionens högsta RSS, 10 000 mätetal (MB)', figures.function_peak_rss_mb_10000, '< 256 (mål < 192)', `en signerad redigering: anrop + arbetsbokens körning (${sv(figures.function_peak_rss_mb_10000_workbook_run)}) + sammanfattningens; första körningen ${sv(figures.function_peak_rss_mb_10000_first_run)}; ${fnMemory.nodeOptions}`],
  ['Rapportveckan: redigeringar utan omräkning', week.editsWithoutRecalc, '0', `${sv(week.edits)} redigeringar, ${week.workbooks} arbetsböcker, ${week.minutes} min`],
  ['Rapportveckan: skrivanrop per minut, högst', week.writesPerMinMax, '≤ 50', `läsanrop högst ${week.readsPerMinMax}/min; 429 på grund av kvot: ${week.quotaRefusals}`],
  ['Rapportveckan: redigering → status, p95 (s)', figures.reporting_week_edit_to_status_p95_s, '< 30', `p50 ${sv(round(week.editToStatusP50S, 1))}; ${week.workbookRuns} arbetsbokskörningar, ${week.summaryRuns} sammanfattningskörningar`],
  ['Rapportveckan: slutliga statusar rätt (1 = ja)', week.finalStatusesRight ? 1 : 0, '1', `Ändringslogg ${sv(week.changeLogRows)} rader`],
  ['Kallstart, import av dist/index.js (ms)', figures.cold_start_import_ms, 'rapportera', `median av 5, paket ${sv(round(cold.bundleKb))} KB`],
  ['Naivt cell för cell, 10 mätetal (anrop)', naiveSmall.calls, '—', `körd mot fejken; ${naiveSmall.reads} läs + ${naiveSmall.writes} skriv; ${sv(figures.naive_modelled_s_10)} s vid 300 ms; ${sv(figures.naive_call_ratio_10)}× Målkoll`],
  ['Naivt cell för cell, 10 000 mätetal (anrop)', naiveLarge.calls, '—', `räknad ur planen; ${sv(round(naiveLarge.modelledSeconds / 3600, 1))} h vid 300 ms; ${sv(round(naiveLarge.quotaMinutes / 60, 1))} h kvot; ${sv(figures.naive_call_ratio_10000)}× Målkoll`],
];
printTable(rows, { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGb: round(totalmem() / 2 ** 30, 1) });
if (json) console.log(JSON.stringify(figures));
