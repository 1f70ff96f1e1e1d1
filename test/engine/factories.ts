/**
 * Builders for already-parsed rows, so that rule tests do not depend on the parser.
 * @module
 */
import type { GoalAreaRow, IndicatorRow, ManualAssessment, MetricRow, SetSettings, WorkbookModel } from '../../shared/engine/model.ts';
import { DEFAULTS } from '../../shared/engine/template.ts';

let nextRow = 2;

export function metricRow(overrides: Partial<MetricRow> = {}): MetricRow {
  return {
    workbookId: 'wb1',
    rowNumber: nextRow++,
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
    ...overrides,
  };
}

export function manual(assessment: ManualAssessment['assessment'], justification: string | null, year: number | null = null): ManualAssessment {
  return { assessment, justification, year };
}

export function indicatorRow(overrides: Partial<IndicatorRow> = {}): IndicatorRow {
  return {
    workbookId: 'wb1',
    rowNumber: nextRow++,
    goalArea: 'Klimat',
    name: 'Utsläpp',
    target2030: null,
    governingMetric: null,
    manual: null,
    errors: [],
    ...overrides,
  };
}

export function goalAreaRow(overrides: Partial<GoalAreaRow> = {}): GoalAreaRow {
  return { workbookId: 'wb1', rowNumber: nextRow++, name: 'Klimat', goal: null, manual: null, errors: [], ...overrides };
}

export function setSettings(overrides: Partial<SetSettings> = {}): SetSettings {
  return {
    organisation: 'Region Test',
    reportingYear: 2025,
    reportingYearReason: 'angivet i Inställningar',
    tolerance: DEFAULTS.tolerance,
    threshold: DEFAULTS.threshold,
    shareWith: [],
    shareAgreed: true,
    manualOverall: null,
    answerOrder: [...DEFAULTS.scoredAnswers, 'Vet ej'],
    departments: [],
    strengthsCount: DEFAULTS.strengthsCount,
    issues: [],
    ...overrides,
  };
}

export function workbookModel(overrides: Partial<WorkbookModel> = {}): WorkbookModel {
  const workbookId = overrides.workbookId ?? 'wb1';
  return {
    workbookId,
    workbookName: overrides.workbookName ?? workbookId,
    metrics: [],
    indicators: [],
    goalAreas: [],
    settings: {
      organisation: null,
      reportingYear: null,
      tolerance: null,
      threshold: null,
      shareWith: null,
      manualOverall: null,
      answerOrder: null,
      departments: null,
      strengthsCount: null,
    },
    survey: [],
    actions: [],
    years: [],
    productColumns: [],
    issues: [],
    ...overrides,
  };
}
