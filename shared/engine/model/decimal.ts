/**
 * Exact arithmetic on the decimals people type. A number from a cell stands for the decimal it shows at full
 * precision: the shortest decimal that reads back as the same double, cut at 15 significant digits (what Excel and
 * Sheets keep of a typed number), so a formula's 0,30000000000000004 is 0,3. Differences and products of those
 * decimals are done on integers scaled by a power of ten: in Number while every step is below 2^53 (then exact), in
 * BigInt beyond. Nothing is rounded to make two figures equal.
 * @module
 */

/** 10^0 … 10^22: every one exact in a double */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_SCALE = POW10.length - 1;
/** below this, integer arithmetic in doubles is exact */
const SAFE = 2 ** 53;
/** an integer of 15 digits: a decimal with this many significant digits is as precise as a spreadsheet keeps */
const FIFTEEN_DIGITS = 1e14;

/** Digits after the decimal point of the decimal `v` stands for (at most 15 significant digits). */
export function decimalScale(v: number): number {
  if (Number.isInteger(v) || !Number.isFinite(v)) return 0;
  const a = v < 0 ? -v : v;
  for (let d = 1; d < MAX_SCALE; d++) {
    let n = Math.round(a * POW10[d]!);
    if (n / POW10[d]! === a) return d;
    if (n >= FIFTEEN_DIGITS) {
      // cut at 15 significant digits: 0,30000000000000004 is 0,300000000000000, i.e. 0,3
      let scale = d;
      while (scale > 0 && n % 10 === 0) {
        n /= 10;
        scale--;
      }
      return scale;
    }
  }
  return MAX_SCALE;
}

/** 10^n as a double (exact for n ≤ 22). */
export function pow10(n: number): number {
  return POW10[n] ?? 10 ** n;
}

/** `v` as an integer count of 10^−scale (scale ≥ v's own): exact while it is below 2^53. */
export function scaled(v: number, scale: number): number {
  return Math.round(v * POW10[scale]!);
}

/** `v` as an integer count of 10^−scale, exact at any size. */
export function scaledBig(v: number, scale: number): bigint {
  const own = decimalScale(v);
  return BigInt(Math.round(v * POW10[own]!)) * 10n ** BigInt(Math.max(0, scale - own));
}

export function isSafe(n: number): boolean {
  return n < SAFE && n > -SAFE;
}

function sign(n: number | bigint): -1 | 0 | 1 {
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

/** The sign of x − y on their decimals: 0 only when they are the same decimal. */
export function compareDecimals(x: number, y: number): -1 | 0 | 1 {
  if (x === y) return 0;
  const d = Math.max(decimalScale(x), decimalScale(y));
  // distinct decimals of at most 15 significant digits are distinct doubles, in the same order
  if (scaled(x, d) === scaled(y, d)) return 0;
  return x < y ? -1 : 1;
}

/** x − y computed on their decimals, as the nearest double (35,376 − 35,2 is 0,176, not 0,17600000000000193). */
export function decimalDifference(x: number, y: number): number {
  const d = Math.max(decimalScale(x), decimalScale(y));
  const X = scaled(x, d);
  const Y = scaled(y, d);
  const D = X - Y;
  if (isSafe(X) && isSafe(Y) && isSafe(D)) return D / POW10[d]!;
  return Number(scaledBig(x, d) - scaledBig(y, d)) / POW10[d]!;
}

/** |x − y| ≤ limit, exactly. */
export function differenceAtMost(x: number, y: number, limit: number): boolean {
  const d = Math.max(decimalScale(x), decimalScale(y), decimalScale(limit));
  const D = scaled(x, d) - scaled(y, d);
  const L = scaled(limit, d);
  if (isSafe(scaled(x, d)) && isSafe(scaled(y, d)) && isSafe(D) && isSafe(L)) return Math.abs(D) <= L;
  const big = scaledBig(x, d) - scaledBig(y, d);
  return (big < 0n ? -big : big) <= scaledBig(limit, d);
}

/**
 * The sign of (x − y)/|y| − r, exactly (y ≠ 0): how a relative change compares with a relative figure given as
 * a fraction (a tolerance, a required change). `r` is a ratio `rNumerator / rDenominator` of integers (rDenominator
 * > 0), so that a requirement compounded over years is exact too. `absolute`: the size of the change, |x − y|/|y|.
 */
export function compareRelativeChange(x: number, y: number, rNumerator: number | bigint, rDenominator: number | bigint, absolute = false): -1 | 0 | 1 {
  const d = Math.max(decimalScale(x), decimalScale(y));
  const X = scaled(x, d);
  const Y = scaled(y, d);
  const D = absolute && X < Y ? Y - X : X - Y;
  const absY = Y < 0 ? -Y : Y;
  // (D/|Y|) − rN/rD  has the sign of  D·rD − rN·|Y|
  if (typeof rNumerator === 'number' && typeof rDenominator === 'number' && isSafe(X) && isSafe(Y) && isSafe(D)) {
    const left = D * rDenominator;
    const right = rNumerator * absY;
    if (isSafe(left) && isSafe(right)) return sign(left - right);
  }
  const diff = scaledBig(x, d) - scaledBig(y, d);
  const bigD = absolute && diff < 0n ? -diff : diff;
  const bigY = scaledBig(y, d);
  return sign(bigD * BigInt(rDenominator) - BigInt(rNumerator) * (bigY < 0n ? -bigY : bigY));
}

/** A fraction typed as a decimal (a tolerance, a yearly change) as numerator and power-of-ten denominator. */
export function asRatio(fraction: number): { numerator: number; denominator: number } {
  const s = decimalScale(fraction);
  return { numerator: scaled(fraction, s), denominator: POW10[s]! };
}

/** The sign of a/b − c/d for integers with b, d > 0, exactly. */
export function compareRatios(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const left = a * d;
  const right = c * b;
  if (isSafe(left) && isSafe(right)) return sign(left - right);
  return sign(BigInt(a) * BigInt(d) - BigInt(c) * BigInt(b));
}

export { sign as signOf };
