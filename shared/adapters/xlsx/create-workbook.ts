/**
 * Creates template workbooks (.xlsx) from sheets-templates/ (laid out by sheet-layout.ts), empty or filled
 * with the demo set. Uses exceljs because these are files we create from nothing; users' own files are written
 * elsewhere with xlsx-populate, which keeps everything it does not touch.
 * @module
 */
import ExcelJS from 'exceljs';
import type { Cell, DataValidation, Worksheet } from 'exceljs';
import type { TemplateCell } from '../../../sheets-templates/template-spec.ts';
import type { DemoSheet, DemoWorkbook } from '../../../sheets-templates/demo/types.ts';
import {
  COMPUTED_HEADER_FILL,
  DEFAULT_COLUMN_WIDTH,
  emptyTemplate,
  sheetLayout,
  type HeaderLayout,
  type ListValidation,
} from '../../../sheets-templates/sheet-layout.ts';
import { columnLetter } from '../../engine/index.ts';

export { COMPUTED_HEADER_FILL };
export const PERCENT_FORMAT = '0.0%';
export const DATE_FORMAT = 'yyyy-mm-dd';

/** exceljs implements `dataValidations.add(range, …)` but its typings omit it. */
interface RangeValidations {
  add(range: string, validation: DataValidation): void;
}

/**
 * Writes a workbook by the template spec: the empty template when `content` is absent, else the given
 * sheets (e.g. one of `demoWorkbooks()`), each with the template's header notes, widths and dropdowns.
 */
export async function writeTemplateWorkbook(path: string, content?: DemoWorkbook): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Målkoll';
  for (const sheet of content ? content.sheets : emptyTemplate()) addSheet(workbook, sheet);
  await workbook.xlsx.writeFile(path);
}

function addSheet(workbook: ExcelJS.Workbook, sheet: DemoSheet): void {
  const layout = sheetLayout(sheet);
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: layout.frozenColumns, ySplit: 1, topLeftCell: `${columnLetter(layout.frozenColumns + 1)}2` }],
  });
  // widths first: a header's note is sized by the columns to its right
  for (const h of layout.headers) ws.getColumn(h.column).width = h.width;
  for (const h of layout.headers) writeHeader(ws, h);
  layout.rows.forEach((row, r) => {
    row.forEach((value, c) => writeValue(ws.getCell(r + 2, c + 1), value));
  });
  for (const note of layout.notes) setNote(ws, ws.getCell(note.row, note.column), note.text);
  for (const v of layout.validations) addListValidation(ws, v);
}

function writeHeader(ws: Worksheet, h: HeaderLayout): void {
  const cell = ws.getCell(1, h.column);
  cell.value = h.header;
  cell.font = { bold: true };
  cell.alignment = { vertical: 'top', wrapText: true };
  if (h.note !== null) setNote(ws, cell, h.note);
  if (h.computed) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${COMPUTED_HEADER_FILL}` } };
  }
}

/**
 * A dropdown that warns instead of refusing: people may paste `Positivt` or `öka`, which the product
 * accepts (domain.md §3), so a hard stop would only get in their way.
 */
function addListValidation(ws: Worksheet, v: ListValidation): void {
  const validations = (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
  const first = `${columnLetter(v.column)}${v.firstRow}`;
  const range = v.lastRow === v.firstRow ? first : `${first}:${columnLetter(v.column)}${v.lastRow}`;
  validations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${v.list.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: v.title,
    error: `Välj något av: ${v.list.join(', ')}.`,
  });
}

const NOTE_WIDTH_CHARS = 48;
const NOTE_CHARS_PER_LINE = 44;

/**
 * A note whose box fits its text. exceljs always draws a 2×4-cell box, which clips these notes in
 * Excel and LibreOffice; it has no public way to size it, so the anchor goes into the cell's comment
 * model (the only place its writer reads one from).
 */
function setNote(ws: Worksheet, cell: Cell, text: string): void {
  cell.note = text;
  const holder = cell as unknown as { _comment: { note: unknown; model: Record<string, unknown> } };
  const model = holder._comment.model;
  holder._comment = { note: text, model: { ...model, anchor: noteAnchor(ws, Number(cell.row), Number(cell.col), text) } };
}

/** Anchor in zero-based column/row units: right of the cell, wide enough for ~48 characters. */
function noteAnchor(ws: Worksheet, row: number, column: number, text: string) {
  const left = column; // zero-based index of the next column
  let right = left;
  let width = 0;
  while (width < NOTE_WIDTH_CHARS) {
    const w = ws.getColumn(right + 1).width ?? DEFAULT_COLUMN_WIDTH;
    const needed = NOTE_WIDTH_CHARS - width;
    if (w >= needed) {
      right += needed / w;
      width = NOTE_WIDTH_CHARS;
    } else {
      right += 1;
      width += w;
    }
  }
  const lines = text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / NOTE_CHARS_PER_LINE)), 0);
  const top = Math.max(row - 1, 0) + 0.2;
  return { left: left + 0.1, top, right, bottom: top + lines * 0.85 + 0.8 };
}

/** Input cells get a value and nothing else, except the number format a person's own typing would give. */
function writeValue(cell: Cell, value: TemplateCell | undefined): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string' || typeof value === 'number') {
    cell.value = value;
  } else if ('format' in value) {
    cell.value = value.value;
    cell.numFmt = PERCENT_FORMAT;
  } else {
    cell.value = new Date(`${value.date}T00:00:00Z`);
    cell.numFmt = DATE_FORMAT;
  }
}
