import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessSurvey, largestRemainder } from '../../shared/engine/assess/survey.ts';
import type { SurveyAnswer } from '../../shared/engine/model/model.ts';
import { setSettings, surveyAnswer } from './model-factories.ts';

const HELT = 'Instämmer helt';
const DELVIS = 'Instämmer delvis';
const INTE = 'Instämmer inte';
const VET_EJ = 'Vet ej';

/** answers to one statement, one förvaltning each */
function answersTo(statement: string, answers: string[], over: Partial<SurveyAnswer> = {}): SurveyAnswer[] {
  return answers.map((answer, i) => surveyAnswer({ statement, answer, department: `F${i + 1}`, rowNumber: i + 2, ...over }));
}

function sharesOf(result: ReturnType<typeof assessSurvey>, statement: string) {
  const s = result?.statements.find((x) => x.statement === statement);
  return Object.fromEntries((s?.shares ?? []).map((x) => [x.category, x.percent]));
}

describe('largestRemainder', () => {
  const cases: { counts: number[]; want: number[] }[] = [
    { counts: [1, 1, 1], want: [34, 33, 33] }, // equal remainders: the earlier category gets the point
    { counts: [2, 1], want: [67, 33] },
    { counts: [1, 2], want: [33, 67] },
    { counts: [1, 1, 1, 1, 1, 1, 1], want: [15, 15, 14, 14, 14, 14, 14] },
    { counts: [0, 0, 0], want: [0, 0, 0] },
    { counts: [7, 0], want: [100, 0] },
    { counts: [1, 5, 1], want: [14, 72, 14] },
  ];
  it.each(cases)('$counts → $want', ({ counts, want }) => {
    expect(largestRemainder(counts, 100)).toEqual(want);
  });
});

