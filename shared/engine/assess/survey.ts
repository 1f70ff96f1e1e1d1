/**
 * The självskattning result (domain.md §3 "Självskattning"): shares per statement by largest
 * remainder (summing to exactly 100), a score per statement from its scored answers, the strongest
 * and weakest statements, and who has not answered.
 * @module
 */
import { normalizeName } from '../model/grid.ts';
import type { SetSettings, StatementResult, SurveyAnswer, SurveyResult, SurveyThemeResult } from '../model/model.ts';

/** Shown but never scored, even when listed in Svarsordning (the template lists it). */
const UNSCORED = new Set([normalizeName('Vet ej')]);

const collator = new Intl.Collator('sv-SE');

type SurveySettings = Pick<SetSettings, 'answerOrder' | 'departments' | 'strengthsCount'>;

interface Statement {
  statement: string;
  goalArea: string | null;
  theme: string | null;
  /** by normalised department: the category key of its (last) answer */
  answers: Map<string, string>;
}

export function assessSurvey(
  answers: SurveyAnswer[],
  settings: SurveySettings,
  goalAreaNames: string[],
): SurveyResult | null {
  const given = answers.filter((a) => a.answer.trim() !== '' && a.statement.trim() !== '');
  if (given.length === 0) return null;

  const years = given.map((a) => a.year).filter((y): y is number => y !== null);
  const year = years.length > 0 ? Math.max(...years) : null;
  // with years present only the latest round counts; an undated row cannot be placed in it
  const round = year === null ? given : given.filter((a) => a.year === year);

  const { categories, keys, scoreOf, top, scored } = categoryScale(settings.answerOrder, round);
  const statements = groupStatements(round);
  const results = statements.map((s) => statementResult(s, categories, keys, scoreOf));

  const departments = new Map<string, string>();
  for (const a of round) {
    const key = normalizeName(a.department);
    if (key !== '' && !departments.has(key)) departments.set(key, a.department.trim());
  }
  const answeredDepartments = [...departments.values()].sort(collator.compare);
  const missingDepartments = settings.departments.filter((d) => !departments.has(normalizeName(d)));

  const surveyAreas = new Set(round.map((a) => normalizeName(a.goalArea ?? '')).filter((g) => g !== ''));
  const goalAreasFollowedOnlyBySurvey = goalAreaNames.filter((g) => surveyAreas.has(normalizeName(g)));

  const count = Math.max(0, settings.strengthsCount);
  const { strengths, developmentAreas } = pickExtremes(results, count, top);
  const themes = themesOf(results, count, top);
  const result: SurveyResult = {
    year,
    categories,
    statements: results,
    strengths,
    developmentAreas,
    answeredDepartments,
    missingDepartments,
    goalAreasFollowedOnlyBySurvey,
    scoredCategories: scored,
  };
  if (themes.length > 0) result.themes = themes;
  return result;
}

/** The statements per Tema, in the order the themes first appear, each with its own extremes. */
function themesOf(results: StatementResult[], n: number, top: string | null): SurveyThemeResult[] {
  const byTheme = new Map<string, StatementResult[]>();
  for (const r of results) {
    if (r.theme === undefined) continue;
    const key = normalizeName(r.theme);
    const list = byTheme.get(key);
    if (list) list.push(r);
    else byTheme.set(key, [r]);
  }
  return [...byTheme.values()].map((statements) => ({ theme: statements[0]!.theme!, statements, ...pickExtremes(statements, n, top) }));
}

