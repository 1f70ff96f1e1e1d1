/**
 * `Mätetal` of the demo `Miljöprogram.xlsx` (Region Exempelland, reporting year 2025). The figures are
 * invented but in the range Swedish regions publish; cells are typed the way staff type them, including
 * the mistakes the product must catch (a footnote mark, two figures in one cell, a note row with no metric).
 * @module
 */
import { METRIC_HEADERS as M, OUTCOME_PREFIX, TARGET_YEAR_PREFIX, SHEETS } from '../../shared/engine/index.ts';
import { templateSheets } from '../template-spec.ts';
import type { TemplateCell } from '../template-spec.ts';
import { pct, rowOf } from './types.ts';
import type { DemoSheet } from './types.ts';

export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
export const DEMO_REPORTING_YEAR = 2025;

/**
 * The demo's approved report (`Fastställd 2025`) and the one correction made after it: diklofenak's 2025 outcome,
 * approved as 33,7 kg (Positiv against 33,9 in 2024), corrected to 34,8 kg (Negativ). `init` archives the
 * summary as it was approved, so the live summary's "Ändrat sedan fastställd rapport" has that row.
 */
export const DEMO_APPROVAL = { year: 2025, approvedOn: '2026-03-02', approved: '33,7 kg', corrected: '34,8 kg' } as const;

/** The demo's Kolada ids: an example key figure, and an id no region has (Region Exempelland is not in Kolada). */
export const DEMO_KOLADA = { kpi: 'N00945', id: '0099' } as const;

export const GOAL_AREAS = {
  climate: 'Minskad klimatpåverkan',
  procurement: 'Hållbar upphandling',
  pharma: 'Läkemedel',
  economy: 'Hållbar ekonomi och styrning',
} as const;

export const INDICATORS = {
  energy: 'Energianvändningen i regionens verksamheter ska minska',
  transport: 'Utsläppen från resor och transporter ska halveras till 2030',
  ranking: 'Regionen ska vara bland de främsta i nationella miljöjämförelser',
  requirements: 'Miljökrav ska ställas i alla relevanta upphandlingar',
  food: 'Livsmedel med låg klimat- och miljöpåverkan',
  antibiotics: 'Förskrivningen av antibiotika ska minska',
  residues: 'Utsläppen av läkemedelsrester ska minska',
  investments: 'Andelen hållbara investeringar ska öka',
  sickLeave: 'Sjukfrånvaron ska vara låg och stabil',
} as const;

export const METRICS = {
  buildingEnergy: 'Energianvändning i egna fastigheter',
  renewable: 'Andel förnybar el',
  busEnergy: 'Energi per fordonskilometer i kollektivtrafiken',
  transportCo2: 'Utsläpp av CO2e från resor och transporter',
  fossilFree: 'Andel fossilfria fordon',
  flights: 'Tjänsteresor med flyg',
  ranking: 'Placering i Miljöbarometern',
  sustainabilityRanking: 'Placering i Aktuell Hållbarhets regionranking',
  requirements: 'Andel upphandlingar med miljökrav',
  requirementCount: 'Antal upphandlingar med miljökrav',
  organic: 'Andel ekologiska livsmedel',
  foodClimate: 'Klimatpåverkan från livsmedelsinköp, förändring mot 2019',
  antibiotics: 'Antibiotikarecept per 1 000 invånare',
  diclofenac: 'Försäljning av diklofenak',
  discarded: 'Kassation av läkemedel',
  greenBonds: 'Andel gröna obligationer i likviditetsförvaltningen',
  climateRisk: 'Klimatrisker i investeringsbeslut',
  sickLeave: 'Sjukfrånvaro',
} as const;

const u = (year: number) => `${OUTCOME_PREFIX} ${year}`;
const TARGET_2025 = `${TARGET_YEAR_PREFIX} 2025`;

/** The template's columns with five outcome years, plus `Målvärde 2025` beside `Målvärde` (used by one metric). */
export function demoMetricHeaders(): string[] {
  const spec = templateSheets(DEMO_YEARS).find((s) => s.name === SHEETS.metrics);
  if (!spec) throw new Error('template has no Mätetal sheet');
  const headers = spec.columns.map((c) => c.header);
  headers.splice(headers.indexOf(M.target) + 1, 0, TARGET_2025);
  return headers;
}

