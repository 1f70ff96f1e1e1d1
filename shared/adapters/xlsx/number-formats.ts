/**
 * What a cell's number format says about its value: a percentage, or a date. Pure string tests on the
 * format code, so the reader never has to render a value.
 * @module
 */

/** Removes quoted text, escaped characters, colour/locale blocks and `General`, which can hold y/d/m letters. */
function significant(code: string): string {
  return code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/general/gi, '')
    .replace(/_.|\*./g, '');
}

export function isPercentFormat(code: string | undefined): boolean {
  return code !== undefined && significant(code).includes('%');
}

/** A date (or date-time) format; a time-only format (`h:mm`, `mm:ss`) is not a date. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const s = significant(code).toLowerCase();
  if (/[yd]/.test(s)) return true;
  return /m/.test(s) && !/[hs]/.test(s);
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: serial 0 in the 1900 date system once Lotus's phantom 29 February 1900 is allowed for. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** Serial day number (1900 system) → `YYYY-MM-DD`; null for values no date can have. */
export function serialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial) < 60 ? Math.floor(serial) + 1 : Math.floor(serial);
  return new Date(EPOCH_1900 + days * MS_PER_DAY).toISOString().slice(0, 10);
}
