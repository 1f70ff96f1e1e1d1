/**
 * The ports between the application and the outside world. Two real adapters implement them:
 * shared/adapters/xlsx (local .xlsx files, the embedded default) and shared/adapters/sheets (Google Sheets).
 * @module
 */
import type { WorkbookGrid, WorkbookModel, WritePlan, SummaryDocument, ChangeLogRow, InputPlan, ApprovedSnapshot, IsoDate, AlertChange } from './engine/index.ts';
import type { RecalcReport } from './app/report.ts';

export interface WorkbookRef {
  id: string;
  name: string;
}

/** A workbook as read, with a token that tells whether it changed since. */
export interface WorkbookSnapshot {
  grid: WorkbookGrid;
  version: string;
}

export type WriteOutcome =
  /** `notes`: cells that were not written, and why (Swedish); the rest was. `version`: the workbook's version now */
  | { kind: 'written'; notes?: string[]; version?: string }
  | { kind: 'unchanged' }
  /** the workbook changed after it was read: nothing was written; read again and recompute */
  | { kind: 'conflict' }
  /** the workbook could not be written (locked, permissions …); `reason` is Swedish */
  | { kind: 'skipped'; reason: string };

export interface WorkbookStore {
  /** the configured set (local: every .xlsx in the folder but the summary, lock files and backups) */
  list(): Promise<WorkbookRef[]>;
  /** one read per workbook; throws UnreadableWorkbookError for a file that cannot be opened */
  read(ref: WorkbookRef): Promise<WorkbookSnapshot>;
  /** at most one write; only the plan's cells and the product state; nothing when the plan is empty */
  write(ref: WorkbookRef, plan: WritePlan, expectedVersion: string): Promise<WriteOutcome>;
  /**
   * Each workbook's current version without reading it into a grid (local files: the sha256 of the bytes), so a
   * run can tell that nothing changed since the last complete one and stop early. Stores that cannot tell it
   * cheaply leave it out.
   */
  versions?(refs: WorkbookRef[]): Promise<Record<string, string>>;
  /**
   * true when `write` stores ProductState.changeLog with the statuses and `read` gives it back: status
   * changes then reach Ändringslogg through the change log, exactly once (shared/app/change-log.ts)
   */
  readonly keepsChangeLog?: boolean;
  /**
   * Writes the cells of a person's columns that the product writes only when asked (domain.md §5, §7): a new
   * year's `Utfall` header, outcomes from Kolada, and the state given with them. At most one write; nothing
   * else of the workbook changes. Answers like `write`.
   */
  writeInputs?(ref: WorkbookRef, plan: InputPlan, expectedVersion: string): Promise<WriteOutcome>;
  /** true when a new column can be inserted (Google: Sheets moves the columns after it); local files cannot */
  readonly insertsColumns?: boolean;
  /** a link to a row of a workbook read in this run (Google), for an alert; stores without links leave it out */
  rowLink?(workbookId: string, sheet: string, rowNumber: number): string | null;
  /**
   * A workbook `read` could not open, as it was the last time it could (local files: a copy of the last version
   * read); the run then keeps its last known results in the summary instead of dropping them. null: none kept.
   */
  readLastKnown?(ref: WorkbookRef): Promise<LastKnownWorkbook | null>;
  /** files beside the set that look like workbooks but are not read (another format, a link, a sub-folder), and why */
  leftOut?(): Promise<LeftOutFile[]>;
}

export interface LastKnownWorkbook extends WorkbookSnapshot {
  /** when that version was read (ISO) */
  readAt: string;
}

export interface LeftOutFile {
  /** the file as the person finds it, relative to the set's folder (`arkiv/Miljö.xlsx`) */
  file: string;
  /** why it is not read, and what to do (Swedish) */
  reason: string;
}

/**
 * What the last complete run read (every workbook's version as it left them, the day and the code that ran:
 * `inputs`) and what it reported: when a run finds the same inputs, nothing can have changed.
 */
export interface LastRun {
  inputs: string;
  report: RecalcReport;
}

