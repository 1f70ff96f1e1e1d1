/**
 * The set's workbooks read and written, each step in an async function of its own. A suspended async
 * function keeps every value its variables last held until it returns, so a read or a write inside the
 * long `recalcSet` would keep the last grid or plan alive through the summary write, after the run has
 * let them go (docs/performance.md).
 * @module
 */
import type { ChangeLogState, RecalculateResult } from '../engine/index.ts';
import { UnreadableWorkbookError, type LoggedUpTo, type WorkbookRef, type WorkbookStore, type WriteOutcome } from '../ports.ts';
import { nextChangeLog } from './change-log.ts';
import type { Loaded } from './recalc-set.ts';
import type { Unreadable, UnreadableWorkbooks } from './unreadable-workbooks.ts';

/** Each workbook as read (or as last known); those left out are named by `unreadable`. */
export async function readWorkbooks(unreadable: UnreadableWorkbooks, refs: WorkbookRef[]): Promise<Loaded[]> {
  const loaded: Loaded[] = [];
  for (const ref of refs) {
    const snapshot = await unreadable.read(ref);
    if (snapshot) loaded.push({ ref, grid: snapshot.grid, version: snapshot.version });
  }
  return loaded;
}

/**
 * Each workbook read, and those that cannot be with why: for the commands that write a set's inputs without
 * recalculating it (`kolada`, `new-year`), which report an unreadable workbook and go on with the others.
 */
export async function readEach(store: WorkbookStore, refs: WorkbookRef[]): Promise<{ read: Loaded[]; unreadable: Unreadable[] }> {
  const read: Loaded[] = [];
  const unreadable: Unreadable[] = [];
  for (const ref of refs) {
    try {
      const snapshot = await store.read(ref);
      read.push({ ref, grid: snapshot.grid, version: snapshot.version });
    } catch (error) {
      if (!(error instanceof UnreadableWorkbookError)) throw error;
      unreadable.push({ ref, reason: error.reason });
    }
  }
  return { read, unreadable };
}

/** The workbooks whose write met a newer version, read again in place (one that cannot be read is dropped). */
export async function rereadConflicts(unreadable: UnreadableWorkbooks, conflicts: Loaded[], loaded: Loaded[]): Promise<void> {
  for (const c of conflicts) {
    const fresh = await unreadable.read(c.ref);
    if (fresh) Object.assign(c, { grid: fresh.grid, version: fresh.version });
    else loaded.splice(loaded.indexOf(c), 1);
  }
}

export interface WorkbookWrite {
  outcome: WriteOutcome;
  /** the workbook's change log as it now stands in the workbook */
  log: ChangeLogState | undefined;
}

/**
 * One workbook's plan written. With a store that keeps change logs, the plan's changes go into the workbook's
 * log in the same write (change-log.ts).
 */
export async function writeWorkbook(
  store: WorkbookStore,
  item: Loaded,
  result: RecalculateResult,
  context: { tracked: boolean; at: string; cause: string | null; logged: LoggedUpTo | undefined },
): Promise<WorkbookWrite> {
  const plan = result.plans.find((p) => p.workbookId === item.grid.id)!;
  const before = item.grid.state?.changeLog;
  if (context.tracked) {
    plan.state.changeLog = nextChangeLog(before, plan.changes, context.at, context.cause, context.logged);
    // the changes are written with the statuses; dropping logged ones alone is no reason to write
    if (plan.changes.length > 0) plan.stateChanged = true;
  }
  const outcome = await store.write(item.ref, plan, item.version);
  return { outcome, log: outcome.kind === 'written' ? plan.state.changeLog : before };
}
