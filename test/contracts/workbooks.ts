/**
 * Two small workbooks of the template for the store contracts: what staff typed (words, Swedish numbers, a
 * percent-formatted cell, a unit after a figure), enough for the engine to write a status and a Förklaring into
 * every metric row and up the levels.
 */
import { GOAL_AREA_HEADERS as G, INDICATOR_HEADERS as I, METRIC_HEADERS as M, SETTING_NAMES as S, SETTINGS_HEADERS, SHEETS } from '../../shared/engine/model/template.ts';
import { templateHeaders } from '../../sheets-templates/demo/environment.ts';
import { pct, rowOf, type DemoSheet, type DemoWorkbook } from '../../sheets-templates/demo/types.ts';
import type { TemplateCell } from '../../sheets-templates/template-spec.ts';

const sheet = (name: string, rows: Record<string, TemplateCell>[]): DemoSheet => {
  const headers = templateHeaders(name);
  return { name, headers, rows: rows.map((r) => rowOf(headers, r)) };
};

const settings = (organisation: string): DemoSheet => ({
  name: SHEETS.settings,
  headers: [SETTINGS_HEADERS.name, SETTINGS_HEADERS.value],
  rows: [
    [S.organisation, organisation],
    [S.reportingYear, 2025],
  ],
});

export const OUTCOME_2025 = 'Utfall 2025';

/** Where a person types a new outcome in the contract's tests: Mätetal row 2 (the first metric), `Utfall 2025`. */
export const TYPED = { sheet: SHEETS.metrics, rowNumber: 2, columnNumber: templateHeaders(SHEETS.metrics).indexOf(OUTCOME_2025) + 1 };

export function contractWorkbooks(): DemoWorkbook[] {
  const climate = 'Klimat';
  const work = 'Arbetsmiljö';
  return [
    {
      fileName: 'Klimat.xlsx',
      sheets: [
        sheet(SHEETS.metrics, [
          { [M.goalArea]: climate, [M.indicator]: 'Förnybar el', [M.metric]: 'Andel förnybar el', [M.unit]: '%', [M.direction]: 'Öka', 'Utfall 2024': pct(0.92), [OUTCOME_2025]: '93 %' },
          { [M.goalArea]: climate, [M.indicator]: 'Energianvändning', [M.metric]: 'Verksamhetsel', [M.unit]: 'MWh', [M.direction]: 'Minska', 'Utfall 2024': '1 234,5', [OUTCOME_2025]: 1300 },
          { [M.goalArea]: climate, [M.indicator]: 'Energianvändning', [M.metric]: 'Solceller', [M.unit]: 'st', [M.direction]: 'Öka', 'Utfall 2024': '12 st' },
        ]),
        sheet(SHEETS.indicators, [
          { [I.goalArea]: climate, [I.indicator]: 'Förnybar el', [I.target2030]: '100 %' },
          { [I.goalArea]: climate, [I.indicator]: 'Energianvändning', [I.target2030]: '−30 %, basår 2019' },
        ]),
        sheet(SHEETS.goalAreas, [{ [G.goalArea]: climate, [G.goal]: 'Regionen använder energi effektivt och förnybart.' }]),
        settings('Region Kontrakt'),
      ],
    },
    {
      fileName: 'Arbetsmiljö.xlsx',
      sheets: [
        sheet(SHEETS.metrics, [
          { [M.goalArea]: work, [M.indicator]: 'Sjukfrånvaro', [M.metric]: 'Sjukfrånvaro totalt', [M.unit]: '%', [M.direction]: 'Minska', 'Utfall 2024': pct(0.071), [OUTCOME_2025]: '6,8 %' },
        ]),
        sheet(SHEETS.indicators, [{ [I.goalArea]: work, [I.indicator]: 'Sjukfrånvaro', [I.target2030]: 'Högst 6 %' }]),
        sheet(SHEETS.goalAreas, [{ [G.goalArea]: work, [G.goal]: 'Medarbetarna är friska.' }]),
        settings('Region Kontrakt'),
      ],
    },
  ];
}