/** Listed categories in order, then unlisted ones as first seen; scores 1 … 0 over the scored ones. */
function categoryScale(answerOrder: string[], answers: SurveyAnswer[]) {
  const byKey = new Map<string, string>();
  for (const c of answerOrder) {
    const key = normalizeName(c);
    if (key !== '' && !byKey.has(key)) byKey.set(key, c.trim());
  }
  const scored = [...byKey.keys()].filter((k) => !UNSCORED.has(k));
  for (const a of answers) {
    const key = normalizeName(a.answer);
    if (!byKey.has(key)) byKey.set(key, a.answer.trim());
  }
  const scoreOf = new Map<string, number>();
  scored.forEach((key, i) => scoreOf.set(key, scored.length === 1 ? 1 : 1 - i / (scored.length - 1)));
  const topKey = scored[0];
  const top = topKey === undefined ? null : (byKey.get(topKey) ?? null);
  return { categories: [...byKey.values()], keys: [...byKey.keys()], scoreOf, top, scored: scored.map((k) => byKey.get(k)!) };
}

function groupStatements(answers: SurveyAnswer[]): Statement[] {
  const byKey = new Map<string, Statement>();
  for (const a of answers) {
    const key = normalizeName(a.statement);
    let s = byKey.get(key);
    if (!s) {
      s = { statement: a.statement.trim(), goalArea: null, theme: null, answers: new Map() };
      byKey.set(key, s);
    }
    if (s.goalArea === null && a.goalArea !== null && a.goalArea.trim() !== '') s.goalArea = a.goalArea.trim();
    if (s.theme === null && a.theme !== undefined && a.theme.trim() !== '') s.theme = a.theme.trim();
    // rows without a förvaltning cannot be told apart, so each counts on its own
    const dept = normalizeName(a.department) || `#${a.workbookId}#${a.rowNumber}`;
    // one förvaltning answering twice: the later row is its answer
    s.answers.delete(dept);
    s.answers.set(dept, normalizeName(a.answer));
  }
  return [...byKey.values()];
}

function statementResult(
  s: Statement,
  categories: string[],
  keys: string[],
  scoreOf: Map<string, number>,
): StatementResult {
  const counts = keys.map(() => 0);
  let scoreSum = 0;
  let scoredCount = 0;
  for (const answer of s.answers.values()) {
    const i = keys.indexOf(answer);
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
    const score = scoreOf.get(answer);
    if (score !== undefined) {
      scoreSum += score;
      scoredCount += 1;
    }
  }
  const percents = largestRemainder(counts, 100);
  const result: StatementResult = {
    statement: s.statement,
    goalArea: s.goalArea,
    shares: categories.map((category, i) => ({ category, percent: percents[i] ?? 0, count: counts[i] ?? 0 })),
    answered: s.answers.size,
    score: scoredCount > 0 ? scoreSum / scoredCount : null,
  };
  if (s.theme !== null) result.theme = s.theme;
  return result;
}

/**
 * Whole shares of `total` proportional to `counts`, summing exactly to `total` (all zeros when nothing
 * was counted). Integer arithmetic, so no floating-point remainder decides a tie; ties go to the
 * earlier category.
 */
export function largestRemainder(counts: number[], total: number): number[] {
  const sum = counts.reduce((a, b) => a + b, 0);
  if (sum === 0) return counts.map(() => 0);
  const floors = counts.map((c) => Math.floor((c * total) / sum));
  const remainders = counts.map((c, i) => ({ i, r: (c * total) % sum }));
  let left = total - floors.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

/**
 * Top and bottom `n` by score; ties go to the larger share in the top category (and, for development
 * areas, the smaller share is the weaker). A statement is never both: with fewer than 2·n scored
 * statements they are split, strengths taking the odd one.
 */
function pickExtremes(results: StatementResult[], n: number, topCategory: string | null) {
  const scored = results.filter((r) => r.score !== null);
  const top = (r: StatementResult) =>
    r.answered > 0 ? (r.shares.find((x) => x.category === topCategory)?.count ?? 0) / r.answered : 0;
  const best = [...scored].sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || top(b) - top(a));
  const strengthCount = Math.min(n, Math.ceil(scored.length / 2), scored.length);
  const developmentCount = Math.min(n, scored.length - strengthCount);
  const strengths = best.slice(0, strengthCount);
  const rest = best.slice(strengthCount);
  const developmentAreas = [...rest]
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || top(a) - top(b))
    .slice(0, developmentCount);
  return { strengths, developmentAreas };
}
