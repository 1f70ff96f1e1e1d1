/**
 * What the product's state remembers of Kolada (model/kolada.ts), read back against the cells at every
 * recalculation (domain.md §7): an outcome the product fetched and that is still in its cell is named in the
 * row's Förklaring; a typed outcome that differs from Kolada's figure is listed in the data-quality section,
 * until the cell is cleared or Kolada agrees. A figure a person typed over the product's is such a difference.
 * @module
 */
import type { ProductState, SheetGrid } from '../model/grid.ts';
import type { MetricRow } from '../model/model.ts';
import { OUTCOME_PREFIX } from '../model/template.ts';
import { RowIdentities, rowRef } from '../model/state.ts';
import { cellShown, holdsFigure, holdsNothing, koladaKey, sameFigure, type KoladaDifference, type KoladaSource } from '../model/kolada.ts';
import { isPercentUnit } from '../model/units.ts';
import type { HeaderMatch } from './headers.ts';

/**
 * The state key identity of each metric row, as the write plan keys it: its names, and its row number after a
 * duplicate (a duplicate is itself a row error, and must not share a remembered cell).
 */
export function metricIdentities(rows: readonly MetricRow[]): string[] {
  const identities = new RowIdentities();
  const used = new Set<string>();
  return rows.map((row) => {
    let identity = identities.of(rowRef.metric(row).identity);
    if (used.has(identity)) identity = `${identity}|#${row.rowNumber}`;
    used.add(identity);
    return identity;
  });
}

/** Fills `koladaSources` and `koladaDifferences` of the rows that have a Kolada record. */
export function readKoladaState(sheet: SheetGrid, match: HeaderMatch, rows: MetricRow[], state: ProductState | null): void {
  const records = state?.kolada;
  if (!records || Object.keys(records).length === 0) return;
  const columns = match.yearColumns[OUTCOME_PREFIX] ?? [];
  const identities = metricIdentities(rows);
  rows.forEach((row, i) => {
    const sources: KoladaSource[] = [];
    const differences: KoladaDifference[] = [];
    const percent = isPercentUnit(row.unit);
    for (const column of columns) {
      const record = records[koladaKey(identities[i]!, column.year)];
      if (!record) continue;
      const cell = sheet.rows[row.rowNumber - 1]?.[column.column - 1];
      if (holdsNothing(cell)) continue;
      if (record.written && holdsFigure(cell, record.value)) {
        sources.push({ year: column.year, kpi: record.kpi, fetchedOn: record.fetchedOn });
        continue;
      }
      const kolada = percent ? Number((record.value * 100).toPrecision(12)) : record.value;
      const typed = row.outcomes[column.year] ?? null;
      if (typed !== null && sameFigure(typed, kolada)) continue;
      differences.push({ year: column.year, kpi: record.kpi, fetchedOn: record.fetchedOn, typed, text: cellShown(cell), kolada });
    }
    if (sources.length > 0) row.koladaSources = sources;
    if (differences.length > 0) row.koladaDifferences = differences;
  });
}
