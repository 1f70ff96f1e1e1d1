/**
 * A worksheet part row by row: each `<row>` and `<c>` with its byte range and what it holds, positions counted
 * where `r` is left out (a row or cell without one follows the previous). The reader turns these into grid
 * cells; the writer copies every byte outside the cells it replaces.
 * @module
 */
import { parseRange, type Rect } from './cell-ref.ts';
import { stringItem } from './strings.ts';
import { CLOSE, EMPTY, name, OPEN, XmlError, XmlScanner } from './xml-scan.ts';

export interface ScannedFormula {
  /** `shared`, `array`, `dataTable`, or null for a normal formula */
  type: string | null;
  ref: string | null;
  si: string | null;
  text: string;
}

export interface ScannedCell {
  /** the whole `<c>` element */
  start: number;
  end: number;
  column: number;
  style: number;
  type: string | null;
  formula: ScannedFormula | null;
  /** the text of `<v>`, or null */
  value: string | null;
  /** the text of `<is>`, or null */
  inline: string | null;
}

export interface ScannedRow {
  start: number;
  /** end of the start tag (the whole element when self-closing) */
  openEnd: number;
  /** start of `</row>` (= openEnd when self-closing) */
  closeStart: number;
  end: number;
  selfClosing: boolean;
  number: number;
  hasRef: boolean;
  hidden: boolean;
  spans: string | null;
  cells: ScannedCell[];
}

const WORKSHEET = name('worksheet');
const DIMENSION = name('dimension');
const SHEET_DATA = name('sheetData');
const ROW = name('row');
const C = name('c');
const V = name('v');
const F = name('f');
const IS = name('is');
const MERGE_CELL = name('mergeCell');
const all = () => true;

export class SheetScanner {
  readonly xml: Buffer;
  readonly s: XmlScanner;
  /** the prefix (with colon) of the sheet's elements, '' when unprefixed */
  prefix = '';
  dimension: { start: number; end: number; ref: string } | null = null;
  sheetData: { start: number; end: number; selfClosing: boolean } | null = null;
  /** start of `</sheetData>`, once the rows are read */
  sheetDataClose = -1;
  #row = 0;
  #done = false;
  readonly #values: boolean;

  /** `values: false` reads positions, styles and formula kinds only (what a writer needs), not cell contents. */
  constructor(xml: Buffer, options: { values?: boolean } = {}) {
    this.xml = xml;
    this.#values = options.values !== false;
    this.s = new XmlScanner(xml);
    const s = this.s;
    while (s.next()) {
      if (s.kind === CLOSE) continue;
      if (s.is(WORKSHEET)) this.prefix = s.prefix();
      else if (s.is(DIMENSION)) this.dimension = { start: s.start, end: s.end, ref: s.attr('ref') ?? '' };
      else if (s.is(SHEET_DATA)) {
        this.sheetData = { start: s.start, end: s.end, selfClosing: s.kind === EMPTY };
        if (s.kind === EMPTY) {
          this.#done = true;
          this.sheetDataClose = s.end;
        }
        return;
      }
    }
    throw new XmlError('no sheetData');
  }

