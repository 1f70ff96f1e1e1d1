/**
 * What every sheet parser shares: the issue sink, cell access by header, the manual-assessment columns.
 * @module
 */
import type { CellInput, ColumnNumber, RowNumber, SheetGrid } from '../model/grid.ts';
import type { Issue, IssueKind, ManualAssessment } from '../model/model.ts';
import { findHeaderRow, missingHeaderMessage, noHeaderRowMessage, type HeaderMatch, type HeaderSpec } from './headers.ts';
import { cellText, parseYearCell } from './values.ts';
import { rowIdentity } from '../model/state.ts';
import { parseAssessmentWord } from './words.ts';

export interface ParseContext {
  workbookId: string;
  workbookName: string;
  issues: Issue[];
}

export function addIssue(
  ctx: ParseContext,
  kind: IssueKind,
  sheet: string,
  message: string,
  at: { rowNumber?: number; column?: string; subject?: string } = {},
): void {
  const issue: Issue = { kind, workbookId: ctx.workbookId, workbookName: ctx.workbookName, sheet, message };
  if (at.rowNumber !== undefined) issue.rowNumber = at.rowNumber;
  if (at.column !== undefined) issue.column = at.column;
  if (at.subject !== undefined && at.subject !== '') issue.subject = at.subject;
  ctx.issues.push(issue);
}

/** Header problems (duplicates, misspellings) as sheet issues. */
export function reportHeaderProblems(ctx: ParseContext, sheet: SheetGrid, match: HeaderMatch): void {
  for (const p of match.problems) addIssue(ctx, p.kind, sheet.name, p.message, { rowNumber: match.row, column: p.header });
}

/**
 * A sheet's header row (`findHeaderRow`: the first of its first ten rows with every required header) matched
 * against its known headers. Header problems and each missing required header become issues; with
 * `missingRequired` non-empty the sheet has no header row: the caller reads no rows and nothing is written into it.
 */
export function matchSheetHeaders(ctx: ParseContext, sheet: SheetGrid, known: readonly string[], required: readonly string[], spec: Partial<HeaderSpec> = {}): HeaderMatch {
  const match = findHeaderRow(sheet, { ...spec, known, required });
  reportHeaderProblems(ctx, sheet, match);
  const found = required.length - match.missingRequired.length;
  // a row with at least half the required headers is a header row missing some; fewer (a title naming one) is none
  if (found * 2 < required.length) {
    addIssue(ctx, 'error', sheet.name, noHeaderRowMessage(sheet.name, required), { rowNumber: match.row });
    return match;
  }
  for (const h of match.missingRequired) addIssue(ctx, 'error', sheet.name, missingHeaderMessage(h, sheet.name, match), { rowNumber: match.row, column: h });
  return match;
}

/** One data row of a sheet with cell access by canonical header. */
export interface SheetRow {
  rowNumber: number;
  cells: readonly (CellInput | null | undefined)[];
}

/**
 * The rows below the header row, one at a time: each row object dies young instead of 100,000 of them living
 * through the parse. `fills`: cells a vertical merge covers, read as its top cell (see `mergeFills`).
 */
export function* dataRows(sheet: SheetGrid, match: HeaderMatch, fills: MergeFills | null = null): Generator<SheetRow> {
  const rows = sheet.rows;
  for (let i = match.row; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const filled = fills?.get(i + 1);
    if (filled === undefined) yield { rowNumber: i + 1, cells };
    else {
      const copy = [...cells];
      for (const [column, cell] of filled) copy[column - 1] = cell;
      yield { rowNumber: i + 1, cells: copy };
    }
  }
}

/** rowNumber → column → the cell a vertical merge shows there */
export type MergeFills = Map<RowNumber, Map<ColumnNumber, CellInput | null | undefined>>;

/**
 * Vertically merged cells of the given columns below the header row, each read as the merge's top cell: a common
 * Swedish layout merges one Målområde (or Indikator) over the rows it covers, and each of those rows belongs to it.
 * Null when there are none (the usual case costs nothing per row).
 */
export function mergeFills(sheet: SheetGrid, match: HeaderMatch, headers: readonly string[]): MergeFills | null {
  if (!sheet.merges || sheet.merges.length === 0) return null;
  const columns = new Set(headers.map((h) => match.columns[h]).filter((c): c is number => c !== undefined));
  let fills: MergeFills | null = null;
  for (const m of sheet.merges) {
    if (m.bottom <= m.top || m.top <= match.row || !columns.has(m.left)) continue;
    const top = sheet.rows[m.top - 1]?.[m.left - 1];
    for (let r = m.top + 1; r <= m.bottom; r++) {
      fills ??= new Map();
      let row = fills.get(r);
      if (!row) fills.set(r, (row = new Map()));
      row.set(m.left, top);
    }
  }
  return fills;
}

export function cellAt(row: SheetRow, column: number | undefined): CellInput | null | undefined {
  return column === undefined ? undefined : row.cells[column - 1];
}

export function textAt(row: SheetRow, match: HeaderMatch, header: string): string {
  return cellText(cellAt(row, match.columns[header]));
}

/** Text or null when blank. */
export function optionalText(row: SheetRow, match: HeaderMatch, header: string): string | null {
  const t = textAt(row, match, header);
  return t === '' ? null : t;
}

/**
 * Reads `Manuell bedömning` + `Motivering` (+ `Bedömningsår` when the sheet has one). A missing Motivering is no
 * parse error (the rules make it one, rule 1); a Motivering without an assessment is ignored.
 */
export function readManual(
  row: SheetRow,
  match: HeaderMatch,
  headers: { manual: string; justification: string; year?: string },
  errors: string[],
): ManualAssessment | null {
  const word = parseAssessmentWord(textAt(row, match, headers.manual));
  let year: number | null = null;
  if (headers.year !== undefined) {
    const y = parseYearCell(cellAt(row, match.columns[headers.year]));
    if (y.kind === 'error') errors.push(`${headers.year}: ${y.message}`);
    if (y.kind === 'year') year = y.year;
  }
  if (word.kind === 'error') {
    errors.push(word.message);
    return null;
  }
  if (word.kind === 'empty') return null;
  return { assessment: word.value, justification: optionalText(row, match, headers.justification), year };
}

/** Normalised identity of a row for duplicate checks: the key the state keeps the row's cells under. */
export function identityOf(...parts: string[]): string {
  return rowIdentity('', parts);
}
