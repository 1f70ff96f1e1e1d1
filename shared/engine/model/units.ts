/**
 * Units as people type them in `Enhet` and after a figure: which ones make a metric a percentage (read in percent,
 * changes also in procentenheter), and whether a unit typed after a figure (`6,7 ton`) can be the metric's. Declared
 * once: the parser and the Förklaring must agree on it.
 * @module
 */
import { normalizeName } from './grid.ts';

const PERCENT_UNITS = new Set(['%', 'procent', 'procentenheter', 'andel (%)']);

export function isPercentUnit(unit: string | null): boolean {
  return unit !== null && PERCENT_UNITS.has(normalizeName(unit));
}

/** Ways of writing one unit (after normalising: case folded, no spaces or full stops). */
const SAME_UNITS: readonly (readonly string[])[] = [
  ['st', 'stycken', 'styck', 'stk', 'antal'],
  ['kr', 'kronor', 'sek'],
  ['tkr', 'tusenkronor'],
  ['mkr', 'mnkr', 'miljonerkronor'],
  ['g', 'gram'],
  ['kg', 'kilo', 'kilogram'],
  ['t', 'ton'],
  ['h', 'tim', 'timmar', 'timme'],
  ['d', 'dag', 'dagar', 'dygn'],
  ['placering', 'plats'],
];
const CANONICAL = new Map(SAME_UNITS.flatMap((names) => names.map((n) => [n, names[0]!] as const)));

function unitKey(text: string): string {
  const key = normalizeName(text).replace(/[\s.]+/g, '');
  return CANONICAL.get(key) ?? key;
}

/**
 * Whether a unit typed after a figure can be the metric's `Enhet`: the same unit (in any of its usual spellings),
 * or one that begins the other at a word (`kWh/m²` in a `kWh/m² BRA` metric, `ton CO2e` in a `ton` one). `6,7 ton`
 * in a `kg` metric cannot.
 */
export function unitsAgree(typed: string, unit: string): boolean {
  const a = unitKey(typed);
  const b = unitKey(unit);
  if (a === b || a === '' || b === '') return true;
  const [short, long] = a.length <= b.length ? [normalizeName(typed), normalizeName(unit)] : [normalizeName(unit), normalizeName(typed)];
  return long.startsWith(short) && /^[\s/(,]/.test(long.slice(short.length));
}
