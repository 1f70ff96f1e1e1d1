/**
 * The template of domain.md §3 as data: which sheets a new workbook gets, their columns in order, the
 * Swedish note on every header, widths, dropdown lists, and which columns the product fills in.
 * Header words come from shared/engine/template.ts only, so the contract is declared once.
 * Writers (shared/adapters/xlsx/create-workbook.ts, later a Google one) render this; they add no words.
 * @module
 */

/** The empty template's file name: committed in sheets-templates/, and what `init` writes into DIR/mall. */
export const TEMPLATE_FILE = 'Målkoll-mall.xlsx';
import {
  ACTION_HEADERS,
  APPROVED_SETTING_PREFIX,
  ASSESSMENTS,
  DIMENSIONS,
  DEFAULT_ANSWER_ORDER,
  DEFAULTS,
  DIRECTIONS,
  GOAL_AREA_HEADERS,
  INDICATOR_HEADERS,
  METRIC_HEADERS,
  OUTCOME_PREFIX,
  PLAN_STATUSES,
  SETTING_NAMES,
  SETTINGS_HEADERS,
  SHEETS,
  SURVEY_HEADERS,
  TARGET_YEAR_PREFIX,
  normalizeName,
  formatNumber,
} from '../shared/engine/index.ts';
import { pyramidColumns, riskColumns } from './template-spec-optional.ts';

export interface ColumnSpec {
  header: string;
  /** Swedish: what belongs in the column (shown as the header cell's note) */
  note: string;
  /** in characters, as spreadsheet programs measure column width */
  width: number;
  /** the allowed words, offered as a dropdown on the data rows */
  list?: readonly string[];
  /** written by Målkoll; people should not type here */
  computed?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  /** columns kept in view when scrolling sideways (row 1 is always frozen) */
  frozenColumns: number;
}

/** A cell value as the template or the demo holds it; percent and date cells keep their formatting. */
export type TemplateCell =
  | string
  | number
  | null
  | { value: number; format: 'percent' }
  | { date: string };

export interface SettingSpec {
  name: string;
  value: TemplateCell;
  note: string;
  list?: readonly string[];
}

/** Marked on every product column's note, so nobody types there by mistake. */
export const COMPUTED_NOTE = 'Fylls i av Målkoll – skriv inte här; använd Manuell bedömning';
/** The action plan has no manual assessment; its product column points to what people do change. */
export const COMPUTED_PLAN_NOTE = 'Fylls i av Målkoll – skriv inte här; ändra Status eller Klart senast';

/** Jämförelse as the published comparisons write it (matching ignores case). */
const COMPARISON_WORDS = ['grön', 'gul', 'röd'] as const;

/** Data rows that get the dropdowns (row 1 holds the headers). */
export const VALIDATED_ROWS = { first: 2, last: 1000 } as const;

/** Outcome years the empty template starts with; users add `Utfall ÅÅÅÅ` columns as years pass. */
export const TEMPLATE_OUTCOME_YEARS: readonly number[] = [2022, 2023, 2024, 2025];

const MANUAL_NOTE =
  'Lämna tomt så bedömer Målkoll själv. Välj Positiv, Oförändrad, Negativ eller Inget värde för att ersätta den ' +
  'beräknade bedömningen; skriv då alltid varför i Motivering.';
const JUSTIFICATION_NOTE =
  'Krävs när Manuell bedömning är ifylld: varför bedömningen görs för hand. Visas som fotnot i sammanfattningen.';

export function outcomeColumn(year: number): ColumnSpec {
  return {
    header: `${OUTCOME_PREFIX} ${year}`,
    note:
      `Årets utfall ${year} i mätetalets enhet, skrivet som vanligt: 36,9 %, 1 234,5, 152 st. ` +
      'Lämna tomt om värde saknas. En siffra per cell – skriv inte två tal (12 / 15). Lägg till en kolumn per nytt år.',
    width: 12,
  };
}

