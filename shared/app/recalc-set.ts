/**
 * The use case behind `recalc`, `watch` and the functions: read every workbook once, compute, write each
 * at most once, then the summary (only when its content changed). Works through the ports only.
 * @module
 */
import {
  recalculate,
  countStatuses,
  type WorkbookGrid,
  type Issue,
  type IsoDate,
  type WorkbookModel,
  type ChangeLogRow,
  type RecalculateResult,
} from '../engine/index.ts';
import { UnreadableWorkbookError, type SummaryStore, type WorkbookRef, type WorkbookStore, type WriteOutcome } from '../ports.ts';
import type { RecalcReport, WorkbookReport } from './report.ts';
import { nextModelCache } from './model-cache.ts';

export interface RecalcDeps {
  store: WorkbookStore;
  summary: SummaryStore;
  /** the clock lives here, at the edge: ISO timestamp of this run */
  now: () => Date;
  shareDomains?: string[] | null;
  /** what caused the run, for Ändringslogg (e.g. "Redigering av Mätetal!F7 2026-11-24T10:00:00Z") */
  cause?: string | null;
  /** how many times a workbook that changed while we computed is re-read and recomputed */
  maxConflictRetries?: number;
  /** called after the engine ran (the Google summary uses it for sharing) */
  afterCompute?: (result: RecalculateResult) => Promise<void>;
  /**
   * read only these workbooks (an edit names one); the others come from the summary's cached models
   * when the summary store keeps them, and are read anyway when no model of theirs is cached
   */
  scope?: string[] | null;
}

interface Loaded {
  ref: WorkbookRef;
  grid: WorkbookGrid;
  version: string;
}

export async function recalcSet(deps: RecalcDeps): Promise<RecalcReport> {
  const allRefs = await deps.store.list();
  // only the models of workbooks this run does not read are worth fetching (none on a full run)
  const scope = deps.scope ?? null;
  const previous = await deps.summary.readState({ models: scope ? allRefs.filter((r) => !scope.includes(r.id)).map((r) => r.id) : [] });
  const cached = deps.summary.cachesModels && deps.scope ? (previous?.models ?? {}) : {};
  const refs = deps.scope ? allRefs.filter((r) => deps.scope!.includes(r.id) || !cached[r.id]) : allRefs;
  const readIds = new Set(refs.map((r) => r.id));
  const otherModels = allRefs.filter((r) => !readIds.has(r.id)).map((r) => cached[r.id]!);
  const unreadable: Issue[] = [];
  const unreadableRefs: { ref: WorkbookRef; reason: string }[] = [];
  const loaded: Loaded[] = [];
  for (const ref of refs) {
    const snapshot = await readOrReport(deps.store, ref, unreadable, unreadableRefs);
    if (snapshot) loaded.push({ ref, grid: snapshot.grid, version: snapshot.version });
  }

  const outcomes = new Map<string, WriteOutcome>();
  let result = compute(deps, loaded, unreadable, otherModels);
  // A workbook edited while we computed is never overwritten with a stale result: re-read it and recompute.
  for (let attempt = 0; ; attempt++) {
    const conflicts: Loaded[] = [];
    for (const item of loaded) {
      if (outcomes.has(item.ref.id)) continue;
      const plan = result.plans.find((p) => p.workbookId === item.grid.id)!;
      const outcome = await deps.store.write(item.ref, plan, item.version);
      if (outcome.kind === 'conflict') conflicts.push(item);
      else outcomes.set(item.ref.id, outcome);
    }
    if (conflicts.length === 0) break;
    if (attempt >= (deps.maxConflictRetries ?? 3)) {
      for (const c of conflicts) outcomes.set(c.ref.id, { kind: 'conflict' });
      break;
    }
    for (const c of conflicts) {
      const fresh = await readOrReport(deps.store, c.ref, unreadable, unreadableRefs);
      if (fresh) Object.assign(c, { grid: fresh.grid, version: fresh.version });
      else loaded.splice(loaded.indexOf(c), 1);
    }
    result = compute(deps, loaded, unreadable, otherModels);
  }
  await deps.afterCompute?.(result);

  const at = deps.now().toISOString();
  const changeLog: ChangeLogRow[] = result.plans
    .filter((p) => outcomes.get(p.workbookId)?.kind === 'written')
    .flatMap((p) => p.changes.map((change) => ({ at, change, cause: deps.cause ?? null })));
  const cache = deps.summary.cachesModels ? nextModelCache(allRefs, previous, result) : undefined;
  const models = cache?.models;
  const summaryChanged = previous?.contentHash !== result.summary.contentHash;
  const modelsChanged = cache?.changed ?? false;
  let summaryOutcome: RecalcReport['summary'] = 'unchanged';
  if (summaryChanged || modelsChanged || changeLog.length > 0) {
    const changedAt = summaryChanged ? at : (previous?.changedAt ?? at);
    const doc = summaryChanged ? result.summary : compute(deps, loaded, unreadable, otherModels, changedAt).summary;
    await deps.summary.write(doc, { contentHash: doc.contentHash, changedAt, ...(cache ? { models: cache.models, modelFingerprints: cache.fingerprints } : {}) }, changeLog);
    summaryOutcome = 'written';
  }

  return report(result, loaded, outcomes, unreadableRefs, summaryOutcome, deps.summary.location(), changeLog.length);
}

