/**
 * Hand-made SetAssessment / SetSettings for the summary tests, built straight from the model types
 * (the rules engine that normally produces them is developed separately).
 */
import type {
  AggregateAssessment,
  MetricAssessment,
  PaceResult,
  SetAssessment,
  SetSettings,
  StatusCounts,
  ActionAssessment,
  SurveyResult,
  Issue,
} from '../../shared/engine/model/model.ts';
import { DEFAULTS } from '../../shared/engine/model/template.ts';
import { aggregateAssessment, metricAssessment, setSettings } from './model-factories.ts';

const zeroCounts = (): StatusCounts => ({ Positiv: 0, Oförändrad: 0, Negativ: 0, 'Inget värde': 0, Fel: 0 });

/** value and previous follow from `outcomes` unless given; computed follows the status. */
export function metric(p: Partial<MetricAssessment> & Pick<MetricAssessment, 'name' | 'goalArea' | 'indicator'>): MetricAssessment {
  const outcomes = p.outcomes ?? {};
  const year = p.year ?? 2025;
  const value = p.value !== undefined ? p.value : (outcomes[year] ?? null);
  const prevYear = Object.keys(outcomes).map(Number).filter((y) => y < year).sort((a, b) => b - a)[0];
  const identity = { workbookId: 'klimat.xlsx', rowNumber: 2, unit: null, name: p.name, goalArea: p.goalArea, indicator: p.indicator };
  return metricAssessment(identity, {
    year,
    status: 'Oförändrad',
    value,
    previous: prevYear !== undefined ? { year: prevYear, value: outcomes[prevYear]! } : null,
    relativeTolerance: DEFAULTS.tolerance,
    computed: p.status ?? 'Oförändrad',
    explanation: `${p.name}: förklaring`,
    ...p,
  });
}

export function aggregate(p: Partial<AggregateAssessment> & Pick<AggregateAssessment, 'name' | 'level'>): AggregateAssessment {
  return aggregateAssessment({ workbookId: 'klimat.xlsx', rowNumber: 2, name: p.name }, p.level, {
    goalArea: null,
    counts: zeroCounts(),
    computed: p.status ?? 'Oförändrad',
    explanation: `Medel av bedömningarna → ${p.status ?? 'Oförändrad'}`,
    ...p,
  });
}

export function pace(p: Partial<PaceResult> & Pick<PaceResult, 'name' | 'expected'>): PaceResult {
  return {
    workbookId: 'klimat.xlsx',
    rowNumber: 2,
    goalArea: 'Minskad klimatpåverkan',
    indicator: 'Utsläpp',
    unit: null,
    year: 2025,
    actual: null,
    verdict: null,
    gapShare: null,
    projection: null,
    explanation: `${p.name}: takt`,
    ...p,
  };
}

export function settings(p: Partial<SetSettings> = {}): SetSettings {
  return setSettings({
    organisation: 'Region Exempel',
    reportingYearReason: 'Redovisningsår 2025 enligt Inställningar.',
    answerOrder: [...DEFAULTS.scoredAnswers],
    ...p,
  });
}

export const SOURCES = [
  { id: 'klimat.xlsx', name: 'Klimat' },
  { id: 'konsumtion.xlsx', name: 'Konsumtion' },
];

const KLIMAT = 'Minskad klimatpåverkan';
const KONSUMTION = 'Hållbar konsumtion';
const SOCIAL = 'Social hållbarhet';

export function survey(): SurveyResult {
  const statements = [
    { statement: 'Vi arbetar aktivt med jämlik vård', shares: [50, 33, 17, 0] },
    { statement: 'Medarbetarna känner till hållbarhetsmålen', shares: [17, 33, 33, 17] },
    { statement: 'Det finns rutiner för mänskliga rättigheter i upphandling', shares: [0, 33, 50, 17] },
  ].map((s) => ({
    statement: s.statement,
    goalArea: SOCIAL,
    shares: ['Instämmer helt', 'Instämmer delvis', 'Instämmer inte', 'Vet ej'].map((category, i) => ({
      category,
      percent: s.shares[i]!,
      count: Math.round((s.shares[i]! * 6) / 100),
    })),
    answered: 6,
    score: 0.5,
  }));
  return {
    year: 2025,
    categories: ['Instämmer helt', 'Instämmer delvis', 'Instämmer inte', 'Vet ej'],
    statements,
    strengths: [statements[0]!],
    developmentAreas: [statements[2]!],
    answeredDepartments: ['Hälso- och sjukvård', 'Kollektivtrafik', 'Kultur', 'Regionservice', 'Tandvård', 'Utbildning'],
    missingDepartments: ['Regionledning'],
    goalAreasFollowedOnlyBySurvey: [SOCIAL],
  };
}

