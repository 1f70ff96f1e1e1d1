/**
 * What the writer can put into a user's workbook, beyond today's write plan: a cell's value (text, a number,
 * or empty) and its look — the product's palette laid over the cell's own format (status and explanation
 * cells), the cell's own format kept with an optional number format (an outcome fetched from Kolada: 30,8 %
 * as 0.308 with a percent format), or another cell's format copied (a new year's `Utfall ÅÅÅÅ` header looks
 * like the previous one).
 * @module
 */
import type { CellStyleKey, ProductState, WritePlan } from '../../engine/index.ts';

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
