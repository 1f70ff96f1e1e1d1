/**
 * The template contract of domain.md §3: sheet names and header texts. Outside checks rely on these
 * exact words; header matching ignores case and surrounding spaces (see grid.normalizeName).
 * @module
 */

export const SHEETS = {
  metrics: 'Mätetal',
  indicators: 'Indikatorer',
  goalAreas: 'Målområden',
  settings: 'Inställningar',
  survey: 'Självskattning',
  actionPlan: 'Handlingsplan',
  agendaPyramid: 'Agendapyramid',
  riskAreas: 'Riskområden',
  summary: 'Sammanfattning',
  changeLog: 'Ändringslogg',
  state: '_malkoll',
} as const;

export const METRIC_HEADERS = {
  goalArea: 'Målområde',
  indicator: 'Indikator',
  metric: 'Mätetal',
  unit: 'Enhet',
  direction: 'Riktning',
  target: 'Målvärde',
  targetYear: 'Målår',
  baseYear: 'Basår',
  baseValue: 'Basvärde',
  annualChange: 'Årlig förändring',
  tolerance: 'Tolerans',
  absoluteTolerance: 'Tolerans (absolut)',
  manual: 'Manuell bedömning',
  justification: 'Motivering',
  assessmentYear: 'Bedömningsår',
  followedUntil: 'Följs upp t.o.m.',
  rankedAmong: 'Antal jämförda',
  comparison: 'Jämförelse',
  headline: 'Styrmått',
  koladaKpi: 'Kolada-KPI',
  development: 'Utveckling',
  explanation: 'Förklaring',
} as const;

/** `Utfall 2024`, `Målvärde 2025`: year columns; a trailing footnote mark (`Utfall 2023*`) is allowed. */
export const OUTCOME_PREFIX = 'Utfall';
export const TARGET_YEAR_PREFIX = 'Målvärde';

export const INDICATOR_HEADERS = {
  goalArea: 'Målområde',
  indicator: 'Indikator',
  target2030: 'Målvärde 2030',
  governingMetric: 'Styrande mätetal',
  manual: 'Manuell bedömning',
  justification: 'Motivering',
  development: 'Utveckling',
  explanation: 'Förklaring',
} as const;

export const GOAL_AREA_HEADERS = {
  goalArea: 'Målområde',
  goal: 'Hållbarhetsmål',
  manual: 'Manuell bedömning',
  justification: 'Motivering',
  dimension: 'Dimension',
  development: 'Utveckling',
  explanation: 'Förklaring',
} as const;

export const SETTINGS_HEADERS = { name: 'Inställning', value: 'Värde' } as const;

export const SETTING_NAMES = {
  organisation: 'Organisation',
  reportingYear: 'Redovisningsår',
  tolerance: 'Tolerans',
  threshold: 'Gräns för samlad bedömning',
  shareWith: 'Sammanfattning delas med',
  manualOverall: 'Manuell samlad bedömning',
  manualOverallJustification: 'Motivering för samlad bedömning',
  answerOrder: 'Svarsordning',
  departments: 'Förvaltningar',
  strengthsCount: 'Antal styrkor',
  koladaId: 'Kolada-id',
} as const;

/** Settings `Fastställd 2025`, `Fastställd 2026` …: the date that year's report was approved (domain.md §7). */
export const APPROVED_SETTING_PREFIX = 'Fastställd';

/** The live summary's section listing what changed since the approved report. */
export const APPROVED_CHANGES_HEADING = 'Ändrat sedan fastställd rapport';

export const SURVEY_HEADERS = {
  department: 'Förvaltning',
  statement: 'Påstående',
  answer: 'Svar',
  goalArea: 'Målområde',
  year: 'År',
  theme: 'Tema',
} as const;

export const PYRAMID_HEADERS = {
  level: 'Nivå',
  goal: 'Mål',
  rank: 'Rang',
  term: 'Mandatperiod',
} as const;

export const RISK_HEADERS = {
  category1: 'Kategori 1',
  category2: 'Kategori 2',
  category3: 'Kategori 3',
  level: 'Risknivå',
  environment: 'Miljöpåverkan',
  humanRights: 'Mänskliga rättigheter',
  corruption: 'Korruption',
  labourRights: 'Arbetsrätt i Sverige',
  other: 'Övrigt',
  action: 'Åtgärd',
  owner: 'Ansvarig',
  status: 'Status',
} as const;

/** The criteria a risk area may be graded on, in the template's order (a blank Risknivå is the highest). */
export const RISK_CRITERIA = [
  RISK_HEADERS.environment,
  RISK_HEADERS.humanRights,
  RISK_HEADERS.corruption,
  RISK_HEADERS.labourRights,
  RISK_HEADERS.other,
] as const;

export const ACTION_HEADERS = {
  goalArea: 'Målområde',
  activity: 'Aktivitet',
  owner: 'Ansvarig',
  due: 'Klart senast',
  status: 'Status',
  position: 'Läge',
} as const;

/** The header row of the summary's Ändringslogg, the same in every summary (local file and Google). */
export const CHANGE_LOG_HEADERS = ['Tidpunkt', 'Arbetsbok', 'Blad', 'Rad', 'Avser', 'Från', 'Till', 'Orsak'] as const;

/** The columns the product writes, per sheet. Nothing else in a workbook is ever written. */
export const PRODUCT_COLUMNS: Record<string, readonly string[]> = {
  [SHEETS.metrics]: [METRIC_HEADERS.development, METRIC_HEADERS.explanation],
  [SHEETS.indicators]: [INDICATOR_HEADERS.development, INDICATOR_HEADERS.explanation],
  [SHEETS.goalAreas]: [GOAL_AREA_HEADERS.development, GOAL_AREA_HEADERS.explanation],
  [SHEETS.actionPlan]: [ACTION_HEADERS.position],
};

export const ASSESSMENTS = ['Positiv', 'Oförändrad', 'Negativ', 'Inget värde'] as const;
export const DIRECTIONS = ['Öka', 'Minska', 'Kvalitativ'] as const;
export const PLAN_STATUSES = ['Ej påbörjad', 'Pågår', 'Klar'] as const;
/** Units of a national ranking: 1 is best, so a blank Riktning means Minska. */
export const RANK_UNITS = ['placering', 'plats'] as const;
/** The colours a national comparison publishes beside a rank (Öppna jämförelser). */
export const COMPARISON_COLOURS = ['Grön', 'Gul', 'Röd'] as const;
/** The three dimensions of sustainability, in the order the summary groups them; `Ekologisk` means Miljömässig. */
export const DIMENSIONS = ['Miljömässig', 'Social', 'Ekonomisk'] as const;
/** Agendapyramid ranks from the top of the pyramid down. */
export const PYRAMID_RANKS = ['Central', 'Betydande', 'Generell'] as const;
/** The Nivå of the politics' pyramid (the desired state); every other Nivå is a division. */
export const POLITICAL_LEVEL = 'Politisk';
/** Risk levels from the highest down. */
export const RISK_LEVELS = ['Hög', 'Potentiell hög', 'Medel', 'Låg'] as const;
export const DEFAULT_ANSWER_ORDER = ['Instämmer helt', 'Instämmer delvis', 'Instämmer inte', 'Vet ej'] as const;

/** Defaults of domain.md §4, declared once; `Inställningar` only overrides them. */
export const DEFAULTS = {
  tolerance: 0.005,
  threshold: 0.5,
  strengthsCount: 3,
  /** answer categories scored by default (Vet ej is shown but not scored) */
  scoredAnswers: ['Instämmer helt', 'Instämmer delvis', 'Instämmer inte'],
} as const;