export function actions(): ActionAssessment[] {
  const base = { workbookId: 'klimat.xlsx', errors: [] as string[] };
  return [
    { ...base, rowNumber: 2, goalArea: KLIMAT, activity: 'Byta till fossilfria transporter', owner: 'Regionservice', due: '2025-06-30', status: 'Pågår', position: 'Försenad' },
    { ...base, rowNumber: 3, goalArea: KLIMAT, activity: 'Klimatbudget i verksamhetsplanen', owner: 'Ekonomi', due: '2026-12-31', status: 'Pågår', position: 'Enligt plan' },
    { ...base, rowNumber: 4, goalArea: KONSUMTION, activity: 'Cirkulära möbler', owner: 'Inköp', due: '2025-03-31', status: 'Klar', position: 'Klar' },
  ];
}

export function issues(): Issue[] {
  return [
    { kind: 'error', workbookId: 'konsumtion.xlsx', workbookName: 'Konsumtion', sheet: 'Mätetal', rowNumber: 7, column: 'Utfall 2025', subject: 'Matsvinn', message: 'Fel: ”12 / 15” är två tal i samma cell.' },
    { kind: 'missing-outcome', workbookId: 'klimat.xlsx', workbookName: 'Klimat', sheet: 'Mätetal', rowNumber: 5, subject: 'Tjänsteresor med flyg', message: 'Utfall 2025 saknas.' },
    { kind: 'inactive-override', workbookId: 'klimat.xlsx', workbookName: 'Klimat', sheet: 'Mätetal', rowNumber: 6, subject: 'Energianvändning', message: 'Manuell bedömning gjord för 2023; används inte för 2025.' },
    { kind: 'conflict', workbookId: 'konsumtion.xlsx', workbookName: 'Konsumtion', sheet: 'Målområden', rowNumber: 3, subject: KLIMAT, message: 'Hållbarhetsmålet skiljer sig från Klimat; Klimat gäller.' },
    { kind: 'typed-in-product-column', workbookId: 'klimat.xlsx', workbookName: 'Klimat', sheet: 'Mätetal', rowNumber: 3, column: 'Utveckling', subject: 'Resor och transporter', message: '”Bra!” skrevs i Utveckling – använd Manuell bedömning.' },
    { kind: 'unreadable-workbook', workbookId: 'gammal.xlsx', workbookName: 'gammal', sheet: '', message: 'gammal.xlsx kunde inte öppnas: filen är skadad.' },
  ];
}