export function yearTargetColumn(year: number): ColumnSpec {
  return {
    header: `${TARGET_YEAR_PREFIX} ${year}`,
    note:
      `Målvärde som gäller just år ${year}. Används det året i stället för kolumnen Målvärde. Valfri kolumn – ` +
      'lägg bara till den för mätetal med delmål.',
    width: 14,
  };
}

function metricColumns(outcomeYears: readonly number[]): ColumnSpec[] {
  const h = METRIC_HEADERS;
  return [
    { header: h.goalArea, width: 26, note: 'Målområdets namn, exakt som på bladet Målområden.' },
    { header: h.indicator, width: 32, note: 'Indikatorns namn, exakt som på bladet Indikatorer under samma målområde.' },
    { header: h.metric, width: 36, note: 'Mätetalets namn, unikt inom indikatorn. Rader utan mätetal (noter, summor) bedöms inte.' },
    { header: h.unit, width: 12, note: 'Enhet som visas i sammanfattningen, t.ex. %, kWh/m² BRA, st, ton CO2e, placering.' },
    {
      header: h.direction,
      width: 12,
      list: DIRECTIONS,
      note: 'Öka = högre är bättre, Minska = lägre är bättre (även placering i rankning), Kvalitativ = text som bedöms för hand.',
    },
    {
      header: h.target,
      width: 12,
      note:
        'Nivån som räknas som nådd, i mätetalets enhet (4,5 eller 100 % eller 0 st). Slutar det på % och enheten inte är %, ' +
        'är det en förändring från Basvärde (−50 % = halvering). Valfritt.',
    },
    { header: h.targetYear, width: 8, note: 'Året då målvärdet ska vara nått, t.ex. 2030. Behövs för takt-kontrollen.' },
    { header: h.baseYear, width: 8, note: 'Basår för jämförelse och takt-kontroll, t.ex. 2019.' },
    { header: h.baseValue, width: 11, note: 'Utfallet basåret, i mätetalets enhet. Krävs när Målvärde är en förändring i %.' },
    {
      header: h.annualChange,
      width: 11,
      note: 'Krävd förändring per år, t.ex. −2,5 %. Utan tecken gäller Riktning. Valfritt.',
    },
    {
      header: h.tolerance,
      width: 10,
      note:
        `Hur stor förändring (i % av förra värdet) som fortfarande räknas som Oförändrad. Tomt = standardvärdet i ` +
        `Inställningar (${formatNumber(DEFAULTS.tolerance * 100)} %).`,
    },
    {
      header: h.absoluteTolerance,
      width: 11,
      note:
        'Förändring i mätetalets enhet (för %-mätetal: procentenheter) som fortfarande räknas som Oförändrad, t.ex. 0,3 ' +
        'för sjukfrånvaro. Gäller bredvid Tolerans.',
    },
    ...outcomeYears.map(outcomeColumn),
    { header: h.manual, width: 14, list: ASSESSMENTS, note: MANUAL_NOTE },
    { header: h.justification, width: 36, note: JUSTIFICATION_NOTE },
    {
      header: h.assessmentYear,
      width: 11,
      note: 'Året den manuella bedömningen gäller. Ett annat år än redovisningsåret gör den inaktuell: den används inte och listas.',
    },
    {
      header: h.followedUntil,
      width: 11,
      note: 'Sista året mätetalet följs upp. Senare år bedöms inte och räknas inte som saknade.',
    },
    {
      header: h.rankedAmong,
      width: 10,
      note:
        'För en nationell rankning (Enhet placering eller plats, där 1 är bäst och tom Riktning betyder Minska): hur många ' +
        'som rangordnades, t.ex. 21 regioner. Visas som "plats 10 av 21". Valfritt.',
    },
    {
      header: h.comparison,
      width: 11,
      list: COMPARISON_WORDS,
      note:
        'Färgen en nationell jämförelse publicerar bredvid placeringen (grön, gul eller röd, som Öppna jämförelser). ' +
        'Visas bredvid bedömningen, aldrig i stället för den. Valfritt.',
    },
    {
      header: h.headline,
      width: 13,
      note:
        'Markerar ett styrmått som årsredovisningen följer: en etikett som Miljömässig, Social, Ekonomisk (ett per ' +
        'dimension) eller Agenda 2030. Sammanfattningen inleds med dem. Valfritt.',
    },
    {
      header: h.koladaKpi,
      width: 11,
      note:
        'Valfritt: ett nyckeltal i Kolada (en bokstav och fem siffror, t.ex. N00945). npm run malkoll -- kolada fyller då ' +
        'tomma Utfall-celler med Koladas värden för organisationens Kolada-id (i Inställningar); inskrivna värden skrivs aldrig över.',
    },
    {
      header: h.development,
      width: 13,
      computed: true,
      note: 'Årets bedömning (Positiv, Oförändrad, Negativ, Inget värde eller Fel) med färg.',
    },
    { header: h.explanation, width: 60, computed: true, note: 'En mening om hur bedömningen gjordes, med siffrorna, eller vad som är fel på raden.' },
  ];
}

