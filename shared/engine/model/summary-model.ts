/**
 * The summary as renderer-neutral blocks. One builder (engine/summary.ts) fills it; the xlsx, HTML and
 * Google renderers only lay the blocks out, so all three show the same content in the same order.
 * @module
 */
import type { CellStyleKey, StatusChange, IsoDate } from './model.ts';

export interface SummaryCell {
  text: string;
  /** colour key for status cells; absent = plain */
  style?: CellStyleKey;
  /** the number behind a formatted figure, when there is one (lets spreadsheets keep it numeric) */
  number?: number;
  /** footnote number pointing at a `footnotes` block item (manual assessments) */
  footnote?: number;
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** hex without '#'; renderers fall back to their own order */
  colour?: string;
}

/** One item of a pyramid chart: its short mark (a goal's number) and what it stands for (the goal's name). */
export interface PyramidItem {
  short: string;
  long: string;
}

/** One pyramid of a `pyramid` chart, its tiers from the top down. */
export interface ChartPyramid {
  name: string;
  tiers: { label: string; style?: CellStyleKey; items: PyramidItem[] }[];
  /** items in no tier (shown beside the pyramid), null when there are none */
  outside: { label: string; items: PyramidItem[] } | null;
}

export interface ChartSpec {
  id: string;
  /** `pyramid`: pyramids side by side; `categories` are the tiers and each series counts one pyramid's items per tier */
  type: 'stacked-bar' | 'bar' | 'line' | 'pyramid';
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** text alternative, also used as the image's alt text */
  alt: string;
  /** axis unit, e.g. '%' */
  unit?: string;
  /** `pyramid` charts: what each pyramid holds */
  pyramids?: ChartPyramid[];
}

export type SummaryBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 2 | 3; text: string; id?: string }
  | { kind: 'paragraph'; text: string }
  /** a label/value row; the organisation's overall assessment is exactly one of these with label `Samlad bedömning` */
  | { kind: 'keyValue'; label: string; value: SummaryCell }
  | { kind: 'table'; caption: string; columns: string[]; rows: SummaryCell[][] }
  | { kind: 'list'; items: SummaryCell[] }
  | { kind: 'chart'; chart: ChartSpec }
  | { kind: 'footnotes'; items: { number: number; text: string }[] };

export interface ChangeLogRow {
  /** ISO timestamp from the caller (the engine has no clock) */
  at: string;
  change: StatusChange;
  cause: string | null;
}

/** A status change a workbook was written with, numbered within that workbook's change log. */
export interface PendingChange extends ChangeLogRow {
  seq: number;
}

/**
 * A workbook's change log: every status change is written into the workbook's own state together with the
 * statuses (one atomic write), numbered; it stays `pending` until the summary says Ändringslogg holds it.
 * `epoch` names this log, so a state removed by hand starts a new log instead of reusing old numbers.
 */
export interface ChangeLogState {
  epoch: string;
  /** the last number given */
  seq: number;
  pending: PendingChange[];
}

export interface SummaryDocument {
  organisation: string | null;
  year: number | null;
  /** blocks of sheet `Sammanfattning`, in the order of domain.md §3 */
  blocks: SummaryBlock[];
  /** the `Handlingsplan` overview sheet, when any workbook has one */
  actionPlan: { columns: string[]; rows: SummaryCell[][] } | null;
  /** hash of everything above; equal hash = nothing to write */
  contentHash: string;
  /** the date the content was built for (handed in) */
  builtFor: IsoDate;
  sources: { id: string; name: string }[];
}
