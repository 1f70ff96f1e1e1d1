/**
 * Units as people type them in `Enhet`: which ones make a metric a percentage (read in percent, changes also in
 * procentenheter). Declared once: the parser and the Förklaring must agree on it.
 * @module
 */
import { normalizeName } from './grid.ts';

const PERCENT_UNITS = new Set(['%', 'procent', 'procentenheter', 'andel (%)']);

export function isPercentUnit(unit: string | null): boolean {
  return unit !== null && PERCENT_UNITS.has(normalizeName(unit));
}
