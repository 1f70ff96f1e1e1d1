/**
 * The follow-up model (domain.md §2–§4) as plain, serialisable data.
 * `parseWorkbook` turns a WorkbookGrid into a WorkbookModel; the assessment functions turn models into
 * assessments. Everything here is JSON-safe so that a model can be cached (e.g. in the summary's state).
 * @module
 */
import type { RowNumber, ColumnNumber } from './grid.ts';
import type { PyramidRow, PyramidSet, RiskRegister, RiskRow } from './shapes.ts';
import type { KoladaDifference, KoladaSource } from './kolada.ts';

export type Direction = 'Öka' | 'Minska' | 'Kvalitativ';
export type Assessment = 'Positiv' | 'Oförändrad' | 'Negativ' | 'Inget värde';
/** An assessment, or `Fel` for a row that cannot be assessed. */
export type Status = Assessment | 'Fel';
export type PlanStatus = 'Ej påbörjad' | 'Pågår' | 'Klar';
export type PlanPosition = 'Klar' | 'Enligt plan' | 'Försenad';
export type PaceVerdict = 'I takt' | 'Ej i takt';
/** The three dimensions of sustainability (`Ekologisk` is read as Miljömässig). */
export type Dimension = 'Miljömässig' | 'Social' | 'Ekonomisk';
/** The colour a national comparison published beside a rank (`Jämförelse`). */
export type ComparisonColour = 'Grön' | 'Gul' | 'Röd';
/** An Agenda 2030 goal's place in an agendapyramid, top down. */
export type PyramidRank = 'Central' | 'Betydande' | 'Generell';
/** A procurement risk area's level, highest first. */
export type RiskLevel = 'Hög' | 'Potentiell hög' | 'Medel' | 'Låg';

/** How a written cell is coloured; adapters map each key to the palette in engine/palette.ts. */
export type CellStyleKey = Status | PlanPosition | PaceVerdict | RiskLevel | ComparisonColour | PyramidRank | 'text' | 'header';

/** An ISO date `YYYY-MM-DD`, handed in by the caller (the engine has no clock). */
export type IsoDate = string;

export type IssueKind =
  | 'error' // a row or setting that cannot be used (row status Fel)
  | 'missing-outcome' // no outcome for the reporting year
  | 'override' // a manual assessment with its justification
  | 'inactive-override' // Bedömningsår is not the reporting year
  | 'conflict' // two workbooks disagree on a goal area, indicator or set-wide setting
  | 'typed-in-product-column' // a person typed into Utveckling/Förklaring/Läge
  | 'kolada' // a typed outcome that differs from Kolada's figure (domain.md §7)
  | 'note' // a row without Mätetal that holds an outcome, a footnote mark, …
  | 'refused-sharing' // an address outside MALKOLL_SHARE_DOMAINS
  | 'unreadable-workbook' // a file that could not be opened
  | 'not-read-file'; // a file beside the set that is not read (another format, a link, a sub-folder)

/** A problem tied to a place; the engine never throws for bad user data. Messages are Swedish. */
export interface Issue {
  kind: IssueKind;
  workbookId: string;
  workbookName: string;
  sheet: string;
  rowNumber?: RowNumber;
  column?: string;
  /** what the row is called (metric, indicator or goal area name), for the data-quality list */
  subject?: string;
  message: string;
}

export interface ManualAssessment {
  assessment: Assessment;
  justification: string | null;
  /** Bedömningsår; null when not given */
  year: number | null;
}

