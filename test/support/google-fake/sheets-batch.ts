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
  const sheet = newSheet(id, title, index, props.gridProperties?.rowCount ?? 1000, props.gridProperties?.columnCount ?? 26);
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
