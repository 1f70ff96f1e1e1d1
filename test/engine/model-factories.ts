/**
 * Builders for engine records, so that tests of the pure pieces after parsing do not depend on the parser:
 * each takes only the fields a test cares about and fills the rest with neutral values (a metric is `Öka`
 * without a unit; settings are the engine's defaults).
 */
import type { CellInput, SheetGrid, WorkbookGrid } from '../../shared/engine/model/grid.ts';
import type {
  ActionAssessment,
  ActionRow,
  AggregateAssessment,
  GoalAreaRow,
  IndicatorRow,
  ManualAssessment,
  MetricAssessment,
  MetricRow,
  SetSettings,
  SurveyAnswer,
  WorkbookAssessment,
  WorkbookModel,
  WorkbookSettings,
} from '../../shared/engine/model/model.ts';
import { emptySettings } from '../../shared/engine/parse/settings.ts';
import { DEFAULT_ANSWER_ORDER, DEFAULTS } from '../../shared/engine/model/template.ts';

export function metricRow(over: Partial<MetricRow> = {}): MetricRow {
  return {
    workbookId: 'wb1',
    rowNumber: 2,
    goalArea: 'Klimat',
    indicator: 'Utsläpp',
    name: 'Resor',
    unit: null,
    direction: 'Öka',
    target: null,
    targetsByYear: {},
    targetYear: null,
    baseYear: null,
    baseValue: null,
    annualChange: null,
    tolerance: null,
    absoluteTolerance: null,
    outcomes: {},
    outcomeTexts: {},
    badOutcomeYears: [],
    manual: null,
    followedUntil: null,
    errors: [],
    notes: [],
    ...over,
  };
}

export function manual(assessment: ManualAssessment['assessment'], justification: string | null, year: number | null = null): ManualAssessment {
  return { assessment, justification, year };
}

export function workbookSettings(over: Partial<WorkbookSettings> = {}): WorkbookSettings {
  return { ...emptySettings(), ...over };
}

export function workbookModel(
  over: Partial<Omit<WorkbookModel, 'settings'>> & { settings?: Partial<WorkbookSettings> } = {},
): WorkbookModel {
  const { settings, ...rest } = over;
  return {
    workbookId: 'wb1',
    workbookName: 'Arbetsbok',
    metrics: [],
    indicators: [],
    goalAreas: [],
    survey: [],
    actions: [],
    years: [],
    productColumns: [],
    issues: [],
    ...rest,
    settings: workbookSettings(settings),
  };
}

export function setSettings(over: Partial<SetSettings> = {}): SetSettings {
  return {
    organisation: 'Region Test',
    reportingYear: 2025,
    reportingYearReason: 'angivet i Inställningar',
    threshold: DEFAULTS.threshold,
    shareWith: [],
    shareAgreed: true,
    manualOverall: null,
    answerOrder: [...DEFAULT_ANSWER_ORDER],
    departments: [],
    strengthsCount: DEFAULTS.strengthsCount,
    koladaId: null,
    approved: {},
    issues: [],
    ...over,
  };
}

export function surveyAnswer(over: Partial<SurveyAnswer> = {}): SurveyAnswer {
  return {
    workbookId: 'wb1',
    rowNumber: 2,
    department: 'Hälso- och sjukvård',
    statement: 'Vi arbetar med jämlik vård',
    answer: 'Instämmer helt',
    goalArea: null,
    year: null,
    ...over,
  };
}

export function actionRow(over: Partial<ActionRow> = {}): ActionRow {
  return {
    workbookId: 'wb1',
    rowNumber: 2,
    goalArea: 'Klimat',
    activity: 'Byt till elbilar',
    owner: 'Fordonsenheten',
    due: '2026-06-30',
    status: 'Pågår',
    errors: [],
    ...over,
  };
}

export function indicatorRow(over: Partial<IndicatorRow> = {}): IndicatorRow {
  return {
    workbookId: 'wb1',
    rowNumber: 2,
    goalArea: 'Klimat',
    name: 'Utsläpp',
    target2030: null,
    governingMetric: null,
    manual: null,
    errors: [],
    ...over,
  };
}

export function goalAreaRow(over: Partial<GoalAreaRow> = {}): GoalAreaRow {
  return { workbookId: 'wb1', rowNumber: 2, name: 'Klimat', goal: null, manual: null, errors: [], ...over };
}

/** The row only lends its identity (workbook, row, names, unit). */
export function metricAssessment(
  row: Pick<MetricRow, 'workbookId' | 'rowNumber' | 'goalArea' | 'indicator' | 'name' | 'unit'>,
  over: Partial<MetricAssessment> = {},
): MetricAssessment {
  return {
    workbookId: row.workbookId,
    rowNumber: row.rowNumber,
    goalArea: row.goalArea,
    indicator: row.indicator,
    name: row.name,
    unit: row.unit,
    year: 2025,
    status: 'Positiv',
    rule: 'förändring',
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
    explanation: 'Förklaring',
    ...over,
  };
}

export function aggregateAssessment(
  row: { workbookId: string | null; rowNumber: number | null; name: string; goalArea?: string | null },
  level: AggregateAssessment['level'],
  over: Partial<AggregateAssessment> = {},
): AggregateAssessment {
  return {
    level,
    workbookId: row.workbookId,
    rowNumber: row.rowNumber,
    goalArea: row.goalArea ?? row.name,
    name: row.name,
    status: 'Oförändrad',
    rule: 'medel',
    mean: 0,
    threshold: DEFAULTS.threshold,
    counts: { Positiv: 0, Oförändrad: 1, Negativ: 0, 'Inget värde': 0, Fel: 0 },
    governingMetric: null,
    computed: null,
    manual: null,
    explanation: 'Medel 0',
    ...over,
  };
}

export function actionAssessment(row: ActionRow, position: ActionAssessment['position']): ActionAssessment {
  return { ...row, position };
}

export function workbookAssessment(over: Partial<WorkbookAssessment> = {}): WorkbookAssessment {
  return { workbookId: 'wb1', year: 2025, metrics: [], indicators: [], goalAreas: [], actions: [], ...over };
}

/** A sheet from rows of plain values; null/undefined = empty cell. */
export function sheetGrid(name: string, rows: (string | number | null | undefined)[][]): SheetGrid {
  return {
    name,
    rows: rows.map((r) => r.map((v): CellInput | null => (v === null || v === undefined ? null : { value: v }))),
  };
}

export function workbookGrid(sheets: SheetGrid[], over: Partial<WorkbookGrid> = {}): WorkbookGrid {
  return { id: 'wb1', name: 'Arbetsbok', sheets, state: null, ...over };
}
