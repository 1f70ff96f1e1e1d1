/**
 * Builds engine input for tests: rows of plain values → SheetGrid / WorkbookGrid.
 * A plain number, string, boolean or null becomes `{ value }`; a CellInput object is kept as is.
 */
import type { CellInput, ProductState, SheetGrid, WorkbookGrid } from '../../shared/engine/model/grid.ts';

export type Plain = number | string | boolean | null | undefined | CellInput;

export function cell(v: Plain): CellInput | null {
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object') return v;
  return { value: v };
}

export const pct = (value: number): CellInput => ({ value, percent: true });
export const date = (iso: string, serial = 45000): CellInput => ({ value: serial, date: iso });
export const err = (code: string): CellInput => ({ value: null, error: code });
export const uncached = (formula: string): CellInput => ({ value: null, formula, uncached: true });

export function sheet(name: string, rows: Plain[][]): SheetGrid {
  return { name, rows: rows.map((r) => r.map(cell)) };
}

export function workbook(sheets: SheetGrid[], state: ProductState | null = null, id = 'wb.xlsx'): WorkbookGrid {
  return { id, name: id.replace(/\.xlsx$/, ''), sheets, state };
}

export const GOAL = 'Minskad klimatpåverkan';
export const INDICATOR = 'Utsläpp av CO2e';

/** A workbook with one goal area and one indicator; `metrics` is the whole Mätetal sheet (header row first). */
export function standardWorkbook(metrics: Plain[][], extra: SheetGrid[] = [], state: ProductState | null = null): WorkbookGrid {
  return workbook(
    [
      sheet('Målområden', [
        ['Målområde', 'Hållbarhetsmål'],
        [GOAL, 'Halverade utsläpp 2030'],
        ['Social hållbarhet', 'Jämlik hälsa'],
      ]),
      sheet('Indikatorer', [
        ['Målområde', 'Indikator', 'Målvärde 2030'],
        [GOAL, INDICATOR, '−50 %, basår 2019'],
        [GOAL, 'Energianvändning', null],
        ['Social hållbarhet', 'Hälsa', null],
      ]),
      sheet('Mätetal', metrics),
      ...extra,
    ],
    state,
  );
}
