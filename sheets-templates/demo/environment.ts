/**
 * The demo `Miljöprogram.xlsx`: Region Exempelland's environmental programme with its indicators,
 * goal areas, settings and action plan. Metrics are in environment-metrics.ts.
 * @module
 */
import {
  APPROVED_SETTING_PREFIX,
  ACTION_HEADERS as A,
  GOAL_AREA_HEADERS as G,
  INDICATOR_HEADERS as I,
  SETTING_NAMES as S,
  SETTINGS_HEADERS,
  SHEETS,
} from '../../shared/engine/index.ts';
import { templateSheets } from '../template-spec.ts';
import type { TemplateCell } from '../template-spec.ts';
import { DEMO_APPROVAL, DEMO_KOLADA, GOAL_AREAS, INDICATORS, METRICS, demoMetricsSheet } from './environment-metrics.ts';
import { date, pct, rowOf } from './types.ts';
import { politicalPyramidSheet, riskAreasSheet } from './agenda-and-risks.ts';
import type { DemoSheet, DemoWorkbook } from './types.ts';

export const ORGANISATION = 'Region Exempelland';
export const SHARE_WITH = 'regiondirektor@exempelland.se, grupp:koncernledning@exempelland.se';

/** The headers of a template sheet, in the template's order. */
export function templateHeaders(sheetName: string): string[] {
  const sheet = templateSheets().find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`template has no sheet ${sheetName}`);
  return sheet.columns.map((c) => c.header);
}

function sheetOf(name: string, rows: Record<string, TemplateCell>[]): DemoSheet {
  const headers = templateHeaders(name);
  return { name, headers, rows: rows.map((r) => rowOf(headers, r)) };
}

function indicatorsSheet(): DemoSheet {
  const ind = (goalArea: string, indicator: string, target2030: string, extra: Record<string, TemplateCell> = {}) => ({
    [I.goalArea]: goalArea,
    [I.indicator]: indicator,
    [I.target2030]: target2030,
    ...extra,
  });
  return sheetOf(SHEETS.indicators, [
    ind(GOAL_AREAS.climate, INDICATORS.energy, '180 kWh/m² BRA och 100 % förnybar el'),
    ind(GOAL_AREAS.climate, INDICATORS.transport, '−50 %, basår 2019', { [I.governingMetric]: METRICS.transportCo2 }),
    ind(GOAL_AREAS.procurement, INDICATORS.requirements, '100 %'),
    ind(GOAL_AREAS.procurement, INDICATORS.food, '60 % ekologiskt, −25 % klimatpåverkan mot 2019'),
    ind(GOAL_AREAS.pharma, INDICATORS.antibiotics, 'Högst 250 recept per 1 000 invånare'),
    ind(GOAL_AREAS.pharma, INDICATORS.residues, 'Minska'),
    ind(GOAL_AREAS.economy, INDICATORS.investments, '50 % gröna obligationer'),
    ind(GOAL_AREAS.economy, INDICATORS.ranking, 'Topp 5 i Miljöbarometern'),
    ind(GOAL_AREAS.economy, INDICATORS.sickLeave, 'Högst 7 %'),
  ]);
}

function goalAreasSheet(): DemoSheet {
  const area = (goalArea: string, goal: string, dimension: string) => ({ [G.goalArea]: goalArea, [G.goal]: goal, [G.dimension]: dimension });
  return sheetOf(SHEETS.goalAreas, [
    area(
      GOAL_AREAS.climate,
      'År 2030 har regionen halverat sina utsläpp av växthusgaser jämfört med 2019 och använder energi effektivt och förnybart.',
      'Miljömässig',
    ),
    area(
      GOAL_AREAS.procurement,
      'Regionens inköp bidrar till en hållbar utveckling genom miljökrav och livsmedel med låg klimat- och miljöpåverkan.',
      'Miljömässig',
    ),
    area(
      GOAL_AREAS.pharma,
      'Läkemedel används så att miljöpåverkan och antibiotikaresistens minskar, utan att vårdens kvalitet försämras.',
      // the dimension as some regions write it: read as Miljömässig
      'Ekologisk',
    ),
    area(
      GOAL_AREAS.economy,
      'Regionens ekonomi och styrning är långsiktigt hållbara: kapital placeras hållbart, miljöarbetet håller nationell toppklass och medarbetarna mår bra.',
      'Ekonomisk',
    ),
  ]);
}

