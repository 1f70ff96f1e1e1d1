/**
 * The use case behind `recalc`, `watch` and the functions: read every workbook once, compute, write each
 * at most once, then the summary (only when its content changed). Works through the ports only.
 * @module
 */
import {
  recalculate,
  buildSummary,
  countStatuses,
  reportHighlights,
  type ChangeLogState,
  type WorkbookGrid,
  type Issue,
  type IsoDate,
  type WorkbookModel,
  type ChangeLogRow,
  type RecalculateResult,
  type ApprovedSnapshot,
} from '../engine/index.ts';
import { SummaryWriteError, type SummaryState, type SummaryStore, type WorkbookRef, type WorkbookStore, type WriteOutcome } from '../ports.ts';
import type { RecalcReport, WorkbookReport } from './report.ts';
import { nextModelCache } from './model-cache.ts';
import { toAppend } from './change-log.ts';
import { readWorkbooks, rereadConflicts, writeWorkbook } from './set-io.ts';
import { completedRun, currentVersions, inputsOf, repeatedReport, type InputsKey } from './unchanged-inputs.ts';
import { UnreadableWorkbooks } from './unreadable-workbooks.ts';
import { columnsAdded } from './columns-added.ts';
import { archivedSnapshots, carriedState, prepareYearRound, type YearRoundConfig } from './year-round.ts';

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
  /**
   * false: write the workbooks only, and leave the summary to a run of its own (the Cloud Tasks summary run);
   * their status changes wait in their change logs (change-log.ts). Needs a store that keeps change logs.
   */
  writeSummary?: boolean;
  /** the summary state as this instance last saw it, instead of reading it (an edit run that skips the summary) */
  knownState?: SummaryState | null;
  /**
   * identifies the code that runs; with it, and a store that gives versions, a run that finds every workbook as
   * the last complete run left it (same day, same code) reports that run's result without reading anything
   */
  codeVersion?: string;
  /** archives of approved years, announcements of status changes, the Kolada fetch day (year-round.ts) */
  yearRound?: YearRoundConfig;
  /**
   * a full garbage collection, where the process can ask for one (the CLI: cli/full-collection.ts). Called once
   * the workbooks are read and once they are written and let go: the next phase then builds in the space the last
   * one left instead of growing the heap, which lowers a large run's peak (docs/performance.md).
   */
  collectGarbage?: () => void;
  /**
   * after the workbooks are read and before anything is computed (the scheduled run merges Kolada into the
   * workbooks it has just read: app/kolada.ts); may write inputs and update the grids and versions it was given
   */
  beforeCompute?: (loaded: Loaded[], previous: SummaryState | null) => Promise<void>;
}

export interface Loaded {
  ref: WorkbookRef;
  grid: WorkbookGrid;
  version: string;
}