function compute(deps: RecalcDeps, loaded: Loaded[], unreadable: Issue[], otherModels: WorkbookModel[], changedAt?: string): RecalculateResult {
  const now = deps.now();
  return recalculate(
    loaded.map((l) => l.grid),
    {
      today: isoDateInStockholm(now),
      changedAt: changedAt ?? now.toISOString(),
      extraIssues: unreadable,
      shareDomains: deps.shareDomains ?? null,
      otherModels,
    },
  );
}

async function readOrReport(
  store: WorkbookStore,
  ref: WorkbookRef,
  issues: Issue[],
  unreadableRefs: { ref: WorkbookRef; reason: string }[],
) {
  try {
    return await store.read(ref);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbookError)) throw error;
    issues.push({
      kind: 'unreadable-workbook',
      workbookId: ref.id,
      workbookName: ref.name,
      sheet: '',
      subject: ref.name,
      message: error.reason,
    });
    unreadableRefs.push({ ref, reason: error.reason });
    return null;
  }
}

/** The region's calendar day: a deadline passes at midnight in Sweden, not in UTC. */
export function isoDateInStockholm(date: Date): IsoDate {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function report(
  result: RecalculateResult,
  loaded: Loaded[],
  outcomes: Map<string, WriteOutcome>,
  unreadable: { ref: WorkbookRef; reason: string }[],
  summary: RecalcReport['summary'],
  summaryLocation: string,
  changes: number,
): RecalcReport {
  const workbooks: WorkbookReport[] = loaded.map((item) => {
    const assessment = result.assessments.find((a) => a.workbookId === item.grid.id);
    const plan = result.plans.find((p) => p.workbookId === item.grid.id);
    const counts = countStatuses(assessment?.metrics ?? []);
    const outcome = outcomes.get(item.ref.id) ?? { kind: 'unchanged' as const };
    return {
      id: item.ref.id,
      name: item.ref.name,
      outcome: outcome.kind,
      ...(outcome.kind === 'skipped' ? { reason: outcome.reason } : {}),
      counts,
      cellsWritten: outcome.kind === 'written' ? (plan?.writes.length ?? 0) : 0,
    };
  });
  for (const u of unreadable) {
    workbooks.push({ id: u.ref.id, name: u.ref.name, outcome: 'unreadable', reason: u.reason, counts: countStatuses([]), cellsWritten: 0 });
  }
  return {
    year: result.settings.reportingYear,
    yearReason: result.settings.reportingYearReason,
    organisation: result.set.organisation.status,
    workbooks,
    summary,
    summaryLocation,
    issues: result.set.issues.map((i) => ({ kind: i.kind, text: describeIssue(i) })),
    changes,
  };
}

export function describeIssue(issue: Issue): string {
  const place = [issue.workbookName, issue.sheet, issue.rowNumber ? `rad ${issue.rowNumber}` : null].filter(Boolean).join(', ');
  return `${place}${issue.subject ? ` – ${issue.subject}` : ''}: ${issue.message}`;
}
