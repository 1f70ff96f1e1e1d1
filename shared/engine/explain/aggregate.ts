/**
 * The Swedish Förklaring of a Samlad bedömning, rendered from its record: how many children, the
 * count per status, the mean (sv-SE, two decimals), the threshold and how many rows had errors.
 * @module
 */
import type { AggregateAssessment, Status, StatusCounts } from '../model/model.ts';
import { decimalsApart, formatFixed, formatNumber } from './format.ts';
import { decimalScale } from '../model/decimal.ts';
import { compareMean } from '../model/rule-compare.ts';

export interface AggregateContext {
  childNoun: 'mätetal' | 'indikatorer' | 'målområden';
  childCount: number;
  governingStatus: Status | null;
  governingError: string | null;
  /** why the row is Fel (empty when it is not) */
  errors: string[];
}

const SINGULAR: Record<AggregateContext['childNoun'], string> = {
  mätetal: 'mätetal',
  indikatorer: 'indikator',
  målområden: 'målområde',
};

type Draft = Omit<AggregateAssessment, 'explanation'>;

export function explainAggregate(a: Draft, ctx: AggregateContext): string {
  if (ctx.errors.length > 0) return `Fel: ${[...ctx.errors, ...(ctx.governingError ? [ctx.governingError] : [])].join('; ')}`;
  const sentence = capitalise(a.rule === 'manuell' ? manualSentence(a, ctx) : computedSentence(a, ctx));
  return ctx.governingError ? `Fel: ${ctx.governingError}. ${sentence}` : sentence;
}

function manualSentence(a: Draft, ctx: AggregateContext): string {
  const computed = a.computed ? ` (beräknat: ${a.computed})` : '';
  const basis = a.computed ? `; ${meanPart(a, ctx)}` : '';
  return `Manuell bedömning → ${a.status}${computed}. Motivering: ${a.manual?.justification?.trim() ?? ''}${basis}`;
}

function computedSentence(a: Draft, ctx: AggregateContext): string {
  if (a.rule === 'styrande') {
    const head =
      ctx.governingStatus === 'Fel'
        ? `Styrande mätetal ${a.governingMetric} har fel och kan inte bedömas → ${a.status}`
        : `Styrande mätetal ${a.governingMetric} (${ctx.governingStatus}) avgör → ${a.status}`;
    return `${head}; ${meanPart(a, ctx)}${errorsPart(a.counts)}`;
  }
  return `${meanPart(a, ctx)} → ${a.status}${errorsPart(a.counts)}`;
}

/** "4 mätetal: 2 Positiv, 1 Oförändrad, 1 Inget värde; medelvärde 0,67 (gräns ±0,5)" */
function meanPart(a: Draft, ctx: AggregateContext): string {
  const noun = ctx.childCount === 1 ? SINGULAR[ctx.childNoun] : ctx.childNoun;
  if (ctx.childCount === 0) return `inga ${ctx.childNoun}`;
  const counts = countsText(a.counts);
  const head = `${ctx.childCount} ${noun}${counts ? `: ${counts}` : ''}`;
  if (a.mean === null) return `${head}; inget bedömt`;
  // the threshold to its own decimals; a mean just beyond it with enough to show it (0,5001, not "0,50 … → Positiv")
  const from = Math.max(2, decimalScale(a.threshold));
  const assessed = a.counts.Positiv + a.counts.Oförändrad + a.counts.Negativ;
  const beyond = compareMean(Math.abs(a.counts.Positiv - a.counts.Negativ), assessed, a.threshold) > 0;
  const decimals = beyond ? decimalsApart(Math.abs(a.mean), a.threshold, formatFixed, from) : from;
  return `${head}; medelvärde ${formatFixed(a.mean, decimals)} (gräns ±${formatNumber(a.threshold, from)})`;
}

function countsText(counts: StatusCounts): string {
  // Fel is said separately ("1 rad med fel är inte medräknad").
  const order: (keyof StatusCounts)[] = ['Positiv', 'Oförändrad', 'Negativ', 'Inget värde'];
  return order
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
}

function errorsPart(counts: StatusCounts): string {
  if (counts.Fel === 0) return '';
  return counts.Fel === 1 ? '; 1 rad med fel är inte medräknad' : `; ${counts.Fel} rader med fel är inte medräknade`;
}

function capitalise(text: string): string {
  // toUpperCase, not toLocaleUpperCase('sv-SE'): Swedish has no special case mappings, and the locale call is slow
  return text.charAt(0).toUpperCase() + text.slice(1);
}
