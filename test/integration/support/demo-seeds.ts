/**
 * The demo workbooks (sheets-templates/demo) as seeds for the Google fake (percent and date cells keep their format),
 * and as the grid either adapter reads from them: the engine's input without a file or a spreadsheet.
 */
import type { CellInput, WorkbookGrid } from '../../../shared/engine/index.ts';
import type { CellSeed, SheetSeed } from '../../../shared/testing/google-fake/index.ts';
import type { TemplateCell } from '../../../sheets-templates/template-spec.ts';
import type { DemoSheet, DemoWorkbook } from '../../../sheets-templates/demo/index.ts';

export function seedCell(cell: TemplateCell | undefined): CellSeed {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('format' in cell) return { percent: cell.value };
  return { date: cell.date };
}

export function seedSheet(sheet: DemoSheet): SheetSeed {
  return { name: sheet.name, rows: [sheet.headers, ...sheet.rows.map((r) => r.map(seedCell))] };
}

export function seedsOf(workbook: DemoWorkbook): SheetSeed[] {
  return workbook.sheets.map(seedSheet);
}

export const titleOf = (workbook: DemoWorkbook): string => workbook.fileName.replace(/\.xlsx$/i, '');

/** A demo cell as an adapter reads it: a percent cell holds the fraction, a date its ISO text and 1900-system serial. */
export function cellInputOf(cell: TemplateCell | undefined): CellInput | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string' || typeof cell === 'number') return { value: cell };
  if ('format' in cell) return { value: cell.value, percent: true };
  return { value: (Date.parse(`${cell.date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000, date: cell.date };
}

export function gridOf(workbook: DemoWorkbook, id = workbook.fileName): WorkbookGrid {
  const sheets = workbook.sheets.map((s) => ({ name: s.name, rows: [s.headers.map((h) => ({ value: h })), ...s.rows.map((r) => r.map(cellInputOf))] }));
  return { id, name: titleOf(workbook), sheets, state: null };
}
