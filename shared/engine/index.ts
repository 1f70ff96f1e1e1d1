/**
 * The engine's one way in: everything outside shared/engine imports from here. Data passes through the
 * stages in this order, each a folder that imports only the folders before it (test/engine/purity.test.ts):
 *
 *   model/    the plain data: grids, the follow-up model, the template contract, palette, state keys
 *   parse/    grid → WorkbookModel (headers, Swedish values, row errors, settings, survey, action plan)
 *   explain/  sv-SE numbers and the Förklaring sentences, rendered from assessment records
 *   assess/   rules 0–7, aggregation, pace, survey, action plan, set-wide settings
 *   summary/  the renderer-neutral SummaryDocument and its content hash
 *   write/    the write plan: the product's own cells, its state and the status changes
 *
 * `recalculate.ts` runs the whole pipeline. Pure: no I/O, no clock, no library types.
 * @module
 */
export type { CellInput, CellRange, ProductState, RowNumber, ColumnNumber, SheetGrid, WorkbookGrid } from './model/grid.ts';
export { columnLetter, findSheet, normalizeName } from './model/grid.ts';
export type * from './model/model.ts';
export type * from './model/summary-model.ts';
export { PALETTE } from './model/palette.ts';
export {
  ACTION_HEADERS,
  ASSESSMENTS,
  DEFAULTS,
  DEFAULT_ANSWER_ORDER,
  DIRECTIONS,
  GOAL_AREA_HEADERS,
  INDICATOR_HEADERS,
  METRIC_HEADERS,
  OUTCOME_PREFIX,
  PLAN_STATUSES,
  PRODUCT_COLUMNS,
  SETTINGS_HEADERS,
  SETTING_NAMES,
  SHEETS,
  SURVEY_HEADERS,
  TARGET_YEAR_PREFIX,
} from './model/template.ts';
export { parseWorkbook } from './parse/workbook.ts';
export { formatNumber } from './explain/format.ts';
export { countStatuses } from './assess/aggregate.ts';
export { resolveSetSettings } from './assess/set-settings.ts';
export { assessWorkbook } from './assess/workbook.ts';
export { assessSet } from './assess/set.ts';
export { partitionShareTargets } from './assess/sharing.ts';
export { buildSummary } from './summary/build.ts';
export { planWrites } from './write/plan.ts';
export { recalculate, assessedRows, type RecalculateResult, type RecalculateOptions } from './recalculate.ts';
