/**
 * `spreadsheets.batchUpdate` for the fake: atomic (works on a copy, commits only when every
 * sub-request succeeded), applied in order, with Google's messages for the usual mistakes. Only the
 * request kinds Målkoll uses are implemented; any other is answered 400 and flagged.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { badRequest } from './errors.ts';
import { validateFieldMask } from './discovery.ts';
import { deriveCell, newSheet, type CellData, type FakeSheet, type FakeSpreadsheet } from './sheets-state.ts';

type Request = sheets_v4.Schema$Request;

export interface BatchResult {
  book: FakeSpreadsheet;
  replies: Record<string, unknown>[];
  /** field masks that name no field (Google answers 400 for them) */
  maskErrors: string[];
}

export function applyBatch(original: FakeSpreadsheet, requests: Request[]): BatchResult {
  const book = structuredClone(original);
  const replies: Record<string, unknown>[] = [];
  const maskErrors: string[] = [];
  requests.forEach((request, i) => {
    const kinds = Object.keys(request).filter((k) => (request as Record<string, unknown>)[k] != null);
    if (kinds.length !== 1) throw badRequest(`Invalid requests[${i}]: exactly one kind of request must be set.`);
    const kind = kinds[0]!;
    const where = `Invalid requests[${i}].${kind}`;
    const r = (request as Record<string, any>)[kind];
    switch (kind) {
      case 'updateCells':
        maskErrors.push(...validateFieldMask('sheets', 'CellData', r.fields ?? '', `requests[${i}].updateCells.fields`));
        updateCells(book, r, where);
        replies.push({});
        break;
      case 'appendCells':
        maskErrors.push(...validateFieldMask('sheets', 'CellData', r.fields ?? '', `requests[${i}].appendCells.fields`));
        appendCells(book, r, where);
        replies.push({});
        break;
      case 'addSheet':
        replies.push({ addSheet: { properties: addSheet(book, r.properties ?? {}, where) } });
        break;
      case 'deleteSheet':
        deleteSheet(book, r.sheetId, where);
        replies.push({});
        break;
      case 'updateSheetProperties':
        maskErrors.push(...validateFieldMask('sheets', 'SheetProperties', r.fields ?? '', `requests[${i}].updateSheetProperties.fields`));
        updateSheetProperties(book, r, where);
        replies.push({});
        break;
      case 'appendDimension': {
        const sheet = sheetById(book, r.sheetId, where);
        const grid = sheet.properties.gridProperties;
        if (r.dimension === 'ROWS') grid.rowCount += r.length;
        else grid.columnCount += r.length;
        replies.push({});
        break;
      }
      case 'insertDimension':
        insertDimension(book, r, where);
        replies.push({});
        break;
      case 'addProtectedRange': {
        const pr = structuredClone(r.protectedRange ?? {});
        const sheet = sheetById(book, pr.range?.sheetId ?? 0, where);
        pr.protectedRangeId = book.nextObjectId++;
        sheet.protectedRanges.push(pr);
        replies.push({ addProtectedRange: { protectedRange: pr } });
        break;
      }
      case 'addChart': {
        const chart = structuredClone(r.chart ?? {});
        const anchor = chart.position?.overlayPosition?.anchorCell;
        if (!anchor && !chart.position?.newSheet) throw badRequest(`${where}: chart position is required`);
        const sheet = sheetById(book, anchor?.sheetId ?? 0, where);
        for (const source of chartSources(chart.spec)) sheetById(book, source.sheetId ?? 0, `${where}: source range`);
        chart.chartId = chart.chartId ?? book.nextObjectId++;
        sheet.charts.push(chart);
        replies.push({ addChart: { chart } });
        break;
      }
      case 'setDataValidation':
        setDataValidation(book, r, where);
        replies.push({});
        break;
      case 'repeatCell':
        maskErrors.push(...validateFieldMask('sheets', 'CellData', r.fields ?? '', `requests[${i}].repeatCell.fields`));
        repeatCell(book, r, where);
        replies.push({});
        break;
      case 'updateDimensionProperties':
        maskErrors.push(...validateFieldMask('sheets', 'DimensionProperties', r.fields ?? '', `requests[${i}].updateDimensionProperties.fields`));
        updateDimensionProperties(book, r, where);
        replies.push({});
        break;
      case 'deleteEmbeddedObject': {
        const found = book.sheets.find((s) => s.charts.some((c) => c.chartId === r.objectId));
        if (!found) throw badRequest(`${where}: No object with id ${r.objectId}`);
        found.charts = found.charts.filter((c) => c.chartId !== r.objectId);
        replies.push({});
        break;
      }
      default:
        throw badRequest(`${where}: the Google fake does not implement this request kind`);
    }
  });
  return { book, replies, maskErrors };
}

