/**
 * What the writer can put into a user's workbook, beyond today's write plan: a cell's value (text, a number,
 * or empty) and its look — the product's palette laid over the cell's own format (status and explanation
 * cells), the cell's own format kept with an optional number format (an outcome fetched from Kolada: 30,8 %
 * as 0.308 with a percent format), or another cell's format copied (a new year's `Utfall ÅÅÅÅ` header looks
 * like the previous one).
 * @module
 */
import type { CellStyleKey, InputPlan, ProductState, WritePlan } from '../../engine/index.ts';

export type PatchValue = { text: string } | { number: number } | null;

export type PatchLook =
  | { kind: 'palette'; key: CellStyleKey; wrap?: boolean }
  | { kind: 'keep'; numberFormat?: string }
  | { kind: 'copy'; from: { row: number; column: number }; numberFormat?: string };

export interface CellPatch {
  sheet: string;
  row: number;
  column: number;
  value: PatchValue;
  look: PatchLook;
}

export interface WorkbookPatch {
  cells: CellPatch[];
  /** the product state to store in `_malkoll`; null leaves it as it is */
  state: ProductState | null;
  /** whether the workbook asks to recalculate on open; default: when any cell is written */
  recalcOnOpen?: boolean;
}

/** The percent format a person typing `30,8 %` in Excel gets. */
export const PERCENT_FORMAT = '0.0%';

/**
 * An input plan as patches (domain.md §5: only when asked): a header takes the look of the cell it names, or
 * keeps its own; an outcome keeps its cell's look, with a percent format for a `%` metric. A plan that inserts
 * a column cannot be patched into a person's file (their formulas would have to be rewritten).
 */
export function patchFromInputPlan(plan: InputPlan): WorkbookPatch {
  if (plan.insertColumn) throw new Error('A local workbook gets no inserted column: new-year uses the first empty column.');
  return {
    cells: plan.writes.map((w) => ({
      sheet: w.sheet,
      row: w.rowNumber,
      column: w.columnNumber,
      value: 'text' in w.value ? { text: w.value.text } : { number: w.value.number },
      look: w.lookFrom
        ? { kind: 'copy', from: { row: w.lookFrom.rowNumber, column: w.lookFrom.columnNumber } }
        : 'percent' in w.value && w.value.percent
          ? { kind: 'keep', numberFormat: PERCENT_FORMAT }
          : { kind: 'keep' },
    })),
    state: plan.state,
    recalcOnOpen: plan.recalcOnOpen,
  };
}

/**
 * A write plan as patches: each product cell gets its word and palette colours on top of its own format, and
 * explanation text wraps (a 'text' cell is a Förklaring, or an empty Läge). An empty value empties the cell.
 */
export function patchFromPlan(plan: WritePlan): WorkbookPatch {
  return {
    cells: plan.writes.map((w) => ({
      sheet: w.sheet,
      row: w.rowNumber,
      column: w.columnNumber,
      value: w.value === '' ? null : { text: w.value },
      look: { kind: 'palette', key: w.style, ...(w.style === 'text' ? { wrap: true } : {}) },
    })),
    state: plan.writes.length > 0 || plan.stateChanged ? plan.state : null,
  };
}
