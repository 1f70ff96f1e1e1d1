/**
 * Builders for engine records in tests of the pure pieces that sit after parsing: each takes only the
 * fields a test cares about and fills the rest with neutral values.
 */
import type { CellInput, SheetGrid, WorkbookGrid } from '../../shared/engine/grid.ts';
import type {
  ActionAssessment,
  ActionRow,
  AggregateAssessment,
  GoalAreaRow,
  IndicatorRow,
  MetricAssessment,
  MetricRow,
  SetSettings,
  SurveyAnswer,
  WorkbookAssessment,
  WorkbookModel,
  WorkbookSettings,
} from '../../shared/engine/model.ts';
import { DEFAULT_ANSWER_ORDER } from '../../shared/engine/template.ts';

export function metricRow(over: Partial<MetricRow> = {}): MetricRow {
  return {
    workbookId: 'wb1',
    rowNumber: 2,
    goalArea: 'Klimat',
    indicator: 'Utsläpp',
    name: 'Resor',
    unit: '%',
    direction: 'Minska',
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

export function workbookSettings(over: Partial<WorkbookSettings> = {}): WorkbookSettings {
  return {
    organisation: null,
    reportingYear: null,
    tolerance: null,
    threshold: null,
    shareWith: null,
    manualOverall: null,
    answerOrder: null,
    departments: null,
    strengthsCount: null,
    ...over,
  };
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
    organisation: null,
    reportingYear: 2025,
    reportingYearReason: '',
    tolerance: 0.005,
    threshold: 0.5,
    shareWith: [],
    shareAgreed: true,
    manualOverall: null,
    answerOrder: [...DEFAULT_ANSWER_ORDER],
    departments: [],
    strengthsCount: 3,
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

export function metricAssessment(row: MetricRow, over: Partial<MetricAssessment> = {}): MetricAssessment {
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
  row: { workbookId: string; rowNumber: number; name: string; goalArea?: string },
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
    threshold: 0.5,
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
