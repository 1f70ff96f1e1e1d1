/**
 * The Swedish Förklaring of a metric, rendered from its assessment record (one line per rule).
 * Numbers go through format.ts (sv-SE: U+2212 minus, NBSP, changes to one decimal).
 * @module
 */
import type { MetricAssessment, MetricRow } from '../model/model.ts';
import { formatChangePercent, formatNumber, formatPercent, formatPoints, formatWithUnit } from './format.ts';
import { withinAbsolute as withinAbsoluteTolerance, withinRelative } from '../model/rule-compare.ts';
import { isPercentUnit } from '../model/units.ts';

export type MetricDraft = Omit<MetricAssessment, 'explanation'>;

/** Remarks that do not stop the assessment (footnote marks …) follow the sentence. */
export function explainMetric(a: MetricDraft, row: MetricRow, errors: string[]): string {
  const sentence = ruleSentence(a, row, errors);
  return row.notes.length > 0 ? `${sentence}. Obs: ${row.notes.join('; ')}` : sentence;
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
      // −1,97 % against a requirement of −2 % must not read "−2,0 %, krav −2,0 %/år, kravet inte nått"
      const decimals = a.status !== 'Positiv' && looksMet(a) ? 2 : 1;
      return `${comparison(a, decimals)}, ${requirement(a, row, decimals)}${rule6Tail(a)} → ${a.status}`;
    }
    case 'förändring':
      return `${comparison(a)}${a.status === 'Oförändrad' ? `, ${toleranceText(a)}` : ''} → ${a.status}`;
  }
}

function show(value: number | null, unit: string | null): string {
  return value === null ? '–' : formatWithUnit(value, unit);
}

function valueAt(a: MetricDraft): string {
  return `${show(a.value, a.unit)} (${a.year})`;
}

/** "36,9 % (2025) mot 35,2 % (2024): +1,7 procentenheter (+4,8 %)" */
function comparison(a: MetricDraft, decimals = 1): string {
  const prev = a.previous ? `${show(a.previous.value, a.unit)} (${a.previous.year})` : '–';
  return `${valueAt(a)} mot ${prev}: ${changeText(a, decimals)}`;
}

/** The change and the requirement print the same at one decimal. */
function looksMet(a: MetricDraft): boolean {
  return a.relativeChange !== null && a.required !== null && formatChangePercent(a.relativeChange) === formatChangePercent(a.required);
}

function changeText(a: MetricDraft, decimals = 1): string {
  const d = a.change ?? 0;
  const relative = a.relativeChange === null ? null : formatChangePercent(a.relativeChange, decimals);
  if (isPercentUnit(a.unit)) return relative ? `${formatPoints(d)} (${relative})` : formatPoints(d);
  return relative ?? signedWithUnit(d, a.unit);
}

function signedWithUnit(d: number, unit: string | null): string {
  const text = formatWithUnit(d, unit, 1);
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

/** Names the tolerance that held: the absolute one when it did, else the relative one. */
function toleranceText(a: MetricDraft): string {
  if (a.change === 0) return 'ingen förändring';
  if (a.absoluteTolerance !== null && withinAbsolute(a)) {
    const abs = isPercentUnit(a.unit)
      ? `${formatNumber(a.absoluteTolerance)} procentenheter`
      : formatWithUnit(a.absoluteTolerance, a.unit);
    return `inom toleransen ${abs}`;
  }
  return `inom toleransen ${formatPercent(a.relativeTolerance ?? 0, 2)}`;
}