function indicatorColumns(): ColumnSpec[] {
  const h = INDICATOR_HEADERS;
  return [
    { header: h.goalArea, width: 26, note: 'Målområdets namn, exakt som på bladet Målområden.' },
    { header: h.indicator, width: 40, note: 'Indikatorns namn. Mätetalen på bladet Mätetal hänvisar hit.' },
    { header: h.target2030, width: 24, note: 'Målvärdet för 2030 som fri text, t.ex. "−50 %, basår 2019". Visas som det står.' },
    {
      header: h.governingMetric,
      width: 28,
      note: 'Valfritt: namnet på ett mätetal under indikatorn vars bedömning avgör indikatorn (i stället för medelvärdet).',
    },
    { header: h.manual, width: 14, list: ASSESSMENTS, note: MANUAL_NOTE },
    { header: h.justification, width: 36, note: JUSTIFICATION_NOTE },
    { header: h.development, width: 13, computed: true, note: 'Indikatorns samlade bedömning av dess mätetal, med färg.' },
    { header: h.explanation, width: 60, computed: true, note: 'Hur den samlade bedömningen räknades fram.' },
  ];
}

function goalAreaColumns(): ColumnSpec[] {
  const h = GOAL_AREA_HEADERS;
  return [
    { header: h.goalArea, width: 30, note: 'Målområdets namn. Ordningen här är ordningen i sammanfattningen.' },
    { header: h.goal, width: 60, note: 'Hållbarhetsmålet för målområdet, som det står i programmet.' },
    { header: h.manual, width: 14, list: ASSESSMENTS, note: MANUAL_NOTE },
    { header: h.justification, width: 36, note: JUSTIFICATION_NOTE },
    {
      header: h.dimension,
      width: 14,
      list: DIMENSIONS,
      note: 'Valfritt: hållbarhetens dimension – Miljömässig (eller Ekologisk), Social eller Ekonomisk. Sammanfattningen grupperar målområdena efter den.',
    },
    { header: h.development, width: 13, computed: true, note: 'Målområdets samlade bedömning av dess indikatorer, med färg.' },
    { header: h.explanation, width: 60, computed: true, note: 'Hur den samlade bedömningen räknades fram.' },
  ];
}

function settingsColumns(): ColumnSpec[] {
  return [
    { header: SETTINGS_HEADERS.name, width: 34, note: 'Inställningens namn. Ändra inte namnen; ta bort en rad för att använda standardvärdet.' },
    { header: SETTINGS_HEADERS.value, width: 60, note: 'Värdet. Tomt = standardvärdet (se anteckningen på varje inställning).' },
  ];
}

