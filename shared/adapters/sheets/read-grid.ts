/**
 * One `spreadsheets.get` answer → the engine's WorkbookGrid, plus the layout the writer needs (sheet
 * ids, grid sizes, existing product protections) so that a recalculation never reads twice.
 * @module
 */
import { createHash } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import { normalizeName, SHEETS, type CellInput, type CellRange, type SheetGrid, type WorkbookGrid } from '../../engine/index.ts';
import { decodeState } from './state.ts';
import { PROTECTION_DESCRIPTION } from './protection.ts';
import { jsonPieces } from '../../json-pieces.ts';

/**
 * Everything one read asks for, nothing more: per cell its effective value, whether it is a formula (not the
 * formula's text twice, not the displayed text) and only the TYPE of its number format (a percentage or a
 * date changes what the value means; the pattern does not); per sheet its size, hidden rows, merges and
 * Målkoll's own protections. A cell's colours are never read: the product compares its cells by text.
 */
export const READ_FIELDS =
  'properties.title,' +
  'sheets(properties(sheetId,title,index,hidden,gridProperties(rowCount,columnCount)),' +
  'protectedRanges(description,range),merges,' +
  'data(rowData.values(userEnteredValue.formulaValue,effectiveValue,effectiveFormat.numberFormat.type),rowMetadata.hiddenByUser))';

export interface SheetLayout {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  /** header text (normalised) → 1-based column, from row 1 */
  headers: Map<string, number>;
  /** 1-based columns already covered by a Målkoll protection */
  protectedColumns: Set<number>;
}

export interface WorkbookLayout {
  /** by normalised title */
  sheets: Map<string, SheetLayout>;
  stateSheet: SheetLayout | null;
  /** the version the stored statuses were computed from (the state's `basedOnVersion`) */
  basedOnVersion?: string | null;
}

const ERROR_TEXT: Record<string, string> = {
  ERROR: '#ERROR!',
  NULL_VALUE: '#NULL!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  REF: '#REF!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  N_A: '#N/A',
  LOADING: '#LOADING',
};

