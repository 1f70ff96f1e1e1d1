/**
 * Rules 0–7 of domain.md §4 for one metric, applied in order, in this one file. The result carries the
 * rule that fired and every number it used; the Swedish Förklaring is rendered from that record by
 * explain-metric.ts.
 * @module
 */
import type { ManualAssessment, MetricAssessment, MetricRow } from './model.ts';
import { atLeast, atMost, atOrBetter, directionSign } from './rule-compare.ts';
import { explainMetric, type MetricDraft } from './explain-metric.ts';

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

export const MISSING_JUSTIFICATION = 'Manuell bedömning saknar motivering';

function notFollowed(row: MetricRow, year: number | null): boolean {
  return year !== null && row.followedUntil !== null && row.followedUntil < year;
}

/** Why the row is Fel for `year` (empty when it is not): rule 0, or a current override without Motivering. */
export function metricErrors(row: MetricRow, year: number | null): string[] {
  if (row.errors.length > 0) return row.errors;
  if (row.direction === null) return ['Riktning saknas eller är okänd'];
  if (notFollowed(row, year)) return [];
  const manual = activeManual(row.manual, year);
  return manual && isBlank(manual.justification) ? [MISSING_JUSTIFICATION] : [];
}

export interface AssessOptions {
  /**
   * false: leave `explanation` empty. Last year's pass only needs statuses ("changed since last year"),
   * and rendering the Swedish text with Intl formatting is most of an assessment's cost.
   */
  explain?: boolean;
}

export function assessMetric(row: MetricRow, year: number | null, defaultTolerance: number, options: AssessOptions = {}): MetricAssessment {
  const errors = metricErrors(row, year);
  const draft = decide(row, year, defaultTolerance, errors);
  return { ...draft, explanation: options.explain === false ? '' : explainMetric(draft, row, errors) };
}

function decide(row: MetricRow, year: number | null, defaultTolerance: number, errors: string[]): MetricDraft {
  const base = blankDraft(row, year);
  // Rule 0: a row that cannot be read is Fel before anything else.
  if (row.errors.length > 0 || row.direction === null) return { ...base, status: 'Fel', rule: 'fel' };
  // Följs upp t.o.m.: later years are neither assessed nor reported missing.
  if (notFollowed(row, year)) return { ...base, status: 'Inget värde', rule: 'ej-följd' };
  // Rule 1: a current manual assessment wins; the computed status is kept beside it.
  const manual = activeManual(row.manual, year);
  const computed = computeRules(row, year, defaultTolerance, base);
  if (manual) {
    if (errors.length > 0) return { ...computed, status: 'Fel', rule: 'fel', computed: computed.status, manual };
    return { ...computed, status: manual.assessment, rule: 'manuell', computed: computed.status, manual };
  }
  return computed;
}

function blankDraft(row: MetricRow, year: number | null): MetricDraft {
  return {
    workbookId: row.workbookId,
    rowNumber: row.rowNumber,
    goalArea: row.goalArea,
    indicator: row.indicator,
    name: row.name,
    unit: row.unit,
    // MetricAssessment.year is a number; 0 stands for "no reporting year could be chosen".
    year: year ?? 0,
    status: 'Inget värde',
    rule: 'saknar-utfall',
    value: null,
    previous: null,
    change: null,
    relativeChange: null,
    required: null,
    target: null,
    relativeTolerance: null,
    absoluteTolerance: null,
    computed: null,
    manual: null,
    // every year the row has, for the summary's Utfall columns and charts; shared with the row, which
    // nothing changes after parsing (a copy per assessment was a large part of the engine's time)
    outcomes: row.outcomes,
  };
}

/** The latest earlier year with a value; years may come in any order and gaps are skipped. */
export function previousOutcome(outcomes: Record<number, number>, year: number): { year: number; value: number } | null {
  let bestYear = -Infinity;
  let bestValue = 0;
  // for…in: no entries array per call (the order does not matter, the latest year wins)
  for (const key in outcomes) {
    const y = Number(key);
    const value = outcomes[y]!;
    if (y < year && y > bestYear && Number.isFinite(value)) {
      bestYear = y;
      bestValue = value;
    }
  }
  return bestYear === -Infinity ? null : { year: bestYear, value: bestValue };
}

/** Rules 2–7 (what the row gives without a manual assessment). */
function computeRules(row: MetricRow, year: number | null, defaultTolerance: number, base: MetricDraft): MetricDraft {
  const direction = row.direction;
  // Rule 2
  if (direction === 'Kvalitativ' || direction === null) return { ...base, status: 'Inget värde', rule: 'kvalitativ' };
  // Rule 3 (no reporting year at all counts as no outcome)
  if (year === null) return base;
  const value = row.outcomes[year];
  if (value === undefined || !Number.isFinite(value)) return base;
  const target = row.targetsByYear[year] ?? row.target;
  const withValue: MetricDraft = { ...base, value, target };
  // Rule 4
  if (target !== null && atOrBetter(value, target, direction)) {
    return { ...withValue, status: 'Positiv', rule: 'målvärde-nått' };
  }
  // Rule 5
  const previous = previousOutcome(row.outcomes, year);
  if (!previous) return { ...withValue, status: 'Inget värde', rule: 'första-mätåret' };

  const p = previous.value;
  const change = value - p;
  const relativeChange = p !== 0 ? change / Math.abs(p) : null;
  const relativeTolerance = row.tolerance ?? defaultTolerance;
  const absoluteTolerance = row.absoluteTolerance;
  const within =
    atMost(Math.abs(change), absoluteTolerance ?? 0) ||
    (relativeChange !== null && atMost(Math.abs(relativeChange), relativeTolerance));
  const s = directionSign(direction);
  const measured: MetricDraft = { ...withValue, previous, change, relativeChange, relativeTolerance, absoluteTolerance };

  // Rule 6 (p = 0 has no relative change: falls through to rule 7)
  if (row.annualChange !== null && relativeChange !== null) {
    const k = year - previous.year;
    const required = Math.pow(1 + row.annualChange, k) - 1;
    const status = atLeast(s * relativeChange, s * required)
      ? 'Positiv'
      : s * relativeChange < 0 && !within
        ? 'Negativ'
        : 'Oförändrad';
    return { ...measured, required, status, rule: 'årlig-förändring' };
  }
  // Rule 7
  const status = within ? 'Oförändrad' : s * change > 0 ? 'Positiv' : 'Negativ';
  return { ...measured, status, rule: 'förändring' };
}
