/**
 * The only cells of a person's columns the product ever writes, and only when asked (domain.md §5, §7): the
 * header of a new year's `Utfall ÅÅÅÅ` column (`new-year`) and outcomes fetched from Kolada into empty cells
 * (`kolada`). Kept apart from WritePlan, which only ever holds the product's own columns.
 * @module
 */
import type { ColumnNumber, ProductState, RowNumber } from './grid.ts';

export interface InputCellWrite {
  sheet: string;
  rowNumber: RowNumber;
  columnNumber: ColumnNumber;
  /** a header's text, or an outcome (a `%` metric's 30,8 % as 0.308 with a percent format, as Excel stores it) */
  value: { text: string } | { number: number; percent: boolean };
  /** the cell whose look this one takes (a new year's header looks like the year before's); absent: its own */
  lookFrom?: { rowNumber: RowNumber; columnNumber: ColumnNumber };
}

export interface InputPlan {
  workbookId: string;
  /**
   * an empty column to insert before writing (Google: the new year goes right after the last `Utfall`, and
   * Sheets moves the rest); `writes` name columns as they are after the insert
   */
  insertColumn?: { sheet: string; columnNumber: ColumnNumber };
  writes: InputCellWrite[];
  /** the product state to store with the cells (the Kolada record); null leaves it as it is */
  state: ProductState | null;
  /** true when formulas that read the written cells should recalculate on open (outcomes; not a header) */
  recalcOnOpen: boolean;
}
