/**
 * Manual assessments (domain.md §4 rule 1, and "a manual assessment with justification replaces the computed one
 * at any level"): when one counts for the year assessed, and the one rule for an override without Motivering.
 * Metrics, indicators, goal areas, the organisation and the data-quality list all ask here.
 * @module
 */
import type { ManualAssessment } from '../model/model.ts';

export const MISSING_JUSTIFICATION = 'Manuell bedömning saknar motivering';

/** A manual assessment counts when it names no Bedömningsår or names the year assessed. */
export function activeManual(manual: ManualAssessment | null | undefined, year: number | null): ManualAssessment | null {
  if (!manual) return null;
  return manual.year === null || manual.year === year ? manual : null;
}

/** A manual assessment set for another year than the one assessed (listed as inaktuell). */
export function inactiveManual(manual: ManualAssessment | null | undefined, year: number | null): ManualAssessment | null {
  return manual && !activeManual(manual, year) ? manual : null;
}

export function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}

/** The error of a current override without Motivering (the row is then Fel), or null: decided here only. */
export function missingJustification(manual: ManualAssessment | null | undefined, year: number | null): string | null {
  const current = activeManual(manual, year);
  return current !== null && isBlank(current.justification) ? MISSING_JUSTIFICATION : null;
}