/** One row of `Mätetal`. Values are in the metric's unit; for `%` metrics in percent (36,9 % → 36.9). */
export interface MetricRow {
  workbookId: string;
  rowNumber: RowNumber;
  goalArea: string;
  indicator: string;
  name: string;
  unit: string | null;
  /** null when Riktning is missing or unknown (then `errors` says so) */
  direction: Direction | null;
  /** the level that counts as reached (a relative Målvärde is already turned into a level) */
  target: number | null;
  /** `Målvärde ÅÅÅÅ` columns */
  targetsByYear: Record<number, number>;
  targetYear: number | null;
  baseYear: number | null;
  baseValue: number | null;
  /** Årlig förändring as a signed fraction (−2,5 % → −0.025), sign already following Riktning */
  annualChange: number | null;
  /** relative tolerance as a fraction (0,5 % → 0.005); null = use the setting */
  tolerance: number | null;
  /** absolute tolerance in the metric's unit (procentenheter for % metrics) */
  absoluteTolerance: number | null;
  /** year → value; a year with an empty cell is absent; qualitative rows keep text in `outcomeTexts` */
  outcomes: Record<number, number>;
  outcomeTexts: Record<number, string>;
  /** years whose cell could not be read as a number (each also listed in `errors`) */
  badOutcomeYears: number[];
  manual: ManualAssessment | null;
  followedUntil: number | null;
  /** Swedish error messages; any error makes the row `Fel` (rule 0) */
  errors: string[];
  /** Swedish remarks that do not stop the assessment (footnote marks, …) */
  notes: string[];
  /** `Antal jämförda` of a national ranking (absent when not given) */
  rankedAmong?: number;
  /** `Jämförelse`: the colour published beside the rank (absent when not given) */
  comparison?: ComparisonColour;
  /** `Styrmått`: the headline label this metric is followed as (absent when not given) */
  headline?: string;
  /** `Kolada-KPI`: the key figure whose yearly values fill the row's empty outcome cells (absent when not given) */
  koladaKpi?: string;
  /** outcomes that came from Kolada and are still in their cells (named in Förklaring) */
  koladaSources?: KoladaSource[];
  /** typed outcomes that differ from Kolada's figure (data-quality section) */
  koladaDifferences?: KoladaDifference[];
}

export interface IndicatorRow {
  workbookId: string;
  rowNumber: RowNumber;
  goalArea: string;
  name: string;
  target2030: string | null;
  governingMetric: string | null;
  manual: ManualAssessment | null;
  errors: string[];
}

export interface GoalAreaRow {
  workbookId: string;
  rowNumber: RowNumber;
  name: string;
  goal: string | null;
  manual: ManualAssessment | null;
  errors: string[];
  /** `Dimension` (absent when not given or not recognised) */
  dimension?: Dimension;
}

/** `Inställningar` of one workbook, as typed (null = not set there). */
export interface WorkbookSettings {
  organisation: string | null;
  reportingYear: number | null;
  tolerance: number | null;
  threshold: number | null;
  shareWith: string[] | null;
  manualOverall: ManualAssessment | null;
  answerOrder: string[] | null;
  departments: string[] | null;
  strengthsCount: number | null;
  /** `Kolada-id`, four digits (absent in models cached before the setting existed) */
  koladaId?: string | null;
  /** `Fastställd ÅÅÅÅ` rows with a date: year → the day that year's report was approved */
  approved?: Record<number, IsoDate>;
}

export interface SurveyAnswer {
  workbookId: string;
  rowNumber: RowNumber;
  department: string;
  statement: string;
  answer: string;
  goalArea: string | null;
  year: number | null;
  /** `Tema` (absent when not given) */
  theme?: string;
}

export interface ActionRow {
  workbookId: string;
  rowNumber: RowNumber;
  goalArea: string;
  activity: string;
  owner: string | null;
  /** last day, ISO; null when missing or unreadable (then `errors` says so) */
  due: IsoDate | null;
  status: PlanStatus | null;
  errors: string[];
}

/** Where the product's own columns are (or will be added) in a sheet. */
export interface ProductColumns {
  sheet: string;
  /** header text → 1-based column; a missing product column gets a column that is empty in every row */
  columns: Record<string, ColumnNumber>;
  /** product columns that must be created (header written into the header row) */
  missing: string[];
  /** the sheet's header row (domain.md §3: row 1, or below a title line or empty rows); 1 when absent */
  headerRow?: RowNumber;
}

