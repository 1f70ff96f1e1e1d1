/** The demo workbooks (sheets-templates/demo) as seeds for the Google fake: percent and date cells keep their format. */
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
