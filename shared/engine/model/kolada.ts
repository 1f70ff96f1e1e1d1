/**
 * What the product remembers of Kolada per outcome cell (domain.md §7), in its own state: the figure it put
 * there, or Kolada's figure that differed from a typed one. Every recalculation reads it back, so the
 * Förklaring names the source of an outcome and the data-quality section lists a typed figure that differs
 * from Kolada's, until a person clears the cell or Kolada agrees. Shared by parse/ (reading) and the Kolada
 * merge (writing).
 * @module
 */
import type { CellInput } from './grid.ts';
import type { IsoDate } from './model.ts';
import { SHEETS, OUTCOME_PREFIX } from './template.ts';
import { stateKey } from './state.ts';

/** What the product stored in one outcome cell from Kolada. */
export interface KoladaWritten {
  /** the number stored in the cell (0.308 for 30,8 % in a `%` metric) */
  value: number;
  kpi: string;
  fetchedOn: IsoDate;
}

/** One cell's Kolada record in the product's state (ProductState.kolada). */
export interface KoladaRecord extends KoladaWritten {
  /** true: the product wrote `value` into the cell; false: Kolada's figure differed from a typed one */
  written: boolean;
}

/** An outcome that came from Kolada, as the Förklaring names it. */
export interface KoladaSource {
  year: number;
  kpi: string;
  fetchedOn: IsoDate;
}

/** A typed outcome that differs from the figure Kolada gave for that year. */
export interface KoladaDifference {
  year: number;
  kpi: string;
  fetchedOn: IsoDate;
  /** the typed value in the metric's unit, null when it is not a number (then `text`) */
  typed: number | null;
  text: string;
  /** Kolada's figure in Kolada's unit (30.8 for a percentage) */
  kolada: number;
}

/** The state key of a row's `Utfall ÅÅÅÅ` cell (`identity` as RowIdentities gives it). */
export function koladaKey(identity: string, year: number): string {
  return stateKey(SHEETS.metrics, identity, `${OUTCOME_PREFIX} ${year}`);
}

/** Equal as spreadsheets keep them (a double round-trips through 15–17 digits; compare at 12). */
export function sameFigure(a: number, b: number): boolean {
  return Number(a.toPrecision(12)) === Number(b.toPrecision(12));
}

export function holdsNothing(cell: CellInput | null | undefined): boolean {
  if (!cell) return true;
  if (cell.error || cell.date || cell.formula) return false;
  return cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '');
}

/** True when the cell holds exactly this stored number (never a formula, a date or text). */
export function holdsFigure(cell: CellInput | null | undefined, value: number): boolean {
  if (!cell || cell.formula || cell.error || cell.date) return false;
  return typeof cell.value === 'number' && sameFigure(cell.value, value);
}

/** What the cell shows a person, for a message quoting a value that is not a number. */
export function cellShown(cell: CellInput | null | undefined): string {
  if (!cell) return '';
  return cell.error ?? cell.date ?? String(cell.value ?? '');
}