type Outcomes = [TemplateCell, TemplateCell, TemplateCell, TemplateCell, TemplateCell];

function outcomes(values: Outcomes): Record<string, TemplateCell> {
  return Object.fromEntries(DEMO_YEARS.map((y, i) => [u(y), values[i] ?? null]));
}

/** `approved`: the sheet as it stood when the 2025 report was approved (before the correction). */
export function demoMetricsSheet(options: { approved?: boolean } = {}): DemoSheet {
  const headers = demoMetricHeaders();
  const row = (cells: Record<string, TemplateCell>) => rowOf(headers, cells);
  const climate = { [M.goalArea]: GOAL_AREAS.climate };
  const procurement = { [M.goalArea]: GOAL_AREAS.procurement };
  const pharma = { [M.goalArea]: GOAL_AREAS.pharma };
  const economy = { [M.goalArea]: GOAL_AREAS.economy };
  const rows: TemplateCell[][] = [
    row({
      ...climate, [M.indicator]: INDICATORS.energy, [M.metric]: METRICS.buildingEnergy, [M.unit]: 'kWh/m² BRA',
      [M.direction]: 'Minska', [M.target]: 180, [M.targetYear]: 2030, [M.annualChange]: '−2 %',
      ...outcomes([219, 214, 208, '203', 199]),
    }),
    row({
      ...climate, [M.indicator]: INDICATORS.energy, [M.metric]: METRICS.renewable, [M.unit]: '%',
      [M.direction]: 'Öka', [M.target]: '100 %',
      ...outcomes([pct(1), pct(1), '100 %', pct(1), pct(0.992)]),
      [M.manual]: 'Oförändrad',
      [M.justification]:
        'Nedgången beror på att en nyförvärvad vårdcentral hade kvar sitt gamla elavtal under våren; avtalet är nu bytt.',
      [M.assessmentYear]: 2025,
    }),
    row({
      ...climate, [M.indicator]: INDICATORS.energy, [M.metric]: METRICS.busEnergy, [M.unit]: 'kWh/km',
      [M.direction]: 'Minska', [M.target]: '4,5',
      ...outcomes(['4,9', 4.8, 4.6, '4,5 kWh/km', '4,5 kWh/km']),
      [M.manual]: 'Positiv',
      [M.justification]: 'Målet för 2024 var 4,5 kWh/km och nivån hölls trots fler elbussar i vintertrafik.',
      [M.assessmentYear]: 2024,
    }),
    row({
      ...climate, [M.indicator]: INDICATORS.transport, [M.metric]: METRICS.transportCo2, [M.unit]: 'ton CO2e',
      [M.direction]: 'Minska', [M.target]: '-50 %', [M.targetYear]: 2030, [M.baseYear]: 2019, [M.baseValue]: '14 820',
      ...outcomes([11950, '12 640', 12110, 11480, '10 960']),
      [M.headline]: 'Miljömässig',
    }),
    row({
      ...climate, [M.indicator]: INDICATORS.transport, [M.metric]: METRICS.fossilFree, [M.unit]: '%',
      [M.direction]: 'Öka', [M.target]: '100 %', [M.targetYear]: 2030, [M.baseYear]: 2019, [M.baseValue]: '31 %',
      ...outcomes([pct(0.482), '54,1 %', pct(0.603), '66,8%', pct(0.721)]),
    }),
    row({
      ...climate, [M.indicator]: INDICATORS.transport, [M.metric]: METRICS.flights, [M.unit]: 'tusen km',
      [M.direction]: 'Minska', [M.annualChange]: '-2,5 %', [M.baseYear]: 2019, [M.baseValue]: '2 310',
      ...outcomes([412, '980', '1 310,2', '1 234,5', 1180]),
    }),
    row({
      ...procurement, [M.indicator]: INDICATORS.requirements, [M.metric]: METRICS.requirements, [M.unit]: '%',
      [M.direction]: 'Öka', [M.target]: '100 %',
      ...outcomes(['78%', pct(0.81), '84,5 %', '93*%', '12 / 15']),
    }),
    row({
      ...procurement, [M.indicator]: INDICATORS.requirements, [M.metric]: METRICS.requirementCount, [M.unit]: 'st',
      [M.direction]: 'Öka',
      ...outcomes([118, 121, '134 st', '152st', 161]),
    }),
    row({
      ...procurement, [M.indicator]: INDICATORS.food, [M.metric]: METRICS.organic, [M.unit]: '%',
      [M.direction]: 'Öka', [M.target]: '60 %', [TARGET_2025]: '50 %', [M.targetYear]: 2030,
      ...outcomes([pct(0.352), '36,9%', pct(0.41), '44,8 %', pct(0.512)]),
    }),
    row({
      ...procurement, [M.indicator]: INDICATORS.food, [M.metric]: METRICS.foodClimate, [M.unit]: '%',
      [M.direction]: 'Minska', [M.target]: '−25 %', [M.targetYear]: 2030,
      ...outcomes(['−2 %', '−4,1 %', '-6,8 %', '−7,5 %', '−9,3 %']),
    }),
    row({
      ...pharma, [M.indicator]: INDICATORS.antibiotics, [M.metric]: METRICS.antibiotics, [M.unit]: 'recept per 1 000 invånare',
      [M.direction]: 'Minska', [M.target]: 250,
      ...outcomes([262, 291, '288', 274, 253]),
    }),
    row({
      ...pharma, [M.indicator]: INDICATORS.residues, [M.metric]: METRICS.diclofenac, [M.unit]: 'kg',
      [M.direction]: 'Minska',
      ...outcomes(['41,2 kg', 38.7, '35,1', 33.9, options.approved ? DEMO_APPROVAL.approved : DEMO_APPROVAL.corrected]),
    }),
    row({
      ...pharma, [M.indicator]: INDICATORS.residues, [M.metric]: METRICS.discarded, [M.unit]: 'kg',
      [M.direction]: 'Minska', [M.tolerance]: '2 %',
      ...outcomes(['8 940', 9310, '8 770', 8420, null]),
      // an example key figure: `kolada` fills the empty 2025 cell from Kolada (in the tests, from the fake)
      [M.koladaKpi]: DEMO_KOLADA.kpi,
    }),
    row({
      ...economy, [M.indicator]: INDICATORS.investments, [M.metric]: METRICS.greenBonds, [M.unit]: '%',
      [M.direction]: 'Öka', [M.target]: '50 %', [M.targetYear]: 2030,
      ...outcomes(['-', '12 %', pct(0.18), pct(0.24), '22,5%']),
      [M.headline]: 'Ekonomisk',
    }),
    row({
      ...economy, [M.indicator]: INDICATORS.investments, [M.metric]: METRICS.climateRisk,
      [M.direction]: 'Kvalitativ',
      ...outcomes([
        null,
        null,
        'Klimatrisker beaktas i enstaka investeringsbeslut',
        'Rutin för klimatriskbedömning beslutad av regionstyrelsen',
        'Klimatriskbedömning ingår i alla investeringar över 10 mnkr',
      ]),
      [M.manual]: 'Positiv',
      [M.justification]: 'Rutinen tillämpas sedan januari 2025 i samtliga investeringsbeslut över 10 mnkr.',
      [M.assessmentYear]: 2025,
    }),
    row({
      ...economy, [M.indicator]: INDICATORS.ranking, [M.metric]: METRICS.ranking, [M.unit]: 'placering',
      [M.direction]: 'Minska', [M.target]: 5,
      ...outcomes([14, 11, 12, 9, 7]),
      [M.rankedAmong]: 21, [M.comparison]: 'grön',
    }),
    // Riktning left blank: a ranking's 1 is best, so it means Minska
    row({
      ...economy, [M.indicator]: INDICATORS.ranking, [M.metric]: METRICS.sustainabilityRanking, [M.unit]: 'plats',
      ...outcomes([8, 10, 9, 10, 9]),
      [M.rankedAmong]: 21, [M.comparison]: 'gul',
    }),
    row({
      ...economy, [M.indicator]: INDICATORS.sickLeave, [M.metric]: METRICS.sickLeave, [M.unit]: '%',
      [M.direction]: 'Minska', [M.absoluteTolerance]: '0,3',
      ...outcomes(['7,4 %', pct(0.078), pct(0.071), pct(0.069), '6,8 %']),
      [M.headline]: 'Social',
    }),
    [],
    row({ [M.goalArea]: 'Källa: Energideklarationer och Regionfastigheters mätsystem; resor från reseräkningar och drivmedelskort.' }),
  ];
  return { name: SHEETS.metrics, headers, rows };
}
