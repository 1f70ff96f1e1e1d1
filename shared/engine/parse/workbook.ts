/**
 * parseWorkbook(grid) → WorkbookModel: reads every template sheet of one workbook. Never throws; every problem
 * is an Issue (sheet level) or a row error (rule 0). Sheets are looked up by trim + case-fold; a missing
 * required sheet is named, with the nearest existing sheet when it looks renamed.
 * @module
 */
import type { SheetGrid, WorkbookGrid } from '../model/grid.ts';
import type { WorkbookModel } from '../model/model.ts';
import { findSheet } from '../model/grid.ts';
import { SHEETS } from '../model/template.ts';
import { suggestNearest, type HeaderMatch } from './headers.ts';
import { addIssue, type ParseContext } from './common.ts';
import { parseGoalAreas } from './goal-areas.ts';
import { parseIndicators } from './indicators.ts';
import { parseMetrics } from './metrics.ts';
import { emptySettings, parseSettings } from './settings.ts';
import { parseSurvey } from './survey.ts';
import { parseActionPlan } from './action-plan.ts';
import { parseAgendaPyramid } from './agenda-pyramid.ts';
import { parseRiskAreas } from './risk-areas.ts';
import { productColumnsOf, typedInProductColumns } from './product-columns.ts';
import { rowRef, type StateRowRef } from '../model/state.ts';
import { readKoladaState } from './kolada-outcomes.ts';

const REQUIRED_SHEETS = [SHEETS.metrics, SHEETS.indicators, SHEETS.goalAreas];
/** sheets a person never types in; not offered as "did you mean" */
const NOT_SUGGESTED = new Set<string>([SHEETS.state, SHEETS.summary, SHEETS.changeLog]);

export function parseWorkbook(grid: WorkbookGrid): WorkbookModel {
  const ctx: ParseContext = { workbookId: grid.id, workbookName: grid.name, issues: [] };
  const model: WorkbookModel = {
    workbookId: grid.id,
    workbookName: grid.name,
    metrics: [],
    indicators: [],
    goalAreas: [],
    settings: emptySettings(),
    survey: [],
    actions: [],
    years: [],
    productColumns: [],
    issues: ctx.issues,
  };
  try {
    parseSheets(grid, model, ctx);
  } catch (error) {
    // a bug must not stop the rest of the set: the workbook is reported, not thrown
    addIssue(ctx, 'unreadable-workbook', '', `Arbetsboken kunde inte läsas: ${error instanceof Error ? error.message : String(error)}`);
  }
  return model;
}

function requiredSheet(grid: WorkbookGrid, name: string, ctx: ParseContext): SheetGrid | undefined {
  const sheet = findSheet(grid, name);
  if (sheet) return sheet;
  const others = grid.sheets.map((s) => s.name).filter((n) => !NOT_SUGGESTED.has(n));
  const near = suggestNearest(name, others);
  const hint = near === null ? '' : ` – bladet '${near}' kanske har bytt namn? Döp om det till '${name}'`;
  addIssue(ctx, 'error', name, `Bladet '${name}' saknas i arbetsboken${hint}`);
  return undefined;
}

function parseSheets(grid: WorkbookGrid, model: WorkbookModel, ctx: ParseContext): void {
  const goalSheet = requiredSheet(grid, SHEETS.goalAreas, ctx);
  const indicatorSheet = requiredSheet(grid, SHEETS.indicators, ctx);
  const metricSheet = requiredSheet(grid, SHEETS.metrics, ctx);

  const goals = goalSheet ? parseGoalAreas(goalSheet, ctx) : null;
  const indicators = indicatorSheet ? parseIndicators(indicatorSheet, goals?.rows ?? null, ctx) : null;
  const metrics = metricSheet ? parseMetrics(metricSheet, { goalAreas: goals?.rows ?? null, indicators: indicators?.rows ?? null }, ctx) : null;

  const settingsSheet = findSheet(grid, SHEETS.settings);
  if (settingsSheet) model.settings = parseSettings(settingsSheet, ctx);
  const surveySheet = findSheet(grid, SHEETS.survey);
  if (surveySheet) model.survey = parseSurvey(surveySheet, ctx);
  const planSheet = findSheet(grid, SHEETS.actionPlan);
  const plan = planSheet ? parseActionPlan(planSheet, goals?.rows ?? null, ctx) : null;
  // optional sheets with no product columns: present in the model only when the workbook has them
  const pyramidSheet = findSheet(grid, SHEETS.agendaPyramid);
  if (pyramidSheet) model.pyramid = parseAgendaPyramid(pyramidSheet, ctx);
  const riskSheet = findSheet(grid, SHEETS.riskAreas);
  if (riskSheet) model.risks = parseRiskAreas(riskSheet, ctx);

  // product columns in the order metrics, indicators, goal areas, plan; text typed into them is reported
  // a sheet without its header row is not read and gets nothing written (domain.md §3): no product columns
  const ownColumns = (sheet: SheetGrid, name: string, match: HeaderMatch, refs: StateRowRef[]): void => {
    if (match.missingRequired.length > 0) return;
    const columns = productColumnsOf(sheet, name, match, ctx);
    model.productColumns.push(columns);
    typedInProductColumns(sheet, name, columns, refs, grid.state, ctx);
  };
  if (metricSheet && metrics) {
    readKoladaState(metricSheet, metrics.match, metrics.rows, grid.state);
    model.metrics = metrics.rows;
    model.years = metrics.years;
    ownColumns(metricSheet, SHEETS.metrics, metrics.match, metrics.rows.map(rowRef.metric));
  }
  if (indicatorSheet && indicators) {
    model.indicators = indicators.rows;
    ownColumns(indicatorSheet, SHEETS.indicators, indicators.match, indicators.rows.map(rowRef.indicator));
  }
  if (goalSheet && goals) {
    model.goalAreas = goals.rows;
    ownColumns(goalSheet, SHEETS.goalAreas, goals.match, goals.rows.map(rowRef.goalArea));
  }
  if (planSheet && plan) {
    model.actions = plan.rows;
    ownColumns(planSheet, SHEETS.actionPlan, plan.match, plan.rows.map(rowRef.action));
  }
}
