/**
 * Lays a SummaryDocument out in a Book (book/book.ts): sheet Sammanfattning (blocks top to bottom),
 * Handlingsplan, Ändringslogg (kept rows + appended rows) and the hidden `_malkoll` state sheet.
 * @module
 */
import { CHANGE_LOG_HEADERS, PALETTE, SHEETS, type SummaryCell, type SummaryDocument, type ChangeLogRow } from '../../engine/index.ts';
import type { SummaryState } from '../../ports.ts';
import { Book, type BookSheet, type BookValue, type Look } from './book/book.ts';
import { renderChartPng } from './chart-png.ts';
import { STATE_CHUNK } from './state-sheet.ts';

/** a cell of a kept Ändringslogg row, as read back */
export type LogValue = string | number | Date | null;

const ROW_HEIGHT_PX = 20;
/** Looks used on thousands of cells, made once (the look table knows a look it has seen by its identity). */
const TOP: Look = { vertical: 'top' };
const WRAPPED_TOP: Look = { wrap: true, vertical: 'top' };
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export function buildSummaryWorkbook(doc: SummaryDocument, state: SummaryState, keptLog: LogValue[][], newLog: ChangeLogRow[]): Book {
  const wb = new Book();
  summarySheet(wb, doc);
  if (doc.actionPlan) {
    const ws = wb.addSheet(SHEETS.actionPlan);
    header(ws, ws.addRow(doc.actionPlan.columns));
    for (const row of doc.actionPlan.rows) cells(ws, ws.addRow(row.map(value)), row);
    widths(ws, [28, 40, 22, 14, 14, 14]);
    ws.frozenRows = 1;
  }
  changeLogSheet(wb, keptLog, newLog);
  stateSheet(wb, state);
  return wb;
}

/** The hidden `_malkoll` sheet: the state's JSON down column A from A1, in chunks under Excel's limit per cell. */
export function stateSheet(wb: Book, state: SummaryState): BookSheet {
  const hidden = wb.addSheet(SHEETS.state, { hidden: true });
  const json = JSON.stringify(state);
  for (let i = 0, r = 1; i < json.length; i += STATE_CHUNK, r++) hidden.set(r, 1, json.slice(i, i + STATE_CHUNK));
  return hidden;
}

const COLUMN_WIDTHS = [38, 30, 16, 14, 14, 14, 16, 60];

/**
 * Long text over the sheet's width, one row per line: each line overflows into the empty cells to its
 * right, so it needs no merged cells (Excel and LibreOffice check merges against each other, which is
 * quadratic in the thousands of list items of a large set). Returns the rows used.
 */
function wrapAcross(ws: BookSheet, row: number, fromColumn: number, text: string): number {
  // a column's width counts '0' digits; running text is narrower, so a line of that many characters fits
  const width = COLUMN_WIDTHS.slice(fromColumn - 1).reduce((sum, w) => sum + w, 0);
  const lines = text.split('\n').flatMap((paragraph) => breakLines(paragraph, width));
  lines.forEach((line, i) => ws.set(row + i, fromColumn, line, TOP));
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

function summarySheet(wb: Book, doc: SummaryDocument): void {
  // printed for a board meeting: A4, every column on the page width, as many pages down as needed
  const ws = wb.addSheet(SHEETS.summary, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 } });
  widths(ws, COLUMN_WIDTHS);
  let r = 1;
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'title':
        ws.set(r, 1, b.text, { font: { bold: true, size: 18 } });
        ws.heights.set(r, 28);
        r += 2;
        break;
      case 'heading':
        if (b.level === 2) r += 1;
        ws.set(r, 1, b.text, { font: { bold: true, size: b.level === 2 ? 14 : 12 } });
        r += 1;
        break;
      case 'paragraph':
        r += wrapAcross(ws, r, 1, b.text);
        break;
      case 'keyValue': {
        ws.set(r, 1, b.label, { font: { bold: true, size: 12 } });
        ws.set(r, 2, b.value.text);
        style(ws, r, 2, b.value);
        if (b.value.footnote !== undefined) ws.set(r, 3, `Fotnot ${b.value.footnote}`);
        r += 1;
        break;
      }
      case 'table': {
        ws.set(r, 1, b.caption, { font: { italic: true } });
        r += 1;
        header(ws, r, b.columns);
        r += 1;
        for (const row of b.rows) {
          // wrapped cells: give the row the height of its tallest cell (LibreOffice and Excel keep a set height)
          const lines = Math.max(1, ...row.map((cell, i) => Math.ceil(cell.text.length / (COLUMN_WIDTHS[i] ?? 14))));
          ws.heights.set(r, 15 * lines);
          row.forEach((cell, i) => {
            ws.set(r, i + 1, value(cell));
            style(ws, r, i + 1, cell, WRAPPED_TOP);
          });
          r += 1;
        }
        r += 1;
        break;
      }
      case 'list':
        for (const item of b.items) {
          if (item.style) {
            ws.set(r, 1, item.style);
            style(ws, r, 1, item);
          }
          r += wrapAcross(ws, r, 2, item.text);
        }
        break;
      case 'chart': {
        const { png, width, height } = renderChartPng(b.chart);
        ws.pictures.push({ png, width, height, row: r - 1, column: 0, alt: b.chart.alt });
        ws.notes.set(`A${r}`, b.chart.alt);
        r += Math.ceil(height / ROW_HEIGHT_PX) + 1;
        break;
      }
      case 'footnotes':
        for (const f of b.items) {
          ws.set(r, 1, `${f.number}. ${f.text}`, { font: { size: 9 } });
          r += 1;
        }
        break;
    }
  }
}

