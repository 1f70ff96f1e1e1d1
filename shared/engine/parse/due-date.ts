/**
 * `Klart senast` of a Handlingsplan row as the last day it covers: a date cell, `ÅÅÅÅ-MM-DD`, `ÅÅÅÅ-MM` (end of
 * month), `juni 2026` / `30 juni 2026` (Swedish month names, any case, also abbreviated) or `ÅÅÅÅ` (31 December).
 * @module
 */
import type { CellInput } from '../model/grid.ts';
import type { IsoDate } from '../model/model.ts';
import { normalizeName } from '../model/grid.ts';
import { cellText, isBlankCell, quote, shownText } from './values.ts';

export type ParsedDate = { kind: 'empty' } | { kind: 'date'; iso: IsoDate } | { kind: 'error'; message: string };

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function iso(year: number, month: number, day: number | null): ParsedDate | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12) return null;
  const last = daysIn(year, month);
  const d = day ?? last;
  if (d < 1 || d > last) return null;
  return { kind: 'date', iso: `${year}-${pad(month)}-${pad(d)}` };
}

function monthOf(word: string): number | null {
  const w = word.replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

export function parseDueDate(cell: CellInput | null | undefined): ParsedDate {
  if (isBlankCell(cell)) return { kind: 'empty' };
  const bad: ParsedDate = {
    kind: 'error',
    message: `Klart senast ${quote(shownText(cell))} är inget datum – skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, 'juni 2026' eller ÅÅÅÅ`,
  };
  if (cell?.date) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(cell.date);
    return (m && iso(Number(m[1]), Number(m[2]), Number(m[3]))) || bad;
  }
  if (typeof cell?.value === 'number') {
    return (Number.isInteger(cell.value) && iso(cell.value, 12, 31)) || bad;
  }
  const text = normalizeName(cellText(cell));
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])) || bad;
  m = /^(\d{4})$/.exec(text);
  if (m) return iso(Number(m[1]), 12, 31) || bad;
  m = /^(?:(\d{1,2})\s+)?(\p{L}+\.?)\s+(\d{4})$/u.exec(text);
  if (m) {
    const month = monthOf(m[2] ?? '');
    if (month !== null) return iso(Number(m[3]), month, m[1] === undefined ? null : Number(m[1])) || bad;
  }
  return bad;
}
