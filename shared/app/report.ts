/**
 * What one recalculation did, for the terminal, the functions' responses and the logs.
 * @module
 */
import type { Status } from '../engine/model.ts';

export type StatusCountsByWord = Record<Status, number>;

export interface WorkbookReport {
  id: string;
  name: string;
  /** written | unchanged | skipped | conflict | unreadable */
  outcome: string;
  /** Swedish reason for skipped/unreadable */
  reason?: string;
  counts: StatusCountsByWord;
  cellsWritten: number;
}

export interface RecalcReport {
  year: number | null;
  yearReason: string;
  organisation: Status | null;
  workbooks: WorkbookReport[];
  summary: 'written' | 'unchanged' | 'skipped';
  summaryLocation: string;
  /** data-quality lines (Swedish), as the summary lists them */
  issues: { kind: string; text: string }[];
  changes: number;
}

export function emptyCounts(): StatusCountsByWord {
  return { Positiv: 0, Oförändrad: 0, Negativ: 0, 'Inget värde': 0, Fel: 0 };
}