export interface SummaryState {
  contentHash: string | null;
  /** when the content last changed (ISO), shown in the summary */
  changedAt: string | null;
  /**
   * each workbook's parsed model from its last run, by workbook id: lets one edit recalculate one workbook
   * and still rebuild the whole summary without reading every workbook (stores that set `cachesModels`)
   */
  models?: Record<string, WorkbookModel>;
  /** the last complete run, for stores whose workbooks give `versions` */
  lastRun?: LastRun;
  /** a fingerprint of each cached model (shared/app/model-cache.ts): a store rewrites only the models that changed */
  modelFingerprints?: Record<string, string>;
  /**
   * per workbook id, the highest change sequence Ändringslogg already holds (and the epoch of the
   * workbook's change log it belongs to): the other half of ProductState.changeLog, see shared/app/change-log.ts
   */
  logged?: Record<string, LoggedUpTo>;
  /** the approved reports archived so far, by year (domain.md §7); never removed */
  approved?: Record<string, ApprovedArchive>;
  /** status changes whose announcement has not been delivered yet, oldest first (shared/app/announce.ts) */
  alerts?: { changes: AlertChange[]; dropped: number };
  /** the organisation's overall assessment the summary last showed (its change is logged and announced) */
  organisationStatus?: string;
  /** the last archive that could not be made (Google tries again the next day, not at every edit) */
  archiveAttempt?: { year: number; on: IsoDate; reason: string };
  /** per workbook id, since when (ISO) a workbook has been unreadable and shown with its last known results */
  unreadableSince?: Record<string, string>;
  /**
   * set by `readState`, never stored: a file of the summary is missing or does not hold `contentHash` (a run was
   * interrupted between writing them), so the next run writes the summary even when nothing changed
   */
  rewrite?: boolean;
}

/** An approved year's archive: when it was approved, where it is, and what it said. */
export interface ApprovedArchive {
  approvedOn: IsoDate;
  /** a path or a URL */
  location: string;
  snapshot: ApprovedSnapshot;
}

/** Where approved reports are archived (domain.md §7): beside the summary, never written again. */
export interface ArchiveStore {
  /**
   * Archives the summary as it stands for `snapshot.year`: the document (local files) or a copy of the summary
   * spreadsheet (Google), holding the snapshot in its hidden state, shared read-only with the summary's
   * readers. An archive that already exists for that year is never written: it is adopted as it is.
   */
  archive(doc: SummaryDocument, snapshot: ApprovedSnapshot, readers: { addresses: string[]; agreed: boolean }): Promise<ApprovedArchive>;
}

/** How far a workbook's change log has reached Ändringslogg. */
export interface LoggedUpTo {
  epoch: string;
  seq: number;
}

export interface ReadStateOptions {
  /** only these workbooks' cached models are needed (default: every one) */
  models?: string[];
}

export interface SummaryStore {
  /** what the summary holds now (null when there is none yet) */
  readState(options?: ReadStateOptions): Promise<SummaryState | null>;
  /** rewrites the summary and appends the change-log rows; one write */
  write(doc: SummaryDocument, state: SummaryState, changeLog: ChangeLogRow[]): Promise<void>;
  /** replaces only the state (nothing a person reads changes); stores without it get the state at the next write */
  writeState?(state: SummaryState): Promise<void>;
  /** where a person finds it (a path or a URL) */
  location(): string;
  /** true when the store keeps `SummaryState.models` (Google: reads are expensive; local files: not needed) */
  readonly cachesModels?: boolean;
}

/** Thrown by `SummaryStore.write` when the summary could not be written at all; `reason` is Swedish and names the file. */
export class SummaryWriteError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'SummaryWriteError';
    this.reason = reason;
  }
}

/** Thrown by `WorkbookStore.read` for a workbook that cannot be opened; the rest of the set still runs. */
export class UnreadableWorkbookError extends Error {
  readonly ref: WorkbookRef;
  readonly reason: string;
  constructor(ref: WorkbookRef, reason: string) {
    super(reason);
    this.name = 'UnreadableWorkbookError';
    this.ref = ref;
    this.reason = reason;
  }
}
