/**
 * The plain-data picture of a workbook that every spreadsheet adapter hands to the engine.
 * Adapters translate their library's cells into this; the engine never sees a library type.
 * @module
 */

/** 1-based row number as a person sees it in the spreadsheet (row 1 = headers). */
export type RowNumber = number;
/** 1-based column number (A = 1). */
export type ColumnNumber = number;

/**
 * One cell as stored (not as displayed).
 * - numbers are numbers; a cell formatted as a percentage holds the fraction (36,9 % → 0.369) and has `percent`
 * - a date cell holds its ISO date text in `date` (and its serial number in `value`)
 * - a spreadsheet error (`#DIV/0!`) is in `error`, `value` is null
 * - a formula keeps its cached result in `value`; `uncached` when the file holds no result (openpyxl files)
 */
export interface CellInput {
  value: number | string | boolean | null;
  percent?: boolean;
  date?: string;
  error?: string;
  formula?: string;
  uncached?: boolean;
}

/** A rectangle of cells, 1-based and inclusive (`A2:A5` → top 2, left 1, bottom 5, right 1). */
export interface CellRange {
  top: RowNumber;
  left: ColumnNumber;
  bottom: RowNumber;
  right: ColumnNumber;
}

/**
 * A sheet as rows of cells; `rows[0]` is row 1. The headers are in row 1, or below a title line or empty rows
 * (domain.md §3: the first of the first ten rows that holds the sheet's required headers). Trailing empty cells
 * may be missing.
 */
export interface SheetGrid {
  name: string;
  rows: (CellInput | null | undefined)[][];
  hidden?: boolean;
  /** rowNumbers of rows hidden by the user (informational; they are still assessed) */
  hiddenRows?: RowNumber[];
  /** merged cells as the sheet holds them; only the top-left cell of each has a value */
  merges?: CellRange[];
}

/** The product's own remembered state for one workbook (kept in the hidden sheet `_malkoll`). */
export interface ProductState {
  /** text the product last wrote, by cell key `Sheet!identity!Column` (see engine/state.ts) */
  written: Record<string, string>;
  /**
   * the status changes this workbook was written with that Ändringslogg may not hold yet (optional: a store
   * that keeps it says so; shared/app/change-log.ts owns the rules)
   */
  changeLog?: import('./summary-model.ts').ChangeLogState;
  /**
   * Kolada's figures per outcome cell (`koladaKey`): what the product wrote there, or Kolada's figure that
   * differed from a typed one (model/kolada.ts); absent until the first fetch
   */
  kolada?: Record<string, import('./kolada.ts').KoladaRecord>;
}

export interface WorkbookGrid {
  /** stable id: the file name for local workbooks, the spreadsheet id for Google */
  id: string;
  /** human name shown in the summary (file name without .xlsx, or the spreadsheet title) */
  name: string;
  sheets: SheetGrid[];
  /** null when the workbook has no `_malkoll` sheet yet */
  state: ProductState | null;
}

/**
 * The text a cell holds, as the parser reads names and words and the write plan reads the product's own cells: a
 * date as its ISO date, an error as its code, TRUE/FALSE as SANT/FALSKT, a number as String gives it, no-break
 * spaces as spaces, trimmed; '' for an empty cell.
 */
export function cellText(cell: CellInput | null | undefined): string {
  if (!cell) return '';
  if (cell.date) return cell.date;
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'SANT' : 'FALSKT';
  if (typeof v === 'number') return String(v);
  // most texts hold neither space: two native scans instead of a regex replace per cell
  if (!v.includes('\u00a0') && !v.includes('\u202f')) return v.trim();
  return v.replace(/[\u00a0\u202f]/g, ' ').trim();
}

/** `A`, `B` … `Z`, `AA` …: a column as a person names it (messages, A1 addresses). */
export function columnLetter(column: ColumnNumber): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A range as a person names it: `K4:K6`. */
export function rangeText(range: CellRange): string {
  return `${columnLetter(range.left)}${range.top}:${columnLetter(range.right)}${range.bottom}`;
}

/**
 * The cells of the given columns that a merged range hides (all of a merge but its top-left cell, which is the one
 * that shows): column → rowNumber → the range. Only these columns are indexed, so many merges cost little.
 */
export function mergedAway(sheet: SheetGrid, columns: Iterable<ColumnNumber>): Map<ColumnNumber, Map<RowNumber, CellRange>> {
  const hidden = new Map<ColumnNumber, Map<RowNumber, CellRange>>();
  if (!sheet.merges || sheet.merges.length === 0) return hidden;
  for (const column of columns) {
    for (const m of sheet.merges) {
      if (column < m.left || column > m.right) continue;
      let rows = hidden.get(column);
      if (!rows) hidden.set(column, (rows = new Map()));
      for (let r = m.top; r <= m.bottom; r++) if (r !== m.top || column !== m.left) rows.set(r, m);
    }
  }
  return hidden;
}

/** Looks a sheet up the way the template contract says (trim + case-fold). */
export function findSheet(grid: WorkbookGrid, sheetName: string): SheetGrid | undefined {
  const wanted = normalizeName(sheetName);
  return grid.sheets.find((s) => normalizeName(s.name) === wanted);
}

/**
 * The one normaliser for headers, sheet names and keywords: Unicode NFC (a Mac or a web form may send `Mätetal` as
 * `a` + a combining diaeresis), trim, fold case, collapse inner spaces.
 */
export function normalizeName(text: string): string {
  const untidy = scan(text);
  if (untidy === 0) return text.toLowerCase();
  let t = untidy & SPACES ? text.replace(/[\s\u00a0]+/g, ' ').trim() : text;
  if (untidy & COMPOSE) t = t.normalize('NFC');
  // toLowerCase, not toLocaleLowerCase('sv-SE'): Unicode has no Swedish-specific case mappings, so the two agree
  // on every character (checked over all code points), and the locale-aware call is several times slower
  return t.toLowerCase();
}

const SPACES = 1;
const COMPOSE = 2;

/**
 * What the text needs beyond case folding: SPACES when it has a space the regex above would change (leading,
 * trailing, doubled, or not a plain space; control characters too), COMPOSE when it has a character from U+0300 on
 * (below it every text is already NFC: no two such characters compose). Most names need neither, and one pass over
 * their characters is cheaper than the regex, trim and normalize (normalizing is a large part of parsing a row).
 */
function scan(text: string): number {
  const last = text.length - 1;
  let found = 0;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) found |= SPACES;
    } else if (c < 32 || (c >= 0x7f && c <= 0xa0) || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) {
      found |= SPACES;
    } else if (c >= 0x300) {
      found |= COMPOSE;
    }
    if (found === (SPACES | COMPOSE)) break;
  }
  return found;
}
