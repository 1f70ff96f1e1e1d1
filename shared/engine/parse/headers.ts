/**
 * Header matching for the template sheets (domain.md §3): trim + case-fold (grid.normalizeName), any column
 * order, extra columns ignored, year columns `Utfall ÅÅÅÅ` / `Målvärde ÅÅÅÅ` with an optional footnote mark.
 * Misspelt headers are not guessed at; they get a note naming the nearest valid header.
 * @module
 */
import { distance } from 'fastest-levenshtein';
import type { CellInput, ColumnNumber, RowNumber, SheetGrid } from '../model/grid.ts';
import { columnLetter, normalizeName } from '../model/grid.ts';

export { columnLetter };
import { cellText, quote } from './values.ts';

export interface HeaderSpec {
  /** every fixed header the sheet knows (required, optional and product columns) */
  known: readonly string[];
  required: readonly string[];
  /** prefixes of year columns, e.g. `Utfall` → `Utfall 2024` */
  yearPrefixes?: readonly string[];
}

export interface YearColumn {
  year: number;
  column: ColumnNumber;
  /** the header as typed */
  header: string;
  /** the header carried a footnote mark (`Utfall 2023*`) */
  footnote: boolean;
}

export interface HeaderProblem {
  kind: 'error' | 'note';
  column: ColumnNumber;
  header: string;
  message: string;
}

export interface HeaderMatch {
  /** canonical header (as in template.ts) → its first column */
  columns: Record<string, ColumnNumber>;
  /** year-column prefix (as in the spec) → its columns, first per year, in sheet order */
  yearColumns: Record<string, YearColumn[]>;
  /** headers found in more than one column: canonical name → every column (first one is used) */
  duplicates: Record<string, ColumnNumber[]>;
  missingRequired: string[];
  problems: HeaderProblem[];
  /** the last column with a header (0 when the row is empty) */
  lastColumn: ColumnNumber;
  /** the row these headers are in (see `findHeaderRow`) */
  row: RowNumber;
}

const YEAR_HEADER = /^(.*?)\s*(\d{4})$/;


function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The nearest candidate by edit distance (case and diacritics forgiven), or null when none is close. */
export function suggestNearest(text: string, candidates: readonly string[]): string | null {
  const wanted = normalizeName(text);
  if (wanted === '') return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = normalizeName(candidate);
    const d = Math.min(distance(wanted, c), distance(stripMarks(wanted), stripMarks(c)) + 0.5);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  return best !== null && bestDistance > 0 && bestDistance <= allowed ? best : null;
}

/** Reads a year header: `Utfall 2024`, `utfall2024`, `Utfall 2023*` → { prefix, year, footnote }. */
export function parseYearHeader(
  text: string,
  prefixes: readonly string[],
): { prefix: string; year: number; footnote: boolean } | null {
  const trimmed = normalizeName(text);
  const footnote = /\*+$/.test(trimmed);
  const m = YEAR_HEADER.exec(trimmed.replace(/\s*\*+$/, ''));
  if (!m) return null;
  const prefix = prefixes.find((p) => normalizeName(p) === m[1]);
  if (prefix === undefined) return null;
  return { prefix, year: Number(m[2]), footnote };
}

/** How far down a sheet its header row may be (domain.md §3: below a title line or empty rows). */
export const HEADER_ROWS_SEARCHED = 10;

/**
 * The header row of a sheet (domain.md §3): the first of its first ten rows that holds every required header. When
 * none does, the match of the row that holds the most of them (the first such, row 1 when none holds any), with
 * `missingRequired` saying what is missing: the sheet is then not read and nothing is written into it.
 */
export function findHeaderRow(sheet: SheetGrid, spec: HeaderSpec): HeaderMatch {
  let best: HeaderMatch | null = null;
  let bestFound = -1;
  const last = Math.min(HEADER_ROWS_SEARCHED, sheet.rows.length);
  for (let r = 1; r <= last; r++) {
    const cells = sheet.rows[r - 1];
    if (!cells || cells.length === 0) continue;
    const match = matchHeaders(cells, spec, r);
    if (match.missingRequired.length === 0) return match;
    const found = spec.required.length - match.missingRequired.length;
    if (found > bestFound) {
      best = match;
      bestFound = found;
    }
  }
  return best !== null && bestFound > 0 ? best : matchHeaders(sheet.rows[0] ?? [], spec, 1);
}

