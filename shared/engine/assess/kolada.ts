/**
 * The Kolada merge for one `Mätetal` row (domain.md §7): per `Utfall` year, what to do with the value Kolada
 * gave. A value goes into the cell only when the cell is empty or still holds exactly what the product put
 * there last time (the product's state remembers it); a value a person typed is never overwritten, and when it
 * differs from Kolada's the data-quality section quotes both. A year without a column is not created
 * (`new-year` adds columns). Pure: the caller reads the cells and the state, and writes what this decides.
 *
 * Units: Kolada gives a percentage as 30.8; in a `%` metric the product stores it as a person typing `30,8 %`
 * in Excel would, 0.308 with a percent format, so the parser reads it back as 30,8 like any typed percentage.
 * @module
 */
import type { CellInput } from '../model/grid.ts';
import type { Issue, IsoDate } from '../model/model.ts';
import { koladaConflictMessage, koladaSourceNote } from '../explain/kolada.ts';
import { OUTCOME_PREFIX } from '../model/template.ts';
import { cellShown, holdsFigure, holdsNothing, sameFigure, type KoladaSource, type KoladaWritten } from '../model/kolada.ts';

export type { KoladaWritten };

export interface KoladaCell {
  year: number;
  /** the `Utfall ÅÅÅÅ` cell as the sheet holds it; null/undefined when empty */
  cell: CellInput | null | undefined;
  /** the cell's value as the parser read it, in the metric's unit (MetricRow.outcomes[year]); null when none */
  typed: number | null;
}

export interface KoladaRowInput {
  workbookId: string;
  workbookName: string;
  sheet: string;
  rowNumber: number;
  /** the metric's name, for the data-quality list */
  subject: string;
  /** shown beside quoted figures; `%` is assumed for a percent metric without one */
  unit: string | null;
  /** a `%` metric: Kolada's 30.8 is stored as 0.308 with a percent format */
  percent: boolean;
  kpi: string;
  /** the row's existing `Utfall` columns */
  cells: KoladaCell[];
  /** year → what the product stored there before (from its state) */
  written: Record<number, KoladaWritten>;
  /** year → Kolada's value (the total, in Kolada's unit); a year Kolada lacks is absent */
  fetched: Record<number, number>;
  fetchedOn: IsoDate;
}

export type KoladaDecision =
  | { year: number; action: 'write'; value: number; percent: boolean; replaces: 'empty' | 'product' }
  | { year: number; action: 'leave' }
  | { year: number; action: 'conflict'; message: string }
  | { year: number; action: 'no-column' };

export interface KoladaRowResult {
  /** one per year Kolada gave a value for, ascending */
  decisions: KoladaDecision[];
  writes: { year: number; value: number; percent: boolean }[];
  /** typed values that differ from Kolada's (data-quality section) */
  issues: Issue[];
  /** the state to keep for this row: every cell that now holds a value the product put there */
  written: Record<number, KoladaWritten>;
  /** the Förklaring note, or null when no outcome of the row comes from Kolada */
  note: string | null;
}

/** True when the cell holds exactly the number the product stored (never a formula or a date). */
function holdsProductValue(cell: CellInput | null | undefined, written: KoladaWritten | undefined): boolean {
  return written !== undefined && holdsFigure(cell, written.value);
}

export function mergeKoladaRow(input: KoladaRowInput): KoladaRowResult {
  const cells = new Map(input.cells.map((c) => [c.year, c]));
  const written: Record<number, KoladaWritten> = {};
  // a product value still in its cell stays the product's, even for a year Kolada no longer gives
  for (const c of input.cells) {
    const before = input.written[c.year];
    if (before && holdsProductValue(c.cell, before)) written[c.year] = before;
  }
  const decisions: KoladaDecision[] = [];
  const writes: KoladaRowResult['writes'] = [];
  const issues: Issue[] = [];
  const unit = input.unit ?? (input.percent ? '%' : null);

  for (const year of Object.keys(input.fetched).map(Number).sort((a, b) => a - b)) {
    const kolada = input.fetched[year]!;
    const c = cells.get(year);
    if (!c) {
      decisions.push({ year, action: 'no-column' });
      continue;
    }
    const stored = input.percent ? Number((kolada / 100).toPrecision(12)) : kolada;
    const mine = written[year];
    if (holdsNothing(c.cell) || mine) {
      if (mine && sameFigure(mine.value, stored)) {
        decisions.push({ year, action: 'leave' });
        continue;
      }
      const next = { value: stored, kpi: input.kpi, fetchedOn: input.fetchedOn };
      written[year] = next;
      writes.push({ year, value: stored, percent: input.percent });
      decisions.push({ year, action: 'write', value: stored, percent: input.percent, replaces: mine ? 'product' : 'empty' });
      continue;
    }
    if (c.typed !== null && sameFigure(c.typed, kolada)) {
      decisions.push({ year, action: 'leave' });
      continue;
    }
    const message = koladaConflictMessage({
      year,
      kpi: input.kpi,
      fetchedOn: input.fetchedOn,
      typed: c.typed,
      text: cellShown(c.cell),
      kolada,
      unit,
    });
    decisions.push({ year, action: 'conflict', message });
    issues.push({
      kind: 'kolada',
      workbookId: input.workbookId,
      workbookName: input.workbookName,
      sheet: input.sheet,
      rowNumber: input.rowNumber,
      column: `${OUTCOME_PREFIX} ${year}`,
      subject: input.subject,
      message,
    });
  }
  const sources: KoladaSource[] = Object.entries(written).map(([year, w]) => ({ year: Number(year), kpi: w.kpi, fetchedOn: w.fetchedOn }));
  return { decisions, writes, issues, written, note: koladaSourceNote(sources) };
}
