/**
 * The two Kolada ids a person types (domain.md §3, §7): the organisation's `Kolada-id` in `Inställningar`
 * and a row's `Kolada-KPI`. Kolada names a municipality or region by four digits (`0180` Stockholm, `0019`
 * Västmanland); a spreadsheet drops the leading zeros of a typed number, so 19 is read as `0019`. A key
 * figure is a capital letter and five digits (`N00945`, `U28116`). Never throws: a bad id is a Swedish message.
 * @module
 */
import type { CellInput } from '../model/grid.ts';
import { KOLADA_ID_SETTING, KOLADA_KPI_HEADER } from '../model/year-after-year.ts';
import { cellText, isBlankCell, quote } from './values.ts';

export type ParsedKoladaId = { kind: 'empty' } | { kind: 'id'; id: string } | { kind: 'error'; message: string };

const MUNICIPALITY = /^\d{1,4}$/;
const KPI = /^[A-Z]\d{5}$/;

/** `Kolada-id`: a number or digits, at most four, padded to four (19 → `0019`). */
export function parseKoladaId(cell: CellInput | null | undefined): ParsedKoladaId {
  if (isBlankCell(cell)) return { kind: 'empty' };
  const text = cellText(cell);
  const digits = typeof cell?.value === 'number' && !cell.date && !cell.percent ? String(cell.value) : text.replace(/\s/g, '');
  if (!cell?.error && !cell?.date && MUNICIPALITY.test(digits) && Number(digits) > 0) {
    return { kind: 'id', id: digits.padStart(4, '0') };
  }
  return {
    kind: 'error',
    message: `${KOLADA_ID_SETTING}: ${quote(text)} är inget Kolada-id – skriv kommunens eller regionens fyra siffror, t.ex. 0019 för Region Västmanland`,
  };
}

/** `Kolada-KPI`: one key-figure id; lower case is accepted and read as upper case. */
export function parseKoladaKpi(cell: CellInput | null | undefined): ParsedKoladaId {
  if (isBlankCell(cell)) return { kind: 'empty' };
  const text = cellText(cell);
  const id = text.toUpperCase();
  if (KPI.test(id)) return { kind: 'id', id };
  return {
    kind: 'error',
    message: `${KOLADA_KPI_HEADER}: ${quote(text)} är inget nyckeltals-id i Kolada – det är en bokstav och fem siffror, t.ex. N00945`,
  };
}
