/**
 * The statuses written into one workbook: its own metrics, its indicators from its own metrics, its
 * goal areas from its own indicators (domain.md §3 "A set of workbooks": only that workbook's rows).
 * @module
 */
import type { AggregateAssessment, IsoDate, MetricAssessment, SetSettings, WorkbookAssessment, WorkbookModel } from '../model/model.ts';
import type { GoalAreaRow, IndicatorRow } from '../model/model.ts';
import { assessMetric } from './metric.ts';
import { aggregate } from './aggregate.ts';
import { goalAreaKey, indicatorKey } from './match.ts';
import { assessActions } from './action-plan.ts';
import { workbookTolerance } from './set-settings.ts';

export function assessWorkbook(model: WorkbookModel, settings: SetSettings, today: IsoDate): WorkbookAssessment {
  const year = settings.reportingYear;
  const tolerance = workbookTolerance(model);
  const metrics = model.metrics.map((row) => assessMetric(row, year, tolerance));
  const byIndicator = metricsByIndicator(metrics);
  const indicators = model.indicators.map((row) => assessIndicator(row, byIndicator, year, settings.threshold));
  const byGoalArea = indicatorsByGoalArea(indicators);
  const goalAreas = model.goalAreas.map((row) => assessGoalArea(row, byGoalArea, year, settings.threshold));
  return {
    workbookId: model.workbookId,
    year,
    metrics,
    indicators,
    goalAreas,
    actions: assessActions(model.actions, today),
  };
}

/** An indicator row from the metrics under the same goal area and indicator name (`metricsByIndicator`). */
export function assessIndicator(
  row: IndicatorRow,
  metrics: ReadonlyMap<string, MetricAssessment[]>,
  year: number | null,
  threshold: number,
  explain = true,
): AggregateAssessment {
  const children = metrics.get(indicatorKey(row.goalArea, row.name)) ?? [];
  const assessment = aggregate({
    level: 'indikator',
    name: row.name,
    goalArea: row.goalArea,
    workbookId: row.workbookId,
    rowNumber: row.rowNumber,
    // the assessments themselves: they carry the name and status a child needs, no copy per metric
    children,
    threshold,
    governingMetric: row.governingMetric,
    manual: row.manual,
    year,
    childNoun: 'mätetal',
    errors: row.errors,
    explain,
  });
  // added, not spread: the record is fresh, and a copy of it per row was measurable
  assessment.target2030 = row.target2030;
  return assessment;
}

/** A goal-area row from the indicators under it (`indicatorsByGoalArea`). */
export function assessGoalArea(
  row: GoalAreaRow,
  indicators: ReadonlyMap<string, AggregateAssessment[]>,
  year: number | null,
  threshold: number,
  explain = true,
): AggregateAssessment {
  const children = indicators.get(goalAreaKey(row.name)) ?? [];
  const assessment = aggregate({
    level: 'målområde',
    name: row.name,
    goalArea: row.name,
    workbookId: row.workbookId,
    rowNumber: row.rowNumber,
    children,
    threshold,
    manual: row.manual,
    year,
    childNoun: 'indikatorer',
    errors: row.errors,
    explain,
  });
  assessment.goal = row.goal;
  if (row.dimension !== undefined) assessment.dimension = row.dimension;
  return assessment;
}

/**
 * The metrics grouped by indicatorKey, in their order: built once per level and passed to every indicator
 * (filtering all metrics for each indicator made a large workbook quadratic).
 */
export function metricsByIndicator(metrics: readonly MetricAssessment[]): Map<string, MetricAssessment[]> {
  const groups = new Map<string, MetricAssessment[]>();
  // rows of one indicator usually follow each other (and share the parser's name strings): reuse their key
  let lastGoalArea: string | null = null;
  let lastIndicator: string | null = null;
  let key = '';
  for (const m of metrics) {
    if (m.goalArea !== lastGoalArea || m.indicator !== lastIndicator) {
      key = indicatorKey(m.goalArea, m.indicator);
      lastGoalArea = m.goalArea;
      lastIndicator = m.indicator;
    }
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  return groups;
}

/** The indicators grouped by goalAreaKey, in their order; built once per level, as metricsByIndicator. */
export function indicatorsByGoalArea(indicators: readonly AggregateAssessment[]): Map<string, AggregateAssessment[]> {
  const groups = new Map<string, AggregateAssessment[]>();
  for (const i of indicators) {
    if (i.goalArea === null) continue;
    const key = goalAreaKey(i.goalArea);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  return groups;
}
