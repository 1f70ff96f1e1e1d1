/**
 * "Nothing changed since the last complete run": every workbook has the version the last run left it with,
 * on the same day, run by the same code. Then the result is the same by construction (the engine is pure, and
 * reads nothing else), so the run reports what the last one did without reading a workbook. Only for stores
 * that tell versions cheaply (local files), and only after a run that wrote everything it meant to (a workbook
 * skipped because it was open, or lost to a conflict, still needs writing).
 * @module
 */
import type { LastRun, WorkbookRef, WorkbookStore, WriteOutcome } from '../ports.ts';
import type { RecalcReport } from './report.ts';

export interface InputsKey {
  /** identifies the code that computes (a change of rules or layout is a change of result) */
  codeVersion: string;
  /** the region's calendar day (action plans are judged on the day of the run) */
  today: string;
  shareDomains: string[] | null;
  /** files left out of the set (a new .xls beside it must be reported, so it is a change) */
  leftOut?: { file: string; reason: string }[];
}

export function inputsOf(key: InputsKey, versions: Record<string, string>): string {
  const sorted = Object.keys(versions).sort().map((id) => [id, versions[id]]);
  return JSON.stringify({ ...key, versions: sorted });
}

/** The workbooks' versions now, or null when the store cannot tell. */
export async function currentVersions(store: WorkbookStore, refs: WorkbookRef[]): Promise<Record<string, string> | null> {
  return store.versions ? store.versions(refs) : null;
}

/** The report of a run that found the inputs of the last one: every workbook as it was, nothing written. */
export function repeatedReport(last: LastRun, summaryLocation: string): RecalcReport {
  return { ...last.report, summaryLocation, summary: 'unchanged', changes: 0 };
}

/**
 * What this run leaves for the next one to compare with, or null when it did not complete: every workbook
 * written or unchanged (or unreadable, which the same bytes stay), with the versions they have now.
 */
export function completedRun(
  key: InputsKey,
  before: Record<string, string>,
  read: { id: string; version: string }[],
  outcomes: Map<string, WriteOutcome>,
  report: RecalcReport,
): LastRun | null {
  const versions = { ...before };
  for (const { id, version } of read) {
    const outcome = outcomes.get(id) ?? { kind: 'unchanged' as const };
    if (outcome.kind === 'written' && outcome.version) versions[id] = outcome.version;
    else if (outcome.kind === 'unchanged') versions[id] = version;
    else return null;
  }
  const workbooks = report.workbooks.map(({ columnsAdded: _, ...w }) => ({ ...w, outcome: w.outcome === 'written' ? 'unchanged' : w.outcome, cellsWritten: 0 }));
  return { inputs: inputsOf(key, versions), report: { ...report, workbooks, summary: 'unchanged', changes: 0 } };
}
