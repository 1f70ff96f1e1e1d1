/**
 * The whole pure pipeline for a set of workbooks: parse → set-wide settings → assess each workbook
 * (its own rows) → plan its writes → assess the set → build the summary. Adapters do the I/O around it.
 * @module
 */
import type { WorkbookGrid } from './model/grid.ts';
import type { Issue, IsoDate, MetricAssessment, MetricRow, SetAssessment, SetSettings, WorkbookAssessment, WorkbookModel, WritePlan } from './model/model.ts';
import type { SummaryDocument } from './model/summary-model.ts';
import { parseWorkbook } from './parse/workbook.ts';
import { resolveSetSettings } from './assess/set-settings.ts';
import { assessWorkbook } from './assess/workbook.ts';
import { assessSet } from './assess/set.ts';
import { planWrites } from './write/plan.ts';
import { buildSummary } from './summary/build.ts';
import { refusedSharingIssues } from './assess/sharing.ts';
import { byWorkbookName, compareWorkbooks } from './assess/match.ts';
import { planApprovals, type ArchivedYear } from './assess/approved.ts';
import type { ApprovedSnapshot } from './model/approved.ts';

export interface RecalculateOptions {
  /** the day of the run (Handlingsplan's Läge is judged on it) */
  today: IsoDate;
  /** shown as "Senast ändrad" when the summary's content changed; never part of its hash */
  changedAt: string;
  /** problems found before the engine ran (files that could not be opened) */
  extraIssues?: Issue[];
  /** e-mail domains the summary may be shared with; null = sharing is not part of this run (local files) */
  shareDomains?: string[] | null;
  /** models of workbooks not read this time (kept from their last run), so one edit need not read the whole set */
  otherModels?: WorkbookModel[];
  /** the approved reports archived so far (domain.md §7): the reporting year's gets its difference section */
  approved?: readonly ApprovedSnapshot[];
}

export interface RecalculateResult {
  /** models of the grids read this time, in the order of `plans` */
  models: WorkbookModel[];
  settings: SetSettings;
  assessments: WorkbookAssessment[];
  plans: WritePlan[];
  set: SetAssessment;
  summary: SummaryDocument;
  /** the reporting year's approved report the summary compares with, null when there is none */
  approved: ApprovedSnapshot | null;
  /** the reporting year's summary to archive now (`Fastställd` has a date and no archive exists), or null */
  toArchive: ArchivedYear | null;
}

export function recalculate(grids: WorkbookGrid[], options: RecalculateOptions): RecalculateResult {
  const sorted = [...grids].sort(compareWorkbooks);
  const models = sorted.map(parseWorkbook);
  const fresh = new Set(models.map((m) => m.workbookId));
  const others = (options.otherModels ?? []).filter((m) => !fresh.has(m.workbookId));
  const all = byWorkbookName([...models, ...others]);
  const settings = resolveSetSettings(all);
  if (options.shareDomains) {
    settings.issues.push(...refusedSharingIssues(settings, options.shareDomains, all));
  }
  const assessments = models.map((model) => assessWorkbook(model, settings, options.today));
  const plans = sorted.map((grid, i) => planWrites(grid, models[i]!, assessments[i]!));
  const set = assessSet(all, settings, options.today, { assessed: assessedRows(models, assessments) });
  set.issues.push(...(options.extraIssues ?? []));
  const archived = options.approved ?? [];
  const approvals = planApprovals(settings, archived, options.today);
  set.issues.push(...approvals.issues);
  const approved = archived.find((a) => a.year === set.year) ?? null;
  const summary = buildSummary(set, settings, {
    sources: all.map((m) => ({ id: m.workbookId, name: m.workbookName })),
    today: options.today,
    changedAt: options.changedAt,
    approved,
  });
  return { models, settings, assessments, plans, set, summary, approved, toArchive: approvals.archive };
}

/** Each metric row with its workbook's assessment (same year and settings as the set's, so the same result). */
export function assessedRows(models: readonly WorkbookModel[], assessments: readonly WorkbookAssessment[]): Map<MetricRow, MetricAssessment> {
  const assessed = new Map<MetricRow, MetricAssessment>();
  models.forEach((model, i) => {
    const metrics = assessments[i]?.metrics ?? [];
    // assessWorkbook assesses model.metrics in order, one each
    if (metrics.length !== model.metrics.length) return;
    model.metrics.forEach((row, j) => assessed.set(row, metrics[j]!));
  });
  return assessed;
}
