/**
 * The Swedish Förklaring of a metric, rendered from its assessment record (one line per rule).
 * Numbers go through format.ts (sv-SE: U+2212 minus, NBSP, changes to one decimal).
 * @module
 */
import type { MetricAssessment, MetricRow } from '../model/model.ts';
import { decimalsApart, formatChangePercent, formatNumber, formatPercent, formatPoints, formatWithUnit } from './format.ts';
import { compareDecimals, decimalScale } from '../model/decimal.ts';
import { withinAbsolute as withinAbsoluteTolerance, withinRelative } from '../model/rule-compare.ts';
import { isPercentUnit } from '../model/units.ts';
import { asSentence } from './sentence.ts';
import { rankingSentence, withComparison } from './ranking.ts';
import { koladaSourceNote } from './kolada.ts';

export type MetricDraft = Omit<MetricAssessment, 'explanation'>;

/**
 * Remarks that do not stop the assessment (footnote marks …) follow the sentence, and then which outcomes came
 * from Kolada (domain.md §7).
 */
export function explainMetric(a: MetricDraft, row: MetricRow, errors: string[]): string {
  const sentence = withComparison(rankingSentence(a, row) ?? ruleSentence(a, row, errors), a);
  const noted = row.notes.length > 0 ? `${asSentence(sentence)} Obs: ${row.notes.join('; ')}` : sentence;
  const source = row.koladaSources ? koladaSourceNote(row.koladaSources) : null;
  return source === null ? noted : `${asSentence(noted)} ${asSentence(source)}`;
}

function ruleSentence(a: MetricDraft, row: MetricRow, errors: string[]): string {
  switch (a.rule) {
    case 'fel':
      return `Fel: ${errors.join('; ')}`;
    case 'ej-följd':
      return `Följs upp t.o.m. ${row.followedUntil}; bedöms inte för ${a.year} → Inget värde`;
    case 'manuell': {
      const computed = a.computed ? ` (beräknat: ${a.computed})` : '';
      return `Manuell bedömning → ${a.status}${computed}. Motivering: ${a.manual?.justification?.trim() ?? ''}`;
    }
    case 'kvalitativ':
      return 'Kvalitativt mätetal: kräver manuell bedömning → Inget värde';
    case 'saknar-utfall':
      return a.year === 0 ? 'Inget redovisningsår kunde väljas → Inget värde' : `Utfall ${a.year} saknas → Inget värde`;
    case 'målvärde-nått':
      return `${valueAt(a)} mot målvärdet ${show(a.target, a.unit)}: målvärdet nått → Positiv`;
    case 'första-mätåret':
      return `${valueAt(a)}, inget tidigare utfall: första mätåret → Inget värde`;
    case 'årlig-förändring': {
      const shown = changeShown(a);
      return `${comparison(a, shown)}, ${requirement(a, row, shown.relative)}${rule6Tail(a)}${outsideText(shown)} → ${a.status}`;
    }
    case 'förändring': {
      const shown = changeShown(a);
      return `${comparison(a, shown)}${a.status === 'Oförändrad' ? `, ${toleranceText(a)}` : outsideText(shown)} → ${a.status}`;
    }
  }
}

function show(value: number | null, unit: string | null, decimals = 2): string {
  return value === null ? '–' : formatWithUnit(value, unit, decimals);
}

function valueAt(a: MetricDraft, decimals = 2): string {
  return `${show(a.value, a.unit, decimals)} (${a.year})`;
}

/**
 * How a change is printed so that the sentence never contradicts its status: where rounding would make two
 * different figures look equal (the change and the requirement, the change and a tolerance it is just outside,
 * this year's and last year's outcome), enough decimals to tell them apart.
 */
interface ChangeShown {
  /** decimals of both outcomes */
  values: number;
  /** decimals of the relative change (and of the requirement in rule 6) */
  relative: number;
  /** decimals of the absolute change: procentenheter in a % metric, the metric's unit when p = 0 */
  absolute: number;
  /** the tolerances the change is just outside of, named after the change */
  outside: string[];
}

function changeShown(a: MetricDraft): ChangeShown {
  const shown = changeDecimals(a);
  // outcomes printed at least as finely as the change in their unit, so the two can be checked against each other
  if (isPercentUnit(a.unit) || a.relativeChange === null) shown.values = Math.max(shown.values, shown.absolute);
  return shown;
}

