/**
 * The self-assessment result (shares per statement, strengths, development areas, who answered) and
 * the Handlingsplan overview (counts per goal area, delayed activities, the full list for its sheet).
 * @module
 */
import type { SurveyResult, ActionAssessment, StatementResult } from '../model/model.ts';
import type { SummaryBlock, SummaryCell, SummaryDocument } from '../model/summary-model.ts';
import { formatNumber } from '../explain/format.ts';
import { NO_VALUE, textCell } from './cells.ts';

export function surveyBlocks(survey: SurveyResult | null): SummaryBlock[] {
  const blocks: SummaryBlock[] = [{ kind: 'heading', level: 2, text: 'Självskattning', id: 'sjalvskattning' }];
  if (!survey || survey.statements.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'Arbetsböckerna har ingen självskattning.' });
    return blocks;
  }
  if (survey.year !== null) blocks.push({ kind: 'paragraph', text: `Självskattning ${survey.year}.` });
  blocks.push(distributionTable(survey, survey.statements, 'Svarsfördelning per påstående'));
  blocks.push({ kind: 'heading', level: 3, text: 'Styrkor' }, statementList(survey.strengths, 'styrkor'));
  blocks.push({ kind: 'heading', level: 3, text: 'Utvecklingsområden' }, statementList(survey.developmentAreas, 'utvecklingsområden'));
  blocks.push({ kind: 'heading', level: 3, text: 'Svarande förvaltningar' });
  blocks.push({ kind: 'paragraph', text: `Har svarat: ${join(survey.answeredDepartments)}.` });
  blocks.push({ kind: 'paragraph', text: `Har inte svarat: ${join(survey.missingDepartments)}.` });
  return blocks;
}

/** Shares per statement in the survey's categories, with how many answered. */
export function distributionTable(survey: SurveyResult, statements: StatementResult[], caption: string): SummaryBlock {
  return {
    kind: 'table',
    caption,
    columns: ['Påstående', ...survey.categories, 'Antal svar'],
    rows: statements.map((s) => [
      { text: s.statement },
      ...survey.categories.map((c): SummaryCell => {
        const share = s.shares.find((x) => x.category === c);
        return share ? { text: `${formatNumber(share.percent)}\u00a0%`, number: share.percent } : { text: NO_VALUE };
      }),
      { text: String(s.answered), number: s.answered },
    ]),
  };
}

function join(names: string[]): string {
  return names.length === 0 ? 'ingen' : names.join(', ');
}

export function statementList(list: StatementResult[], what: string): SummaryBlock {
  if (list.length === 0) return { kind: 'paragraph', text: `Inga ${what} kunde pekas ut.` };
  return {
    kind: 'list',
    items: list.map((s) => {
      const shares = s.shares.map((x) => `${x.category} ${formatNumber(x.percent)}\u00a0%`).join(', ');
      return { text: shares ? `${s.statement} (${shares})` : s.statement };
    }),
  };
}

export const ACTION_COLUMNS = ['Målområde', 'Aktivitet', 'Ansvarig', 'Klart senast', 'Status', 'Läge'];

export function actionPlanSheet(actions: ActionAssessment[]): SummaryDocument['actionPlan'] {
  if (actions.length === 0) return null;
  return {
    columns: ACTION_COLUMNS,
    rows: actions.map((a) => [
      { text: a.goalArea },
      { text: a.activity },
      textCell(a.owner),
      textCell(a.due),
      textCell(a.status),
      a.position ? { text: a.position, style: a.position } : { text: NO_VALUE },
    ]),
  };
}

export function actionPlanBlocks(actions: ActionAssessment[], goalAreaOrder: string[]): SummaryBlock[] {
  if (actions.length === 0) return [];
  const areas = [...new Set([...goalAreaOrder.filter((g) => actions.some((a) => a.goalArea === g)), ...actions.map((a) => a.goalArea)])];
  const count = (area: string, test: (a: ActionAssessment) => boolean) =>
    actions.filter((a) => a.goalArea === area && test(a)).length;
  const cell = (n: number): SummaryCell => ({ text: String(n), number: n });
  const delayed = actions.filter((a) => a.position === 'Försenad');
  return [
    { kind: 'heading', level: 2, text: 'Handlingsplan', id: 'handlingsplan' },
    {
      kind: 'table',
      caption: 'Handlingsplanens aktiviteter per målområde',
      columns: ['Målområde', 'Aktiviteter', 'Klara', 'Enligt plan', 'Försenade'],
      rows: areas.map((area) => [
        { text: area },
        cell(count(area, () => true)),
        cell(count(area, (a) => a.position === 'Klar')),
        cell(count(area, (a) => a.position === 'Enligt plan')),
        cell(count(area, (a) => a.position === 'Försenad')),
      ]),
    },
    { kind: 'heading', level: 3, text: 'Försenade aktiviteter' },
    delayed.length === 0
      ? { kind: 'paragraph', text: 'Inga aktiviteter är försenade.' }
      : {
          kind: 'list',
          items: delayed.map((a) => ({
            text: `${a.activity} (${a.goalArea}${a.owner ? `, ansvarig ${a.owner}` : ''}) – klart senast ${a.due ?? NO_VALUE}`,
            style: 'Försenad',
          })),
        },
  ];
}
