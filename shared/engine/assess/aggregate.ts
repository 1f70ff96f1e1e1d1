/**
 * Samlad bedömning (domain.md §4 "Aggregation"): an indicator from its metrics, a goal area from its
 * indicators, the organisation from its goal areas. Scores P = +1, O = 0, N = −1; Inget värde and Fel
 * are left out. Styrande mätetal and a justified manual assessment replace the mean.
 * @module
 */
import type { AggregateAssessment, AggregateRule, ManualAssessment, Status, StatusCounts } from '../model/model.ts';
import type { RowNumber } from '../model/grid.ts';
import { activeManual, isBlank, missingJustification } from './manual.ts';
import { compareMean } from '../model/rule-compare.ts';
import { sameName } from './match.ts';
import { explainAggregate } from '../explain/aggregate.ts';
import { fitCell } from '../model/cell-limit.ts';

export interface AggregateChild {
  name: string;
  status: Status;
}

export type ChildNoun = 'mätetal' | 'indikatorer' | 'målområden';

export interface AggregateInput {
  level: AggregateAssessment['level'];
  name: string;
  goalArea: string | null;
  workbookId: string | null;
  rowNumber: RowNumber | null;
  children: AggregateChild[];
  threshold: number;
  /** Styrande mätetal (indicators only): the child whose status decides */
  governingMetric?: string | null;
  manual?: ManualAssessment | null;
  /** the year assessed: a manual assessment for another Bedömningsår is ignored */
  year: number | null;
  childNoun: ChildNoun;
  /** the row's own errors from the parser: any makes the row Fel (the computed status is kept) */
  errors?: string[];
  /** false: leave `explanation` empty (last year's pass needs statuses only) */
  explain?: boolean;
}

const SCORES: Partial<Record<Status, number>> = { Positiv: 1, Oförändrad: 0, Negativ: -1 };

export function countStatuses(children: readonly AggregateChild[]): StatusCounts {
  const counts: StatusCounts = { Positiv: 0, Oförändrad: 0, Negativ: 0, 'Inget värde': 0, Fel: 0 };
  for (const child of children) counts[child.status]++;
  return counts;
}

/** Mean score of the assessed children; null when none is assessed. */
export function meanScore(children: readonly AggregateChild[]): number | null {
  let sum = 0;
  let assessed = 0;
  for (const child of children) {
    const score = SCORES[child.status];
    if (score === undefined) continue;
    sum += score;
    assessed++;
  }
  return assessed === 0 ? null : sum / assessed;
}

/**
 * mean > threshold → Positiv, mean < −threshold → Negativ, otherwise (ties included) Oförändrad; nothing assessed →
 * Inget värde. Decided on the counts, so the mean is compared exactly (2 of 4 Positiv is 0,5, not a hair above).
 */
export function statusFromCounts(counts: StatusCounts, threshold: number): Status {
  const assessed = counts.Positiv + counts.Oförändrad + counts.Negativ;
  if (assessed === 0) return 'Inget värde';
  const sum = counts.Positiv - counts.Negativ;
  if (compareMean(sum, assessed, threshold) > 0) return 'Positiv';
  if (compareMean(-sum, assessed, threshold) > 0) return 'Negativ';
  return 'Oförändrad';
}

/** The error for a Styrande mätetal that names no child of the indicator, or null. */
export function governingMetricError(input: Pick<AggregateInput, 'governingMetric' | 'children'>): string | null {
  const governing = input.governingMetric;
  if (isBlank(governing)) return null;
  if (input.children.some((c) => sameName(c.name, governing!))) return null;
  return `Styrande mätetal "${governing!.trim()}" finns inte bland indikatorns mätetal; medelvärdet används`;
}

export function aggregate(input: AggregateInput): AggregateAssessment {
  const counts = countStatuses(input.children);
  const mean = meanScore(input.children);
  const governing = isBlank(input.governingMetric)
    ? undefined
    : input.children.find((c) => sameName(c.name, input.governingMetric!));
  const governingError = governingMetricError(input);

  let computed: Status;
  let rule: AggregateRule;
  if (governing) {
    // A governing metric that is itself Fel cannot decide: its own row already carries the error.
    computed = governing.status === 'Fel' ? 'Inget värde' : governing.status;
    rule = 'styrande';
  } else {
    computed = statusFromCounts(counts, input.threshold);
    rule = mean === null ? 'inget-bedömt' : 'medel';
  }

  const manual = activeManual(input.manual, input.year);
  const rowErrors = input.errors ?? [];
  let status: Status = computed;
  let manualUsed: ManualAssessment | null = null;
  let fel: string[] = [];
  if (rowErrors.length > 0) {
    status = 'Fel';
    fel = rowErrors;
  } else if (manual) {
    manualUsed = manual;
    rule = 'manuell';
    const missing = missingJustification(manual, input.year);
    if (missing !== null) {
      status = 'Fel';
      fel = [missing];
    } else {
      status = manual.assessment;
    }
  }

  // one record, its explanation filled in below: a spread per row was measurable over 20,000 indicators
  const result: AggregateAssessment = {
    level: input.level,
    workbookId: input.workbookId,
    rowNumber: input.rowNumber,
    goalArea: input.goalArea,
    name: input.name,
    status,
    rule,
    mean,
    threshold: input.threshold,
    counts,
    governingMetric: isBlank(input.governingMetric) ? null : input.governingMetric!.trim(),
    computed: status === computed && rule !== 'manuell' ? null : computed,
    manual: manualUsed,
    explanation: '',
  };
  if (input.explain === false) return result;
  result.explanation = fitCell(explainAggregate(result, {
    childNoun: input.childNoun,
    childCount: input.children.length,
    governingStatus: governing?.status ?? null,
    governingError,
    errors: fel,
  }));
  return result;
}
