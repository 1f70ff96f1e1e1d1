/**
 * What every sheet parser shares: the issue sink, cell access by header, the manual-assessment columns.
 * @module
 */
import type { CellInput, SheetGrid } from '../model/grid.ts';
import type { Issue, IssueKind, ManualAssessment } from '../model/model.ts';
import { matchHeaders, missingHeaderMessage, type HeaderMatch } from './headers.ts';
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
  for (const p of match.problems) addIssue(ctx, p.kind, sheet.name, p.message, { rowNumber: 1, column: p.header });
}

/**
 * Row 1 of a sheet matched against its known headers. Header problems and each missing required header
 * become issues; with `missingRequired` non-empty the caller reads no rows.
 */
export function matchSheetHeaders(ctx: ParseContext, sheet: SheetGrid, known: readonly string[], required: readonly string[]): HeaderMatch {
  const match = matchHeaders(sheet.rows[0] ?? [], { known, required });
  reportHeaderProblems(ctx, sheet, match);
  for (const h of match.missingRequired) addIssue(ctx, 'error', sheet.name, missingHeaderMessage(h, sheet.name, match), { rowNumber: 1, column: h });
  return match;
}

/** One data row of a sheet with cell access by canonical header. */
export interface SheetRow {
  rowNumber: number;
  cells: readonly (CellInput | null | undefined)[];
}

/** Rows 2… one at a time: each row object dies young instead of 100,000 of them living through the parse. */
export function* dataRows(sheet: SheetGrid): Generator<SheetRow> {
  const rows = sheet.rows;
  for (let i = 1; i < rows.length; i++) yield { rowNumber: i + 1, cells: rows[i] ?? [] };
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
