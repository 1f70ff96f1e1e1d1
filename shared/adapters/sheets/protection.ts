/**
 * Warning-only protection of the product's columns: a person who types into `Utveckling`,
 * `Förklaring` or `Läge` is warned that Målkoll fills them in (domain.md §5), but not stopped.
 * Added once per column; a column already covered by a Målkoll protection gets none.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { normalizeName, PRODUCT_COLUMNS, type CellWrite } from '../../engine/index.ts';
import type { SheetLayout } from './read-grid.ts';

export const PROTECTION_DESCRIPTION = 'Fylls i av Målkoll';

function productHeaderColumns(sheet: SheetLayout): number[] {
  const entry = Object.entries(PRODUCT_COLUMNS).find(([name]) => normalizeName(name) === normalizeName(sheet.title));
  if (!entry) return [];
  return entry[1].flatMap((header) => {
    const column = sheet.headers.get(normalizeName(header));
    return column ? [column] : [];
  });
}

/** addProtectedRange requests for product columns (found by header, or being written now) not yet protected. */
export function protectionRequests(sheets: Iterable<SheetLayout>, writes: CellWrite[]): sheets_v4.Schema$Request[] {
  const requests: sheets_v4.Schema$Request[] = [];
  for (const sheet of sheets) {
    const columns = new Set(productHeaderColumns(sheet));
    for (const w of writes) if (normalizeName(w.sheet) === normalizeName(sheet.title)) columns.add(w.columnNumber);
    const todo = [...columns].filter((c) => !sheet.protectedColumns.has(c)).sort((a, b) => a - b);
    // adjacent columns share one protected range
    for (let i = 0; i < todo.length; ) {
      let j = i;
      while (j + 1 < todo.length && todo[j + 1] === todo[j]! + 1) j++;
      requests.push({
        addProtectedRange: {
          protectedRange: {
            range: { sheetId: sheet.sheetId, startColumnIndex: todo[i]! - 1, endColumnIndex: todo[j]! },
            description: PROTECTION_DESCRIPTION,
            warningOnly: true,
          },
        },
      });
      i = j + 1;
    }
  }
  return requests;
}