export interface WorkbookModel {
  workbookId: string;
  workbookName: string;
  metrics: MetricRow[];
  indicators: IndicatorRow[];
  goalAreas: GoalAreaRow[];
  settings: WorkbookSettings;
  survey: SurveyAnswer[];
  actions: ActionRow[];
  /** `Agendapyramid` rows (absent in models cached before the sheet existed) */
  pyramid?: PyramidRow[];
  /** `Riskområden` rows (absent in models cached before the sheet existed) */
  risks?: RiskRow[];
  /** every Utfall year that appears as a column */
  years: number[];
  productColumns: ProductColumns[];
  /** problems found while reading (headers, sheets, settings, notes rows, typed product columns …) */
  issues: Issue[];
}

/** Settings that concern the whole set of workbooks, resolved across it. */
export interface SetSettings {
  organisation: string | null;
  reportingYear: number | null;
  /** Swedish sentence: how the year was chosen */
  reportingYearReason: string;
  threshold: number;
  shareWith: string[];
  /** false when the set-wide settings conflict: no new sharing then */
  shareAgreed: boolean;
  manualOverall: ManualAssessment | null;
  answerOrder: string[];
  departments: string[];
  strengthsCount: number;
  /** `Kolada-id` of the set (four digits), null when not given */
  koladaId: string | null;
  /** `Fastställd ÅÅÅÅ` across the set: year → the day its report was approved */
  approved: Record<number, IsoDate>;
  issues: Issue[];
}

export type MetricRule =
  | 'fel' // rule 0
  | 'manuell' // rule 1
  | 'kvalitativ' // rule 2
  | 'ej-följd' // Följs upp t.o.m. before the year
  | 'saknar-utfall' // rule 3
  | 'målvärde-nått' // rule 4
  | 'första-mätåret' // rule 5
  | 'årlig-förändring' // rule 6
  | 'förändring'; // rule 7

/** The reasoning behind one metric's status, as data; `explanation` is rendered from it. */
export interface MetricAssessment {
  workbookId: string;
  rowNumber: RowNumber;
  goalArea: string;
  indicator: string;
  name: string;
  unit: string | null;
  year: number;
  status: Status;
  rule: MetricRule;
  value: number | null;
  previous: { year: number; value: number } | null;
  /** v − p, and (v − p)/|p| when p ≠ 0 */
  change: number | null;
  relativeChange: number | null;
  /** rule 6: the required relative change over k years */
  required: number | null;
  target: number | null;
  relativeTolerance: number | null;
  absoluteTolerance: number | null;
  /** the status the rules gave before a manual override */
  computed: Status | null;
  manual: ManualAssessment | null;
  explanation: string;
  /** year → outcome, every year the row has (for the summary's Utfall columns and line charts) */
  outcomes?: Record<number, number>;
  /** copied from the row when given: `Antal jämförda`, `Jämförelse`, `Styrmått` */
  rankedAmong?: number;
  comparison?: ComparisonColour;
  headline?: string;
}

export type AggregateRule = 'medel' | 'styrande' | 'manuell' | 'inget-bedömt';

export interface StatusCounts {
  Positiv: number;
  Oförändrad: number;
  Negativ: number;
  'Inget värde': number;
  Fel: number;
}

/** An indicator, goal area or the organisation, aggregated from the level below. */
export interface AggregateAssessment {
  level: 'indikator' | 'målområde' | 'organisation';
  workbookId: string | null;
  rowNumber: RowNumber | null;
  goalArea: string | null;
  name: string;
  status: Status;
  rule: AggregateRule;
  mean: number | null;
  threshold: number;
  counts: StatusCounts;
  governingMetric: string | null;
  computed: Status | null;
  manual: ManualAssessment | null;
  explanation: string;
  /** målområde level: the Hållbarhetsmål statement (shown in the summary) */
  goal?: string | null;
  /** indikator level: Målvärde 2030 as typed (shown in the summary) */
  target2030?: string | null;
  /** målområde level: its Dimension, when set */
  dimension?: Dimension;
}