export async function recalcSet(deps: RecalcDeps): Promise<RecalcReport> {
  const allRefs = await deps.store.list();
  const tracked = deps.store.keepsChangeLog === true;
  const writeSummary = deps.writeSummary ?? true;
  if (!writeSummary && !tracked) throw new Error('A run without the summary needs a workbook store that keeps change logs.');
  // only the models of workbooks this run does not read are worth fetching (none on a full run)
  const scope = deps.scope ?? null;
  const previous =
    deps.knownState !== undefined && !writeSummary
      ? deps.knownState
      : await deps.summary.readState({ models: scope ? allRefs.filter((r) => !scope.includes(r.id)).map((r) => r.id) : [] });
  const leftOut = (await deps.store.leftOut?.()) ?? [];
  const key: InputsKey | null =
    deps.codeVersion && !scope && writeSummary
      ? { codeVersion: deps.codeVersion, today: isoDateInStockholm(deps.now()), shareDomains: deps.shareDomains ?? null, ...(leftOut.length ? { leftOut } : {}) }
      : null;
  const versionsBefore = key ? await currentVersions(deps.store, allRefs) : null;
  // a summary file missing or older than the other (a run stopped between them) is written even when nothing changed
  if (key && versionsBefore && !previous?.rewrite && previous?.lastRun?.inputs === inputsOf(key, versionsBefore)) {
    return repeatedReport(previous.lastRun, deps.summary.location());
  }
  const cached = deps.summary.cachesModels && deps.scope ? (previous?.models ?? {}) : {};
  const refs = deps.scope ? allRefs.filter((r) => deps.scope!.includes(r.id) || !cached[r.id]) : allRefs;
  const readIds = new Set(refs.map((r) => r.id));
  const otherModels = allRefs.filter((r) => !readIds.has(r.id)).map((r) => cached[r.id]!);
  const at = deps.now().toISOString();
  const unreadable = new UnreadableWorkbooks(deps.store, previous, at);
  const loaded = await readWorkbooks(unreadable, refs);
  await deps.beforeCompute?.(loaded, previous ?? null);
  deps.collectGarbage?.();
  /** problems found before the engine ran: files left out, workbooks that could not be read (so far) */
  const extraIssues = (): Issue[] => [...leftOut.map(notReadIssue), ...unreadable.issues];

  const cause = deps.cause ?? null;
  const outcomes = new Map<string, WriteOutcome>();
  /** each workbook's change log as it now stands in the workbook (tracked stores) */
  const logs = new Map<string, ChangeLogState | undefined>();
  const approved = archivedSnapshots(previous ?? null);
  let result = compute(deps, loaded, extraIssues(), otherModels, approved);
  // A workbook edited while we computed is never overwritten with a stale result: re-read it and recompute.
  for (let attempt = 0; ; attempt++) {
    const conflicts: Loaded[] = [];
    for (const item of loaded) {
      if (outcomes.has(item.ref.id)) continue;
      // shown with its last known results: never written, its change log waits for a run that reads it
      const lastKnown = unreadable.lastKnown.get(item.ref.id);
      if (lastKnown !== undefined) {
        outcomes.set(item.ref.id, { kind: 'skipped', reason: lastKnown });
        continue;
      }
      const { outcome, log } = await writeWorkbook(deps.store, item, result, { tracked, at, cause, logged: previous?.logged?.[item.ref.id] });
      if (outcome.kind === 'conflict') conflicts.push(item);
      else {
        outcomes.set(item.ref.id, outcome);
        logs.set(item.ref.id, log);
      }
    }
    if (conflicts.length === 0) break;
    if (attempt >= (deps.maxConflictRetries ?? 3)) {
      for (const c of conflicts) outcomes.set(c.ref.id, { kind: 'conflict' });
      break;
    }
    await rereadConflicts(unreadable, conflicts, loaded);
    result = compute(deps, loaded, extraIssues(), otherModels, approved);
  }
  await deps.afterCompute?.(result);

  const changeLog: ChangeLogRow[] = [];
  const logged = { ...(previous?.logged ?? {}) };
  if (tracked) {
    for (const item of loaded) {
      const { rows, mark } = toAppend(logs.get(item.ref.id), logged[item.ref.id]);
      changeLog.push(...rows);
      if (mark) logged[item.ref.id] = mark;
    }
    changeLog.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    logs.clear();
  } else {
    for (const p of result.plans) {
      if (outcomes.get(p.workbookId)?.kind === 'written') for (const change of p.changes) changeLog.push({ at, change, cause });
    }
  }
  // what the report needs of the plans and grids, before they are let go (they are the bulk of a large run)
  const workbookReports = workbookReport(result, loaded, outcomes, unreadable);
  // the status changes this run wrote (with a change log, Ändringslogg may get them later, or earlier ones now)
  const changedCount = result.plans.reduce((n, p) => (outcomes.get(p.workbookId)?.kind === 'written' ? n + p.changes.length : n), 0);
  const organisation = result.set.organisation.status;
  const highlights = reportHighlights(result.set);
  const issues = result.set.issues.map((i) => ({ kind: i.kind, text: describeIssue(i) }));
  const done: RecalcReport = {
    year: result.settings.reportingYear,
    yearReason: result.settings.reportingYearReason,
    organisation,
    highlights,
    workbooks: workbookReports,
    summary: writeSummary ? 'unchanged' : 'skipped',
    summaryLocation: deps.summary.location(),
    issues,
    changes: changedCount,
    ...(leftOut.length > 0 ? { notRead: leftOut } : {}),
  };
  const round = writeSummary ? prepareYearRound(deps.yearRound ?? {}, { result, previous: previous ?? null, changeLog, cause, today: isoDateInStockholm(deps.now()), at }) : null;
  const lastRun =
    key && versionsBefore ? completedRun(key, versionsBefore, loaded.map((l) => ({ id: l.ref.id, version: l.version })), outcomes, done) : null;
  release(result, loaded);
  deps.collectGarbage?.();

  let summaryOutcome = done.summary;
  let summaryReason: string | undefined;
  let writtenState: SummaryState | null = null;
  if (writeSummary) {
    const cache = deps.summary.cachesModels ? nextModelCache(allRefs, previous, result) : undefined;
    const summaryChanged = previous?.contentHash !== result.summary.contentHash;
    const modelsChanged = cache?.changed ?? false;
    const unreadableSince = unreadable.since();
    try {
      if (summaryChanged || modelsChanged || changeLog.length > 0 || previous?.rewrite) {
        const changedAt = summaryChanged ? at : (previous?.changedAt ?? at);
        const doc = summaryChanged ? result.summary : rebuildSummary(result, deps, changedAt);
        // the set's assessment is the largest thing left, and the summary document holds what it needs of it
        result.set = null as never;
        const state: SummaryState = {
          ...carriedState(previous ?? null),
          ...round?.state,
          contentHash: doc.contentHash,
          changedAt,
          ...(cache ? { models: cache.models, modelFingerprints: cache.fingerprints } : {}),
          ...(tracked ? { logged } : {}),
          ...(lastRun ? { lastRun } : {}),
          ...(unreadableSince ? { unreadableSince } : {}),
        };
        await deps.summary.write(doc, state, changeLog);
        writtenState = state;
        summaryOutcome = 'written';
      } else if (lastRun && previous && lastRun.inputs !== previous.lastRun?.inputs) {
        await deps.summary.writeState?.({ ...previous, lastRun });
      }
    } catch (error) {
      // the workbooks are written and their changes wait in their change logs for the next run that can write it
      if (!(error instanceof SummaryWriteError)) throw error;
      summaryOutcome = 'failed';
      summaryReason = error.reason;
    }
  }

  // a summary that could not be written logged nothing: its changes are announced by the run that logs them
  const yearRound = round && summaryOutcome !== 'failed' ? await round.finish(deps.summary, writtenState) : null;
  const said = yearRound && (yearRound.alert !== null || yearRound.archived.length > 0 || yearRound.notes.length > 0);
  return { ...done, summary: summaryOutcome, ...(summaryReason ? { summaryReason } : {}), ...(said ? { yearRound } : {}) };
}

