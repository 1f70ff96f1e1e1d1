/**
 * The demo `Social hållbarhet.xlsx`: a goal area followed only by a självskattning. Seven förvaltningar
 * should answer ten statements; Tandvårdsförvaltningen has not, so the summary can say who is missing.
 * @module
 */
import {
  DEFAULT_ANSWER_ORDER,
  GOAL_AREA_HEADERS as G,
  INDICATOR_HEADERS as I,
  SETTING_NAMES as S,
  SHEETS,
  SURVEY_HEADERS as Q,
} from '../../shared/engine/index.ts';
import { ORGANISATION, settingsSheet, templateHeaders } from './environment.ts';
import { DEMO_REPORTING_YEAR } from './environment-metrics.ts';
import { rowOf } from './types.ts';
import type { DemoSheet, DemoWorkbook } from './types.ts';

export const SOCIAL_GOAL_AREA = 'Social hållbarhet och jämlik hälsa';
export const SOCIAL_INDICATOR = 'Förvaltningarna arbetar systematiskt med social hållbarhet';

export const DEPARTMENTS = [
  'Hälso- och sjukvårdsförvaltningen',
  'Regionservice',
  'Kultur- och bildningsförvaltningen',
  'Regional utveckling',
  'Kollektivtrafikförvaltningen',
  'Tandvårdsförvaltningen',
  'Regionledningskontoret',
] as const;

export const NOT_ANSWERING = 'Tandvårdsförvaltningen';

export const STATEMENTS = [
  'Förvaltningen har analyserat hur verksamheten påverkar en jämlik hälsa',
  'Barnrättsperspektivet beaktas i förvaltningens beslut',
  'Medarbetarna känner till regionens mål för social hållbarhet',
  'Förvaltningen samverkar med civilsamhället i frågor om social hållbarhet',
  'Sociala hänsyn ställs i förvaltningens upphandlingar',
  'Tillgängligheten för personer med funktionsnedsättning följs upp systematiskt',
  'Förvaltningen arbetar aktivt mot diskriminering och för likabehandling',
  'Resultat om social hållbarhet redovisas för förvaltningens ledning minst en gång per år',
  'Barn och unga ges möjlighet att påverka beslut som rör dem',
  'Förvaltningen gör barnkonsekvensanalyser inför större beslut',
] as const;

/** The child-rights statements, shown together in their own section (as a barnbokslut draws on them). */
export const CHILD_RIGHTS = 'Barnets rättigheter';
const THEMES: Record<number, string> = { 1: CHILD_RIGHTS, 8: CHILD_RIGHTS, 9: CHILD_RIGHTS };

const [HELT, DELVIS, INTE, VET_EJ] = DEFAULT_ANSWER_ORDER;

/**
 * Answers per statement (rows) by the answering förvaltningar (columns, in DEPARTMENTS order without
 * NOT_ANSWERING). Strengths: statements 7, 2, 8; development areas: 4, 6, 1. Within the theme Barnets
 * rättigheter (statements 2, 9, 10): strengths 2 and 10, development area 9.
 */
const ANSWERS: readonly (readonly string[])[] = [
  [DELVIS, INTE, INTE, DELVIS, INTE, DELVIS],
  [HELT, HELT, DELVIS, HELT, HELT, HELT],
  [DELVIS, DELVIS, HELT, DELVIS, INTE, HELT],
  [INTE, INTE, DELVIS, DELVIS, INTE, VET_EJ],
  [DELVIS, HELT, DELVIS, INTE, DELVIS, DELVIS],
  [INTE, DELVIS, INTE, VET_EJ, DELVIS, INTE],
  [HELT, HELT, HELT, DELVIS, HELT, HELT],
  [HELT, DELVIS, HELT, HELT, DELVIS, HELT],
  [DELVIS, INTE, DELVIS, VET_EJ, DELVIS, INTE],
  [DELVIS, DELVIS, INTE, DELVIS, HELT, VET_EJ],
];

function surveySheet(): DemoSheet {
  const headers = templateHeaders(SHEETS.survey);
  const answering = DEPARTMENTS.filter((d) => d !== NOT_ANSWERING);
  const rows = answering.flatMap((department, d) =>
    STATEMENTS.map((statement, s) =>
      rowOf(headers, {
        [Q.department]: department,
        [Q.statement]: statement,
        [Q.answer]: ANSWERS[s]?.[d] ?? null,
        [Q.goalArea]: SOCIAL_GOAL_AREA,
        [Q.year]: DEMO_REPORTING_YEAR,
        ...(THEMES[s] ? { [Q.theme]: THEMES[s] } : {}),
      }),
    ),
  );
  return { name: SHEETS.survey, headers, rows };
}

export function socialWorkbook(): DemoWorkbook {
  const indicators = templateHeaders(SHEETS.indicators);
  const goalAreas = templateHeaders(SHEETS.goalAreas);
  return {
    fileName: 'Social hållbarhet.xlsx',
    sheets: [
      { name: SHEETS.metrics, headers: templateHeaders(SHEETS.metrics), rows: [] },
      {
        name: SHEETS.indicators,
        headers: indicators,
        rows: [rowOf(indicators, { [I.goalArea]: SOCIAL_GOAL_AREA, [I.indicator]: SOCIAL_INDICATOR, [I.target2030]: 'Alla förvaltningar instämmer helt' })],
      },
      {
        name: SHEETS.goalAreas,
        headers: goalAreas,
        rows: [
          rowOf(goalAreas, {
            [G.goalArea]: SOCIAL_GOAL_AREA,
            [G.goal]: 'År 2030 är skillnaderna i hälsa mellan grupper i regionen mindre, och regionens verksamheter bidrar till ett jämlikt och tryggt samhälle.',
            [G.dimension]: 'Social',
          }),
        ],
      },
      settingsSheet([
        [S.organisation, ORGANISATION],
        [S.answerOrder, DEFAULT_ANSWER_ORDER.join(', ')],
        [S.departments, DEPARTMENTS.join(', ')],
        [S.strengthsCount, 3],
      ]),
      surveySheet(),
    ],
  };
}