function surveyColumns(): ColumnSpec[] {
  const h = SURVEY_HEADERS;
  return [
    { header: h.department, width: 36, note: 'Förvaltningen som svarar. Lista alla som ska svara under Förvaltningar i Inställningar.' },
    { header: h.statement, width: 70, note: 'Påståendet, likadant för alla förvaltningar.' },
    {
      header: h.answer,
      width: 18,
      note: `Svaret, t.ex. ${DEFAULT_ANSWER_ORDER.join(', ')}. Skalan och ordningen anges under Svarsordning i Inställningar.`,
    },
    { header: h.goalArea, width: 30, note: 'Valfritt: målområdet som självskattningen följer upp.' },
    { header: h.year, width: 8, note: 'Valfritt: året svaret gäller.' },
    {
      header: h.theme,
      width: 24,
      note:
        'Valfritt: påståendets tema, t.ex. Barnets rättigheter, Funktionsrätt eller Jämställdhet. Påståenden med samma ' +
        'tema får ett eget avsnitt i sammanfattningen.',
    },
  ];
}

function actionPlanColumns(): ColumnSpec[] {
  const h = ACTION_HEADERS;
  return [
    { header: h.goalArea, width: 30, note: 'Målområdet som aktiviteten hör till.' },
    { header: h.activity, width: 56, note: 'Vad som ska göras.' },
    { header: h.owner, width: 28, note: 'Ansvarig funktion eller person.' },
    {
      header: h.due,
      width: 14,
      note: 'Datum då aktiviteten ska vara klar: ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, "juni 2026" (månadens slut) eller ÅÅÅÅ (31 december).',
    },
    { header: h.status, width: 13, list: PLAN_STATUSES, note: 'Ej påbörjad, Pågår eller Klar.' },
    { header: h.position, width: 13, computed: true, note: 'Klar, Enligt plan eller Försenad (passerat datum och inte klar), bedömt den dag Målkoll räknar.' },
  ];
}

/** The sheets of a new workbook, in the order they appear. */
export function templateSheets(outcomeYears: readonly number[] = TEMPLATE_OUTCOME_YEARS): SheetSpec[] {
  return [
    { name: SHEETS.metrics, columns: metricColumns(outcomeYears), frozenColumns: 3 },
    { name: SHEETS.indicators, columns: indicatorColumns(), frozenColumns: 0 },
    { name: SHEETS.goalAreas, columns: goalAreaColumns(), frozenColumns: 0 },
    { name: SHEETS.settings, columns: settingsColumns(), frozenColumns: 0 },
    { name: SHEETS.survey, columns: surveyColumns(), frozenColumns: 0 },
    { name: SHEETS.actionPlan, columns: actionPlanColumns(), frozenColumns: 0 },
    { name: SHEETS.agendaPyramid, columns: pyramidColumns(), frozenColumns: 0 },
    { name: SHEETS.riskAreas, columns: riskColumns(), frozenColumns: 1 },
  ];
}