const DAY_MS = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Sheets' serial day number → ISO date (the date part; DATE_TIME cells keep their serial in `value`). */
export function isoFromSerial(serial: number): string {
  return new Date(SERIAL_EPOCH + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

export function cellInput(cell: sheets_v4.Schema$CellData | undefined): CellInput | null {
  if (!cell) return null;
  const formula = cell.userEnteredValue?.formulaValue ?? undefined;
  // every cell that holds something has an effective value; userEnteredValue is the fallback for other callers' masks
  const value = cell.effectiveValue ?? (formula === undefined ? cell.userEnteredValue : undefined);
  if (!value && formula === undefined) return null;
  const withFormula = (input: CellInput): CellInput => (formula === undefined ? input : { ...input, formula });
  if (value?.errorValue) return withFormula({ value: null, error: ERROR_TEXT[value.errorValue.type ?? 'ERROR'] ?? '#ERROR!' });
  if (typeof value?.numberValue === 'number') {
    const type = (cell.effectiveFormat?.numberFormat ?? cell.userEnteredFormat?.numberFormat)?.type;
    if (type === 'PERCENT') return withFormula({ value: value.numberValue, percent: true });
    if (type === 'DATE' || type === 'DATE_TIME') return withFormula({ value: value.numberValue, date: isoFromSerial(value.numberValue) });
    return withFormula({ value: value.numberValue });
  }
  if (typeof value?.boolValue === 'boolean') return withFormula({ value: value.boolValue });
  if (typeof value?.stringValue === 'string') return withFormula({ value: value.stringValue });
  return withFormula({ value: null });
}

/** Where a cell sits in a `spreadsheets.get` answer, as JsonStreamReader names paths. */
export const CELL_PATH = 'sheets/[]/data/[]/rowData/[]/values/[]';

/** JsonStreamReader transform: each cell becomes its CellInput as soon as it is read (see workbook-store.ts). */
export function cellsAsRead(path: string, value: unknown): unknown {
  return path === CELL_PATH ? cellInput(value as sheets_v4.Schema$CellData) : value;
}

const TEMPLATE_SHEETS = new Set(Object.values(SHEETS).map(normalizeName));

/**
 * As `cellsAsRead`, and the cells of a sheet the template does not use (a person's own sheets, however large)
 * are dropped as they arrive: only their names and sizes are kept. A sheet is judged only once its properties
 * have been read (Google sends them before its data); until then its cells are kept.
 */
export function templateCellsAsRead(): (path: string, value: unknown) => unknown {
  let title: string | null = null;
  return (path, value) => {
    if (path === CELL_PATH) return title !== null && !TEMPLATE_SHEETS.has(normalizeName(title)) ? null : cellInput(value as sheets_v4.Schema$CellData);
    if (path === 'sheets/[]/properties') title = (value as { title?: string }).title ?? null;
    else if (path === 'sheets/[]') title = null;
    return value;
  };
}

function sheetRows(sheet: sheets_v4.Schema$Sheet, converted: boolean): (CellInput | null)[][] {
  const rows = sheet.data?.[0]?.rowData ?? [];
  const out = rows.map((r) => (converted ? ((r.values ?? []) as unknown as (CellInput | null)[]) : (r.values ?? []).map(cellInput)));
  for (const row of out) while (row.length && row[row.length - 1] === null) row.pop();
  while (out.length && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

function layoutOf(sheet: sheets_v4.Schema$Sheet, rows: (CellInput | null)[][]): SheetLayout {
  const p = sheet.properties ?? {};
  const headers = new Map<string, number>();
  (rows[0] ?? []).forEach((c, i) => {
    if (typeof c?.value === 'string' && c.value.trim()) headers.set(normalizeName(c.value), i + 1);
  });
  const protectedColumns = new Set<number>();
  for (const pr of sheet.protectedRanges ?? []) {
    if (pr.description !== PROTECTION_DESCRIPTION || !pr.range) continue;
    const from = pr.range.startColumnIndex ?? 0;
    const to = pr.range.endColumnIndex ?? p.gridProperties?.columnCount ?? from;
    for (let c = from; c < to; c++) protectedColumns.add(c + 1);
  }
  return {
    sheetId: p.sheetId ?? 0,
    title: p.title ?? '',
    rowCount: p.gridProperties?.rowCount ?? 0,
    columnCount: p.gridProperties?.columnCount ?? 0,
    headers,
    protectedColumns,
  };
}

/** Sheets' GridRange (0-based, end exclusive) → the engine's CellRange (1-based, inclusive). */
export function cellRangeOf(range: sheets_v4.Schema$GridRange): CellRange {
  return {
    top: (range.startRowIndex ?? 0) + 1,
    left: (range.startColumnIndex ?? 0) + 1,
    bottom: range.endRowIndex ?? (range.startRowIndex ?? 0) + 1,
    right: range.endColumnIndex ?? (range.startColumnIndex ?? 0) + 1,
  };
}

/**
 * Sheets has no etag for a spreadsheet's content, so the version is a hash of the cells as read: of their JSON,
 * hashed piece by piece (a large workbook's JSON is megabytes, and would be held whole beside its grid).
 */
export function gridVersion(sheets: SheetGrid[]): string {
  const hash = createHash('sha256');
  for (const piece of jsonPieces(sheets)) hash.update(piece, 'utf8');
  return hash.digest('hex').slice(0, 32);
}

/**
 * `converted`: the answer was read with `cellsAsRead`, so its cells are CellInput already (the streamed
 * read); otherwise they are Google's CellData.
 */
export function gridFromSpreadsheet(
  id: string,
  spreadsheet: sheets_v4.Schema$Spreadsheet,
  options: { converted?: boolean } = {},
): { grid: WorkbookGrid; version: string; layout: WorkbookLayout; stateText: string | null } {
  const sheets: SheetGrid[] = [];
  const layout: WorkbookLayout = { sheets: new Map(), stateSheet: null };
  let stateText: string | null = null;
  for (const sheet of spreadsheet.sheets ?? []) {
    const rows = sheetRows(sheet, options.converted ?? false);
    const sheetLayout = layoutOf(sheet, rows);
    if (sheetLayout.title === SHEETS.state) {
      layout.stateSheet = sheetLayout;
      stateText = rows.slice(1).map((r) => (typeof r[0]?.value === 'string' ? r[0].value : '')).join('');
      continue;
    }
    layout.sheets.set(normalizeName(sheetLayout.title), sheetLayout);
    const hiddenRows = (sheet.data?.[0]?.rowMetadata ?? []).flatMap((m, i) => (m.hiddenByUser ? [i + 1] : []));
    const merges = (sheet.merges ?? []).map(cellRangeOf);
    sheets.push({
      name: sheetLayout.title,
      rows,
      ...(sheet.properties?.hidden ? { hidden: true } : {}),
      ...(hiddenRows.length ? { hiddenRows } : {}),
      ...(merges.length ? { merges } : {}),
    });
  }
  const state = stateText ? decodeState(stateText, 'workbook') : null;
  const grid: WorkbookGrid = {
    id,
    name: spreadsheet.properties?.title ?? id,
    sheets,
    state: state ? { written: state.written ?? {}, ...(state.changeLog ? { changeLog: state.changeLog } : {}), ...(state.kolada ? { kolada: state.kolada } : {}) } : null,
  };
  layout.basedOnVersion = state?.basedOnVersion ?? null;
  return { grid, version: gridVersion(sheets), layout, stateText };
}
