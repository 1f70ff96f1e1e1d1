/**
 * Rules 0–7 of domain.md §4 for one metric, applied in order, in this one file. The result carries the
 * rule that fired and every number it used; the Swedish Förklaring is rendered from that record by
 * explain/metric.ts.
 * @module
 */
import type { Direction, MetricAssessment, MetricRow } from '../model/model.ts';
import { atOrBetter, changeOf, compareWithRequired, directionSign, withinAbsolute, withinRelative } from '../model/rule-compare.ts';
import { explainMetric } from '../explain/metric.ts';
import { activeManual, missingJustification } from './manual.ts';
import { fitCell } from '../model/cell-limit.ts';
import { carryShapes } from './metric-shapes.ts';

function notFollowed(row: MetricRow, year: number | null): boolean {
  return year !== null && row.followedUntil !== null && row.followedUntil < year;
}

const NO_DIRECTION = ['Riktning saknas eller är okänd'];
const NONE: string[] = [];

/** Rule 0's reasons: the row's own errors, or its missing Riktning. */
function rowErrors(row: MetricRow): string[] {
  return row.errors.length > 0 ? row.errors : row.direction === null ? NO_DIRECTION : NONE;
}

/** Why the row is Fel for `year` (empty when it is not): rule 0, or a current override without Motivering. */
export function metricErrors(row: MetricRow, year: number | null): string[] {
  const errors = rowErrors(row);
  if (errors.length > 0 || notFollowed(row, year)) return errors;
  const missing = missingJustification(row.manual, year);
  return missing === null ? NONE : [missing];
}

export interface AssessOptions {
  /**
   * false: leave `explanation` empty. Last year's pass only needs statuses ("changed since last year"),
   * and rendering the Swedish text with Intl formatting is most of an assessment's cost.
   */
  explain?: boolean;
}

export function assessMetric(row: MetricRow, year: number | null, defaultTolerance: number, options: AssessOptions = {}): MetricAssessment {
  // one object per assessment, filled in by the rules: a spread per rule step was most of the cost, in
  // allocation and garbage collection
  const a = blankAssessment(row, year);
  const errors = decide(a, row, year, defaultTolerance);
  carryShapes(a, row);
  // a long Motivering must not make the cell longer than Excel takes (set-issues notes the cut)
  if (options.explain !== false) a.explanation = fitCell(explainMetric(a, row, errors));
  return a;
}

/** The rules of domain.md §4, top to bottom, written into `a`; returns why the row is Fel (empty when it is not). */
function decide(a: MetricAssessment, row: MetricRow, year: number | null, defaultTolerance: number): string[] {
  // Rule 0: a row that cannot be read is Fel before anything else.
  if (row.errors.length > 0 || row.direction === null) {
    a.status = 'Fel';
    a.rule = 'fel';
    return rowErrors(row);
  }
  // Följs upp t.o.m.: later years are neither assessed nor reported missing, not even by hand.
  if (notFollowed(row, year)) {
    a.rule = 'ej-följd';
    return NONE;
  }
  // Rule 1: a current manual assessment decides, and without Motivering the row is Fel. Rules 2–7 still run
  // for it, so that what they give is kept beside the override (`computed`).
  const manual = activeManual(row.manual, year);
  if (manual) {
    computeRules(a, row, row.direction, year, defaultTolerance);
    a.computed = a.status;
    a.manual = manual;
    const missing = missingJustification(manual, year);
    a.status = missing === null ? manual.assessment : 'Fel';
    a.rule = missing === null ? 'manuell' : 'fel';
    return missing === null ? NONE : [missing];
  }
  // Rules 2–7
  computeRules(a, row, row.direction, year, defaultTolerance);
  return NONE;
}

/** Every field, in the order the assessment's JSON has always had (explanation last), as "no outcome". */
function blankAssessment(row: MetricRow, year: number | null): MetricAssessment {
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
    explanation: '',
  };
}

/** The latest earlier year with a value; years may come in any order and gaps are skipped. */
export function previousOutcome(outcomes: Record<number, number>, year: number): { year: number; value: number } | null {
  // the usual case, an outcome for the year before, needs no scan: no earlier year can be later than it
  const last = outcomes[year - 1];
  if (last !== undefined && Number.isFinite(last)) return { year: year - 1, value: last };
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

/** Rules 2–7 (what the row gives without a manual assessment), written into `a`. */
function computeRules(a: MetricAssessment, row: MetricRow, direction: Direction, year: number | null, defaultTolerance: number): void {
  // Rule 2
  if (direction === 'Kvalitativ') {
    a.rule = 'kvalitativ';
    return;
  }
  // Rule 3 (no reporting year at all counts as no outcome)
  if (year === null) return;
  const value = row.outcomes[year];
  if (value === undefined || !Number.isFinite(value)) return;
  const target = row.targetsByYear[year] ?? row.target;
  a.value = value;
  a.target = target;
  // Rule 4
  if (target !== null && atOrBetter(value, target, direction)) {
    a.status = 'Positiv';
    a.rule = 'målvärde-nått';
    return;
  }
  // Rule 5
  const previous = previousOutcome(row.outcomes, year);
  if (!previous) {
    a.rule = 'första-mätåret';
    return;
  }

  const p = previous.value;
  // exact on the typed decimals (model/rule-compare.ts): no binary noise, and no slack, decides a status
  const change = changeOf(value, p);
  const relativeChange = p !== 0 ? change / Math.abs(p) : null;
  const relativeTolerance = row.tolerance ?? defaultTolerance;
  const absoluteTolerance = row.absoluteTolerance;
  const within = withinAbsolute(value, p, absoluteTolerance ?? 0) || withinRelative(value, p, relativeTolerance);
  const s = directionSign(direction);
  a.previous = previous;
  a.change = change;
  a.relativeChange = relativeChange;
  a.relativeTolerance = relativeTolerance;
  a.absoluteTolerance = absoluteTolerance;

  // Rule 6 (p = 0 has no relative change: falls through to rule 7)
  if (row.annualChange !== null && relativeChange !== null) {
    const k = year - previous.year;
    const required = Math.pow(1 + row.annualChange, k) - 1;
    a.required = required;
    a.status = compareWithRequired(value, p, row.annualChange, k, direction) >= 0
      ? 'Positiv'
      : s * change < 0 && !within
        ? 'Negativ'
        : 'Oförändrad';
    a.rule = 'årlig-förändring';
    return;
  }
  // Rule 7
  a.status = within ? 'Oförändrad' : s * change > 0 ? 'Positiv' : 'Negativ';
  a.rule = 'förändring';
}
