/**
 * A section per `Tema` of the self-assessment (domain.md §3 "Självskattning"), named after the theme: its
 * statements' distribution (a table and a chart), strengths and development areas — the part a region's
 * barnbokslut draws on for the child-rights statements.
 * @module
 */
import type { SurveyResult } from '../model/model.ts';
import type { SummaryBlock } from '../model/summary-model.ts';
import { shareChart } from './charts.ts';
import { slug } from './cells.ts';
import { distributionTable, statementList } from './survey.ts';

export function themeBlocks(survey: SurveyResult | null, answerOrder: string[]): SummaryBlock[] {
  if (!survey) return [];
  return (survey.themes ?? []).flatMap((theme): SummaryBlock[] => [
    { kind: 'heading', level: 2, text: theme.theme, id: `tema-${slug(theme.theme)}` },
    {
      kind: 'paragraph',
      text: `Självskattningens ${theme.statements.length} ${theme.statements.length === 1 ? 'påstående' : 'påståenden'} med temat ${theme.theme}${survey.year !== null ? ` (${survey.year})` : ''}.`,
    },
    distributionTable(survey, theme.statements, `Svarsfördelning – ${theme.theme}`),
    {
      kind: 'chart',
      chart: shareChart(survey, theme.statements, answerOrder, {
        id: `tema-${slug(theme.theme)}`,
        title: `${theme.theme}: svarsfördelning per påstående (%)`,
        what: `svaren om ${theme.theme}`,
      }),
    },
    { kind: 'heading', level: 3, text: `Styrkor – ${theme.theme}` },
    statementList(theme.strengths, 'styrkor'),
    { kind: 'heading', level: 3, text: `Utvecklingsområden – ${theme.theme}` },
    statementList(theme.developmentAreas, 'utvecklingsområden'),
  ]);
}
