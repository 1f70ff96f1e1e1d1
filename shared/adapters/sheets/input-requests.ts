/**
 * An InputPlan (engine/model/input-plan.ts) → the sub-requests of one batchUpdate: a new year's column inserted
 * right after the last `Utfall` column (`inheritFromBefore`: it takes that column's formats and dropdowns, its
 * header included) and its header text; outcomes from Kolada as numbers, a `%` metric's with a percent format.
 * Only the value (and, for a percentage, the number format) of each cell is touched.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { InputPlan } from '../../engine/index.ts';
import { sheetFor } from './apply-plan.ts';
import type { SheetLayout } from './read-grid.ts';

export const PERCENT_FORMAT = { type: 'PERCENT', pattern: '0.0%' };

export function inputRequests(sheets: Map<string, SheetLayout>, plan: InputPlan): sheets_v4.Schema$Request[] {
  const requests: sheets_v4.Schema$Request[] = [];
  const inserted = new Map<SheetLayout, number>();
  if (plan.insertColumn) {
    const sheet = sheetFor(sheets, plan.insertColumn.sheet);
    const index = plan.insertColumn.columnNumber - 1;
    requests.push({ insertDimension: { range: { sheetId: sheet.sheetId, dimension: 'COLUMNS', startIndex: index, endIndex: index + 1 }, inheritFromBefore: index > 0 } });
    inserted.set(sheet, 1);
  }
  const grown = new Map<SheetLayout, number>();
  for (const w of plan.writes) {
    const sheet = sheetFor(sheets, w.sheet);
    const columns = sheet.columnCount + (inserted.get(sheet) ?? 0) + (grown.get(sheet) ?? 0);
    if (w.columnNumber > columns) {
      requests.push({ appendDimension: { sheetId: sheet.sheetId, dimension: 'COLUMNS', length: w.columnNumber - columns } });
      grown.set(sheet, (grown.get(sheet) ?? 0) + w.columnNumber - columns);
    }
    const start = { sheetId: sheet.sheetId, rowIndex: w.rowNumber - 1, columnIndex: w.columnNumber - 1 };
    if ('text' in w.value) {
      requests.push({ updateCells: { start, rows: [{ values: [{ userEnteredValue: { stringValue: w.value.text } }] }], fields: 'userEnteredValue' } });
    } else if (w.value.percent) {
      const cell = { userEnteredValue: { numberValue: w.value.number }, userEnteredFormat: { numberFormat: PERCENT_FORMAT } };
      requests.push({ updateCells: { start, rows: [{ values: [cell] }], fields: 'userEnteredValue,userEnteredFormat.numberFormat' } });
    } else {
      requests.push({ updateCells: { start, rows: [{ values: [{ userEnteredValue: { numberValue: w.value.number } }] }], fields: 'userEnteredValue' } });
    }
  }
  return requests;
}
