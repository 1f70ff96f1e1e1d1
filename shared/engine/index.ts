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
export type * from './model/shapes.ts';
export type * from './model/summary-model.ts';
export { PALETTE } from './model/palette.ts';
export {
  ACTION_HEADERS,
  ASSESSMENTS,
  CHANGE_LOG_HEADERS,
  COMPARISON_COLOURS,
  DEFAULTS,
  DEFAULT_ANSWER_ORDER,
  DIMENSIONS,
  DIRECTIONS,
  GOAL_AREA_HEADERS,
  INDICATOR_HEADERS,
  METRIC_HEADERS,
  OUTCOME_PREFIX,
  PLAN_STATUSES,
  POLITICAL_LEVEL,
  PRODUCT_COLUMNS,
  PYRAMID_HEADERS,
  PYRAMID_RANKS,
  RANK_UNITS,
  RISK_CRITERIA,
  RISK_HEADERS,
  RISK_LEVELS,
  SETTINGS_HEADERS,
  SETTING_NAMES,
  SHEETS,
  SURVEY_HEADERS,
  TARGET_YEAR_PREFIX,
} from './model/template.ts';
export { AGENDA_2030_GOALS, goalLabel } from './model/agenda-2030.ts';
export { parseWorkbook } from './parse/workbook.ts';
export { formatNumber } from './explain/format.ts';
export { countStatuses } from './assess/aggregate.ts';
export { resolveSetSettings } from './assess/set-settings.ts';
export { assessWorkbook } from './assess/workbook.ts';
export { assessSet } from './assess/set.ts';
export { partitionShareTargets } from './assess/sharing.ts';
export { buildSummary, formatChangedAt } from './summary/build.ts';
export { reportHighlights } from './summary/highlights.ts';
export { planWrites } from './write/plan.ts';
export { recalculate, assessedRows, type RecalculateResult, type RecalculateOptions } from './recalculate.ts';
export { KOLADA_KPI_HEADER, KOLADA_ID_SETTING, APPROVED_SETTING_PREFIX, APPROVED_CHANGES_HEADING } from './model/year-after-year.ts';
export type { ApprovedSnapshot, ApprovedEntry, ApprovedLevel, ApprovedOverride } from './model/approved.ts';
export { parseKoladaId, parseKoladaKpi, type ParsedKoladaId } from './parse/kolada-ids.ts';
export { parseApprovedSetting, type ApprovedSetting } from './parse/approved-setting.ts';
export { koladaSourceNote, koladaConflictMessage, type KoladaSource } from './explain/kolada.ts';
export { mergeKoladaRow, type KoladaCell, type KoladaDecision, type KoladaRowInput, type KoladaRowResult, type KoladaWritten } from './assess/kolada.ts';
export { approvedSnapshot } from './summary/approved-snapshot.ts';
export type { InputPlan, InputCellWrite } from './model/input-plan.ts';
export { latestOutcomeYear, planNewYear, type NewYearMode, type NewYearPlacement } from './new-year.ts';
export { koladaQuery, planKolada, type KoladaQueryPlan, type KoladaRowReport, type KoladaWorkbookPlan } from './kolada-plan.ts';
export { planApprovals, type ArchivedYear, type ApprovalPlan } from './assess/approved.ts';
export type { KoladaRecord, KoladaDifference } from './model/kolada.ts';
export { approvedChangesBlocks, changesSinceApproved, type ApprovedChange } from './summary/approved-changes.ts';
export { alertMessage, DEFAULT_MAX_LISTED, type AlertChange, type AlertItem, type AlertMessage, type AlertOptions } from './summary/status-alert.ts';