/** Matches one row of a sheet (row 1 unless told) against its spec. */
export function matchHeaders(headerRow: readonly (CellInput | null | undefined)[], spec: HeaderSpec, row: RowNumber = 1): HeaderMatch {
  const prefixes = spec.yearPrefixes ?? [];
  const byName = new Map(spec.known.map((h) => [normalizeName(h), h]));
  const match: HeaderMatch = { columns: {}, yearColumns: {}, duplicates: {}, missingRequired: [], problems: [], lastColumn: 0, row };
  for (const p of prefixes) match.yearColumns[p] = [];
  const unknown: { column: number; text: string }[] = [];

  const note = (canonical: string, column: number, first: number | undefined): boolean => {
    if (first === undefined) return false;
    const cols = match.duplicates[canonical] ?? [first];
    cols.push(column);
    match.duplicates[canonical] = cols;
    return true;
  };

  headerRow.forEach((cell, index) => {
    const column = index + 1;
    const text = cellText(cell);
    if (text === '') return;
    match.lastColumn = column;
    const key = normalizeName(text).replace(/\s*\*+$/, '');
    const fixed = byName.get(key);
    if (fixed !== undefined) {
      if (!note(fixed, column, match.columns[fixed])) match.columns[fixed] = column;
      return;
    }
    const year = parseYearHeader(text, prefixes);
    if (year) {
      const list = match.yearColumns[year.prefix] ?? [];
      const canonical = `${year.prefix} ${year.year}`;
      const first = list.find((y) => y.year === year.year);
      if (!note(canonical, column, first?.column)) list.push({ year: year.year, column, header: text, footnote: year.footnote });
      match.yearColumns[year.prefix] = list;
      return;
    }
    unknown.push({ column, text });
  });

  for (const [canonical, cols] of Object.entries(match.duplicates)) {
    const letters = cols.map(columnLetter).join(', ');
    match.problems.push({
      kind: 'error',
      column: cols[1] ?? cols[0] ?? 0,
      header: canonical,
      message: `Rubriken '${canonical}' finns i flera kolumner (${letters}) – bara kolumn ${columnLetter(cols[0] ?? 0)} används`,
    });
  }

  for (const { column, text } of unknown) {
    const suggestion = suggestHeader(text, spec, prefixes);
    if (suggestion === null) continue; // an extra column of the user's: kept untouched, not our business
    match.problems.push({
      kind: 'note',
      column,
      header: text,
      message: `Rubriken ${quote(text)} känns inte igen – menade du '${suggestion}'?`,
    });
  }
  match.missingRequired = spec.required.filter((h) => match.columns[h] === undefined);
  return match;
}

function suggestHeader(text: string, spec: HeaderSpec, prefixes: readonly string[]): string | null {
  const cleaned = text.replace(/\s*\*+\s*$/, '');
  const m = YEAR_HEADER.exec(cleaned.trim());
  if (m && prefixes.length > 0) {
    const prefix = suggestNearest(m[1] ?? '', prefixes);
    if (prefix !== null) return `${prefix} ${m[2]}`;
  }
  // `Utfall 2023 (prel)` would otherwise be dropped silently as an extra column
  const key = normalizeName(cleaned);
  const year = /\b(\d{4})\b/.exec(key)?.[1];
  const prefix = prefixes.find((p) => key.startsWith(`${normalizeName(p)} `) || key.startsWith(normalizeName(p) + (year ?? '')));
  if (prefix !== undefined && year !== undefined) return `${prefix} ${year}`;
  return suggestNearest(cleaned, spec.known);
}

/** What a sheet without its header row gets: it is not read, and nothing is written into it. */
export const SHEET_NOT_READ = 'bladet läses inte och inget skrivs i det';

/** The message for a missing required header, with the nearest unknown header as a suggestion. */
export function missingHeaderMessage(header: string, sheet: string, match: HeaderMatch): string {
  const hint = match.problems.find((p) => p.kind === 'note' && p.message.endsWith(`menade du '${header}'?`));
  const base = `Kolumnen '${header}' saknas i bladet ${sheet}`;
  return `${hint ? `${base} (rubriken ${quote(hint.header)} känns inte igen – menade du '${header}'?)` : base} – ${SHEET_NOT_READ}`;
}

/** The message for a sheet none of whose first ten rows holds any of its required headers. */
export function noHeaderRowMessage(sheet: string, required: readonly string[]): string {
  const names = required.map((h) => `'${h}'`);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}` : (names[0] ?? '');
  return `Bladet ${sheet} har ingen rubrikrad med ${list} bland de ${HEADER_ROWS_SEARCHED} första raderna – ${SHEET_NOT_READ}`;
}