function changeDecimals(a: MetricDraft): ChangeShown {
  const shown: ChangeShown = { values: 2, relative: 1, absolute: 1, outside: [] };
  if (a.value === null || a.previous === null) return shown;
  const v = a.value;
  const p = a.previous.value;
  if (compareDecimals(v, p) !== 0) shown.values = decimalsApart(v, p, formatNumber, 2);
  const c = a.relativeChange;
  const d = a.change ?? 0;
  const printsAbsolute = isPercentUnit(a.unit) || c === null;
  const absolute = (x: number, decimals: number) => (isPercentUnit(a.unit) ? formatPoints(x, decimals) : formatNumber(x, decimals));
  // rule 6 not met: the change must not print as the requirement
  if (a.rule === 'årlig-förändring' && a.status !== 'Positiv' && c !== null && a.required !== null) {
    shown.relative = decimalsApart(c, a.required, formatChangePercent, 1);
  }
  if (a.status === 'Oförändrad' && withinTolerance(a)) {
    // the tolerance that held is named; printed to its own decimals, the change never prints above it
    if (withinAbsolute(a)) shown.absolute = Math.max(shown.absolute, decimalScale(a.absoluteTolerance ?? 0));
    else shown.relative = Math.max(shown.relative, percentDecimals(a.relativeTolerance ?? 0));
    return shown;
  }
  if (a.status !== 'Positiv' && a.status !== 'Negativ') return shown;
  if (a.rule === 'årlig-förändring' && a.status === 'Positiv') return shown;
  // outside every tolerance: a change that prints as a tolerance is just outside it, so name it
  if (c !== null && a.relativeTolerance !== null) {
    const tolerance = a.relativeTolerance;
    const from = Math.max(shown.relative, percentDecimals(tolerance));
    if (formatChangePercent(Math.abs(c), from) === formatChangePercent(tolerance, from)) {
      shown.relative = decimalsApart(Math.abs(c), tolerance, formatChangePercent, from);
      shown.outside.push(formatPercent(tolerance, percentDecimals(tolerance)));
    }
  }
  if (printsAbsolute) {
    const tolerance = a.absoluteTolerance ?? 0;
    const from = Math.max(shown.absolute, decimalScale(tolerance));
    if (absolute(Math.abs(d), from) === absolute(tolerance, from)) {
      shown.absolute = decimalsApart(Math.abs(d), tolerance, absolute, from);
      if (a.absoluteTolerance !== null) shown.outside.push(absoluteToleranceText(a, a.absoluteTolerance));
    }
  }
  return shown;
}

function outsideText(shown: ChangeShown): string {
  if (shown.outside.length === 0) return '';
  return shown.outside.length === 1 ? `, utanför toleransen ${shown.outside[0]}` : `, utanför toleranserna ${shown.outside.join(' och ')}`;
}

/** Decimals that print a fraction in percent exactly (0,005 → 1: "0,5 %"; 0,00125 → 3). */
function percentDecimals(fraction: number): number {
  return Math.max(0, decimalScale(fraction) - 2);
}

/** "36,9 % (2025) mot 35,2 % (2024): +1,7 procentenheter (+4,8 %)" */
function comparison(a: MetricDraft, shown: ChangeShown): string {
  const prev = a.previous ? `${show(a.previous.value, a.unit, shown.values)} (${a.previous.year})` : '–';
  return `${valueAt(a, shown.values)} mot ${prev}: ${changeText(a, shown)}`;
}

function changeText(a: MetricDraft, shown: ChangeShown): string {
  const d = a.change ?? 0;
  const relative = a.relativeChange === null ? null : formatChangePercent(a.relativeChange, shown.relative);
  if (isPercentUnit(a.unit)) return relative ? `${formatPoints(d, shown.absolute)} (${relative})` : formatPoints(d, shown.absolute);
  return relative ?? signedWithUnit(d, a.unit, shown.absolute);
}

function signedWithUnit(d: number, unit: string | null, decimals: number): string {
  const text = formatWithUnit(d, unit, decimals);
  return d > 0 ? `+${text}` : text;
}

/** "krav −2,5 %/år", with the total over k years when the previous outcome is older than last year */
function requirement(a: MetricDraft, row: MetricRow, decimals: number): string {
  const perYear = `krav ${formatChangePercent(row.annualChange ?? 0, decimals)}/år`;
  const k = a.previous ? a.year - a.previous.year : 1;
  return k > 1 && a.required !== null ? `${perYear} (${formatChangePercent(a.required, decimals)} på ${k} år)` : perYear;
}

function rule6Tail(a: MetricDraft): string {
  if (a.status !== 'Oförändrad') return '';
  return withinTolerance(a) ? `, ${toleranceText(a)}` : ', kravet inte nått';
}

/** The same exact tests as the rules (model/rule-compare.ts), on the outcomes the record carries. */
function withinAbsolute(a: MetricDraft): boolean {
  return a.value !== null && a.previous !== null && withinAbsoluteTolerance(a.value, a.previous.value, a.absoluteTolerance ?? 0);
}

function withinTolerance(a: MetricDraft): boolean {
  if (withinAbsolute(a)) return true;
  return a.value !== null && a.previous !== null && a.relativeTolerance !== null && withinRelative(a.value, a.previous.value, a.relativeTolerance);
}

function absoluteToleranceText(a: MetricDraft, tolerance: number): string {
  const decimals = Math.max(2, decimalScale(tolerance));
  return isPercentUnit(a.unit) ? `${formatNumber(tolerance, decimals)} procentenheter` : formatWithUnit(tolerance, a.unit, decimals);
}

/** Names the tolerance that held: the absolute one when it did, else the relative one (each to its own decimals). */
function toleranceText(a: MetricDraft): string {
  if (a.change === 0) return 'ingen förändring';
  if (a.absoluteTolerance !== null && withinAbsolute(a)) return `inom toleransen ${absoluteToleranceText(a, a.absoluteTolerance)}`;
  const tolerance = a.relativeTolerance ?? 0;
  return `inom toleransen ${formatPercent(tolerance, Math.max(2, percentDecimals(tolerance)))}`;
}
