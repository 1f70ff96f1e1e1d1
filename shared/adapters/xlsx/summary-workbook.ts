/**
 * Lays a SummaryDocument out in an exceljs workbook: sheet Sammanfattning (blocks top to bottom),
 * Handlingsplan, Ändringslogg (kept rows + appended rows) and the hidden `_malkoll` state sheet.
 * @module
 */
import ExcelJS from 'exceljs';
import { PALETTE, SHEETS, type SummaryCell, type SummaryDocument, type ChangeLogRow } from '../../engine/index.ts';
import type { SummaryState } from '../../ports.ts';
import { renderChartPng } from './chart-png.ts';
import { SharedStyles } from './shared-styles.ts';

export const CHANGE_LOG_COLUMNS = ['Tidpunkt', 'Arbetsbok', 'Blad', 'Rad', 'Vad', 'Från', 'Till', 'Orsak'];
/** a cell of a kept Ändringslogg row, as read back */
export type LogValue = string | number | Date | null;

const ROW_HEIGHT_PX = 20;

export async function buildSummaryWorkbook(
  doc: SummaryDocument,
  state: SummaryState,
  keptLog: LogValue[][],
  newLog: ChangeLogRow[],
): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Målkoll';
  const looks = new SharedStyles();
  summarySheet(wb, doc, looks);
  if (doc.actionPlan) {
    const ws = wb.addWorksheet(SHEETS.actionPlan);
    header(looks, ws.addRow(doc.actionPlan.columns));
    for (const row of doc.actionPlan.rows) cells(looks, ws.addRow(row.map(value)), row);
    widths(ws, [28, 40, 22, 14, 14, 14]);
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  changeLogSheet(wb, looks, keptLog, newLog);
  const hidden = wb.addWorksheet(SHEETS.state, { state: 'hidden' });
  hidden.getCell('A1').value = JSON.stringify(state);
  return wb;
}

const COLUMN_WIDTHS = [38, 30, 16, 14, 14, 14, 16, 60];

/**
 * Long text over the sheet's width, one row per line: each line overflows into the empty cells to its
 * right, so it needs no merged cells. exceljs checks every new merge against all earlier ones (and
 * again on reading the file back), which is quadratic in the thousands of list items of a large set.
 * Returns the rows used.
 */
function wrapAcross(looks: SharedStyles, ws: ExcelJS.Worksheet, row: number, fromColumn: number, text: string): number {
  // a column's width counts '0' digits; running text is narrower, so a line of that many characters fits
  const width = COLUMN_WIDTHS.slice(fromColumn - 1).reduce((sum, w) => sum + w, 0);
  const lines = text.split('\n').flatMap((paragraph) => breakLines(paragraph, width));
  lines.forEach((line, i) => {
    const cell = ws.getCell(row + i, fromColumn);
    cell.value = line;
    looks.add(cell, { alignment: { vertical: 'top' } });
  });
  return lines.length;
}

/** Greedy word wrap; a word longer than a line is cut. */
export function breakLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= width) {
      line = next;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line = rest;
  }
  lines.push(line);
  return lines;
}