function sheetById(book: FakeSpreadsheet, id: number | undefined, where: string): FakeSheet {
  const sheet = book.sheets.find((s) => s.properties.sheetId === (id ?? 0));
  if (!sheet) throw badRequest(`${where}: No grid with id: ${id ?? 0}`);
  return sheet;
}

function chartSources(spec: sheets_v4.Schema$ChartSpec | undefined): sheets_v4.Schema$GridRange[] {
  const basic = spec?.basicChart;
  if (!basic) return [];
  return [
    ...(basic.domains ?? []).flatMap((d) => d.domain?.sourceRange?.sources ?? []),
    ...(basic.series ?? []).flatMap((s) => s.series?.sourceRange?.sources ?? []),
  ];
}

function setPath(target: Record<string, any>, source: Record<string, any> | undefined, path: string[]): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (rest.length === 0) {
    if (source?.[head] === undefined) delete target[head];
    else target[head] = structuredClone(source[head]);
    return;
  }
  if (source?.[head] === undefined && target[head] === undefined) return;
  target[head] ??= {};
  setPath(target[head], source?.[head], rest);
  if (Object.keys(target[head]).length === 0) delete target[head];
}

function writeCell(sheet: FakeSheet, row: number, col: number, data: CellData | undefined, fields: string, where: string): void {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  if (row >= rowCount) throw badRequest(`${where}: GridCoordinate.rowIndex[${row}] is after last row in grid[${rowCount - 1}]`);
  if (col >= columnCount) throw badRequest(`${where}: GridCoordinate.columnIndex[${col}] is after last column in grid[${columnCount - 1}]`);
  while (sheet.rows.length <= row) sheet.rows.push([]);
  const line = sheet.rows[row]!;
  const cell: CellData = line[col] ?? {};
  if (fields.trim() === '*') {
    for (const key of Object.keys(cell)) delete (cell as Record<string, unknown>)[key];
    Object.assign(cell, structuredClone(data ?? {}));
  } else {
    for (const field of fields.split(',').map((f) => f.trim()).filter(Boolean)) setPath(cell as Record<string, any>, data as Record<string, any>, field.split('.'));
  }
  deriveCell(cell);
  line[col] = Object.keys(cell).length ? cell : undefined;
}

function updateCells(book: FakeSpreadsheet, r: sheets_v4.Schema$UpdateCellsRequest, where: string): void {
  if (!r.fields) throw badRequest(`${where}: At least one field must be updated.`);
  const rows = r.rows ?? [];
  if (r.start && r.range) throw badRequest(`${where}: Only one of start or range may be set.`);
  const target = r.start ?? r.range;
  const sheet = sheetById(book, target?.sheetId ?? 0, where);
  const startRow = (r.start ? r.start.rowIndex : r.range?.startRowIndex) ?? 0;
  const startCol = (r.start ? r.start.columnIndex : r.range?.startColumnIndex) ?? 0;
  rows.forEach((row, i) => (row.values ?? []).forEach((cell, j) => writeCell(sheet, startRow + i, startCol + j, cell, r.fields!, where)));
  if (r.range) {
    // cells of the range the rows do not cover get the masked fields cleared
    const endRow = r.range.endRowIndex ?? sheet.properties.gridProperties.rowCount;
    const endCol = r.range.endColumnIndex ?? sheet.properties.gridProperties.columnCount;
    for (let row = startRow; row < Math.min(endRow, sheet.rows.length); row++) {
      for (let col = startCol; col < endCol; col++) {
        const covered = row - startRow < rows.length && col - startCol < (rows[row - startRow]?.values?.length ?? 0);
        if (!covered && sheet.rows[row]?.[col]) writeCell(sheet, row, col, undefined, r.fields, where);
      }
    }
  }
}

