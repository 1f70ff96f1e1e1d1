/**
 * The comparisons of the rules (domain.md §4), exact on the decimals people type (model/decimal.ts): a change of
 * exactly 0,5 % against a tolerance of 0,5 % is within it (35,2 → 35,376 too, which binary floating point puts just
 * above), and nothing more is: a target of 2 500 000 000 is not reached by 2 499 999 998, and a 0 % tolerance
 * hides no change. The assessment and its Förklaring both ask here, so they never disagree.
 * @module
 */
import { asRatio, compareDecimals, compareRelativeChange, compareRatios, decimalDifference, decimalScale, differenceAtMost, isSafe, scaled, scaledBig, signOf } from './decimal.ts';

/** a ≤ b */
export function atMost(a: number, b: number): boolean {
  return compareDecimals(a, b) <= 0;
}

/** a ≥ b */
export function atLeast(a: number, b: number): boolean {
  return compareDecimals(a, b) >= 0;
}

/** a = b as decimals (settings typed alike in two workbooks) */
export function sameDecimal(a: number, b: number): boolean {
  return compareDecimals(a, b) === 0;
}

/** +1 when higher is better, −1 when lower is better. */
export function directionSign(direction: 'Öka' | 'Minska'): 1 | -1 {
  return direction === 'Öka' ? 1 : -1;
}

/** v is at or better than `reference` in the direction. */
export function atOrBetter(value: number, reference: number, direction: 'Öka' | 'Minska'): boolean {
  return direction === 'Öka' ? atLeast(value, reference) : atMost(value, reference);
}

/** v − p, exact on the decimals (the change rule 7 speaks of). */
export function changeOf(value: number, previous: number): number {
  return decimalDifference(value, previous);
}

/** |v − p| ≤ the absolute tolerance (rule 7; in the metric's unit). */
export function withinAbsolute(value: number, previous: number, tolerance: number): boolean {
  return differenceAtMost(value, previous, tolerance);
}

/** |v − p|/|p| ≤ the relative tolerance, a fraction (rule 7); never for p = 0. */
export function withinRelative(value: number, previous: number, tolerance: number): boolean {
  if (previous === 0) return false;
  const { numerator, denominator } = asRatio(tolerance);
  return compareRelativeChange(value, previous, numerator, denominator, true) <= 0;
}

/**
 * The sign of c − R in the metric's direction (rule 6), where c = (v − p)/|p| and R = (1 + r)^k − 1 is the
 * required change over k years: ≥ 0 means at or beyond the requirement. p ≠ 0.
 */
export function compareWithRequired(value: number, previous: number, annualChange: number, years: number, direction: 'Öka' | 'Minska'): -1 | 0 | 1 {
  const { numerator, denominator } = compounded(annualChange, years);
  const s = compareRelativeChange(value, previous, numerator, denominator);
  return direction === 'Öka' ? s : ((-s) as -1 | 0 | 1);
}

/** (1 + r)^k − 1 as an exact ratio of integers (r a typed fraction, k whole years). */
function compounded(r: number, k: number): { numerator: number | bigint; denominator: number | bigint } {
  const { numerator: n, denominator: q } = asRatio(r);
  let top = q + n;
  let bottom = q;
  let big = false;
  for (let i = 1; i < k && !big; i++) {
    top *= q + n;
    bottom *= q;
    big = !isSafe(top) || !isSafe(bottom);
  }
  if (!big) return { numerator: top - bottom, denominator: bottom };
  const topBig = BigInt(q + n) ** BigInt(k);
  const bottomBig = BigInt(q) ** BigInt(k);
  return { numerator: topBig - bottomBig, denominator: bottomBig };
}

/**
 * The sign of mean − threshold for a mean of whole scores (aggregation): `sum / count` against a typed decimal,
 * exactly. count > 0.
 */
export function compareMean(sum: number, count: number, threshold: number): -1 | 0 | 1 {
  const { numerator, denominator } = asRatio(threshold);
  return compareRatios(sum, count, numerator, denominator);
}

/**
 * v at or better than the pace line in `year` (domain.md §4 "Pace"): Basvärde + (Målvärde − Basvärde)·(Y −
 * Basår)/(Målår − Basår), and Målvärde itself once Y ≥ Målår; exactly, without computing the line's value.
 */
export function onPace(value: number, base: { year: number; value: number }, goal: { year: number; value: number }, year: number, direction: 'Öka' | 'Minska'): boolean {
  const whole = goal.year - base.year;
  const done = Math.min(year, goal.year) - base.year;
  const d = Math.max(decimalScale(value), decimalScale(base.value), decimalScale(goal.value));
  // v − expected has the sign of (V − B)·whole − (G − B)·done
  const V = scaled(value, d);
  const B = scaled(base.value, d);
  const G = scaled(goal.value, d);
  const left = (V - B) * whole;
  const right = (G - B) * done;
  let s: -1 | 0 | 1;
  if (isSafe(V) && isSafe(B) && isSafe(G) && isSafe(left) && isSafe(right)) s = signOf(left - right);
  else {
    const bigB = scaledBig(base.value, d);
    s = signOf((scaledBig(value, d) - bigB) * BigInt(whole) - (scaledBig(goal.value, d) - bigB) * BigInt(done));
  }
  return direction === 'Öka' ? s >= 0 : s <= 0;
}

/**
 * The least-squares line through points (year, value) and the first whole year in which it reaches `target`
 * (exactly: the line's slope and the year are ratios of integers); 'nås inte' when it is flat or heads away.
 */
export function lineReachesTarget(points: readonly { x: number; y: number }[], target: number, direction: 'Öka' | 'Minska'): number | 'nås inte' {
  const d = Math.max(decimalScale(target), ...points.map((p) => decimalScale(p.y)));
  const origin = points[0]!.x;
  const n = BigInt(points.length);
  let sx = 0n, sy = 0n, sxy = 0n, sxx = 0n;
  for (const p of points) {
    const x = BigInt(p.x - origin);
    const y = scaledBig(p.y, d);
    sx += x;
    sy += y;
    sxy += x * y;
    sxx += x * x;
  }
  // slope = num/den with den > 0 (the years differ)
  const num = n * sxy - sx * sy;
  const den = n * sxx - sx * sx;
  if ((direction === 'Öka' ? num : -num) <= 0n) return 'nås inte';
  // target = mean(y) + slope·(x − mean(x))  ⇔  x = ((n·T − Σy)·den + num·Σx) / (n·num)
  let top = (n * scaledBig(target, d) - sy) * den + num * sx;
  let bottom = n * num;
  if (bottom < 0n) {
    top = -top;
    bottom = -bottom;
  }
  const whole = top / bottom;
  const ceil = top % bottom !== 0n && top > 0n ? whole + 1n : whole;
  return origin + Number(ceil);
}
