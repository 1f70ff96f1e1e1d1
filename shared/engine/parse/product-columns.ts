/**
 * The product's own columns in a sheet (Utveckling, Förklaring, Läge): where they are, where missing ones will
 * go, and text a person typed into them (domain.md §5: recorded before the next recalculation replaces it).
 * @module
 */
import type { ColumnNumber, ProductState, RowNumber, SheetGrid } from '../model/grid.ts';
import type { ProductColumns } from '../model/model.ts';
import { columnLetter, mergedAway, normalizeName, rangeText } from '../model/grid.ts';
import { ASSESSMENTS, PRODUCT_COLUMNS, ACTION_HEADERS, METRIC_HEADERS } from '../model/template.ts';
import type { HeaderMatch } from './headers.ts';
import { addIssue, type ParseContext } from './common.ts';
import { RowIdentities, stateKey, type StateRowRef } from '../model/state.ts';
import { cellText, isBlankCell, quote, shownText } from './values.ts';

/**
 * Product columns of a sheet. An absent one is added only in a column that is empty in every row (title lines,
 * headers and data alike, merged cells counting as filled), the first such to the right of the headers: notes a
 * person keeps in an untitled column are never written over. Where that is not right beside the headers (a column
 * was passed over), the run says where: a note naming the column.
 */
export function productColumnsOf(sheet: SheetGrid, templateSheet: string, match: HeaderMatch, ctx: ParseContext): ProductColumns {
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  const wanted = (PRODUCT_COLUMNS[templateSheet] ?? []).filter((h) => match.columns[h] === undefined);
  const free = wanted.length > 0 ? emptyColumns(sheet, match.lastColumn + 1, wanted.length, match.row) : [];
  for (const header of PRODUCT_COLUMNS[templateSheet] ?? []) {
    const found = match.columns[header];
    if (found !== undefined) columns[header] = found;
    else {
      const column = free[missing.length]!;
      columns[header] = column;
      if (column !== match.lastColumn + 1 + missing.length) {
        const message = `Kolumnen '${header}' läggs till i kolumn ${columnLetter(column)} (rubrik i rad ${match.row}): kolumnerna närmare rubrikerna har innehåll som inte skrivs över`;
        addIssue(ctx, 'note', sheet.name, message, { rowNumber: match.row, column: header });
      }
      missing.push(header);
    }
  }
  return { sheet: sheet.name, columns, missing, headerRow: match.row };
}

/**
 * The first `count` columns from `from` on that are empty in every row and in no merged range reaching the header
 * row or below (a title banner merged across the top covers nothing the product writes).
 */
export function emptyColumns(sheet: SheetGrid, from: ColumnNumber, count: number, headerRow: RowNumber): ColumnNumber[] {
  const used = new Set<ColumnNumber>();
  for (const cells of sheet.rows) {
    if (!cells) continue;
    for (let c = from; c <= cells.length; c++) if (!isBlankCell(cells[c - 1])) used.add(c);
  }
  for (const m of sheet.merges ?? []) {
    if (m.bottom < headerRow) continue;
    for (let c = Math.max(from, m.left); c <= m.right; c++) used.add(c);
  }
  const free: ColumnNumber[] = [];
  for (let c = from; free.length < count; c++) if (!used.has(c)) free.push(c);
  return free;
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
 * apart from one the product wrote, so it is not flagged. A formula is always a person's (the product writes none),
 * whatever its result shows. A product cell hidden inside a merged range is not written: a note says so.
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
  const headers = (PRODUCT_COLUMNS[templateSheet] ?? []).filter((h) => columns.columns[h] !== undefined);
  const hidden = mergedAway(sheet, headers.map((h) => columns.columns[h]!));
  for (const row of rows) {
    // the keys only look up remembered values: a workbook without state needs none
    let identity = '';
    if (state) {
      identity = identities.of(row.identity);
      // mirrors write-plan.ts: a duplicate row gets its own key
      if (used.has(identity)) identity = `${identity}|#${row.rowNumber}`;
      used.add(identity);
    }
    for (const header of headers) {
      const column = columns.columns[header]!;
      const merge = hidden.get(column)?.get(row.rowNumber);
      if (merge !== undefined) {
        addIssue(ctx, 'note', sheet.name, `${header} rad ${row.rowNumber} ligger i den sammanfogade cellen ${rangeText(merge)} och skrivs inte – dela upp cellen`, {
          rowNumber: row.rowNumber,
          column: header,
          subject: row.subject,
        });
        continue;
      }
      if (columns.missing.includes(header)) continue;
      const cell = sheet.rows[row.rowNumber - 1]?.[column - 1];
      if (cell?.formula !== undefined) {
        addIssue(ctx, 'typed-in-product-column', sheet.name, `Formeln ${quote(`=${cell.formula.replace(/^=/, '')}`)} i ${header} rad ${row.rowNumber} skrevs av en person – ${advice(header)}`, {
          rowNumber: row.rowNumber,
          column: header,
          subject: row.subject,
        });
        continue;
      }
      const text = cellText(cell);
      const remembered = state ? state.written[stateKey(templateSheet, identity, header)] : undefined;
      const typed =
        remembered !== undefined
          ? text !== cellText({ value: remembered })
          : text !== '' && VALID_WORDS[header] !== undefined && !VALID_WORDS[header].some((w) => normalizeName(w) === normalizeName(text));
      if (!typed || text === '') continue;
      addIssue(ctx, 'typed-in-product-column', sheet.name, `Texten ${quote(shownText(cell))} i ${header} rad ${row.rowNumber} skrevs av en person – ${advice(header)}`, {
        rowNumber: row.rowNumber,
        column: header,
        subject: row.subject,
      });
    }
  }
}

function advice(header: string): string {
  return header === ACTION_HEADERS.position ? 'använd Status' : 'använd Manuell bedömning';
}