function appendCells(book: FakeSpreadsheet, r: sheets_v4.Schema$AppendCellsRequest, where: string): void {
  if (!r.fields) throw badRequest(`${where}: At least one field must be updated.`);
  const sheet = sheetById(book, r.sheetId ?? 0, where);
  let last = sheet.rows.length - 1;
  while (last >= 0 && !(sheet.rows[last] ?? []).some((c) => c?.userEnteredValue)) last--;
  const rows = r.rows ?? [];
  const grid = sheet.properties.gridProperties;
  grid.rowCount = Math.max(grid.rowCount, last + 1 + rows.length);
  grid.columnCount = Math.max(grid.columnCount, ...rows.map((row) => row.values?.length ?? 0));
  rows.forEach((row, i) => (row.values ?? []).forEach((cell, j) => writeCell(sheet, last + 1 + i, j, cell, r.fields!, where)));
}

function addSheet(book: FakeSpreadsheet, props: sheets_v4.Schema$SheetProperties, where: string): FakeSheet['properties'] {
  const title = props.title ?? `Blad${book.sheets.length + 1}`;
  if (book.sheets.some((s) => s.properties.title.toLowerCase() === title.toLowerCase())) {
    throw badRequest(`${where}: A sheet with the name "${title}" already exists. Please enter another name.`);
  }
  const id = props.sheetId ?? book.nextObjectId++;
  if (book.sheets.some((s) => s.properties.sheetId === id)) throw badRequest(`${where}: Sheet with id ${id} already exists.`);
  const index = Math.min(props.index ?? book.sheets.length, book.sheets.length);
  const { rowCount, columnCount, ...otherGrid } = props.gridProperties ?? {};
  const sheet = newSheet(id, title, index, rowCount ?? 1000, columnCount ?? 26);
  // frozen rows and columns, gridlines …: kept as sent
  for (const [key, value] of Object.entries(otherGrid)) if (value != null) (sheet.properties.gridProperties as Record<string, any>)[key] = value;
  if (props.hidden) sheet.properties.hidden = true;
  book.sheets.splice(index, 0, sheet);
  book.sheets.forEach((s, i) => (s.properties.index = i));
  return sheet.properties;
}

function deleteSheet(book: FakeSpreadsheet, id: number | undefined, where: string): void {
  sheetById(book, id, where);
  const rest = book.sheets.filter((s) => s.properties.sheetId !== id);
  if (!rest.some((s) => !s.properties.hidden)) throw badRequest(`${where}: You can't remove all the visible sheets in a document.`);
  book.sheets = rest;
  book.sheets.forEach((s, i) => (s.properties.index = i));
}

function updateSheetProperties(book: FakeSpreadsheet, r: sheets_v4.Schema$UpdateSheetPropertiesRequest, where: string): void {
  if (!r.fields) throw badRequest(`${where}: At least one field must be updated.`);
  const sheet = sheetById(book, r.properties?.sheetId ?? 0, where);
  for (const field of r.fields.split(',').map((f) => f.trim())) setPath(sheet.properties as Record<string, any>, r.properties as Record<string, any>, field.split('.'));
  // shrinking the grid deletes what lay outside it, as in Sheets
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  sheet.rows = sheet.rows.slice(0, rowCount).map((row) => row.slice(0, columnCount));
  if (!book.sheets.some((s) => !s.properties.hidden)) throw badRequest(`${where}: You can't hide all the sheets in a document.`);
}