describe('assessSurvey', () => {
  const settings = setSettings();

  it('gives null without answers, and for blank answers only', () => {
    expect(assessSurvey([], settings, [])).toBeNull();
    expect(assessSurvey([surveyAnswer({ answer: '  ' })], settings, [])).toBeNull();
  });

  const scoreCases: { name: string; answers: string[]; score: number | null }[] = [
    { name: 'all most agreement', answers: [HELT, HELT], score: 1 },
    { name: 'all least agreement', answers: [INTE, INTE, INTE], score: 0 },
    { name: 'the middle of three is ½', answers: [DELVIS], score: 0.5 },
    { name: 'mean of positions', answers: [HELT, DELVIS, INTE, INTE], score: (1 + 0.5 + 0 + 0) / 4 },
    { name: 'Vet ej is shown but not scored', answers: [HELT, VET_EJ, VET_EJ], score: 1 },
    { name: 'only Vet ej: no score', answers: [VET_EJ, VET_EJ], score: null },
    { name: 'an unlisted category is not scored', answers: [INTE, 'Ingen uppfattning'], score: 0 },
    { name: 'categories match regardless of case and spaces', answers: [' instämmer  HELT ', INTE], score: 0.5 },
  ];
  it.each(scoreCases)('score: $name', ({ answers, score }) => {
    const result = assessSurvey(answersTo('P', answers), settings, []);
    const s = result?.statements[0];
    expect(s?.answered).toBe(answers.length);
    if (score === null) expect(s?.score).toBeNull();
    else expect(s?.score).toBeCloseTo(score, 12);
  });

  it('orders categories as in Svarsordning, then unlisted ones as first seen, for every statement', () => {
    const result = assessSurvey(
      [...answersTo('P1', ['Osäker', INTE, HELT]), ...answersTo('P2', [DELVIS, 'Annat'])],
      settings,
      [],
    );
    expect(result?.categories).toEqual([HELT, DELVIS, INTE, VET_EJ, 'Osäker', 'Annat']);
    expect(result?.statements[0]?.shares.map((s) => s.category)).toEqual(result?.categories);
    expect(sharesOf(result, 'P1')).toEqual({ [HELT]: 34, [DELVIS]: 0, [INTE]: 33, [VET_EJ]: 0, Osäker: 33, Annat: 0 });
    expect(sharesOf(result, 'P2')).toEqual({ [HELT]: 0, [DELVIS]: 50, [INTE]: 0, [VET_EJ]: 0, Osäker: 0, Annat: 50 });
  });

  it('uses a custom Svarsordning; Vet ej stays unscored even when listed', () => {
    const custom = setSettings({ answerOrder: ['Ja', 'Delvis', 'Vet ej', 'Nej'] });
    const result = assessSurvey(answersTo('P', ['Ja', 'Nej', 'Vet ej', 'Delvis']), custom, []);
    expect(result?.categories).toEqual(['Ja', 'Delvis', 'Vet ej', 'Nej']);
    expect(result?.statements[0]?.score).toBeCloseTo((1 + 0 + 0.5) / 3, 12);
  });

  it('a förvaltning answering a statement twice: the later row counts', () => {
    const answers = [
      surveyAnswer({ department: 'Kultur', answer: INTE, rowNumber: 2 }),
      surveyAnswer({ department: 'Regional utveckling', answer: HELT, rowNumber: 3 }),
      surveyAnswer({ department: ' kultur', answer: HELT, rowNumber: 4 }),
    ];
    const s = assessSurvey(answers, settings, [])?.statements[0];
    expect(s?.answered).toBe(2);
    expect(s?.score).toBe(1);
    expect(s?.shares[0]).toEqual({ category: HELT, percent: 100, count: 2 });
  });

  it('uses only the latest year when answers carry År', () => {
    const answers = [
      ...answersTo('P', [INTE, INTE], { year: 2024 }),
      ...answersTo('P', [HELT], { year: 2025 }),
      ...answersTo('P', [INTE], { year: null, department: 'Utan år' }),
    ];
    const result = assessSurvey(answers, settings, []);
    expect(result?.year).toBe(2025);
    expect(result?.statements[0]?.answered).toBe(1);
    expect(result?.statements[0]?.score).toBe(1);
  });

  it('uses all answers when none carries a year', () => {
    const result = assessSurvey(answersTo('P', [HELT, INTE]), settings, []);
    expect(result?.year).toBeNull();
    expect(result?.statements[0]?.answered).toBe(2);
  });

  it('lists answering and missing förvaltningar', () => {
    const withDepartments = setSettings({ departments: ['Hälso- och sjukvård', 'Kultur', 'Regionservice'] });
    const answers = [
      surveyAnswer({ department: 'hälso- och  sjukvård' }),
      surveyAnswer({ department: 'Extra förvaltning', rowNumber: 3 }),
    ];
    const result = assessSurvey(answers, withDepartments, []);
    expect(result?.answeredDepartments).toEqual(['Extra förvaltning', 'hälso- och  sjukvård'.trim()]);
    expect(result?.missingDepartments).toEqual(['Kultur', 'Regionservice']);
  });

  it('names the goal areas that only the survey follows', () => {
    const answers = [
      surveyAnswer({ goalArea: 'Social hållbarhet' }),
      surveyAnswer({ goalArea: 'klimat', statement: 'Q', rowNumber: 3 }),
      surveyAnswer({ goalArea: null, statement: 'R', rowNumber: 4 }),
    ];
    const result = assessSurvey(answers, settings, ['Social hållbarhet', 'Klimat', 'Biologisk mångfald']);
    expect(result?.goalAreasFollowedOnlyBySurvey).toEqual(['Social hållbarhet', 'Klimat']);
    expect(result?.statements.map((s) => s.goalArea)).toEqual(['Social hållbarhet', 'klimat', null]);
  });

  describe('strengths and development areas', () => {
    // six statements with distinct scores: S1 best … S6 worst
    const six = [
      ...answersTo('S1', [HELT, HELT]),
      ...answersTo('S2', [HELT, DELVIS]),
      ...answersTo('S3', [DELVIS, DELVIS]),
      ...answersTo('S4', [DELVIS, INTE]),
      ...answersTo('S5', [INTE, INTE, DELVIS]),
      ...answersTo('S6', [INTE, INTE]),
    ];
    const names = (list: { statement: string }[] | undefined) => list?.map((s) => s.statement);

    const cases: { name: string; count: number; strengths: string[]; development: string[] }[] = [
      { name: 'three each', count: 3, strengths: ['S1', 'S2', 'S3'], development: ['S6', 'S5', 'S4'] },
      { name: 'two each', count: 2, strengths: ['S1', 'S2'], development: ['S6', 'S5'] },
      { name: 'more than there are: split, no statement twice', count: 5, strengths: ['S1', 'S2', 'S3'], development: ['S6', 'S5', 'S4'] },
      { name: 'zero', count: 0, strengths: [], development: [] },
    ];
    it.each(cases)('$name', ({ count, strengths, development }) => {
      const result = assessSurvey(six, setSettings({ strengthsCount: count }), []);
      expect(names(result?.strengths)).toEqual(strengths);
      expect(names(result?.developmentAreas)).toEqual(development);
    });

    it('a tie in score goes to the larger share in the top category', () => {
      // both score ½: T2 has half its answers in Instämmer helt, T1 none
      const answers = [
        ...answersTo('T1', [DELVIS, DELVIS]),
        ...answersTo('T2', [HELT, INTE]),
        ...answersTo('Low', [INTE, INTE]),
      ];
      const result = assessSurvey(answers, setSettings({ strengthsCount: 1 }), []);
      expect(names(result?.strengths)).toEqual(['T2']);
      expect(names(result?.developmentAreas)).toEqual(['Low']);
      const two = assessSurvey(answers.filter((a) => a.statement !== 'Low'), setSettings({ strengthsCount: 1 }), []);
      expect(names(two?.strengths)).toEqual(['T2']);
      expect(names(two?.developmentAreas)).toEqual(['T1']);
    });

    it('the top category for ties is the first scored one, even when Vet ej is listed first', () => {
      const order = setSettings({ answerOrder: ['Vet ej', 'Ja', 'Delvis', 'Nej'], strengthsCount: 1 });
      // both score ½; U2 has more Ja, U1 more Vet ej
      const answers = [...answersTo('U1', ['Vet ej', 'Vet ej', 'Delvis']), ...answersTo('U2', ['Ja', 'Nej'])];
      const result = assessSurvey(answers, order, []);
      expect(names(result?.strengths)).toEqual(['U2']);
      expect(names(result?.developmentAreas)).toEqual(['U1']);
    });

    it('statements without a score are neither', () => {
      const answers = [...answersTo('Vet inte', [VET_EJ]), ...answersTo('Bra', [HELT]), ...answersTo('Dålig', [INTE])];
      const result = assessSurvey(answers, setSettings({ strengthsCount: 3 }), []);
      expect(names(result?.strengths)).toEqual(['Bra']);
      expect(names(result?.developmentAreas)).toEqual(['Dålig']);
    });
  });

  it('property: every statement’s shares sum to exactly 100 and match its counts', () => {
    const category = fc.constantFrom(HELT, DELVIS, INTE, VET_EJ, 'Ingen uppfattning', 'instämmer HELT');
    const answer = fc.record({
      department: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'),
      statement: fc.constantFrom('P1', 'P2', 'P3'),
      answer: category,
      year: fc.constantFrom(null, 2024, 2025),
    });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 60 }), (raw) => {
        const answers = raw.map((a, i) => surveyAnswer({ ...a, rowNumber: i + 2 }));
        const result = assessSurvey(answers, settings, []);
        expect(result).not.toBeNull();
        for (const s of result!.statements) {
          const total = s.shares.reduce((sum, x) => sum + x.percent, 0);
          expect(total).toBe(100);
          expect(s.shares.reduce((sum, x) => sum + x.count, 0)).toBe(s.answered);
          for (const x of s.shares) {
            // largest remainder never moves a share by a whole point or more from the exact value
            expect(Math.abs(x.percent - (x.count * 100) / s.answered)).toBeLessThan(1);
          }
          if (s.score !== null) expect(s.score).toBeGreaterThanOrEqual(0);
          if (s.score !== null) expect(s.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
