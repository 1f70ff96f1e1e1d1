/**
 * `Tema` in Självskattning (issue 15): statements sharing a theme get their own strengths and development
 * areas; and answers that are not scored are drawn grey, never in the scale's colours.
 */
import { describe, expect, it } from 'vitest';
import { assessSurvey } from '../../shared/engine/assess/survey.ts';
import { surveyChart } from '../../shared/engine/summary/charts.ts';
import { parseWorkbook } from '../../shared/engine/parse/workbook.ts';
import type { SurveyAnswer } from '../../shared/engine/model/model.ts';
import { setSettings, surveyAnswer } from './model-factories.ts';
import { demoSet } from './set-fixtures.ts';
import { sheet, standardWorkbook } from './grid-builder.ts';

const [HELT, DELVIS, INTE, VET_EJ] = ['Instämmer helt', 'Instämmer delvis', 'Instämmer inte', 'Vet ej'];

function answersTo(statement: string, answers: string[], theme?: string): SurveyAnswer[] {
  return answers.map((answer, i) => surveyAnswer({ statement, answer, department: `F${i + 1}`, rowNumber: i + 2, ...(theme ? { theme } : {}) }));
}

describe('themes', () => {
  const result = assessSurvey(
    [
      ...answersTo('Barn får påverka', [INTE, INTE, DELVIS], 'Barnets rättigheter'),
      ...answersTo('Barnkonsekvensanalys görs', [HELT, HELT, DELVIS], 'barnets  rättigheter'),
      ...answersTo('Barnrätt i beslut', [DELVIS, DELVIS, DELVIS], 'Barnets rättigheter'),
      ...answersTo('Lokaler är tillgängliga', [HELT, VET_EJ], 'Funktionsrätt'),
      ...answersTo('Utan tema', [HELT, HELT]),
    ],
    setSettings({ strengthsCount: 1 }),
    [],
  )!;

  it('groups statements by theme (case and spaces ignored), in the order themes first appear', () => {
    expect(result.themes?.map((t) => [t.theme, t.statements.map((s) => s.statement)])).toEqual([
      ['Barnets rättigheter', ['Barn får påverka', 'Barnkonsekvensanalys görs', 'Barnrätt i beslut']],
      ['Funktionsrätt', ['Lokaler är tillgängliga']],
    ]);
    expect(result.statements.find((s) => s.statement === 'Utan tema')).not.toHaveProperty('theme');
  });

  it('picks each theme’s own strengths and development areas', () => {
    const child = result.themes![0]!;
    expect(child.strengths.map((s) => s.statement)).toEqual(['Barnkonsekvensanalys görs']);
    expect(child.developmentAreas.map((s) => s.statement)).toEqual(['Barn får påverka']);
    // the whole survey's strength is the statement without a theme
    expect(result.strengths.map((s) => s.statement)).toEqual(['Utan tema']);
  });

  it('has no themes field when no answer has a theme', () => {
    expect(assessSurvey(answersTo('P', [HELT]), setSettings(), [])).not.toHaveProperty('themes');
  });

  it('records which categories are scored', () => {
    expect(result.scoredCategories).toEqual([HELT, DELVIS, INTE]);
  });

  it('reads Tema from the sheet, optional', () => {
    const model = parseWorkbook(
      standardWorkbook(
        [['Målområde', 'Indikator', 'Mätetal', 'Riktning']],
        [sheet('Självskattning', [['Förvaltning', 'Påstående', 'Svar', 'Tema'], ['HS', 'P1', HELT, 'Barnets rättigheter'], ['RS', 'P1', INTE, null]])],
      ),
    );
    expect(model.survey.map((a) => a.theme)).toEqual(['Barnets rättigheter', undefined]);
    expect(model.survey[1]).not.toHaveProperty('theme');
  });
});

describe('the answer colours', () => {
  const colours = (answerOrder: string[], categories: string[], scored?: string[]) => {
    const set = demoSet();
    set.survey = { ...set.survey!, categories, ...(scored ? { scoredCategories: scored } : {}) };
    return Object.fromEntries(surveyChart(set, answerOrder)!.series.map((s) => [s.name, s.colour]));
  };

  it('draws Vet ej grey, not the darkest red, even though Svarsordning lists it', () => {
    const c = colours([HELT, DELVIS, INTE, VET_EJ], [HELT, DELVIS, INTE, VET_EJ], [HELT, DELVIS, INTE]);
    expect(c).toEqual({ [HELT]: '2E7D32', [DELVIS]: 'FFD54F', [INTE]: 'C62828', [VET_EJ]: 'BDBDBD' });
  });

  it('draws a category Svarsordning does not list grey too', () => {
    const c = colours([HELT, INTE], [HELT, INTE, 'Ingen uppfattning'], [HELT, INTE]);
    expect(c['Ingen uppfattning']).toBe('BDBDBD');
    expect(c[INTE]).toBe('C62828');
  });

  it('keeps Vet ej grey for a result cached before scoredCategories existed', () => {
    const c = colours([HELT, DELVIS, INTE, VET_EJ], [HELT, DELVIS, INTE, VET_EJ]);
    expect([c[INTE], c[VET_EJ]]).toEqual(['C62828', 'BDBDBD']);
  });
});
