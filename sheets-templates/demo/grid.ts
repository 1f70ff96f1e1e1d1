/**
 * A demo workbook as the engine's WorkbookGrid, the way an adapter would read the written file (a percent
 * cell holds its fraction, a date cell its ISO date): lets `init` assess the set as it was approved without
 * writing and reading files for it.
 * @module
 */
import type { CellInput, WorkbookGrid } from '../../shared/engine/index.ts';
import type { TemplateCell } from '../template-spec.ts';
import type { DemoWorkbook } from './types.ts';

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

function cellOf(cell: TemplateCell | undefined): CellInput | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string' || typeof cell === 'number') return { value: cell };
  if ('format' in cell) return { value: cell.value, percent: true };
  return { value: (Date.parse(`${cell.date}T00:00:00Z`) - EPOCH_1900) / DAY_MS, date: cell.date };
}

export function demoGrid(workbook: DemoWorkbook): WorkbookGrid {
  return {
    id: workbook.fileName,
    name: workbook.fileName.replace(/\.xls[xm]$/i, ''),
    sheets: workbook.sheets.map((s) => ({ name: s.name, rows: [s.headers.map((h) => ({ value: h })), ...s.rows.map((r) => r.map(cellOf))] })),
    state: null,
  };
}
