/**
 * Creates template workbooks (.xlsx) from sheets-templates/template-spec.ts, empty or filled with the demo
 * set. Uses exceljs because these are files we create from nothing; users' own files are written
 * elsewhere with xlsx-populate, which keeps everything it does not touch.
 * @module
 */
import ExcelJS from 'exceljs';
import type { Cell, DataValidation, Worksheet } from 'exceljs';
import {
  COMPUTED_NOTE,
  COMPUTED_PLAN_NOTE,
  VALIDATED_ROWS,
  defaultSettings,
  findColumnSpec,
  findSettingSpec,
  templateSheets,
} from '../../../sheets-templates/template-spec.ts';
import type { ColumnSpec, TemplateCell } from '../../../sheets-templates/template-spec.ts';
import type { DemoSheet, DemoWorkbook } from '../../../sheets-templates/demo/types.ts';
import { SETTINGS_HEADERS, SHEETS } from '../../engine/template.ts';

/** Header fill of the product's columns: grey-blue, so they read as "not for typing". */
export const COMPUTED_HEADER_FILL = 'D6DCE4';
export const PERCENT_FORMAT = '0.0%';
export const DATE_FORMAT = 'yyyy-mm-dd';
const DEFAULT_WIDTH = 14;

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

/** The empty template as content: headers only, plus the default rows of `Inställningar`. */
export function emptyTemplate(): DemoSheet[] {
  return templateSheets().map((spec) => ({
    name: spec.name,
    headers: spec.columns.map((c) => c.header),
    rows: spec.name === SHEETS.settings ? defaultSettings().map((s) => [s.name, s.value]) : [],
  }));
}

function addSheet(workbook: ExcelJS.Workbook, sheet: DemoSheet): void {
  const frozenColumns = templateSheets([]).find((s) => s.name === sheet.name)?.frozenColumns ?? 0;
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1, topLeftCell: topLeft(frozenColumns) }],
  });
  // widths first: a header's note is sized by the columns to its right
  sheet.headers.forEach((header, i) => {
    ws.getColumn(i + 1).width = findColumnSpec(sheet.name, header)?.width ?? DEFAULT_WIDTH;
  });
  sheet.headers.forEach((header, i) => writeHeader(ws, sheet.name, header, i + 1));
  sheet.rows.forEach((row, r) => {
    row.forEach((value, c) => writeValue(ws.getCell(r + 2, c + 1), value));
  });
  if (sheet.name === SHEETS.settings) annotateSettings(ws, sheet);
}

function topLeft(frozenColumns: number): string {
  return `${columnLetter(frozenColumns + 1)}2`;
}

function writeHeader(ws: Worksheet, sheetName: string, header: string, column: number): void {
  const spec = findColumnSpec(sheetName, header);
  const cell = ws.getCell(1, column);
  cell.value = header;
  cell.font = { bold: true };
  cell.alignment = { vertical: 'top', wrapText: true };
  if (!spec) return;
  setNote(ws, cell, headerNote(sheetName, spec));
  if (spec.computed) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${COMPUTED_HEADER_FILL}` } };
  }
  if (spec.list) {
    const letter = columnLetter(column);
    addListValidation(ws, `${letter}${VALIDATED_ROWS.first}:${letter}${VALIDATED_ROWS.last}`, spec.header, spec.list);
  }
}

export function headerNote(sheetName: string, spec: ColumnSpec): string {
  if (!spec.computed) return spec.note;
  const marker = sheetName === SHEETS.actionPlan ? COMPUTED_PLAN_NOTE : COMPUTED_NOTE;
  return `${marker}.\n\n${spec.note}`;
}

/**
 * A dropdown that warns instead of refusing: people may paste `Positivt` or `öka`, which the product
 * accepts (domain.md §3), so a hard stop would only get in their way.
 */
function addListValidation(ws: Worksheet, range: string, header: string, list: readonly string[]): void {
  const validations = (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
  validations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${list.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: header,
    error: `Välj något av: ${list.join(', ')}.`,
  });
}

function annotateSettings(ws: Worksheet, sheet: DemoSheet): void {
  const nameIndex = sheet.headers.indexOf(SETTINGS_HEADERS.name);
  const valueIndex = sheet.headers.indexOf(SETTINGS_HEADERS.value);
  if (nameIndex < 0) return;
  sheet.rows.forEach((row, r) => {
    const name = row[nameIndex];
    const spec = typeof name === 'string' ? findSettingSpec(name) : undefined;
    if (!spec) return;
    setNote(ws, ws.getCell(r + 2, nameIndex + 1), spec.note);
    if (spec.list && valueIndex >= 0) {
      const address = `${columnLetter(valueIndex + 1)}${r + 2}`;
      addListValidation(ws, address, spec.name, spec.list);
    }
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
    const w = ws.getColumn(right + 1).width ?? DEFAULT_WIDTH;
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

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
