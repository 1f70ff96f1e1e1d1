/**
 * The whole set of workbooks, for the summary: every metric, indicators and goal areas matched by name
 * across workbooks (the first workbook by name wins for definitions and overrides), the organisation,
 * last year's statuses on today's data, pace, self-assessment, action plans and data-quality issues.
 * @module
 */
import type {
  AggregateAssessment,
  GoalAreaRow,
  IndicatorRow,
  IsoDate,
  MetricAssessment,
  MetricRow,
  PaceResult,
  SetAssessment,
  SetSettings,
  WorkbookModel,
} from '../model/model.ts';
import { assessMetric, type AssessOptions } from './metric.ts';
import { aggregate } from './aggregate.ts';
import { assessGoalArea, assessIndicator, indicatorsByGoalArea, metricsByIndicator } from './workbook.ts';
import { byWorkbookName, goalAreaKey, indicatorKey } from './match.ts';
import { assessPace, sortPace } from './pace.ts';
import { assessActions } from './action-plan.ts';
import { assessSurvey } from './survey.ts';
import { setIssues } from './set-issues.ts';
import { assessPyramids } from './agenda-pyramid.ts';
import { riskRegister } from './risk-areas.ts';
import { headlineIssues } from './headlines.ts';
import { workbookTolerance } from './set-settings.ts';

/** What the rules give for one year across the set. */
export interface SetLevels {
  metrics: MetricAssessment[];
  /** `metrics` grouped by indicator (metricsByIndicator), built once */
  metricsByIndicator: Map<string, MetricAssessment[]>;
  indicators: AggregateAssessment[];
  goalAreas: AggregateAssessment[];
  organisation: AggregateAssessment;
}

export const ORGANISATION_FALLBACK_NAME = 'Organisationen';

export interface AssessSetOptions {
  /**
   * Metric rows already assessed for the reporting year with these settings (the workbooks' own
   * assessments): reused, not assessed and explained a second time.
   */
  assessed?: ReadonlyMap<MetricRow, MetricAssessment>;
}

export function assessSet(models: WorkbookModel[], settings: SetSettings, today: IsoDate, options: AssessSetOptions = {}): SetAssessment {
  const sorted = byWorkbookName(models);
  const year = settings.reportingYear;
  const levels = assessLevels(sorted, year, settings, { assessed: options.assessed });
  // last year only feeds "changed since last year": statuses without their Förklaring
  const previous = year === null ? null : assessLevels(sorted, year - 1, settings, { explain: false });
  const pace = year === null ? [] : setPace(sorted, year);
  const pyramids = assessPyramids(sorted);
  return {
    year,
    metrics: levels.metrics,
    previousYearMetrics: previous?.metrics ?? [],
    indicators: levels.indicators,
    previousYearIndicators: previous?.indicators ?? [],
    goalAreas: levels.goalAreas,
    organisation: levels.organisation,
    pace,
    survey: assessSurvey(
      sorted.flatMap((m) => m.survey),
      settings,
      levels.goalAreas.map((g) => g.name),
    ),
    actions: assessActions(
      sorted.flatMap((m) => m.actions),
      today,
    ),
    issues: [...setIssues(sorted, settings, levels), ...pyramids.issues, ...headlineIssues(sorted, levels.metrics)],
    pyramids: pyramids.set,
    risks: riskRegister(sorted),
  };
}

/** The first row per key, in workbook-name order (the order the set's rows are listed in). */
export function firstByKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const row of rows) if (!seen.has(key(row))) seen.set(key(row), row);
  return [...seen.values()];
}

/** `sorted` must already be in workbook-name order. */
export function assessLevels(
  sorted: readonly WorkbookModel[],
  year: number | null,
  settings: SetSettings,
  options: AssessOptions & AssessSetOptions = {},
): SetLevels {
  const explain = options.explain !== false;
  const metrics: MetricAssessment[] = [];
  for (const m of sorted) {
    const tolerance = workbookTolerance(m);
    for (const row of m.metrics) metrics.push(options.assessed?.get(row) ?? assessMetric(row, year, tolerance, options));
  }
  const indicatorRows = winningIndicators(sorted);
  const goalAreaRows = winningGoalAreas(sorted);
  const byIndicator = metricsByIndicator(metrics);
  const indicators = indicatorRows.map((row) => assessIndicator(row, byIndicator, year, settings.threshold, explain));
  const byGoalArea = indicatorsByGoalArea(indicators);
  const goalAreas = goalAreaRows.map((row) => assessGoalArea(row, byGoalArea, year, settings.threshold, explain));
  const organisation = aggregate({
    level: 'organisation',
    name: settings.organisation?.trim() || ORGANISATION_FALLBACK_NAME,
    goalArea: null,
    workbookId: null,
    rowNumber: null,
    children: goalAreas.map((g) => ({ name: g.name, status: g.status })),
    threshold: settings.threshold,
    manual: settings.manualOverall,
    year,
    childNoun: 'målområden',
    explain,
  });
  return { metrics, metricsByIndicator: byIndicator, indicators, goalAreas, organisation };
}

export function winningIndicators(sorted: readonly WorkbookModel[]): IndicatorRow[] {
  return firstByKey(
    sorted.flatMap((m) => m.indicators),
    (r) => indicatorKey(r.goalArea, r.name),
  );
}

/** Goal areas in the order of the first workbook's Målområden, then those only others have. */
export function winningGoalAreas(sorted: readonly WorkbookModel[]): GoalAreaRow[] {
  return firstByKey(
    sorted.flatMap((m) => m.goalAreas),
    (r) => goalAreaKey(r.name),
  );
}

function setPace(sorted: readonly WorkbookModel[], year: number): PaceResult[] {
  const results = sorted
    .flatMap((m) => m.metrics)
    .filter((row) => row.followedUntil === null || row.followedUntil >= year)
    .map((row) => assessPace(row, year))
    .filter((p): p is PaceResult => p !== null);
  return sortPace(results);
}
