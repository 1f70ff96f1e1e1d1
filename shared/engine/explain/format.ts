/**
 * sv-SE number formatting for every Swedish text the product writes: U+2212 minus, non-breaking
 * space as thousands separator, decimal comma. Intl does the work; these only fix the options.
 * @module
 */

// keyed by a number, not a string built on every call
const cache = new Map<number, Intl.NumberFormat>();

function formatter(minDecimals: number, maxDecimals: number, signDisplay: 'auto' | 'exceptZero'): Intl.NumberFormat {
  const key = (minDecimals * 128 + maxDecimals) * 2 + (signDisplay === 'exceptZero' ? 1 : 0);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('sv-SE', {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
      signDisplay,
    });
    cache.set(key, f);
  }
  return f;
}

/** What Intl's sv-SE formatter gives, by the fast path when it can (see `fastFormat`). */
function svFormat(value: number, minDecimals: number, maxDecimals: number, signDisplay: 'auto' | 'exceptZero'): string {
  return (
    fastFormat(value, minDecimals, maxDecimals, signDisplay === 'exceptZero') ??
    formatter(minDecimals, maxDecimals, signDisplay).format(value)
  );
}

const NBSP = '\u00a0';
const MINUS = '\u2212';

/**
 * Every Förklaring formats four to six figures, and Intl.NumberFormat.format was a noticeable share of the engine's
 * time on a large set (docs/performance.md). This gives the same text for the common case: ICU, behind Intl, rounds the
 * shortest decimal form of a double half away from zero (1.005 → "1,01", where toFixed says "1.00"), so the
 * digits are rounded from String(value) the same way. Exponent forms and anything that rounds to zero
 * (Intl's signed-zero rules) are left to Intl (null). test/engine/format.test.ts holds it to Intl with fast-check.
 */
function fastFormat(value: number, minDecimals: number, maxDecimals: number, exceptZero: boolean): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value < 0 ? -value : value);
  if (text.includes('e')) return null;
  const dot = text.indexOf('.');
  let int = dot === -1 ? text : text.slice(0, dot);
  let fraction = dot === -1 ? '' : text.slice(dot + 1);
  if (fraction.length > maxDecimals) {
    const roundUp = fraction.charCodeAt(maxDecimals) >= 53; // '5'
    fraction = fraction.slice(0, maxDecimals);
    if (roundUp) {
      const digits = increment(int + fraction);
      int = digits.slice(0, digits.length - maxDecimals);
      fraction = digits.slice(digits.length - maxDecimals);
    }
    // String() never ends a fraction in 0, but rounding can
    let end = fraction.length;
    while (end > minDecimals && fraction.charCodeAt(end - 1) === 48) end--;
    fraction = fraction.slice(0, end);
  }
  if (int === '0' && isZeros(fraction)) return null;
  while (fraction.length < minDecimals) fraction += '0';
  // sv-SE groups from four digits on: 1 234, 12 345
  if (int.length > 3) {
    const first = int.length % 3 || 3;
    let grouped = int.slice(0, first);
    for (let i = first; i < int.length; i += 3) grouped += NBSP + int.slice(i, i + 3);
    int = grouped;
  }
  const sign = value < 0 ? MINUS : exceptZero ? '+' : '';
  return fraction === '' ? sign + int : `${sign}${int},${fraction}`;
}

function isZeros(digits: string): boolean {
  for (let i = 0; i < digits.length; i++) if (digits.charCodeAt(i) !== 48) return false;
  return true;
}

/** "0999" → "1000", "999" → "1000": adds one in the last place. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  const carried = '0'.repeat(digits.length - 1 - i);
  return i < 0 ? `1${carried}` : `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${carried}`;
}

/** A figure as typed back to a Swedish reader: up to `maxDecimals` decimals (default 2), `1 234,5`, `−7`. */
export function formatNumber(value: number, maxDecimals = 2): string {
  return svFormat(value, 0, maxDecimals, 'auto');
}

/** A figure with a fixed number of decimals: `formatFixed(4.5, 1)` → `4,5`. */
export function formatFixed(value: number, decimals: number): string {
  return svFormat(value, decimals, decimals, 'auto');
}

/** A signed relative change, one decimal: `formatChangePercent(-0.0766)` → `−7,7 %`. */
export function formatChangePercent(fraction: number, decimals = 1): string {
  return `${svFormat(fraction * 100, decimals, decimals, 'exceptZero')}\u00a0%`;
}

/** A share, no sign: `formatPercent(0.369)` → `36,9 %`. */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${svFormat(fraction * 100, 0, decimals, 'auto')}\u00a0%`;
}

/** A signed change in percentage points for `%` metrics: `formatPoints(-1.25)` → `−1,3 procentenheter`. */
export function formatPoints(points: number, decimals = 1): string {
  return `${svFormat(points, decimals, decimals, 'exceptZero')} procentenheter`;
}

/** A value with its unit: `formatWithUnit(36.9, '%')` → `36,9 %`; `formatWithUnit(152, 'st')` → `152 st`. */
export function formatWithUnit(value: number, unit: string | null, maxDecimals = 2): string {
  const n = formatNumber(value, maxDecimals);
  return unit ? `${n}\u00a0${unit}` : n;
}

/** the most decimals a sentence ever shows to tell two figures apart */
export const MAX_DECIMALS = 12;

/**
 * The fewest decimals, `from` or more, at which two different figures print apart: where rounding would make them
 * look equal (−2,497 % against a requirement of −2,5 %), enough to tell them apart (at most MAX_DECIMALS).
 */
export function decimalsApart(x: number, y: number, print: (value: number, decimals: number) => string, from: number): number {
  let decimals = from;
  while (decimals < MAX_DECIMALS && print(x, decimals) === print(y, decimals)) decimals++;
  return decimals;
}
