/**
 * The product's own columns in a sheet (Utveckling, Förklaring, Läge): where they are, where missing ones will
 * go, and text a person typed into them (domain.md §5: recorded before the next recalculation replaces it).
 * @module
 */
import type { ProductState, SheetGrid } from '../model/grid.ts';
import type { ProductColumns } from '../model/model.ts';
import { normalizeName } from '../model/grid.ts';
import { ASSESSMENTS, PRODUCT_COLUMNS, ACTION_HEADERS, METRIC_HEADERS } from '../model/template.ts';
import type { HeaderMatch } from './headers.ts';
import { addIssue, type ParseContext } from './common.ts';
import { RowIdentities, stateKey, type StateRowRef } from '../model/state.ts';
import { cellText, quote, shownText } from './values.ts';

/** Product columns of a sheet; absent ones get the next free columns after the last header. */
export function productColumnsOf(sheet: SheetGrid, templateSheet: string, match: HeaderMatch): ProductColumns {
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  let next = match.lastColumn;
  for (const header of PRODUCT_COLUMNS[templateSheet] ?? []) {
    const found = match.columns[header];
    if (found !== undefined) columns[header] = found;
    else {
      next += 1;
      columns[header] = next;
      missing.push(header);
    }
  }
  return { sheet: sheet.name, columns, missing };
}

/** Words the product itself writes into a status column (checked only when no state records the cell). */
const VALID_WORDS: Record<string, readonly string[]> = {
  [METRIC_HEADERS.development]: [...ASSESSMENTS, 'Fel'],
  [ACTION_HEADERS.position]: ['Klar', 'Enligt plan', 'Försenad'],
};

/** A row of the sheet, named as write-plan.ts keys it (`rowRef` in state.ts). */
export type OwnedRowRef = StateRowRef;

/**
 * Issues for text a person typed into a product column. With a remembered value the cell must equal it; without
 * one a status column must hold a word the product writes. A Förklaring without a remembered value cannot be told
 * apart from one the product wrote, so it is not flagged.
 */
export function typedInProductColumns(
  sheet: SheetGrid,
  templateSheet: string,
  columns: ProductColumns,
  rows: OwnedRowRef[],
  state: ProductState | null,
  ctx: ParseContext,
): void {
  const used = new Set<string>();
  const identities = new RowIdentities();
  for (const row of rows) {
    // the keys only look up remembered values: a workbook without state needs none
    let identity = '';
    if (state) {
      identity = identities.of(row.identity);
      // mirrors write-plan.ts: a duplicate row gets its own key
      if (used.has(identity)) identity = `${identity}|#${row.rowNumber}`;
      used.add(identity);
    }
    for (const header of PRODUCT_COLUMNS[templateSheet] ?? []) {
      if (columns.missing.includes(header)) continue;
      const column = columns.columns[header];
      if (column === undefined) continue;
      const text = cellText(sheet.rows[row.rowNumber - 1]?.[column - 1]);
      const remembered = state ? state.written[stateKey(templateSheet, identity, header)] : undefined;
      const typed =
        remembered !== undefined
          ? text !== cellText({ value: remembered })
          : text !== '' && VALID_WORDS[header] !== undefined && !VALID_WORDS[header].some((w) => normalizeName(w) === normalizeName(text));
      if (!typed || text === '') continue;
      addIssue(
        ctx,
        'typed-in-product-column',
        sheet.name,
        `Texten ${quote(shownText(sheet.rows[row.rowNumber - 1]?.[column - 1]))} i ${header} rad ${row.rowNumber} skrevs av en person – ${header === ACTION_HEADERS.position ? 'använd Status' : 'använd Manuell bedömning'}`,
        { rowNumber: row.rowNumber, column: header, subject: row.subject },
      );
    }
  }
}
