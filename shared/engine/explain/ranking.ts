/**
 * The Förklaring of a national ranking ("plats 9 av 21 (2025) mot plats 10 av 21 (2024): 1 plats bättre →
 * Positiv") and of a published comparison colour, shown beside the status and never instead of it.
 * Rules without a ranking wording of their own (errors, overrides, a yearly rate …) keep the general sentence.
 * @module
 */
import type { MetricRow } from '../model/model.ts';
import { isRankUnit, placeText } from '../model/ranking.ts';
import { atMost } from '../model/rule-compare.ts';
import { formatNumber, formatPercent } from './format.ts';
import type { MetricDraft } from './metric.ts';

/** The ranking's own sentence, or null when the general one applies. */
export function rankingSentence(a: MetricDraft, row: MetricRow): string | null {
  if (!isRankUnit(a.unit) || row.direction === 'Kvalitativ' || a.value === null) return null;
  const now = `${place(a.value, a)} (${a.year})`;
  switch (a.rule) {
    case 'målvärde-nått':
      return `${now} mot målvärdet plats ${a.target === null ? '–' : formatNumber(a.target)}: målvärdet nått → ${a.status}`;
    case 'första-mätåret':
      return `${now}, inget tidigare utfall: första mätåret → ${a.status}`;
    case 'förändring': {
      if (!a.previous) return null;
      const tail = a.status === 'Oförändrad' && a.change !== 0 ? `, ${tolerance(a)}` : '';
      return `${now} mot ${place(a.previous.value, a)} (${a.previous.year}): ${steps(a.value - a.previous.value)}${tail} → ${a.status}`;
    }
    default:
      return null;
  }
}

/** Appends the published colour (`Jämförelse`) to a sentence that is no error. */
export function withComparison(sentence: string, a: MetricDraft): string {
  if (a.comparison === undefined || a.rule === 'fel') return sentence;
  return `${sentence}; publicerad jämförelse: ${a.comparison.toLocaleLowerCase('sv-SE')}`;
}

function place(rank: number, a: MetricDraft): string {
  return placeText(formatNumber(rank), a.rankedAmong);
}

/** A lower rank is better: −1 → "1 plats bättre", +2 → "2 platser sämre". */
function steps(change: number): string {
  if (change === 0) return 'samma plats';
  const n = Math.abs(change);
  return `${formatNumber(n)} ${n === 1 ? 'plats' : 'platser'} ${change < 0 ? 'bättre' : 'sämre'}`;
}

function tolerance(a: MetricDraft): string {
  if (a.absoluteTolerance !== null && atMost(Math.abs(a.change ?? 0), a.absoluteTolerance)) {
    return `inom toleransen ${formatNumber(a.absoluteTolerance)} ${a.absoluteTolerance === 1 ? 'plats' : 'platser'}`;
  }
  return `inom toleransen ${formatPercent(a.relativeTolerance ?? 0, 2)}`;
}