export function settingsSheet(rows: [string, TemplateCell][]): DemoSheet {
  return {
    name: SHEETS.settings,
    headers: [SETTINGS_HEADERS.name, SETTINGS_HEADERS.value],
    rows: rows.map(([name, value]) => [name, value]),
  };
}

function actionPlanSheet(): DemoSheet {
  const act = (goalArea: string, activity: string, owner: string, due: TemplateCell, status: string) => ({
    [A.goalArea]: goalArea,
    [A.activity]: activity,
    [A.owner]: owner,
    [A.due]: due,
    [A.status]: status,
  });
  return sheetOf(SHEETS.actionPlan, [
    act(GOAL_AREAS.climate, 'Energikartlägga de fem största sjukhusbyggnaderna', 'Regionfastigheter, energistrateg', date('2025-06-30'), 'Klar'),
    act(GOAL_AREAS.climate, 'Installera solceller på tre vårdcentraler', 'Regionfastigheter', date('2026-06-30'), 'Pågår'),
    act(GOAL_AREAS.climate, 'Ta fram en resepolicy med tåg före flyg under 50 mil', 'Regionledningskontoret, HR', '2025-12', 'Klar'),
    act(GOAL_AREAS.climate, 'Byta ut de sista fossildrivna bilarna i bilpoolen', 'Regionservice, fordonsenheten', 'juni 2027', 'Pågår'),
    act(GOAL_AREAS.procurement, 'Införa klimatkrav i livsmedelsupphandlingen 2026', 'Regionservice, upphandling', date('2026-12-31'), 'Pågår'),
    act(GOAL_AREAS.procurement, 'Utbilda upphandlare i miljökrav enligt Upphandlingsmyndighetens kriterier', 'Regionservice, upphandling', '2027', 'Ej påbörjad'),
    act(GOAL_AREAS.pharma, 'Lägga till miljöinformation i rekommendationslistan för läkemedel', 'Läkemedelskommittén', date('2025-03-31'), 'Klar'),
    act(GOAL_AREAS.pharma, 'Följa upp antibiotikaförskrivningen per vårdcentral varje kvartal', 'Strama, Hälso- och sjukvårdsförvaltningen', 'mars 2027', 'Pågår'),
    act(GOAL_AREAS.economy, 'Besluta riktlinjer för hållbara placeringar', 'Regionledningskontoret, ekonomi', date('2027-03-31'), 'Ej påbörjad'),
  ]);
}

/** `approved`: the workbook as it stood when the 2025 report was approved (DEMO_APPROVAL). */
export function environmentWorkbook(options: { approved?: boolean } = {}): DemoWorkbook {
  return {
    fileName: 'Miljöprogram.xlsx',
    sheets: [
      demoMetricsSheet(options),
      indicatorsSheet(),
      goalAreasSheet(),
      settingsSheet([
        [S.organisation, ORGANISATION],
        [S.reportingYear, null],
        [S.tolerance, pct(0.005)],
        [S.threshold, 0.5],
        [S.shareWith, SHARE_WITH],
        [S.manualOverall, null],
        [S.manualOverallJustification, null],
        [S.koladaId, DEMO_KOLADA.id],
        [`${APPROVED_SETTING_PREFIX} ${DEMO_APPROVAL.year}`, date(DEMO_APPROVAL.approvedOn)],
      ]),
      actionPlanSheet(),
      politicalPyramidSheet(),
      riskAreasSheet(),
    ],
  };
}
