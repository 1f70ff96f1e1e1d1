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

export function assessWorkbook(model: WorkbookModel, settings: SetSettings, today: IsoDate): WorkbookAssessment {
  const year = settings.reportingYear;
  const metrics = model.metrics.map((row) => assessMetric(row, year, settings.tolerance));
  const indicators = model.indicators.map((row) => assessIndicator(row, metrics, year, settings.threshold));
  const goalAreas = model.goalAreas.map((row) => assessGoalArea(row, indicators, year, settings.threshold));
  return {
    workbookId: model.workbookId,
    year,
    metrics,
    indicators,
    goalAreas,
    actions: assessActions(model.actions, today),
  };
}

/** An indicator row from the metrics under the same goal area and indicator name. */
export function assessIndicator(
  row: IndicatorRow,
  metrics: readonly MetricAssessment[],
  year: number | null,
  threshold: number,
  explain = true,
): AggregateAssessment {
  const children = metricsByIndicator(metrics).get(indicatorKey(row.goalArea, row.name)) ?? [];
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

/** A goal-area row from the indicators under it. */
export function assessGoalArea(
  row: GoalAreaRow,
  indicators: readonly AggregateAssessment[],
  year: number | null,
  threshold: number,
  explain = true,
): AggregateAssessment {
  const children = indicatorsByGoalArea(indicators).get(goalAreaKey(row.name)) ?? [];
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
 * The metrics grouped by indicatorKey, in their order; built once per metrics array (the engine never
 * mutates one after assessing it). Filtering all metrics for each indicator made a 10,000-metric workbook
 * take seconds and 100,000 metrics minutes.
 */
const byIndicator = new WeakMap<readonly MetricAssessment[], Map<string, MetricAssessment[]>>();
export function metricsByIndicator(metrics: readonly MetricAssessment[]): Map<string, MetricAssessment[]> {
  let groups = byIndicator.get(metrics);
  if (!groups) {
    groups = new Map();
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
    byIndicator.set(metrics, groups);
  }
  return groups;
}

/** The indicators grouped by goalAreaKey, in their order; built once per array, as metricsByIndicator. */
const byGoalArea = new WeakMap<readonly AggregateAssessment[], Map<string, AggregateAssessment[]>>();
function indicatorsByGoalArea(indicators: readonly AggregateAssessment[]): Map<string, AggregateAssessment[]> {
  let groups = byGoalArea.get(indicators);
  if (!groups) {
    groups = new Map();
    for (const i of indicators) {
      if (i.goalArea === null) continue;
      const key = goalAreaKey(i.goalArea);
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [i]);
    }
    byGoalArea.set(indicators, groups);
  }
  return groups;
}
