/**
 * The fake's spreadsheets: sheets with grid cells (CellData as the Sheets API shapes it), hidden rows,
 * protected ranges, charts and developer metadata; seeding, A1 ranges, and the `spreadsheets.get` and
 * `values.batchGet` answers.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { badRequest } from './errors.ts';

export type CellData = sheets_v4.Schema$CellData;

export interface FakeSheet {
  properties: sheets_v4.Schema$SheetProperties & { sheetId: number; title: string; gridProperties: { rowCount: number; columnCount: number } };
  /** cells, dropdowns (`dataValidation`) included, by 0-based row and column */
  rows: (CellData | undefined)[][];
  hiddenRows: Set<number>;
  /** what updateDimensionProperties set (pixelSize …), by 0-based index; a row's hiddenByUser lives in hiddenRows */
  rowProperties: Map<number, sheets_v4.Schema$DimensionProperties>;
  columnProperties: Map<number, sheets_v4.Schema$DimensionProperties>;
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
  charts: sheets_v4.Schema$EmbeddedChart[];
  developerMetadata: sheets_v4.Schema$DeveloperMetadata[];
  /** merged ranges (0-based, end exclusive, as Sheets' GridRange) */
  merges: sheets_v4.Schema$GridRange[];
}

export interface FakeSpreadsheet {
  spreadsheetId: string;
  properties: { title: string; locale: string; timeZone: string };
  sheets: FakeSheet[];
  developerMetadata: sheets_v4.Schema$DeveloperMetadata[];
  nextObjectId: number;
}

/** What a test seeds a cell with: a plain value, or a shaped cell (percent, date, error, formula, raw). */
export type CellSeed =
  | string
  | number
  | boolean
  | null
  | { percent: number; pattern?: string }
  | { date: string; time?: boolean }
  | { error: string; formula?: string }
  | { formula: string; value: number | string | null }
  | { raw: CellData };

export interface SheetSeed {
  name: string;
  rows: CellSeed[][];
  hidden?: boolean;
  /** 1-based row numbers hidden by the user */
  hiddenRows?: number[];
  sheetId?: number;
  /** merged cells, 1-based and inclusive: { top, left, bottom, right } */
  merges?: { top: number; left: number; bottom: number; right: number }[];
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

export function serialFromIso(iso: string): number {
  return (Date.parse(iso.length <= 10 ? `${iso}T00:00:00Z` : `${iso}Z`) - EPOCH) / DAY_MS;
}

function formatted(value: sheets_v4.Schema$ExtendedValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.stringValue !== undefined && value.stringValue !== null) return value.stringValue;
  if (typeof value.numberValue === 'number') return String(value.numberValue).replace('.', ',');
  if (typeof value.boolValue === 'boolean') return value.boolValue ? 'TRUE' : 'FALSE';
  return undefined;
}

const ERROR_TEXT: Record<string, string> = {
  ERROR: '#ERROR!', NULL_VALUE: '#NULL!', DIVIDE_BY_ZERO: '#DIV/0!', VALUE: '#VALUE!', REF: '#REF!', NAME: '#NAME?', NUM: '#NUM!', N_A: '#N/A', LOADING: 'Loading...',
};

