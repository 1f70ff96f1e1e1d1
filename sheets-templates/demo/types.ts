/**
 * The demo set as plain data: what staff would have typed into each sheet. The writer
 * (shared/adapters/xlsx/create-workbook.ts) turns it into .xlsx files by the template spec.
 * @module
 */
import type { TemplateCell } from '../template-spec.ts';

export interface DemoSheet {
  name: string;
  /** row 1, words from shared/engine/model/template.ts */
  headers: string[];
  /** rows 2…; `rows[0]` is row 2. Cells line up with `headers`; missing trailing cells are empty. */
  rows: TemplateCell[][];
}

export interface DemoWorkbook {
  /** e.g. `Miljöprogram.xlsx` */
  fileName: string;
  sheets: DemoSheet[];
}

/** A cell formatted as a percentage (0.0%): `pct(0.369)` shows 36,9 %, stores 0,369. */
export function pct(fraction: number): TemplateCell {
  return { value: fraction, format: 'percent' };
}

/** A real date cell (shown ÅÅÅÅ-MM-DD), as Excel stores `2026-06-30` typed into a cell. */
export function date(iso: string): TemplateCell {
  return { date: iso };
}

/** Builds a row from named cells, in the order of `headers`; unnamed headers stay empty. */
export function rowOf(headers: readonly string[], cells: Record<string, TemplateCell>): TemplateCell[] {
  for (const name of Object.keys(cells)) {
    if (!headers.includes(name)) throw new Error(`demo: unknown column ${name}`);
  }
  const row = headers.map((h) => cells[h] ?? null);
  while (row.length > 0 && row[row.length - 1] === null) row.pop();
  return row;
}
