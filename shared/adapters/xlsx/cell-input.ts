/**
 * One stored cell (ooxml/sheet-scan.ts) → the engine's CellInput (engine/model/grid.ts): the value as stored,
 * not as displayed. Text stays text (`161` typed as text is the string `161`), a number formatted as a
 * percentage or a date says so, a formula keeps its cached result or is marked `uncached`, an error value is
 * its text. Dates in a 1904-based workbook are moved to the 1900 system the engine counts in.
 * @module
 */
import type { CellInput } from '../../engine/index.ts';
import type { ScannedCell } from './ooxml/sheet-scan.ts';
import { translateFormula } from './ooxml/shared-formula.ts';
import { isDateFormat, isPercentFormat, serialToIsoDate } from './number-formats.ts';

/** Days from 1900-01-00 to 1904-01-01 in Excel's counting: a 1904 serial + this = the 1900 serial. */
const OFFSET_1904 = 1462;
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

export interface CellContext {
  sharedStrings: string[];
  /** what the number format of a style index says about a number: a percentage, a date, or neither */
  kindOf: (style: number) => NumberKind;
  date1904: boolean;
}

export type NumberKind = 'percent' | 'date' | 'plain';

/** Classifies each style's number format once, however many cells use it. */
export function numberKinds(formatOf: (style: number) => string | undefined): (style: number) => NumberKind {
  const kinds: NumberKind[] = [];
  return (style) => {
    let kind = kinds[style];
    if (kind === undefined) {
      const code = formatOf(style);
      kind = isPercentFormat(code) ? 'percent' : isDateFormat(code) ? 'date' : 'plain';
      kinds[style] = kind;
    }
    return kind;
  };
}

/** Per sheet: shared-formula masters by `si`, to give their dependants their own formula text. */
export type SharedFormulas = Map<string, { text: string; row: number; column: number }>;

export function toCellInput(cell: ScannedCell, row: number, ctx: CellContext, shared: SharedFormulas): CellInput | null {
  const input: CellInput = { value: null };
  if (cell.formula) input.formula = formulaText(cell, row, shared);
  const v = cell.value;
  let has = true;
  switch (cell.type) {
    case 'e':
      if (v !== null && v !== '') input.error = v;
      else has = false;
      break;
    case 's': {
      const text = v === null ? undefined : ctx.sharedStrings[Number(v)];
      if (text === undefined) has = false;
      else input.value = text;
      break;
    }
    case 'inlineStr':
      input.value = cell.inline ?? v ?? '';
      break;
    case 'str':
      if (v === null) has = false;
      else input.value = v;
      break;
    case 'b':
      if (v === null || v === '') has = false;
      else input.value = v === '1' || v.toLowerCase() === 'true';
      break;
    case 'd':
      has = v !== null && readIsoDate(v, input);
      break;
    default:
      has = v !== null && readNumber(v, cell.style, ctx, input);
  }
  if (!has) {
    if (input.formula === undefined) return null;
    input.uncached = true;
  }
  if (input.formula === undefined && input.value === '' && input.error === undefined) return null;
  return input;
}

function readNumber(text: string, style: number, ctx: CellContext, input: CellInput): boolean {
  if (text.trim() === '') return false;
  const n = Number(text);
  if (!Number.isFinite(n)) return false;
  input.value = n;
  const kind = ctx.kindOf(style);
  if (kind === 'percent') input.percent = true;
  else if (kind === 'date') {
    const serial = ctx.date1904 ? n + OFFSET_1904 : n;
    const iso = serialToIsoDate(serial);
    if (iso) {
      input.value = serial;
      input.date = iso;
    }
  }
  return true;
}

/** A `t="d"` cell (ISO 8601 text): its date, and the serial the same day has in the 1900 system. */
function readIsoDate(text: string, input: CellInput): boolean {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) || text.length <= 10 ? text : `${text}Z`);
  if (!Number.isFinite(ms)) return false;
  const serial = (ms - EPOCH_1900) / DAY_MS;
  const iso = serialToIsoDate(serial < 61 ? serial - 1 : serial);
  if (!iso) return false;
  input.value = serial < 61 ? serial - 1 : serial;
  input.date = iso;
  return true;
}

function formulaText(cell: ScannedCell, row: number, shared: SharedFormulas): string {
  const f = cell.formula!;
  if (f.type !== 'shared' || f.si === null) return f.text;
  if (f.text !== '' || f.ref !== null) {
    shared.set(f.si, { text: f.text, row, column: cell.column });
    return f.text;
  }
  const master = shared.get(f.si);
  return master ? translateFormula(master.text, row - master.row, cell.column - master.column) : '';
}
