/**
 * What one recalculation did, for the terminal, the functions' responses and the logs.
 * @module
 */
import type { Status } from '../engine/index.ts';
import type { YearRoundReport } from './year-round.ts';

export interface WorkbookReport {
  id: string;
  name: string;
  /** written | unchanged | skipped | conflict | unreadable */
  outcome: string;
  /** Swedish reason for skipped/unreadable, or what a written workbook did not get */
  reason?: string;
  /** where the run added the product's columns ("Mätetal: Utveckling och Förklaring tillagda i kolumn H och I") */
  columnsAdded?: string[];
  counts: Record<Status, number>;
  cellsWritten: number;
}

export interface RecalcReport {
  year: number | null;
  yearReason: string;
  organisation: Status | null;
  workbooks: WorkbookReport[];
  /** `failed`: the summary could not be written (`summaryReason` says why, in Swedish); the workbooks were */
  summary: 'written' | 'unchanged' | 'skipped' | 'failed';
  summaryReason?: string;
  summaryLocation: string;
  /** Swedish lines on Styrmått, rankings, agendapyramids, risk areas and survey themes (empty when the set has none) */
  highlights?: string[];
  /** data-quality lines (Swedish), as the summary lists them */
  issues: { kind: string; text: string }[];
  changes: number;
  /** the announcement and archives of this run (domain.md §7), when it wrote or could write the summary */
  yearRound?: YearRoundReport;
  /** files beside the set that were not read, and why (Swedish) */
  notRead?: { file: string; reason: string }[];
}
