/**
 * The Swedish value parser (domain.md §2 "Numbers are typed the Swedish way", §3 "Values as they arrive").
 * Reads what a cell holds, not what it shows. Percentages come back in percent (36,9 % → 36.9), whichever
 * form they arrived in, so that a percent-formatted cell and the text `36,9 %` in one row compare correctly.
 * Never throws: every problem is a Swedish message that quotes the offending text.
 * @module
 */
import type { CellInput } from '../model/grid.ts';
import { cellText } from '../model/grid.ts';

export type ParsedNumber =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; percent: boolean; footnote: boolean; unit?: string }
  | { kind: 'error'; message: string };

const EMPTY: ParsedNumber = { kind: 'empty' };
const QUOTE_MAX = 40;
/** longer texts are never numbers; checking early keeps the regexes cheap on huge cells */
const MAX_NUMBER_TEXT = 200;

/** Every kind of space people (and Excel/Sheets) put inside numbers: NBSP, narrow NBSP, thin space … */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;
const NO_VALUE = new Set(['', '-', '–', '—', '..', '…', 'n/a', 'na', 'n.a.', 'saknas']);
const DATE_TEXT = /^(\d{4}-\d{1,2}-\d{1,2}(?:[t ].*)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$/i;
/** sign, integer part (with space-grouped thousands) and decimals; `,5` is 0,5 */
const NUMBER_START = /^([-−+–]?) ?(\d{1,3}(?: \d{3})+(?!\d)|\d+)?(?:[,.](\d+))?/;
/** a unit may start with a letter or a unit symbol (`kg`, `%`, `‰`, `°C`, `m²`, `/år`, `kr`, `€`) */
const UNIT_START = /^[\p{L}%‰°²³µ€$£/(]/u;
/** a digit that starts a new figure: at the start or after a space or separator (`12 / 15`, `12-15`) */
const SECOND_FIGURE = /(^|[\s/;:–—\-+(&]|och)[-−]?\d/i;

/** Shortens a text for quoting in a message (`'abc…'`), on one line. */
export function quote(text: string): string {
  const oneLine = text.replace(SPACES, ' ').trim();
  const short = oneLine.length > QUOTE_MAX ? `${oneLine.slice(0, QUOTE_MAX - 1)}…` : oneLine;
  return `'${short}'`;
}

/** Read here with the other cell readers; declared in model/ so that the write plan reads cells alike. */
export { cellText };

// what Excel and Sheets show for a number in the Swedish locale without a format of its own: decimal comma,
// U+2212 minus, no grouping
const SHOWN_NUMBER = new Intl.NumberFormat('sv-SE', { useGrouping: false, maximumFractionDigits: 15 });

/**
 * A cell as a Swedish spreadsheet shows it, for quoting in messages: a percentage cell holding −0,5 is '−50 %'
 * (not '-0.5'), a number '2,5'; text, dates and errors as `cellText` reads them.
 */
export function shownText(cell: CellInput | null | undefined): string {
  if (!cell || typeof cell.value !== 'number' || cell.date || cell.error) return cellText(cell);
  const v = cell.value;
  if (!Number.isFinite(v)) return String(v);
  return cell.percent ? `${SHOWN_NUMBER.format(clean(v * 100))} %` : SHOWN_NUMBER.format(v);
}

/** True when the cell holds nothing (blank text counts as nothing). */
export function isBlankCell(cell: CellInput | null | undefined): boolean {
  if (!cell) return true;
  if (cell.error || cell.date || (cell.formula && cell.uncached)) return false;
  // SPACES is exactly what trim() removes (\s: WhiteSpace and LineTerminator), and trim copies nothing
  return cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '');
}

/** Removes floating-point noise from a scaled value (0.369 · 100 → 36.9, not 36.900000000000006). */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** Reads one cell as a number in the Swedish way. */
export function parseNumberCell(cell: CellInput | null | undefined): ParsedNumber {
  if (!cell) return EMPTY;
  if (cell.error) return { kind: 'error', message: `kalkylbladsfel ${quote(cell.error)}` };
  if (cell.formula && cell.uncached) {
    return { kind: 'error', message: `formeln saknar sparat resultat (${quote(`=${cell.formula.replace(/^=/, '')}`)}) – öppna och spara filen i Excel` };
  }
  if (cell.date) return { kind: 'error', message: `ett datum (${quote(cell.date)}) där ett tal ska stå` };
  const v = cell.value;
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'boolean') return { kind: 'error', message: `ett sanningsvärde (${v ? 'SANT' : 'FALSKT'}) där ett tal ska stå` };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'error', message: `${quote(String(v))} är inte ett tal` };
    return cell.percent
      ? { kind: 'number', value: clean(v * 100), percent: true, footnote: false }
      : { kind: 'number', value: v, percent: false, footnote: false };
  }
  return parseNumberText(v, cell.percent === true);
}