/** A whole set: two assessed goal areas, one followed only by the survey, pace, plan and issues. */
export function demoSet(): SetAssessment {
  const m = [
    metric({ name: 'Resor och transporter', goalArea: KLIMAT, indicator: 'Utsläpp av CO2e', unit: 'ton', rowNumber: 3, status: 'Positiv', outcomes: { 2021: 1450, 2023: 1320, 2024: 1210, 2025: 1105 }, explanation: '1 105 (2025) mot 1 210 (2024): −8,7 % → Positiv' }),
    metric({ name: 'Energi i lokaler', goalArea: KLIMAT, indicator: 'Utsläpp av CO2e', unit: 'ton', rowNumber: 4, status: 'Negativ', outcomes: { 2023: 830, 2024: 800, 2025: 845 }, explanation: '845 (2025) mot 800 (2024): +5,6 % → Negativ' }),
    metric({ name: 'Tjänsteresor med flyg', goalArea: KLIMAT, indicator: 'Utsläpp av CO2e', unit: 'ton', rowNumber: 5, status: 'Inget värde', rule: 'saknar-utfall', value: null, outcomes: { 2023: 95, 2024: 88 }, explanation: 'Utfall 2025 saknas → Inget värde' }),
    metric({ name: 'Elbussar i trafik', goalArea: KLIMAT, indicator: 'Fossilfri kollektivtrafik', unit: '%', rowNumber: 6, status: 'Positiv', rule: 'manuell', computed: 'Oförändrad', manual: { assessment: 'Positiv', justification: 'Målet för 2025 var 36 % och nivån hölls.', year: 2025 }, outcomes: { 2023: 31.5, 2024: 36.9, 2025: 36.9 }, explanation: 'Manuell bedömning: Positiv' }),
    metric({ name: 'Ekologiska livsmedel', goalArea: KONSUMTION, indicator: 'Hållbara inköp', workbookId: 'konsumtion.xlsx', unit: '%', rowNumber: 2, status: 'Oförändrad', outcomes: { 2023: 41.2, 2024: 43.1, 2025: 43.2 }, explanation: '43,2 (2025) mot 43,1 (2024): +0,1 procentenheter → Oförändrad' }),
    metric({ name: 'Matsvinn', goalArea: KONSUMTION, indicator: 'Hållbara inköp', workbookId: 'konsumtion.xlsx', unit: 'gram', rowNumber: 7, status: 'Fel', rule: 'fel', value: null, outcomes: { 2023: 61, 2024: 58 }, explanation: 'Fel: ”12 / 15” är två tal i samma cell.' }),
  ];
  const prev = [
    { ...m[0]!, status: 'Oförändrad' as const },
    { ...m[1]!, status: 'Positiv' as const },
    { ...m[4]!, status: 'Negativ' as const },
  ];
  const indicators = [
    aggregate({ level: 'indikator', name: 'Utsläpp av CO2e', goalArea: KLIMAT, status: 'Oförändrad', target2030: '−50 %, basår 2019' }),
    aggregate({ level: 'indikator', name: 'Fossilfri kollektivtrafik', goalArea: KLIMAT, status: 'Positiv', rowNumber: 3, target2030: '100 %' }),
    aggregate({ level: 'indikator', name: 'Hållbara inköp', goalArea: KONSUMTION, workbookId: 'konsumtion.xlsx', status: 'Oförändrad', target2030: 'Öka' }),
  ];
  return {
    year: 2025,
    metrics: m,
    previousYearMetrics: prev,
    indicators,
    previousYearIndicators: [{ ...indicators[1]!, status: 'Oförändrad' }],
    goalAreas: [
      aggregate({ level: 'målområde', name: KLIMAT, goalArea: KLIMAT, status: 'Positiv', goal: 'År 2030 har regionen halverat sina utsläpp jämfört med 2019.' }),
      aggregate({ level: 'målområde', name: KONSUMTION, goalArea: KONSUMTION, workbookId: 'konsumtion.xlsx', status: 'Oförändrad', goal: 'Regionens inköp är hållbara.' }),
      aggregate({ level: 'målområde', name: SOCIAL, goalArea: SOCIAL, status: 'Inget värde', rule: 'manuell', computed: 'Inget värde', manual: { assessment: 'Inget värde', justification: 'Följs upp med självskattningen.', year: 2025 }, goal: 'Alla invånare har jämlika förutsättningar.' }),
    ],
    organisation: aggregate({ level: 'organisation', name: 'Region Exempel', workbookId: null, rowNumber: null, status: 'Positiv', mean: 0.5, explanation: 'Medel 0,5 av 2 målområden → Positiv' }),
    pace: [
      pace({ name: 'Energi i lokaler', unit: 'ton', rowNumber: 4, expected: 700, actual: 845, verdict: 'Ej i takt', gapShare: 0.36, projection: 'nås inte', base: { year: 2019, value: 900 }, goal: { year: 2030, value: 450 } }),
      pace({ name: 'Resor och transporter', unit: 'ton', expected: 1100, actual: 1105, verdict: 'Ej i takt', gapShare: 0.0069, projection: 2031, base: { year: 2019, value: 1500 }, goal: { year: 2030, value: 750 } }),
      pace({ name: 'Elbussar i trafik', unit: '%', rowNumber: 6, expected: 30, actual: 36.9, verdict: 'I takt', gapShare: -0.1, projection: 2029, base: { year: 2019, value: 10 }, goal: { year: 2030, value: 100 } }),
    ],
    survey: survey(),
    actions: actions(),
    issues: issues(),
  };
}
