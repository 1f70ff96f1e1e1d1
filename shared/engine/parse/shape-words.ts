/**
 * The words of the newer template columns: Dimension, Jämförelse, Rang (Agendapyramid) and Risknivå.
 * Matched like the other keywords (case and surrounding spaces ignored), with the forms people write.
 * @module
 */
import type { ComparisonColour, Dimension, PyramidRank, RiskLevel } from '../model/model.ts';
import { COMPARISON_COLOURS, DIMENSIONS, PYRAMID_RANKS, RISK_LEVELS } from '../model/template.ts';
import { lookup, tableOf, type WordResult } from './words.ts';

const DIMENSION_TABLE = tableOf<Dimension>(DIMENSIONS, {
  Ekologisk: 'Miljömässig',
  Miljö: 'Miljömässig',
  'Miljömässig hållbarhet': 'Miljömässig',
  'Ekologisk hållbarhet': 'Miljömässig',
  'Social hållbarhet': 'Social',
  'Ekonomisk hållbarhet': 'Ekonomisk',
});
const COMPARISON_TABLE = tableOf<ComparisonColour>(COMPARISON_COLOURS, { Grönt: 'Grön', Gult: 'Gul', Rött: 'Röd' });
const RANK_TABLE = tableOf<PyramidRank>(PYRAMID_RANKS);
const RISK_TABLE = tableOf<RiskLevel>(RISK_LEVELS, { 'Potentiellt hög': 'Potentiell hög', 'Potentiell hög risk': 'Potentiell hög', 'Hög risk': 'Hög' });

export function parseDimension(text: string): WordResult<Dimension> {
  return lookup(text, DIMENSION_TABLE, [...DIMENSIONS, 'Ekologisk'], 'Dimension');
}

export function parseComparison(text: string): WordResult<ComparisonColour> {
  return lookup(text, COMPARISON_TABLE, COMPARISON_COLOURS.map((c) => c.toLocaleLowerCase('sv-SE')), 'Jämförelse');
}

export function parsePyramidRank(text: string): WordResult<PyramidRank> {
  return lookup(text, RANK_TABLE, PYRAMID_RANKS, 'Rang');
}

export function parseRiskLevel(text: string, what = 'Risknivå'): WordResult<RiskLevel> {
  return lookup(text, RISK_TABLE, RISK_LEVELS, what);
}

/** A Styrmått label as the summary shows it: the dimensions in their canonical spelling, anything else as typed. */
export function headlineLabel(text: string): string {
  const dimension = parseDimension(text);
  return dimension.kind === 'word' ? dimension.value : text.trim();
}