/** Reads a typed text as a number; `percentFormat` marks a text cell that carries a percent format. */
export function parseNumberText(raw: string, percentFormat = false): ParsedNumber {
  if (raw.length > MAX_NUMBER_TEXT) return { kind: 'error', message: `${quote(raw)} kan inte läsas som ett tal (för lång text)` };
  const text = raw.replace(SPACES, ' ').trim();
  if (NO_VALUE.has(text.toLowerCase())) return EMPTY;
  if (DATE_TEXT.test(text)) return { kind: 'error', message: `ett datum (${quote(text)}) där ett tal ska stå` };
  if (/^#[\p{L}/0-9]+[!?]?$/u.test(text)) {
    return { kind: 'error', message: `kalkylbladsfel ${quote(text)}` };
  }

  const m = NUMBER_START.exec(text);
  const intPart = m?.[2];
  const fracPart = m?.[3];
  if (!m || (intPart === undefined && fracPart === undefined)) return notANumber(text);

  let rest = text.slice(m[0].length);
  let footnote = false;
  if (rest.includes('*')) {
    footnote = true;
    rest = rest.replace(/\*/g, '');
  }
  rest = rest.trim();
  if (SECOND_FIGURE.test(rest)) return { kind: 'error', message: `${quote(text)} innehåller två tal – skriv ett tal per cell` };
  if (/^[,.]/.test(rest)) return notANumber(text);
  if (rest !== '' && !UNIT_START.test(rest)) return notANumber(text);

  const percent = percentFormat || rest.startsWith('%') || /^procent\b/i.test(rest);
  const unit = percent || rest === '' ? undefined : rest;
  const digits = `${(intPart ?? '0').replace(/ /g, '')}.${fracPart ?? '0'}`;
  const magnitude = Number(digits);
  if (!Number.isFinite(magnitude)) return notANumber(text);
  const negative = m[1] === '-' || m[1] === '−' || m[1] === '–';
  const value = negative ? -magnitude : magnitude;
  const number: Extract<ParsedNumber, { kind: 'number' }> = { kind: 'number', value: value === 0 ? 0 : value, percent, footnote };
  if (unit !== undefined) number.unit = unit;
  return number;
}

function notANumber(text: string): ParsedNumber {
  return { kind: 'error', message: `${quote(text)} kan inte läsas som ett tal` };
}

/** True when the cell's text starts with an explicit sign (`+2 %`, `−2 %`); a numeric cell has none unless negative. */
export function hasExplicitSign(cell: CellInput | null | undefined): boolean {
  if (!cell) return false;
  if (typeof cell.value === 'number') return cell.value < 0;
  if (typeof cell.value !== 'string') return false;
  return /^[-−+–]/.test(cell.value.replace(SPACES, ' ').trim());
}

/** A 4-digit year between 1990 and 2100 (numeric cell or text); `null` when empty. */
export type ParsedYear = { kind: 'empty' } | { kind: 'year'; year: number } | { kind: 'error'; message: string };

export function parseYearCell(cell: CellInput | null | undefined): ParsedYear {
  if (isBlankCell(cell)) return { kind: 'empty' };
  const text = shownText(cell);
  const raw = typeof cell?.value === 'number' && !cell.date ? cell.value : /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (Number.isInteger(raw) && raw >= 1990 && raw <= 2100) return { kind: 'year', year: raw };
  return { kind: 'error', message: `${quote(text)} är inte ett årtal (ÅÅÅÅ, 1990–2100)` };
}

/**
 * A relative figure typed in percent (`2`, `2 %`, a cell formatted as 2 %) as a fraction (0.02).
 * Used for Tolerans and Årlig förändring: the number is always read in percent, whatever its form.
 */
export type ParsedFraction = { kind: 'empty' } | { kind: 'fraction'; value: number } | { kind: 'error'; message: string };

export function parsePercentFraction(cell: CellInput | null | undefined): ParsedFraction {
  const n = parseNumberCell(cell);
  if (n.kind !== 'number') return n;
  return { kind: 'fraction', value: clean(n.value / 100) };
}