  /**
   * The next row, or null after the last one. A row for which `cellsOf(rowNumber)` says no is stepped over
   * without reading its cells (its `cells` stay empty) unless it may hold an array formula, comments or CDATA.
   */
  nextRow(cellsOf: (rowNumber: number) => boolean = all): ScannedRow | null {
    if (this.#done) return null;
    const s = this.s;
    while (s.next()) {
      if (s.kind === CLOSE && s.is(SHEET_DATA)) {
        this.sheetDataClose = s.start;
        this.#done = true;
        return null;
      }
      if (s.kind === CLOSE) continue;
      if (!s.is(ROW)) {
        s.skip();
        continue;
      }
      const r = s.attr('r');
      const hidden = s.attr('hidden');
      const row: ScannedRow = {
        start: s.start,
        openEnd: s.end,
        closeStart: s.end,
        end: s.end,
        selfClosing: s.kind === EMPTY,
        number: r === null ? this.#row + 1 : Number(r),
        hasRef: r !== null,
        hidden: hidden === '1' || hidden === 'true',
        spans: s.attr('spans'),
        cells: [],
      };
      if (!Number.isInteger(row.number) || row.number < 1) throw new XmlError(`bad row number ${r}`);
      this.#row = row.number;
      if (!row.selfClosing && (cellsOf(row.number) || !this.#stepOver(row))) this.#readCells(row);
      return row;
    }
    throw new XmlError('unterminated sheetData');
  }

  /** Finds the row's end by its close tag when nothing inside could hide one or matter; false when it cannot. */
  #stepOver(row: ScannedRow): boolean {
    const close = `</${this.s.qualifiedName()}>`;
    const end = this.xml.indexOf(close, row.openEnd, 'latin1');
    if (end < 0) return false;
    const inside = (marker: string) => {
      const at = this.xml.indexOf(marker, row.openEnd, 'latin1');
      return at >= 0 && at < end;
    };
    if (inside('<!') || inside('<?') || inside('array')) return false;
    row.closeStart = end;
    row.end = end + close.length;
    this.s.pos = row.end;
    return true;
  }

  #readCells(row: ScannedRow): void {
    const s = this.s;
    let column = 0;
    while (s.next()) {
      if (s.kind === CLOSE) {
        if (s.is(ROW)) {
          row.closeStart = s.start;
          row.end = s.end;
          return;
        }
        continue;
      }
      if (!s.is(C)) {
        s.skip();
        continue;
      }
      const cell = readCell(s, column, this.#values);
      column = cell.column;
      row.cells.push(cell);
    }
    throw new XmlError('unterminated row');
  }

  /** After the rows: the merged ranges (`<mergeCells>`). */
  merges(): Rect[] {
    while (this.nextRow()) {
      // the rows not read yet
    }
    const out: Rect[] = [];
    while (this.s.find(MERGE_CELL)) {
      const range = parseRange(this.s.attr('ref') ?? '');
      if (range && (range.bottom > range.top || range.right > range.left)) out.push(range);
    }
    return out;
  }
}

function readCell(s: XmlScanner, previousColumn: number, values: boolean): ScannedCell {
  const cell: ScannedCell = { start: s.start, end: s.end, column: previousColumn + 1, style: 0, type: null, formula: null, value: null, inline: null };
  s.eachAttr((n0, n1, v0, v1) => {
    if (n1 - n0 !== 1) return true;
    const attrName = s.buf[n0];
    if (attrName === 0x72 /* r */) cell.column = columnOfBytes(s.buf, v0, v1) || cell.column;
    else if (attrName === 0x73 /* s */) cell.style = styleOfBytes(s.buf, v0, v1);
    else if (attrName === 0x74 /* t */) cell.type = typeOfBytes(s.buf, v0, v1);
    return true;
  });
  if (s.kind === EMPTY) return cell;
  while (s.next()) {
    if (s.kind === CLOSE) {
      if (s.is(C)) {
        cell.end = s.end;
        return cell;
      }
      continue;
    }
    if (s.is(F)) {
      const formula: ScannedFormula = { type: s.attr('t'), ref: s.attr('ref'), si: s.attr('si'), text: '' };
      if (s.kind === OPEN) {
        if (values) formula.text = s.text();
        else s.skip();
      }
      cell.formula = formula;
    } else if (!values) s.skip();
    else if (s.is(V)) cell.value = s.text();
    else if (s.is(IS)) cell.inline = stringItem(s);
    else s.skip();
  }
  throw new XmlError('unterminated cell');
}

/** The column of an `r` attribute value like `AB12`, read from the bytes. */
function columnOfBytes(buf: Buffer, from: number, to: number): number {
  let column = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i]!;
    if (c >= 65 && c <= 90) column = column * 26 + c - 64;
    else if (c !== 36) break;
  }
  return column;
}

/** `Number(text) || 0` of an `s` attribute value, read from its bytes when it is plain digits (it always is). */
function styleOfBytes(buf: Buffer, from: number, to: number): number {
  if (to - from > 9 || to === from) return Number(buf.toString('latin1', from, to)) || 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return Number(buf.toString('latin1', from, to)) || 0;
    n = n * 10 + d;
  }
  return n;
}

/** The cell types a sheet holds, each one string for every cell that has it. */
const CELL_TYPES = ['s', 'n', 'b', 'e', 'str', 'inlineStr', 'd'];

/** A `t` attribute value; the usual ones without making a string per cell. */
function typeOfBytes(buf: Buffer, from: number, to: number): string {
  for (const type of CELL_TYPES) {
    if (type.length !== to - from) continue;
    let same = true;
    for (let i = 0; i < type.length; i++) {
      if (buf[from + i] !== type.charCodeAt(i)) {
        same = false;
        break;
      }
    }
    if (same) return type;
  }
  return buf.toString('latin1', from, to);
}