function notReadIssue(file: { file: string; reason: string }): Issue {
  return { kind: 'not-read-file', workbookId: '', workbookName: file.file, sheet: '', message: file.reason };
}

/** The plans, assessments and grids are the bulk of a large run and are not needed for the summary: let them go. */
function release(result: RecalculateResult, loaded: Loaded[]): void {
  result.plans = [];
  result.assessments = [];
  for (const item of loaded) item.grid = { ...item.grid, sheets: [], state: null };
}

/** The same summary with another "changed at" (the content did not change, so its hash stays). */
function rebuildSummary(result: RecalculateResult, deps: RecalcDeps, changedAt: string) {
  return buildSummary(result.set, result.settings, {
    sources: result.summary.sources,
    today: isoDateInStockholm(deps.now()),
    changedAt,
    approved: result.approved,
  });
}

function compute(deps: RecalcDeps, loaded: Loaded[], extraIssues: Issue[], otherModels: WorkbookModel[], approved: ApprovedSnapshot[], changedAt?: string): RecalculateResult {
  const now = deps.now();
  return recalculate(
    loaded.map((l) => l.grid),
    {
      today: isoDateInStockholm(now),
      changedAt: changedAt ?? now.toISOString(),
      extraIssues,
      shareDomains: deps.shareDomains ?? null,
      otherModels,
      approved,
    },
  );
}

/** The region's calendar day: a deadline passes at midnight in Sweden, not in UTC. */
export function isoDateInStockholm(date: Date): IsoDate {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function workbookReport(
  result: RecalculateResult,
  loaded: Loaded[],
  outcomes: Map<string, WriteOutcome>,
  unreadable: UnreadableWorkbooks,
): WorkbookReport[] {
  const workbooks: WorkbookReport[] = loaded.map((item) => {
    const assessment = result.assessments.find((a) => a.workbookId === item.grid.id);
    const plan = result.plans.find((p) => p.workbookId === item.grid.id);
    const counts = countStatuses(assessment?.metrics ?? []);
    const outcome = outcomes.get(item.ref.id) ?? { kind: 'unchanged' as const };
    const added = outcome.kind === 'written' && plan ? columnsAdded(plan) : [];
    return {
      id: item.ref.id,
      name: item.ref.name,
      outcome: unreadable.lastKnown.has(item.ref.id) ? 'unreadable' : outcome.kind,
      ...(outcome.kind === 'skipped' ? { reason: outcome.reason } : {}),
      ...(outcome.kind === 'written' && outcome.notes?.length ? { reason: outcome.notes.join('; ') } : {}),
      ...(added.length > 0 ? { columnsAdded: added } : {}),
      counts,
      cellsWritten: outcome.kind === 'written' ? (plan?.writes.length ?? 0) : 0,
    };
  });
  for (const u of unreadable.refs) {
    workbooks.push({ id: u.ref.id, name: u.ref.name, outcome: 'unreadable', reason: u.reason, counts: countStatuses([]), cellsWritten: 0 });
  }
  return workbooks;
}

export function describeIssue(issue: Issue): string {
  const place = [issue.workbookName, issue.sheet, issue.rowNumber ? `rad ${issue.rowNumber}` : null].filter(Boolean).join(', ');
  return `${place}${issue.subject ? ` – ${issue.subject}` : ''}: ${issue.message}`;
}
