/**
 * The demo `Hälso- och sjukvården.xlsx`: a division's workbook holding its agendapyramid (where it stands
 * today), compared in the summary with the politics' pyramid in Miljöprogram.xlsx. Its other sheets are the
 * template's, empty: the division follows no metrics of its own here.
 * @module
 */
import { SETTING_NAMES as S, SHEETS } from '../../shared/engine/index.ts';
import { ORGANISATION, settingsSheet, templateHeaders } from './environment.ts';
import { DIVISION, DIVISION_PYRAMID, pyramidSheet } from './agenda-and-risks.ts';
import type { DemoWorkbook } from './types.ts';

export function divisionWorkbook(): DemoWorkbook {
  const empty = (name: string) => ({ name, headers: templateHeaders(name), rows: [] });
  return {
    fileName: 'Hälso- och sjukvården.xlsx',
    sheets: [
      empty(SHEETS.metrics),
      empty(SHEETS.indicators),
      empty(SHEETS.goalAreas),
      settingsSheet([[S.organisation, ORGANISATION]]),
      pyramidSheet(DIVISION, DIVISION_PYRAMID),
    ],
  };
}