export interface PaceResult {
  workbookId: string;
  rowNumber: RowNumber;
  goalArea: string;
  indicator: string;
  name: string;
  unit: string | null;
  year: number;
  expected: number;
  actual: number | null;
  verdict: PaceVerdict | null;
  /** (expected − actual)/(target − base), larger = further behind */
  gapShare: number | null;
  /** the year a least-squares line through the last three outcomes reaches the target; 'nås inte'; null = too few points */
  projection: number | 'nås inte' | null;
  explanation: string;
  /** Basår/Basvärde and Målår/Målvärde the line runs between (for the summary's pace table) */
  base?: { year: number; value: number };
  goal?: { year: number; value: number };
}

export interface ActionAssessment extends ActionRow {
  position: PlanPosition | null;
}

export interface StatementResult {
  statement: string;
  goalArea: string | null;
  /** category → share in whole percent (largest remainder, sums to 100) in answerOrder, then unscored */
  shares: { category: string; percent: number; count: number }[];
  answered: number;
  /** mean position 1 = most agreement … 0 = least; null when no scored answers */
  score: number | null;
  /** `Tema` of the statement (the first one given), absent when none */
  theme?: string;
}

/** The statements sharing one `Tema`, with their own strengths and development areas. */
export interface SurveyThemeResult {
  theme: string;
  statements: StatementResult[];
  strengths: StatementResult[];
  developmentAreas: StatementResult[];
}

export interface SurveyResult {
  year: number | null;
  categories: string[];
  statements: StatementResult[];
  strengths: StatementResult[];
  developmentAreas: StatementResult[];
  answeredDepartments: string[];
  missingDepartments: string[];
  goalAreasFollowedOnlyBySurvey: string[];
  /** the categories that are scored, most agreement first (the rest, like Vet ej, are shown unscored) */
  scoredCategories?: string[];
  /** one per `Tema`, in the order the themes first appear */
  themes?: SurveyThemeResult[];
}

/** What one workbook's rows give (its own statuses only). */
export interface WorkbookAssessment {
  workbookId: string;
  year: number | null;
  metrics: MetricAssessment[];
  indicators: AggregateAssessment[];
  goalAreas: AggregateAssessment[];
  actions: ActionAssessment[];
}

/** The whole set, aggregated across workbooks; what the summary shows. */
export interface SetAssessment {
  year: number | null;
  metrics: MetricAssessment[];
  /** the same rules applied with year − 1 on today's data (for "changed since last year") */
  previousYearMetrics: MetricAssessment[];
  indicators: AggregateAssessment[];
  previousYearIndicators: AggregateAssessment[];
  goalAreas: AggregateAssessment[];
  organisation: AggregateAssessment;
  /** in the pace table's order: largest gap first (assess/pace.ts sortPace) */
  pace: PaceResult[];
  survey: SurveyResult | null;
  actions: ActionAssessment[];
  issues: Issue[];
  /** the agendapyramids, when any workbook has rows in `Agendapyramid` */
  pyramids?: PyramidSet | null;
  /** the risk register, when any workbook has rows in `Riskområden` */
  risks?: RiskRegister | null;
}

/** A status that changed in a workbook, for `Ändringslogg`. */
export interface StatusChange {
  workbookId: string;
  workbookName: string;
  sheet: string;
  rowNumber: RowNumber;
  subject: string;
  from: string | null;
  to: string;
  /** the row's Förklaring as written with the new status (for the alert; absent for Läge) */
  explanation?: string;
}

/** One product-owned cell to write. Only Utveckling, Förklaring, Läge and their headers are ever planned. */
export interface CellWrite {
  sheet: string;
  rowNumber: RowNumber;
  columnNumber: ColumnNumber;
  value: string;
  style: CellStyleKey;
}

export interface WritePlan {
  workbookId: string;
  /** only cells whose text differs from what the sheet holds now; empty = write nothing */
  writes: CellWrite[];
  /** the state to store when writing (unchanged when `writes` is empty) */
  state: import('./grid.ts').ProductState;
  stateChanged: boolean;
  changes: StatusChange[];
}