function summarySheet(wb: ExcelJS.Workbook, doc: SummaryDocument, looks: SharedStyles): void {
  // printed for a board meeting: A4, every column on the page width, as many pages down as needed
  const ws = wb.addWorksheet(SHEETS.summary, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  widths(ws, COLUMN_WIDTHS);
  let r = 1;
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'title':
        ws.getCell(r, 1).value = b.text;
        looks.add(ws.getCell(r, 1), { font: { bold: true, size: 18 } });
        ws.getRow(r).height = 28;
        r += 2;
        break;
      case 'heading':
        if (b.level === 2) r += 1;
        ws.getCell(r, 1).value = b.text;
        looks.add(ws.getCell(r, 1), { font: { bold: true, size: b.level === 2 ? 14 : 12 } });
        r += 1;
        break;
      case 'paragraph':
        r += wrapAcross(looks, ws, r, 1, b.text);
        break;
      case 'keyValue': {
        ws.getCell(r, 1).value = b.label;
        looks.add(ws.getCell(r, 1), { font: { bold: true, size: 12 } });
        ws.getCell(r, 2).value = b.value.text;
        style(looks, ws.getCell(r, 2), b.value);
        if (b.value.footnote !== undefined) ws.getCell(r, 3).value = `Fotnot ${b.value.footnote}`;
        r += 1;
        break;
      }
      case 'table': {
        ws.getCell(r, 1).value = b.caption;
        looks.add(ws.getCell(r, 1), { font: { italic: true } });
        r += 1;
        header(looks, ws.getRow(r), b.columns);
        r += 1;
        for (const row of b.rows) {
          // wrapped cells: give the row the height of its tallest cell (LibreOffice and Excel keep a set height)
          const lines = Math.max(1, ...row.map((cell, i) => Math.ceil(cell.text.length / (COLUMN_WIDTHS[i] ?? 14))));
          ws.getRow(r).height = 15 * lines;
          row.forEach((cell, i) => {
            const target = ws.getCell(r, i + 1);
            target.value = value(cell);
            style(looks, target, cell, { wrapText: true, vertical: 'top' });
          });
          r += 1;
        }
        r += 1;
        break;
      }
      case 'list':
        for (const item of b.items) {
          if (item.style) {
            ws.getCell(r, 1).value = item.style;
            style(looks, ws.getCell(r, 1), item);
          }
          r += wrapAcross(looks, ws, r, 2, item.text);
        }
        break;
      case 'chart': {
        const { png, width, height } = renderChartPng(b.chart);
        const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
        ws.addImage(id, { tl: { col: 0, row: r - 1 }, ext: { width, height }, editAs: 'oneCell' });
        ws.getCell(r, 1).note = b.chart.alt;
        r += Math.ceil(height / ROW_HEIGHT_PX) + 1;
        break;
      }
      case 'footnotes':
        for (const f of b.items) {
          ws.getCell(r, 1).value = `${f.number}. ${f.text}`;
          looks.add(ws.getCell(r, 1), { font: { size: 9 } });
          r += 1;
        }
        break;
    }
  }
}

function changeLogSheet(wb: ExcelJS.Workbook, looks: SharedStyles, kept: LogValue[][], added: ChangeLogRow[]): void {
  const ws = wb.addWorksheet(SHEETS.changeLog);
  header(looks, ws.addRow(CHANGE_LOG_COLUMNS));
  for (const row of kept) ws.addRow(row);
  for (const { at, change, cause } of added) {
    ws.addRow([at, change.workbookName, change.sheet, change.rowNumber, change.subject, change.from ?? '', change.to, cause ?? '']);
  }
  widths(ws, [22, 24, 16, 6, 36, 14, 14, 40]);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function value(cell: SummaryCell): ExcelJS.CellValue {
  if (cell.footnote !== undefined) {
    return { richText: [{ text: cell.text }, { text: String(cell.footnote), font: { vertAlign: 'superscript' } }] };
  }
  return cell.number !== undefined && Number.isFinite(cell.number) && /^[\d\s\u00a0,−-]+$/.test(cell.text)
    ? cell.number
    : cell.text;
}

/** The palette colours of a cell, plus an alignment when given (a table cell). */
function style(looks: SharedStyles, target: ExcelJS.Cell, cell: SummaryCell, alignment?: Partial<ExcelJS.Alignment>): void {
  const look: Partial<ExcelJS.Style> = {};
  if (cell.style) {
    const c = PALETTE[cell.style];
    if (c.fill) look.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill}` } };
    look.font = { color: { argb: `FF${c.font}` }, bold: c.bold ?? cell.style !== 'text' };
  }
  if (alignment) look.alignment = { ...target.alignment, ...alignment };
  if (look.fill || look.font || look.alignment) looks.add(target, look);
}

function header(looks: SharedStyles, row: ExcelJS.Row, columns?: string[]): void {
  if (columns) columns.forEach((c, i) => (row.getCell(i + 1).value = c));
  row.eachCell((cell) => style(looks, cell, { text: '', style: 'header' }));
}

function cells(looks: SharedStyles, row: ExcelJS.Row, source: SummaryCell[]): void {
  source.forEach((cell, i) => style(looks, row.getCell(i + 1), cell));
}

function widths(ws: ExcelJS.Worksheet, w: number[]): void {
  w.forEach((width, i) => (ws.getColumn(i + 1).width = width));
}
