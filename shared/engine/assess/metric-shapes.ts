/**
 * What a metric's assessment carries from the newer `Mätetal` columns (Antal jämförda, Jämförelse, Styrmått)
 * for the Förklaring and the summary; only present when the row has them, so other assessments keep
 * their shape.
 * @module
 */
import type { MetricAssessment, MetricRow } from '../model/model.ts';

export function carryShapes(a: MetricAssessment, row: MetricRow): void {
  if (row.rankedAmong !== undefined) a.rankedAmong = row.rankedAmong;
  if (row.comparison !== undefined) a.comparison = row.comparison;
  if (row.headline !== undefined) a.headline = row.headline;
}