/** The cells a GridRange covers (0-based, end exclusive; an open side runs to the grid's edge), checked against the grid. */
function gridBounds(sheet: FakeSheet, range: sheets_v4.Schema$GridRange, where: string) {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  const b = {
    startRow: range.startRowIndex ?? 0,
    endRow: range.endRowIndex ?? rowCount,
    startCol: range.startColumnIndex ?? 0,
    endCol: range.endColumnIndex ?? columnCount,
  };
  if (b.startRow < 0 || b.startCol < 0 || b.startRow > b.endRow || b.startCol > b.endCol) throw badRequest(`${where}: Invalid range.`);
  if (b.endRow > rowCount) throw badRequest(`${where}: Range ('${sheet.properties.title}'!R${b.endRow}) exceeds grid limits. Max rows: ${rowCount}`);
  if (b.endCol > columnCount) throw badRequest(`${where}: Range ('${sheet.properties.title}'!C${b.endCol}) exceeds grid limits. Max columns: ${columnCount}`);
  return b;
}

function forEachCell(sheet: FakeSheet, range: sheets_v4.Schema$GridRange, where: string, visit: (row: number, col: number) => void): void {
  const b = gridBounds(sheet, range, where);
  for (let row = b.startRow; row < b.endRow; row++) for (let col = b.startCol; col < b.endCol; col++) visit(row, col);
}

/** Sheets keeps a rule on every cell of the range (CellData.dataValidation); no rule clears them. */
function setDataValidation(book: FakeSpreadsheet, r: sheets_v4.Schema$SetDataValidationRequest, where: string): void {
  const range = r.range ?? {};
  const sheet = sheetById(book, range.sheetId ?? 0, where);
  if (r.rule && !r.rule.condition) throw badRequest(`${where}: rule.condition is required.`);
  const values = r.rule?.condition?.values ?? [];
  if (r.rule?.condition?.type === 'ONE_OF_LIST' && values.length === 0) throw badRequest(`${where}: ONE_OF_LIST requires at least one value.`);
  const data: CellData | undefined = r.rule ? { dataValidation: r.rule } : undefined;
  forEachCell(sheet, range, where, (row, col) => writeCell(sheet, row, col, data, 'dataValidation', where));
}

function repeatCell(book: FakeSpreadsheet, r: sheets_v4.Schema$RepeatCellRequest, where: string): void {
  if (!r.fields) throw badRequest(`${where}: At least one field must be updated.`);
  const range = r.range ?? {};
  const sheet = sheetById(book, range.sheetId ?? 0, where);
  forEachCell(sheet, range, where, (row, col) => writeCell(sheet, row, col, r.cell ?? undefined, r.fields!, where));
}

function updateDimensionProperties(book: FakeSpreadsheet, r: sheets_v4.Schema$UpdateDimensionPropertiesRequest, where: string): void {
  if (!r.fields) throw badRequest(`${where}: At least one field must be updated.`);
  if (!r.range) throw badRequest(`${where}: range is required.`);
  const sheet = sheetById(book, r.range.sheetId ?? 0, where);
  const rows = r.range.dimension === 'ROWS';
  if (!rows && r.range.dimension !== 'COLUMNS') throw badRequest(`${where}: range.dimension must be ROWS or COLUMNS.`);
  const size = rows ? sheet.properties.gridProperties.rowCount : sheet.properties.gridProperties.columnCount;
  const start = r.range.startIndex ?? 0;
  const end = r.range.endIndex ?? size;
  if (start < 0 || start >= end) throw badRequest(`${where}: Invalid dimension range ${start}–${end}.`);
  if (end > size) throw badRequest(`${where}: Range exceeds grid limits. Max ${rows ? 'rows' : 'columns'}: ${size}`);
  const store = rows ? sheet.rowProperties : sheet.columnProperties;
  const fields = r.fields.trim() === '*' ? Object.keys(r.properties ?? {}) : r.fields.split(',').map((f) => f.trim()).filter(Boolean);
  for (let i = start; i < end; i++) {
    const props: Record<string, any> = store.get(i) ?? {};
    for (const field of fields) {
      if (rows && field === 'hiddenByUser') {
        if (r.properties?.hiddenByUser) sheet.hiddenRows.add(i);
        else sheet.hiddenRows.delete(i);
      } else {
        setPath(props, r.properties as Record<string, any>, field.split('.'));
      }
    }
    if (Object.keys(props).length) store.set(i, props);
    else store.delete(i);
  }
}

