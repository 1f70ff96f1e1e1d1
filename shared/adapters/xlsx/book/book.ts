/**
 * A workbook the product creates from nothing (the summary), held as little as possible: per cell a value and
 * the index of its look; looks are shared by every cell that has one. write-book.ts turns it into a package.
 * Only what the summary uses: text, numbers, dates, rich text with superscript runs, fonts, fills, wrapping,
 * column widths, row heights, a frozen header row, A4 print setup, notes and pictures.
 * @module
 */

/** Colours as RRGGBB. */
export interface Look {
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  fill?: string;
  wrap?: boolean;
  vertical?: 'top';
  /** a number format code (dates) */
  numFmt?: string;
}

export interface Run {
  text: string;
  superscript?: boolean;
}

export type BookValue = string | number | Date | Run[] | null;

export interface Picture {
  png: Uint8Array;
  width: number;
  height: number;
  /** 0-based row and column of the top-left corner */
  row: number;
  column: number;
  /** text alternative */
  alt: string;
}

export interface PageSetup {
  paperSize: number;
  orientation: 'portrait' | 'landscape';
  fitToWidth: number;
  fitToHeight: number;
}

interface Cell {
  value: BookValue;
  look: number;
}

export class BookSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly pageSetup: PageSetup | null;
  /** column widths, 1-based column → width in characters */
  readonly widths = new Map<number, number>();
  readonly heights = new Map<number, number>();
  readonly notes = new Map<string, string>();
  readonly pictures: Picture[] = [];
  frozenRows = 0;
  readonly #looks: LookTable;
  readonly rows: (Cell | undefined)[][] = [];
  /** rows written after `rows` straight from their source, never held as cells (a long change log) */
  streamed: { rows: () => Iterable<BookValue[]>; count: number; columns: number; dateLook: number } | null = null;

  constructor(name: string, looks: LookTable, options: { hidden?: boolean; pageSetup?: PageSetup } = {}) {
    this.name = name;
    this.#looks = looks;
    this.hidden = options.hidden === true;
    this.pageSetup = options.pageSetup ?? null;
  }

  /** The next empty row below everything written (what "add a row" appends to). */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  set(row: number, column: number, value: BookValue, look?: Look): void {
    const cells = (this.rows[row - 1] ??= []);
    const cell = (cells[column - 1] ??= { value: null, look: 0 });
    cell.value = value;
    if (look) cell.look = this.#looks.over(cell.look, look);
  }

  /** Lays a look over the cell's own (each of font, fill, wrap, alignment replaces the cell's). */
  style(row: number, column: number, look: Look): void {
    const cells = (this.rows[row - 1] ??= []);
    const cell = (cells[column - 1] ??= { value: null, look: 0 });
    cell.look = this.#looks.over(cell.look, look);
  }

  value(row: number, column: number): BookValue {
    return this.rows[row - 1]?.[column - 1]?.value ?? null;
  }

  /**
   * Rows after everything set so far, produced again from `rows()` when the file is written; plain cells,
   * dates in a date format. Nothing may be set below them.
   */
  appendRows(rows: () => Iterable<BookValue[]>, count: number, columns: number, dateFormat: string): void {
    this.streamed = { rows, count, columns, dateLook: this.#looks.over(0, { numFmt: dateFormat }) };
  }

  /** Appends a row of values from column A; returns its number. */
  addRow(values: BookValue[]): number {
    const row = this.nextRow;
    this.rows[row - 1] = [];
    values.forEach((v, i) => this.set(row, i + 1, v));
    return row;
  }
}

/** The looks of a book: index 0 is the default; equal looks share one index. */
export class LookTable {
  readonly looks: Look[] = [{}];
  readonly #byKey = new Map<string, number>([[keyOf({}), 0]]);
  /** a look object already laid over a base: the answer without building its key again */
  readonly #seen = new WeakMap<Look, Map<number, number>>();

  over(base: number, look: Look): number {
    let bases = this.#seen.get(look);
    if (!bases) {
      bases = new Map();
      this.#seen.set(look, bases);
    }
    let index = bases.get(base);
    if (index === undefined) {
      index = this.#merge(base, look);
      bases.set(base, index);
    }
    return index;
  }

  #merge(base: number, look: Look): number {
    const merged: Look = { ...this.looks[base], ...look };
    const key = keyOf(merged);
    let index = this.#byKey.get(key);
    if (index === undefined) {
      index = this.looks.length;
      this.looks.push(merged);
      this.#byKey.set(key, index);
    }
    return index;
  }
}

function keyOf(look: Look): string {
  const f = look.font;
  const font = f ? [f.bold ?? '', f.italic ?? '', f.size ?? '', f.color ?? ''].join(',') : '-';
  return [font, look.fill ?? '', look.wrap ?? '', look.vertical ?? '', look.numFmt ?? ''].join('|');
}

export class Book {
  readonly looks = new LookTable();
  readonly sheets: BookSheet[] = [];

  addSheet(name: string, options: { hidden?: boolean; pageSetup?: PageSetup } = {}): BookSheet {
    const sheet = new BookSheet(name, this.looks, options);
    this.sheets.push(sheet);
    return sheet;
  }
}
