/**
 * Keys of the product's remembered state (ProductState.written): what it last wrote into each of its
 * own cells. Rows are keyed by their names, not their row numbers, so a sorted or moved row keeps
 * its history and a deleted row simply drops out.
 * @module
 */
import { normalizeName } from './grid.ts';
import type { ProductState, RowNumber } from './grid.ts';
import type { ActionRow, GoalAreaRow, IndicatorRow, MetricRow } from './model.ts';

/** A row as the state names it: its naming cells (see `rowIdentity`) and the subject shown in messages. */
export interface StateRowRef {
  rowNumber: RowNumber;
  identity: string[];
  subject: string;
}

/** Declared once, so the parser's typed-in check and the write plan key every row alike. */
export const rowRef = {
  metric: (m: MetricRow): StateRowRef => ({ rowNumber: m.rowNumber, identity: [m.goalArea, m.indicator, m.name], subject: m.name }),
  indicator: (i: IndicatorRow): StateRowRef => ({ rowNumber: i.rowNumber, identity: [i.goalArea, i.name], subject: i.name }),
  goalArea: (g: GoalAreaRow): StateRowRef => ({ rowNumber: g.rowNumber, identity: [g.name], subject: g.name }),
  action: (a: ActionRow): StateRowRef => ({ rowNumber: a.rowNumber, identity: [a.goalArea, a.activity], subject: a.activity }),
};

/**
 * A row's identity within its sheet: its naming cells (e.g. Målområde, Indikator, Mätetal),
 * normalised so that case and spacing edits do not lose the history. `sheet` is accepted so callers
 * state which naming scheme they use; it is already part of the full key (see `stateKey`).
 */
export function rowIdentity(_sheet: string, parts: readonly string[]): string {
  let identity = '';
  for (let i = 0; i < parts.length; i++) {
    const n = normalizeName(parts[i]!);
    identity = i === 0 ? n : `${identity}|${n}`;
  }
  return identity;
}

/**
 * `rowIdentity` for the rows of one sheet, in the order they are walked; one per walk, so nothing outlives it.
 * Consecutive rows mostly repeat their goal area and indicator: remembering the last name per position saves
 * most of the normalising when every row of 100,000 is keyed (parse check and write plan).
 */
export class RowIdentities {
  readonly #raw: string[] = [];
  readonly #normalized: string[] = [];

  of(parts: readonly string[]): string {
    let identity = '';
    for (let i = 0; i < parts.length; i++) {
      const n = this.#normalizedAt(i, parts[i]!);
      identity = i === 0 ? n : `${identity}|${n}`;
    }
    return identity;
  }

  #normalizedAt(position: number, text: string): string {
    if (this.#raw[position] === text) return this.#normalized[position]!;
    const n = normalizeName(text);
    this.#raw[position] = text;
    this.#normalized[position] = n;
    return n;
  }
}

/** The key of one product cell: `Sheet!identity!Column`. */
export function stateKey(sheet: string, identity: string, column: string): string {
  return `${sheet}!${identity}!${column}`;
}

export function emptyState(): ProductState {
  return { written: {} };
}

/** True when both hold exactly the same keys with the same texts (null counts as empty). */
export function sameState(a: ProductState | null, b: ProductState | null): boolean {
  const wa = a?.written ?? {};
  const wb = b?.written ?? {};
  const ka = Object.keys(wa);
  // a first run compares nothing with every key: answer without listing them
  if (ka.length === 0) {
    for (const k in wb) if (Object.hasOwn(wb, k)) return false;
    return true;
  }
  if (ka.length !== Object.keys(wb).length) return false;
  return ka.every((k) => Object.hasOwn(wb, k) && wb[k] === wa[k]);
}
