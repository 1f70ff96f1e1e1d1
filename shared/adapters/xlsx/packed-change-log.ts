/**
 * A workbook's change log (ProductState.changeLog) as the `_malkoll` sheet stores it: the changes of one run share
 * their time, cause and workbook, so they are stored once per run and each change as a short row. A first run
 * logs every status of the workbook (10,000 metrics: some 12,000 changes), which spelled out took as much room as
 * the rest of the state; packed it takes a quarter of that. The log in memory is the shared ChangeLogState.
 * @module
 */
import type { ChangeLogState, PendingChange } from '../../engine/index.ts';

type PackedRow = [seq: number, sheet: string, rowNumber: number, subject: string, from: string | null, to: string];

interface PackedRun {
  at: string;
  cause: string | null;
  workbookId: string;
  workbookName: string;
  rows: PackedRow[];
}

export interface PackedChangeLog {
  epoch: string;
  seq: number;
  runs: PackedRun[];
}

export function packChangeLog(log: ChangeLogState): PackedChangeLog {
  const runs: PackedRun[] = [];
  let run: PackedRun | null = null;
  for (const { seq, at, cause, change } of log.pending) {
    if (!run || run.at !== at || run.cause !== cause || run.workbookId !== change.workbookId || run.workbookName !== change.workbookName) {
      run = { at, cause, workbookId: change.workbookId, workbookName: change.workbookName, rows: [] };
      runs.push(run);
    }
    run.rows.push([seq, change.sheet, change.rowNumber, change.subject, change.from, change.to]);
  }
  return { epoch: log.epoch, seq: log.seq, runs };
}

/** The stored log back, from its packed form (or spelled out, as Google keeps it); null when it is not one. */
export function unpackChangeLog(stored: unknown): ChangeLogState | null {
  if (!stored || typeof stored !== 'object') return null;
  const { epoch, seq, runs, pending } = stored as Partial<PackedChangeLog> & { pending?: unknown };
  if (typeof epoch !== 'string' || typeof seq !== 'number') return null;
  if (Array.isArray(pending)) return { epoch, seq, pending: pending as PendingChange[] };
  if (!Array.isArray(runs)) return null;
  const out: PendingChange[] = [];
  for (const run of runs) {
    for (const [n, sheet, rowNumber, subject, from, to] of run.rows ?? []) {
      out.push({ seq: n, at: run.at, cause: run.cause, change: { workbookId: run.workbookId, workbookName: run.workbookName, sheet, rowNumber, subject, from, to } });
    }
  }
  return { epoch, seq, pending: out };
}
