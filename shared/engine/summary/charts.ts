/**
 * The summary's charts as renderer-neutral ChartSpecs: metric statuses per goal area, the
 * self-assessment's answer shares, and one indicator's metrics over the years.
 * @module
 */
import type { SetAssessment, MetricAssessment, StatementResult, Status, SurveyResult } from '../model/model.ts';
import type { ChartSpec, SummaryBlock } from '../model/summary-model.ts';
import { PALETTE } from '../model/palette.ts';
import { outcomeOf, yearsOf } from './cells.ts';
import { formatNumber } from '../explain/format.ts';

const STATUSES: Status[] = ['Positiv', 'Oförändrad', 'Negativ', 'Inget värde', 'Fel'];
/** answer categories from most to least agreement take the status colours; unscored ones grey */
const SCALE = ['2E7D32', '9CCC65', 'FFD54F', 'E57373', 'C62828'];
const UNSCORED = 'BDBDBD';

export function statusChart(set: SetAssessment): ChartSpec | null {
  if (set.goalAreas.length === 0 || set.metrics.length === 0) return null;
  const categories = set.goalAreas.map((a) => a.name);
  const used = STATUSES.filter((s) => s !== 'Fel' || set.metrics.some((m) => m.status === 'Fel'));
  const series = used.map((status) => ({
    name: status,
    colour: PALETTE[status].fill ?? undefined,
    values: categories.map((area) => set.metrics.filter((m) => m.goalArea === area && m.status === status).length),
  }));
  const alt = categories
    .map((area, i) => `${area}: ${series.map((s) => `${s.values[i]} ${s.name.toLocaleLowerCase('sv-SE')}`).join(', ')}`)
    .join('. ');
  return {
    id: 'status-per-malomrade',
    type: 'bar',
    title: 'Mätetalens utveckling per målområde (antal)',
    categories,
    series,
    alt: `Stapeldiagram, antal mätetal per utveckling och målområde. ${alt}.`,
    unit: 'st',
  };
}

export function surveyChart(set: SetAssessment, answerOrder: string[]): ChartSpec | null {
  const survey = set.survey;
  if (!survey || survey.statements.length === 0) return null;
  return shareChart(survey, survey.statements, answerOrder, {
    id: 'sjalvskattning',
    title: 'Självskattning: svarsfördelning per påstående (%)',
    what: 'svaren i självskattningen',
  });
}

/**
 * A stacked bar per statement. Scored categories take the scale from most agreement (green) to least (red);
 * answers that are not scored (Vet ej, or a category Svarsordning does not list) are grey, never a shade of
 * the scale, so they do not read as the worst answer.
 */
export function shareChart(
  survey: SurveyResult,
  statements: StatementResult[],
  answerOrder: string[],
  label: { id: string; title: string; what: string },
): ChartSpec {
  // results before scoredCategories was recorded: the listed categories, less the never-scored Vet ej
  const scored = survey.scoredCategories ?? survey.categories.filter((c) => answerOrder.includes(c) && c.trim().toLocaleLowerCase('sv-SE') !== 'vet ej');
  const series = survey.categories.map((category) => {
    const rank = scored.indexOf(category);
    const colour = rank < 0 ? UNSCORED : SCALE[Math.round((rank * (SCALE.length - 1)) / Math.max(1, scored.length - 1))];
    return {
      name: category,
      colour,
      values: statements.map((s) => s.shares.find((x) => x.category === category)?.percent ?? 0),
    };
  });
  const alt = statements
    .map((s) => `${s.statement}: ${s.shares.map((x) => `${x.category} ${x.percent} %`).join(', ')}`)
    .join('. ');
  return {
    id: label.id,
    type: 'stacked-bar',
    title: label.title,
    categories: statements.map((s) => s.statement),
    series,
    alt: `Staplat diagram över ${label.what}. ${alt}.`,
    unit: '%',
  };
}

/** The first indicator with at least two metrics in the same unit that each have two or more years. */
export function trendChart(set: SetAssessment): ChartSpec | null {
  const groups = new Map<string, MetricAssessment[]>();
  for (const m of set.metrics) {
    if (yearsOf(m).length < 2) continue;
    const key = `${m.goalArea}\u0000${m.indicator}\u0000${m.unit ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  // the group of the earliest indicator in the set's order; of equals, the one met first
  const ranks = indicatorRanks(set);
  let chosen: MetricAssessment[] | undefined;
  let best = Infinity;
  for (const [key, ms] of groups) {
    if (ms.length < 2) continue;
    const r = rank(ranks, key);
    if (r < best) {
      best = r;
      chosen = ms;
    }
  }
  if (!chosen) return null;
  const first = chosen[0]!;
  const years = [...new Set(chosen.flatMap(yearsOf))].sort((a, b) => a - b);
  const series = chosen.map((m) => ({ name: m.name, values: years.map((y) => outcomeOf(m, y)) }));
  const unit = first.unit ?? undefined;
  const alt = series
    .map((s) => `${s.name}: ${years.map((y, i) => `${y} ${fmt(s.values[i])}`).join(', ')}`)
    .join('. ');
  return {
    id: 'utveckling-over-tid',
    type: 'line',
    title: `${first.indicator}: utfall per år${unit ? ` (${unit})` : ''}`,
    categories: years.map(String),
    series,
    alt: `Linjediagram över indikatorn ${first.indicator}. ${alt}.`,
    ...(unit ? { unit } : {}),
  };
}

function fmt(value: number | null | undefined): string {
  return value === null || value === undefined ? 'inget värde' : formatNumber(value);
}

/** Each indicator's place in the set's order (its first, as a search from the start finds it). */
function indicatorRanks(set: SetAssessment): { first: Map<string, number>; count: number } {
  const first = new Map<string, number>();
  set.indicators.forEach((i, n) => {
    const key = `${i.goalArea ?? ''}\u0000${i.name}`;
    if (!first.has(key)) first.set(key, n);
  });
  return { first, count: set.indicators.length };
}

/** A group's place: its indicator's, or after every indicator when it has none. */
function rank(ranks: { first: Map<string, number>; count: number }, key: string): number {
  const indicator = key.split('\u0000').slice(0, 2).join('\u0000');
  return ranks.first.get(indicator) ?? ranks.count;
}

export function chartBlocks(set: SetAssessment, answerOrder: string[]): SummaryBlock[] {
  const charts = [statusChart(set), surveyChart(set, answerOrder), trendChart(set)].filter(
    (c): c is ChartSpec => c !== null,
  );
  if (charts.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Diagram', id: 'diagram' },
    ...charts.map((chart): SummaryBlock => ({ kind: 'chart', chart })),
  ];
}
