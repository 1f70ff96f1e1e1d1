/**
 * A `Fastställd ÅÅÅÅ` row of `Inställningar` (domain.md §3, §7): the date the year's report was approved.
 * The value is a date cell or the text `ÅÅÅÅ-MM-DD`; anything else, an impossible date, a date before the
 * year it approves (a report is approved after its year has begun) or after `today` is a settings issue.
 * Standalone so that parse/settings.ts can call it for every setting whose name starts with `Fastställd`.
 * @module
 */
import type { CellInput } from '../model/grid.ts';
import type { IsoDate } from '../model/model.ts';
import { normalizeName } from '../model/grid.ts';
import { APPROVED_SETTING_PREFIX } from '../model/year-after-year.ts';
import { cellText, isBlankCell, quote } from './values.ts';

export type ApprovedSetting =
  /** the setting's name is not `Fastställd ÅÅÅÅ` */
  | { kind: 'other' }
  | { kind: 'empty'; year: number }
  | { kind: 'date'; year: number; date: IsoDate }
  | { kind: 'error'; year: number | null; message: string };

const NAME = new RegExp(`^${normalizeName(APPROVED_SETTING_PREFIX)}\\s+(\\S+)$`);
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * Reads one settings row. `name` is the text in `Inställning`, `value` the `Värde` cell; `today` (ISO, from
 * the caller: the engine has no clock) rejects a date in the future when given.
 */
export function parseApprovedSetting(name: string, value: CellInput | null | undefined, today?: IsoDate): ApprovedSetting {
  const m = NAME.exec(normalizeName(name));
  if (!m && normalizeName(name) !== normalizeName(APPROVED_SETTING_PREFIX)) return { kind: 'other' };
  const yearText = m?.[1] ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!(year >= 1990 && year <= 2100)) {
    return { kind: 'error', year: null, message: `${quote(name)}: skriv inställningen som '${APPROVED_SETTING_PREFIX} ÅÅÅÅ', t.ex. '${APPROVED_SETTING_PREFIX} 2025'` };
  }
  const label = `${APPROVED_SETTING_PREFIX} ${year}`;
  if (isBlankCell(value)) return { kind: 'empty', year };
  const text = value?.date ?? cellText(value);
  const d = ISO.exec(text.slice(0, 10));
  const exact = value?.date !== undefined || text.length === 10;
  if (!d || !exact || value?.error || !validDate(Number(d[1]), Number(d[2]), Number(d[3]))) {
    return { kind: 'error', year, message: `${label}: ${quote(cellText(value))} är inget datum – skriv datumet då rapporten fastställdes som ÅÅÅÅ-MM-DD` };
  }
  const date = `${d[1]}-${d[2]}-${d[3]}`;
  if (Number(d[1]) < year) {
    return { kind: 'error', year, message: `${label}: ${date} ligger före ${year} – en rapport fastställs när året har börjat` };
  }
  if (today !== undefined && date > today) {
    return { kind: 'error', year, message: `${label}: ${date} har inte inträffat än` };
  }
  return { kind: 'date', year, date };
}