function changeLogSheet(wb: Book, kept: LogValue[][], added: ChangeLogRow[]): void {
  const ws = wb.addSheet(SHEETS.changeLog);
  header(ws, ws.addRow([...CHANGE_LOG_HEADERS]));
  // thousands of rows on a large set's first run: written from the lists as they are, not held as cells
  ws.appendRows(() => logRows(kept, added), kept.length + added.length, CHANGE_LOG_HEADERS.length, DATE_TIME_FORMAT);
  widths(ws, [22, 24, 16, 6, 36, 14, 14, 40]);
  ws.frozenRows = 1;
}

function* logRows(kept: LogValue[][], added: ChangeLogRow[]): Generator<BookValue[]> {
  yield* kept;
  for (const { at, change, cause } of added) {
    yield [at, change.workbookName, change.sheet, change.rowNumber > 0 ? change.rowNumber : '', change.subject, change.from ?? '', change.to, cause ?? ''];
  }
}

function value(cell: SummaryCell): BookValue {
  if (cell.footnote !== undefined) return [{ text: cell.text }, { text: String(cell.footnote), superscript: true }];
  return cell.number !== undefined && Number.isFinite(cell.number) && /^[\d\s\u00a0,−-]+$/.test(cell.text) ? cell.number : cell.text;
}

/** The palette colours of a cell, plus an alignment when given (a table cell). */
function style(ws: BookSheet, row: number, column: number, cell: SummaryCell, alignment?: Look): void {
  const look = cell.style ? paletteLook(cell.style, alignment) : alignment;
  if (look) ws.style(row, column, look);
}

const paletteLooks = new Map<string, Look>();

/** One look object per palette key and alignment. */
function paletteLook(key: NonNullable<SummaryCell['style']>, alignment: Look | undefined): Look {
  const id = `${key}|${alignment === WRAPPED_TOP ? 'w' : alignment === undefined ? '' : JSON.stringify(alignment)}`;
  let look = paletteLooks.get(id);
  if (!look) {
    const c = PALETTE[key];
    look = { ...alignment, ...(c.fill ? { fill: c.fill } : {}), font: { color: c.font, bold: c.bold ?? key !== 'text' } };
    paletteLooks.set(id, look);
  }
  return look;
}

function header(ws: BookSheet, row: number, columns?: string[]): void {
  if (columns) columns.forEach((c, i) => ws.set(row, i + 1, c));
  const n = ws.rows[row - 1]?.length ?? 0;
  for (let c = 1; c <= n; c++) if (ws.value(row, c) !== null) style(ws, row, c, { text: '', style: 'header' });
}

function cells(ws: BookSheet, row: number, source: SummaryCell[]): void {
  source.forEach((cell, i) => style(ws, row, i + 1, cell));
}

function widths(ws: BookSheet, w: number[]): void {
  w.forEach((width, i) => ws.widths.set(i + 1, width));
}