export function cellFromSeed(seed: CellSeed): CellData | undefined {
  if (seed === null || seed === '') return undefined;
  if (typeof seed === 'string') return plainCell({ stringValue: seed });
  if (typeof seed === 'number') return plainCell({ numberValue: seed });
  if (typeof seed === 'boolean') return plainCell({ boolValue: seed });
  if ('raw' in seed) return seed.raw;
  if ('percent' in seed) {
    const numberFormat = { type: 'PERCENT', pattern: seed.pattern ?? '0.0%' };
    return {
      userEnteredValue: { numberValue: seed.percent },
      effectiveValue: { numberValue: seed.percent },
      formattedValue: `${(seed.percent * 100).toFixed(1).replace('.', ',')}%`,
      userEnteredFormat: { numberFormat },
      effectiveFormat: { numberFormat },
    };
  }
  if ('date' in seed) {
    const numberFormat = seed.time ? { type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm:ss' } : { type: 'DATE', pattern: 'yyyy-mm-dd' };
    const serial = serialFromIso(seed.date);
    return {
      userEnteredValue: { numberValue: serial },
      effectiveValue: { numberValue: serial },
      formattedValue: seed.date.replace('T', ' '),
      userEnteredFormat: { numberFormat },
      effectiveFormat: { numberFormat },
    };
  }
  if ('error' in seed) {
    return {
      userEnteredValue: { formulaValue: seed.formula ?? '=1/0' },
      effectiveValue: { errorValue: { type: seed.error, message: 'Fake error' } },
      formattedValue: ERROR_TEXT[seed.error] ?? '#ERROR!',
    };
  }
  const effectiveValue = seed.value === null ? undefined : typeof seed.value === 'number' ? { numberValue: seed.value } : { stringValue: seed.value };
  return { userEnteredValue: { formulaValue: seed.formula }, effectiveValue, formattedValue: formatted(effectiveValue) };
}

function plainCell(value: sheets_v4.Schema$ExtendedValue): CellData {
  return { userEnteredValue: value, effectiveValue: value, formattedValue: formatted(value) };
}

/** After a write, recompute what Sheets would derive (effective value/format, formatted text). */
export function deriveCell(cell: CellData): void {
  const entered = cell.userEnteredValue;
  if (entered && entered.formulaValue === undefined) cell.effectiveValue = { ...entered };
  else if (!entered) delete cell.effectiveValue;
  const text = formatted(cell.effectiveValue ?? undefined);
  if (text === undefined) delete cell.formattedValue;
  else cell.formattedValue = text;
  if (cell.userEnteredFormat) cell.effectiveFormat = structuredClone(cell.userEnteredFormat);
  else delete cell.effectiveFormat;
}

export function newSheet(sheetId: number, title: string, index: number, rows = 1000, columns = 26): FakeSheet {
  return {
    properties: { sheetId, title, index, sheetType: 'GRID', gridProperties: { rowCount: rows, columnCount: columns } },
    rows: [],
    hiddenRows: new Set(),
    rowProperties: new Map(),
    columnProperties: new Map(),
    protectedRanges: [],
    charts: [],
    developerMetadata: [],
    merges: [],
  };
}

export function seedSpreadsheet(id: string, title: string, seeds: SheetSeed[]): FakeSpreadsheet {
  const sheets = seeds.map((seed, index) => {
    const width = Math.max(26, ...seed.rows.map((r) => r.length));
    const sheet = newSheet(seed.sheetId ?? (index === 0 ? 0 : 1000 + index), seed.name, index, Math.max(1000, seed.rows.length), width);
    if (seed.hidden) sheet.properties.hidden = true;
    sheet.rows = seed.rows.map((r) => r.map(cellFromSeed));
    for (const n of seed.hiddenRows ?? []) sheet.hiddenRows.add(n - 1);
    sheet.merges = (seed.merges ?? []).map((m) => ({
      sheetId: sheet.properties.sheetId,
      startRowIndex: m.top - 1,
      endRowIndex: m.bottom,
      startColumnIndex: m.left - 1,
      endColumnIndex: m.right,
    }));
    return sheet;
  });
  if (sheets.length === 0) sheets.push(newSheet(0, 'Blad1', 0));
  return { spreadsheetId: id, properties: { title, locale: 'sv_SE', timeZone: 'Europe/Stockholm' }, sheets, developerMetadata: [], nextObjectId: 100_000 };
}

export interface A1Range {
  sheet: FakeSheet;
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses `'Blad 1'!A1:B2`, `Blad!A:A`, `Blad`; throws Google's 400 for an unknown sheet. */
export function parseA1(book: FakeSpreadsheet, range: string): A1Range {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))(?:!(.*))?$/.exec(range);
  const title = m ? (m[1]?.replace(/''/g, "'") ?? m[2]!) : '';
  const sheet = book.sheets.find((s) => s.properties.title === title);
  if (!m || !sheet) throw badRequest(`Unable to parse range: ${range}`);
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  const whole = { sheet, startRow: 0, endRow: rowCount, startCol: 0, endCol: columnCount };
  if (!m[3]) return whole;
  const cells = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/.exec(m[3]);
  if (!cells) throw badRequest(`Unable to parse range: ${range}`);
  const [, c1, r1, c2, r2] = cells;
  return {
    sheet,
    startCol: c1 ? columnIndex(c1) : 0,
    startRow: r1 ? Number(r1) - 1 : 0,
    endCol: c2 ? columnIndex(c2) + 1 : c2 === undefined && c1 ? columnIndex(c1) + 1 : columnCount,
    endRow: r2 ? Number(r2) : r2 === undefined && r1 ? Number(r1) : rowCount,
  };
}