/** The rows of `Inställningar` in a new workbook; a blank value means the default applies. */
export function defaultSettings(): SettingSpec[] {
  const s = SETTING_NAMES;
  return [
    { name: s.organisation, value: null, note: 'Organisationens namn, visas i rubrikerna, t.ex. Region Exempelland.' },
    {
      name: s.reportingYear,
      value: null,
      note:
        'Året som bedöms, samma för alla arbetsböcker. Tomt = automatiskt: senaste Utfall-året där minst hälften av ' +
        'de kvantitativa mätetalen har ett värde.',
    },
    {
      name: s.tolerance,
      value: { value: DEFAULTS.tolerance, format: 'percent' },
      note: 'Förändring (i % av förra värdet) som räknas som Oförändrad, om mätetalet inte har en egen Tolerans.',
    },
    {
      name: s.threshold,
      value: DEFAULTS.threshold,
      note:
        'Gräns för samlad bedömning: medelvärdet av delarnas poäng (Positiv +1, Oförändrad 0, Negativ −1) över gränsen ' +
        'ger Positiv, under minus gränsen Negativ, annars Oförändrad.',
    },
    {
      name: s.shareWith,
      value: null,
      note:
        'Vilka som får läsa sammanfattningen, kommaseparerat: namn@region.se för en person, grupp:ledning@region.se för ' +
        'en Google-grupp. Bara tillåtna domäner delas; tar du bort en adress tas bara Målkolls delning bort.',
    },
    {
      name: s.manualOverall,
      value: null,
      list: ASSESSMENTS,
      note: 'Valfritt: ersätter organisationens samlade bedömning (Positiv, Oförändrad, Negativ, Inget värde). Kräver motivering.',
    },
    { name: s.manualOverallJustification, value: null, note: 'Varför den samlade bedömningen sätts för hand. Visas i sammanfattningen.' },
    {
      name: s.answerOrder,
      value: DEFAULT_ANSWER_ORDER.join(', '),
      note:
        'Självskattningens svarsalternativ från mest till minst instämmande, kommaseparerat. Svar som inte står här ' +
        '(som Vet ej) visas men räknas inte in i poängen.',
    },
    { name: s.departments, value: null, note: 'Förvaltningar som ska svara på självskattningen, kommaseparerat, så att sammanfattningen visar vem som inte svarat.' },
    {
      name: s.strengthsCount,
      value: DEFAULTS.strengthsCount,
      note: 'Hur många styrkor och utvecklingsområden från självskattningen som listas.',
    },
    {
      name: s.koladaId,
      value: null,
      note: 'Organisationens id i Kolada, fyra siffror (0019 för Region Västmanland, 0180 för Stockholm). Behövs för Kolada-KPI på Mätetal.',
    },
    approvedSetting(TEMPLATE_OUTCOME_YEARS[TEMPLATE_OUTCOME_YEARS.length - 1]!),
  ];
}

/** `Fastställd ÅÅÅÅ`: one row per approved year; the template has one for its latest year, empty. */
export function approvedSetting(year: number): SettingSpec {
  return {
    name: `${APPROVED_SETTING_PREFIX} ${year}`,
    value: null,
    note:
      `Dagen redovisningen för ${year} fastställdes, ÅÅÅÅ-MM-DD. Nästa omräkning sparar då sammanfattningen som den ser ut ` +
      `(Sammanfattning ${year} fastställd), och sammanfattningen visar sedan vad som ändrats. Lägg till en rad per år.`,
  };
}

/**
 * The spec of a header as found in `sheetName`, including year columns such as `Utfall 2021` and
 * `Målvärde 2025` that are not in the default column list. Undefined for a header the template does not know.
 */
export function findColumnSpec(sheetName: string, header: string): ColumnSpec | undefined {
  const sheet = templateSheets([]).find((s) => normalizeName(s.name) === normalizeName(sheetName));
  if (!sheet) return undefined;
  const wanted = normalizeName(header);
  const known = sheet.columns.find((c) => normalizeName(c.header) === wanted);
  if (known) return known;
  if (sheet.name !== SHEETS.metrics) return undefined;
  const year = /^(\S+(?: \S+)*?) (\d{4})\*?$/.exec(header.trim());
  if (!year || !year[1] || !year[2]) return undefined;
  const prefix = normalizeName(year[1]);
  if (prefix === normalizeName(OUTCOME_PREFIX)) return { ...outcomeColumn(Number(year[2])), header };
  if (prefix === normalizeName(TARGET_YEAR_PREFIX)) return { ...yearTargetColumn(Number(year[2])), header };
  return undefined;
}

/** The spec of a setting row by its name (case and spaces ignored); `Fastställd ÅÅÅÅ` for any year. */
export function findSettingSpec(name: string): SettingSpec | undefined {
  const wanted = normalizeName(name);
  const approved = new RegExp(`^${normalizeName(APPROVED_SETTING_PREFIX)} (\\d{4})$`).exec(wanted);
  if (approved) return { ...approvedSetting(Number(approved[1])), name };
  return defaultSettings().find((s) => normalizeName(s.name) === wanted);
}
