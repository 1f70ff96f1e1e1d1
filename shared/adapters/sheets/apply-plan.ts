/**
 * A WritePlan → the sub-requests of one batchUpdate: grow the grid where a new product column lies
 * beyond it, then `updateCells` masked to value + colours, with adjacent cells merged into blocks
 * (a row's run of columns, and consecutive rows with the same run) so 10,000 rows stay one small batch.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { normalizeName, type CellWrite } from '../../engine/index.ts';
import { PRODUCT_CELL_FIELDS, styledCell } from './cell-format.ts';
import type { SheetLayout } from './read-grid.ts';

interface Run {
  row: number;
  startCol: number;
  cells: CellWrite[];
}

function runsOf(writes: CellWrite[]): Run[] {
  const sorted = [...writes].sort((a, b) => a.rowNumber - b.rowNumber || a.columnNumber - b.columnNumber);
  const runs: Run[] = [];
  for (const w of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === w.rowNumber && last.startCol + last.cells.length === w.columnNumber) last.cells.push(w);
    else runs.push({ row: w.rowNumber, startCol: w.columnNumber, cells: [w] });
  }
  return runs;
}

function blocksOf(runs: Run[]): Run[][] {
  const blocks: Run[][] = [];
  for (const run of runs) {
    const block = blocks[blocks.length - 1];
    const prev = block?.[block.length - 1];
    if (block && prev && prev.row + 1 === run.row && prev.startCol === run.startCol && prev.cells.length === run.cells.length) block.push(run);
    else blocks.push([run]);
  }
  return blocks;
}

export function sheetFor(sheets: Map<string, SheetLayout>, name: string): SheetLayout {
  const sheet = sheets.get(normalizeName(name));
  if (!sheet) throw new Error(`Bladet "${name}" finns inte i kalkylarket.`);
  return sheet;
}

export function planRequests(sheets: Map<string, SheetLayout>, writes: CellWrite[]): sheets_v4.Schema$Request[] {
  const bySheet = new Map<SheetLayout, CellWrite[]>();
  for (const w of writes) {
    const sheet = sheetFor(sheets, w.sheet);
    const list = bySheet.get(sheet);
    if (list) list.push(w);
    else bySheet.set(sheet, [w]);
  }
  const grow: sheets_v4.Schema$Request[] = [];
  const cells: sheets_v4.Schema$Request[] = [];
  for (const [sheet, list] of bySheet) {
    const maxRow = list.reduce((m, w) => Math.max(m, w.rowNumber), 0);
    const maxCol = list.reduce((m, w) => Math.max(m, w.columnNumber), 0);
    if (maxRow > sheet.rowCount) grow.push({ appendDimension: { sheetId: sheet.sheetId, dimension: 'ROWS', length: maxRow - sheet.rowCount } });
    if (maxCol > sheet.columnCount) grow.push({ appendDimension: { sheetId: sheet.sheetId, dimension: 'COLUMNS', length: maxCol - sheet.columnCount } });
    for (const block of blocksOf(runsOf(list))) {
      cells.push({
        updateCells: {
          start: { sheetId: sheet.sheetId, rowIndex: block[0]!.row - 1, columnIndex: block[0]!.startCol - 1 },
          rows: block.map((run) => ({ values: run.cells.map((c) => styledCell(c.value, c.style)) })),
          fields: PRODUCT_CELL_FIELDS,
        },
      });
    }
  }
  return [...grow, ...cells];
}
