/**
 * An xlsx-populate workbook → WorkbookGrid (engine/grid.ts): cells as stored, not as displayed.
 * Reading never changes the file; styles are looked up once per style id because xlsx-populate's
 * style getter clones the style on first use.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import XlsxPopulate, { type Cell, type Sheet, type Workbook } from 'xlsx-populate';
import { SHEETS, type CellInput, type CellRange, type SheetGrid, type WorkbookGrid } from '../../engine/index.ts';
import { isDateFormat, isPercentFormat, serialToIsoDate } from './number-formats.ts';
import { readStateSheet } from './state-sheet.ts';
import { openWorkbook } from './open-workbook.ts';

export function workbookToGrid(wb: Workbook, id: string, name: string): WorkbookGrid {
  const formats = new Map<number, string | undefined>();
  const numberFormat = (cell: Cell): string | undefined => {
    const styleId = cell._styleId ?? 0;
    if (!formats.has(styleId)) formats.set(styleId, asString(cell.style('numberFormat')));
    return formats.get(styleId);
  };
  const sheets = wb
    .sheets()
    .filter((s) => s.name() !== SHEETS.state)
    .map((s) => sheetToGrid(s, numberFormat));
  return { id, name, sheets, state: readStateSheet(wb) };
}

function sheetToGrid(sheet: Sheet, numberFormat: (cell: Cell) => string | undefined): SheetGrid {
  const rows: (CellInput | null)[][] = [];
  const hiddenRows: number[] = [];
  sheet.forEachExistingRow((row, rowNumber) => {
    if (row.hidden()) hiddenRows.push(rowNumber);
    const cells: (CellInput | null)[] = [];
    const last = row.maxUsedColumnNumber();
    for (let c = 1; c <= last; c++) {
      cells.push(row.hasCell(c) ? toCellInput(row.cell(c), numberFormat) : null);
    }
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const grid: SheetGrid = { name: sheet.name(), rows };
  if (sheet.hidden()) grid.hidden = true;
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  const merges = Object.keys(sheet._mergeCells ?? {}).map(parseRange).filter((r): r is CellRange => r !== null);
  if (merges.length > 0) grid.merges = merges;
  return grid;
}

/** `A2:B5` (or a single `A2`) → a 1-based inclusive range; null when it is not one. */
function parseRange(ref: string): CellRange | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const column = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const a = { row: Number(m[2]), column: column(m[1]!) };
  const b = m[3] === undefined ? a : { row: Number(m[4]), column: column(m[3]) };
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

function toCellInput(cell: Cell, numberFormat: (cell: Cell) => string | undefined): CellInput | null {
  const raw = cell.value();
  const formula = cell.formula();
  const input: CellInput = { value: null };
  if (typeof formula === 'string') input.formula = formula;

  if (raw instanceof XlsxPopulate.FormulaError) {
    input.error = raw.error();
  } else if (raw instanceof XlsxPopulate.RichText) {
    input.value = raw.text();
  } else if (Array.isArray(raw)) {
    // An inline rich-text string (`<is><r>…`): xlsx-populate hands back the raw runs.
    input.value = textOf(raw);
  } else if (typeof raw === 'number' && Number.isFinite(raw)) {
    input.value = raw;
    const code = numberFormat(cell);
    if (isPercentFormat(code)) input.percent = true;
    else if (isDateFormat(code)) {
      const iso = serialToIsoDate(raw);
      if (iso) input.date = iso;
    }
  } else if (typeof raw === 'string' || typeof raw === 'boolean') {
    input.value = raw;
  } else if (input.formula !== undefined) {
    input.uncached = true;
  } else {
    return null;
  }
  if (input.formula === undefined && input.value === '' && input.error === undefined) return null;
  return input;
}

function textOf(nodes: unknown): string {
  if (typeof nodes === 'string' || typeof nodes === 'number') return String(nodes);
  if (Array.isArray(nodes)) return nodes.map(textOf).join('');
  if (nodes && typeof nodes === 'object') {
    const node = nodes as { name?: string; children?: unknown };
    if (node.name === 'rPh' || node.name === 'rPr') return '';
    return textOf(node.children ?? []);
  }
  return '';
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads one .xlsx file into a grid; id = file name, name = file name without `.xlsx`. */
export async function readWorkbookFile(path: string): Promise<WorkbookGrid> {
  const bytes = await readFile(path);
  const file = basename(path);
  const wb = await openWorkbook(bytes, file);
  return workbookToGrid(wb, file, file.replace(/\.xlsx$/i, ''));
}
