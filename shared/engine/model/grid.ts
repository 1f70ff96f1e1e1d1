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

/** Looks a sheet up the way the template contract says (trim + case-fold). */
export function findSheet(grid: WorkbookGrid, sheetName: string): SheetGrid | undefined {
  const wanted = normalizeName(sheetName);
  return grid.sheets.find((s) => normalizeName(s.name) === wanted);
}

/** The one normaliser for headers, sheet names and keywords: trim, fold case, collapse inner spaces. */
export function normalizeName(text: string): string {
  // toLowerCase, not toLocaleLowerCase('sv-SE'): Unicode has no Swedish-specific case mappings, so the two agree
  // on every character (checked over all code points), and the locale-aware call is ~5× slower per name
  return hasUntidySpace(text) ? text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase() : text.toLowerCase();
}

/**
 * True when the text has a space the regex above would change: leading, trailing, doubled, or not a plain
 * space. Most names have none, and one pass over their characters is cheaper than the regex and trim
 * (normalizing was about a sixth of parsing 100,000 rows). Control characters are sent to the regex too.
 */
function hasUntidySpace(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) return true;
    } else if (c < 32 || (c >= 0x7f && c <= 0xa0) || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) {
      return true;
    }
  }
  return false;
}
