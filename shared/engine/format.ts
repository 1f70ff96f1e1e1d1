/**
 * sv-SE number formatting for every Swedish text the product writes: U+2212 minus, non-breaking
 * space as thousands separator, decimal comma. Intl does the work; these only fix the options.
 * @module
 */

// keyed by a number, not a string built on every call: this runs for every figure of every Förklaring
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

/** A figure as typed back to a Swedish reader: up to `maxDecimals` decimals (default 2), `1 234,5`, `−7`. */
export function formatNumber(value: number, maxDecimals = 2): string {
  return formatter(0, maxDecimals, 'auto').format(value);
}

/** A figure with a fixed number of decimals: `formatFixed(4.5, 1)` → `4,5`. */
export function formatFixed(value: number, decimals: number): string {
  return formatter(decimals, decimals, 'auto').format(value);
}

/** A signed relative change, one decimal: `formatChangePercent(-0.0766)` → `−7,7 %`. */
export function formatChangePercent(fraction: number, decimals = 1): string {
  return `${formatter(decimals, decimals, 'exceptZero').format(fraction * 100)}\u00a0%`;
}

/** A share, no sign: `formatPercent(0.369)` → `36,9 %`. */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatter(0, decimals, 'auto').format(fraction * 100)}\u00a0%`;
}

/** A signed change in percentage points for `%` metrics: `formatPoints(-1.25)` → `−1,3 procentenheter`. */
export function formatPoints(points: number, decimals = 1): string {
  return `${formatter(decimals, decimals, 'exceptZero').format(points)} procentenheter`;
}

/** A value with its unit: `formatWithUnit(36.9, '%')` → `36,9 %`; `formatWithUnit(152, 'st')` → `152 st`. */
export function formatWithUnit(value: number, unit: string | null, maxDecimals = 2): string {
  const n = formatNumber(value, maxDecimals);
  return unit ? `${n}\u00a0${unit}` : n;
}
