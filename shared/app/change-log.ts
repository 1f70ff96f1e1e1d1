/**
 * Every status change reaches Ändringslogg exactly once, whichever call fails and whenever it is retried.
 *
 * A workbook is written together with the changes it was written with: they go into its own state
 * (ProductState.changeLog), numbered, in the same atomic write as the statuses, and stay `pending` there.
 * The summary's state remembers, per workbook, the highest number Ändringslogg holds (SummaryState.logged),
 * and the summary write appends the pending changes above it and raises it in the same atomic write. So:
 * - the workbook write fails: nothing was written, the retry finds the same changes again;
 * - the summary write fails, or never happens in this run: the changes wait in the workbook until a run
 *   that reads it writes the summary (the retry, the set's summary run, the scheduled run);
 * - either write happened but its answer was lost: the retry reads what it did and adds nothing twice.
 * Pending changes at or below the summary's number are dropped the next time the workbook is written
 * anyway. The same idea serves any other place a change must reach once (local files, alerts).
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { ChangeLogRow, ChangeLogState, PendingChange, StatusChange } from '../engine/index.ts';
import type { LoggedUpTo } from '../ports.ts';

/** Pending changes the summary already holds (same log, number at or below its mark). */
function alreadyLogged(log: ChangeLogState, logged: LoggedUpTo | undefined): (entry: PendingChange) => boolean {
  return (entry) => logged !== undefined && logged.epoch === log.epoch && entry.seq <= logged.seq;
}

/**
 * The log to write with the workbook: what it held, less what the summary already has, plus this run's
 * changes numbered after the last. A workbook without a log gets a new epoch.
 */
export function nextChangeLog(
  previous: ChangeLogState | undefined,
  changes: StatusChange[],
  at: string,
  cause: string | null,
  logged: LoggedUpTo | undefined,
): ChangeLogState {
  const log = previous ?? { epoch: `${at}~${randomUUID().slice(0, 8)}`, seq: 0, pending: [] };
  const done = alreadyLogged(log, logged);
  const pending = log.pending.filter((e) => !done(e));
  let seq = log.seq;
  for (const change of changes) pending.push({ seq: ++seq, at, cause, change });
  return { epoch: log.epoch, seq, pending };
}

/** What Ändringslogg still lacks of one workbook's log, oldest first, and the mark that says it has them. */
export function toAppend(log: ChangeLogState | undefined, logged: LoggedUpTo | undefined): { rows: ChangeLogRow[]; mark: LoggedUpTo | undefined } {
  if (!log) return { rows: [], mark: logged };
  const done = alreadyLogged(log, logged);
  const rows = log.pending.filter((e) => !done(e)).sort((a, b) => a.seq - b.seq);
  const base = logged?.epoch === log.epoch ? logged.seq : 0;
  const top = rows.reduce((m, e) => Math.max(m, e.seq), base);
  return {
    rows: rows.map(({ at, change, cause }) => ({ at, change, cause })),
    mark: rows.length === 0 && logged?.epoch !== log.epoch ? logged : { epoch: log.epoch, seq: top },
  };
}