export const DEFAULT_ROW_PIXELS = 21;
export const DEFAULT_COLUMN_PIXELS = 100;

function gridData(sheet: FakeSheet): sheets_v4.Schema$GridData {
  const rowCount = sheet.rows.length;
  return {
    startRow: 0,
    startColumn: 0,
    rowData: sheet.rows.map((r) => (r.length ? { values: r.map((c) => c ?? {}) } : {})),
    rowMetadata: Array.from({ length: rowCount }, (_, i) => ({
      pixelSize: DEFAULT_ROW_PIXELS,
      ...sheet.rowProperties.get(i),
      ...(sheet.hiddenRows.has(i) ? { hiddenByUser: true } : {}),
    })),
    columnMetadata: Array.from({ length: sheet.properties.gridProperties.columnCount }, (_, i) => ({
      pixelSize: DEFAULT_COLUMN_PIXELS,
      ...sheet.columnProperties.get(i),
    })),
  };
}

/** The full `Spreadsheet` resource (before the `fields` mask is applied). */
export function spreadsheetResource(book: FakeSpreadsheet, withData: boolean): sheets_v4.Schema$Spreadsheet {
  return {
    spreadsheetId: book.spreadsheetId,
    properties: book.properties,
    sheets: book.sheets.map((s) => ({
      properties: s.properties,
      ...(withData ? { data: [gridData(s)] } : {}),
      ...(s.protectedRanges.length ? { protectedRanges: s.protectedRanges } : {}),
      ...(s.charts.length ? { charts: s.charts } : {}),
      ...(s.merges.length ? { merges: s.merges } : {}),
      ...(s.developerMetadata.length ? { developerMetadata: s.developerMetadata } : {}),
    })),
    ...(book.developerMetadata.length ? { developerMetadata: book.developerMetadata } : {}),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.spreadsheetId}/edit`,
  };
}

/** `values.batchGet` with the default FORMATTED_VALUE rendering; trailing empties trimmed as Google does. */
export function valueRanges(book: FakeSpreadsheet, ranges: string[]): sheets_v4.Schema$BatchGetValuesResponse {
  return {
    spreadsheetId: book.spreadsheetId,
    valueRanges: ranges.map((range) => {
      const r = parseA1(book, range);
      const values: string[][] = [];
      for (let row = r.startRow; row < Math.min(r.endRow, r.sheet.rows.length); row++) {
        const line: string[] = [];
        for (let col = r.startCol; col < r.endCol; col++) line.push(r.sheet.rows[row]?.[col]?.formattedValue ?? '');
        while (line.length && line[line.length - 1] === '') line.pop();
        values.push(line);
      }
      while (values.length && values[values.length - 1]!.length === 0) values.pop();
      return { range, majorDimension: 'ROWS', ...(values.length ? { values } : {}) };
    }),
  };
}
