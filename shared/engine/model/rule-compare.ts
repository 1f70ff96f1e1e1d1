/**
 * Tolerant comparisons for the rules. Typed decimals (0,5 % tolerance, 35,2 → 35,376) rarely land on
 * exact binary fractions, so "at or below" allows a relative slack of 1e-9: a change of exactly 0,5 %
 * against a tolerance of 0,5 % counts as within it.
 * @module
 */

const RELATIVE_EPSILON = 1e-9;

function slack(a: number, b: number): number {
  return RELATIVE_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a ≤ b, up to rounding noise */
export function atMost(a: number, b: number): boolean {
  return a <= b + slack(a, b);
}

/** a ≥ b, up to rounding noise */
export function atLeast(a: number, b: number): boolean {
  return a >= b - slack(a, b);
}

/** a = b, up to rounding noise */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= slack(a, b);
}

/** +1 when higher is better, −1 when lower is better. */
export function directionSign(direction: 'Öka' | 'Minska'): 1 | -1 {
  return direction === 'Öka' ? 1 : -1;
}

/** v is at or better than `reference` in the direction. */
export function atOrBetter(value: number, reference: number, direction: 'Öka' | 'Minska'): boolean {
  return direction === 'Öka' ? atLeast(value, reference) : atMost(value, reference);
}
