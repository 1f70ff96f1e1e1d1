/**
 * A workbook written by hand for the cross-adapter test, used by no other test: three goal areas,
 * Swedish number formats, percent cells, footnote marks, overrides at every level, a Styrande mätetal, a
 * qualitative metric with and without a manual assessment, a bad row, an unknown goal area and a note row.
 */
import { GOAL_AREA_HEADERS as G, INDICATOR_HEADERS as I, METRIC_HEADERS as M, SETTING_NAMES as S, SETTINGS_HEADERS, SHEETS } from '../../../shared/engine/model/template.ts';
import { templateHeaders } from '../../../sheets-templates/demo/environment.ts';
import { pct, rowOf, type DemoSheet, type DemoWorkbook } from '../../../sheets-templates/demo/types.ts';
import type { TemplateCell } from '../../../sheets-templates/template-spec.ts';

const sheet = (name: string, rows: Record<string, TemplateCell>[]): DemoSheet => {
  const headers = templateHeaders(name);
  return { name, headers, rows: rows.map((r) => rowOf(headers, r)) };
};

const ENERGY = 'Energi och klimat';
const HEALTH = 'Hälsa och vård';
const WORK = 'Arbetsmiljö';

const metric = (goalArea: string, indicator: string, name: string, unit: string, direction: string, cells: Record<string, TemplateCell>) => ({
  [M.goalArea]: goalArea, [M.indicator]: indicator, [M.metric]: name, [M.unit]: unit, [M.direction]: direction, ...cells,
});

export function heldOutWorkbook(): DemoWorkbook {
  return {
    fileName: 'Provland.xlsx',
    sheets: [
      sheet(SHEETS.metrics, [
        metric(ENERGY, 'Energianvändning', 'Fastighetsenergi', 'kWh/m² BRA', 'Minska', { 'Utfall 2023': '190,5', 'Utfall 2024': '185,2 kWh', 'Utfall 2025': 180 }),
        metric(ENERGY, 'Energianvändning', 'Verksamhetsel', 'MWh', 'Minska', { 'Utfall 2024': '1 234,5', 'Utfall 2025': '1\u00a0300' }),
        metric(ENERGY, 'Förnybar el', 'Andel förnybar el', '%', 'Öka', { [M.target]: '100 %', 'Utfall 2024': pct(0.92), 'Utfall 2025': '93*%' }),
        metric(ENERGY, 'Förnybar el', 'Solcellsanläggningar', 'st', 'Öka', { 'Utfall 2024': '12 st', 'Utfall 2025': '12st' }),
        metric(HEALTH, 'Antibiotika', 'Recept per 1 000 invånare', 'st', 'Minska', {
          [M.annualChange]: '-2,5 %', 'Utfall 2023': 280, 'Utfall 2024': '274', 'Utfall 2025': '253',
        }),
        metric(HEALTH, 'Antibiotika', 'Slutenvårdens förskrivning', 'st', 'Minska', { 'Utfall 2024': 40, 'Utfall 2025': '12 / 15' }),
        metric(HEALTH, 'Patientnöjdhet', 'Upplevd kvalitet', '', 'Kvalitativ', {
          'Utfall 2025': 'Förbättrad enligt patientenkäten', [M.manual]: 'positivt', [M.justification]: 'Enkäten visar bättre omdömen i alla förvaltningar.',
        }),
        metric(HEALTH, 'Patientnöjdhet', 'Bemötande', '', 'Kvalitativ', { 'Utfall 2025': 'Inga klagomål' }),
        metric(WORK, 'Sjukfrånvaro', 'Sjukfrånvaro totalt', '%', 'Minska', { [M.absoluteTolerance]: '0,3', 'Utfall 2024': pct(0.071), 'Utfall 2025': '6,8 %' }),
        metric(WORK, 'Sjukfrånvaro', 'Långtidssjukfrånvaro', '%', 'Minska', {
          [M.target]: '2,5 %', [M.targetYear]: 2030, [M.baseYear]: 2022, [M.baseValue]: '4 %', 'Utfall 2022': pct(0.04), 'Utfall 2024': pct(0.035), 'Utfall 2025': pct(0.036),
        }),
        metric(WORK, 'Sjukfrånvaro', 'Korttidsfrånvaro', 'dagar', 'Minska', {
          'Utfall 2024': '5,1', 'Utfall 2025': '5,9', [M.manual]: 'Oförändrad', [M.justification]: 'Influensasäsongen var ovanligt kraftig.',
        }),
        metric('Okänt område', 'Sjukfrånvaro', 'Friskvård', '%', 'Öka', { 'Utfall 2024': '40 %', 'Utfall 2025': '45 %' }),
        { [M.goalArea]: WORK, [M.indicator]: 'Sjukfrånvaro', 'Utfall 2025': 'Summa 12' },
      ]),
      sheet(SHEETS.indicators, [
        { [I.goalArea]: ENERGY, [I.indicator]: 'Energianvändning', [I.target2030]: '−30 %, basår 2019', [I.governingMetric]: 'Verksamhetsel' },
        { [I.goalArea]: ENERGY, [I.indicator]: 'Förnybar el', [I.target2030]: '100 %' },
        { [I.goalArea]: HEALTH, [I.indicator]: 'Antibiotika', [I.target2030]: 'Högst 250 recept' },
        {
          [I.goalArea]: HEALTH, [I.indicator]: 'Patientnöjdhet', [I.target2030]: 'Öka',
          [I.manual]: 'Negativ', [I.justification]: 'Väntetiderna ökade kraftigt under hösten.',
        },
        { [I.goalArea]: WORK, [I.indicator]: 'Sjukfrånvaro', [I.target2030]: 'Högst 6 %', [I.governingMetric]: 'Finns inte' },
      ]),
      sheet(SHEETS.goalAreas, [
        { [G.goalArea]: ENERGY, [G.goal]: 'Regionen använder energi effektivt och förnybart.' },
        { [G.goalArea]: HEALTH, [G.goal]: 'Vården är hållbar och jämlik.' },
        { [G.goalArea]: WORK, [G.goal]: 'Medarbetarna är friska.', [G.manual]: 'Positiv', [G.justification]: 'Ny friskvårdssatsning gav tydlig effekt.' },
      ]),
      {
        name: SHEETS.settings,
        headers: [SETTINGS_HEADERS.name, SETTINGS_HEADERS.value],
        rows: [
          [S.organisation, 'Region Provland'],
          [S.reportingYear, 2025],
          [S.tolerance, pct(0.005)],
          [S.threshold, '0,5'],
        ],
      },
    ],
  };
}