/**
 * Empty rows or columns at `range`, everything from there on moved along (cells, their dimension properties,
 * protected ranges and merges; a range that spans the place grows). `inheritFromBefore` gives the new cells the
 * format and validation of the row or column before them, as Sheets does.
 */
function insertDimension(book: FakeSpreadsheet, r: sheets_v4.Schema$InsertDimensionRequest, where: string): void {
  const range = r.range;
  if (!range) throw badRequest(`${where}: range is required.`);
  const sheet = sheetById(book, range.sheetId ?? 0, where);
  const rows = range.dimension === 'ROWS';
  if (!rows && range.dimension !== 'COLUMNS') throw badRequest(`${where}: range.dimension must be ROWS or COLUMNS.`);
  const grid = sheet.properties.gridProperties;
  const size = rows ? grid.rowCount : grid.columnCount;
  const start = range.startIndex ?? 0;
  const end = range.endIndex ?? start;
  const n = end - start;
  if (start < 0 || n <= 0 || start > size) throw badRequest(`${where}: Invalid dimension range ${start}–${end}.`);
  if (r.inheritFromBefore && start === 0) throw badRequest(`${where}: Cannot inherit properties from before the first ${rows ? 'row' : 'column'}.`);
  const inherit = (cell: CellData | undefined): CellData | undefined => {
    if (!r.inheritFromBefore || !cell) return undefined;
    const kept: CellData = {};
    if (cell.userEnteredFormat) kept.userEnteredFormat = structuredClone(cell.userEnteredFormat);
    if (cell.dataValidation) kept.dataValidation = structuredClone(cell.dataValidation);
    if (!Object.keys(kept).length) return undefined;
    deriveCell(kept);
    return kept;
  };
  if (rows) {
    const before = sheet.rows[start - 1] ?? [];
    const fresh = Array.from({ length: n }, () => before.map(inherit));
    if (sheet.rows.length > start) sheet.rows.splice(start, 0, ...fresh);
    grid.rowCount += n;
    sheet.hiddenRows = new Set([...sheet.hiddenRows].map((i) => (i >= start ? i + n : i)));
  } else {
    for (const line of sheet.rows) {
      if (line.length <= start - (r.inheritFromBefore ? 1 : 0)) continue;
      const copies = Array.from({ length: n }, () => inherit(line[start - 1]));
      while (line.length < start) line.push(undefined);
      line.splice(start, 0, ...copies);
    }
    grid.columnCount += n;
  }
  const props = rows ? sheet.rowProperties : sheet.columnProperties;
  const moved = new Map([...props].map(([i, p]) => [i >= start ? i + n : i, p] as const));
  props.clear();
  for (const [i, p] of moved) props.set(i, p);
  const shift = (g: sheets_v4.Schema$GridRange | undefined | null) => {
    if (!g) return;
    const [from, to] = rows ? (['startRowIndex', 'endRowIndex'] as const) : (['startColumnIndex', 'endColumnIndex'] as const);
    if ((g[from] ?? 0) >= start) g[from] = (g[from] ?? 0) + n;
    if (g[to] != null && g[to]! > start) g[to] = g[to]! + n;
  };
  for (const pr of sheet.protectedRanges) shift(pr.range);
  for (const m of sheet.merges) shift(m);
}
