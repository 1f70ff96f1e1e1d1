import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_DECIMALS, formatChangePercent, formatFixed, formatNumber, formatPercent, formatPoints } from '../../shared/engine/explain/format.ts';

/** The reference: what Intl itself says (format.ts answers most calls without it, for speed). */
const intl = (value: number, min: number, max: number, signDisplay: 'auto' | 'exceptZero' = 'auto') =>
  new Intl.NumberFormat('sv-SE', { minimumFractionDigits: min, maximumFractionDigits: max, signDisplay }).format(value);

/** Doubles people and the rules produce: typed decimals, sums, ratios, and the awkward ones. */
const figures = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 200 + 0.005),
  fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 1, max: 99_999 })).map(([a, b]) => a / b),
  fc.constantFrom(0, -0, 0.5, -0.5, 1.005, 2.675, 0.045, 9.995, 99.95, 999.5, 9999.5, -9999.5, 1e21, 1e-7, -1e-7, 123456789.125, Number.MAX_VALUE),
);

describe('sv-SE number formatting', () => {
  it('prints the Swedish way: NBSP groups from four digits, decimal comma, U+2212 minus', () => {
    expect(formatNumber(1234.5)).toBe('1\u00a0234,5');
    expect(formatNumber(-12345.678)).toBe('\u221212\u00a0345,68');
    expect(formatNumber(999)).toBe('999');
    expect(formatChangePercent(-0.0766)).toBe('\u22127,7\u00a0%');
    expect(formatChangePercent(0.048)).toBe('+4,8\u00a0%');
    expect(formatPercent(0.369)).toBe('36,9\u00a0%');
    expect(formatPoints(-1.25)).toBe('\u22121,3 procentenheter');
    expect(formatFixed(4.5, 1)).toBe('4,5');
  });

  it('rounds a typed half away from zero as Intl does (1,005 → 1,01, not toFixed’s 1,00)', () => {
    expect(formatNumber(1.005)).toBe('1,01');
    expect(formatNumber(-2.675)).toBe('\u22122,68');
    expect(formatNumber(9.995)).toBe('10');
    expect(formatFixed(999.95, 1)).toBe('1\u00a0000,0');
  });

  it('leaves signed zeros and exponent forms to Intl', () => {
    expect(formatNumber(-0.001)).toBe(intl(-0.001, 0, 2));
    expect(formatChangePercent(-0.000001)).toBe(`${intl(-0.0001, 1, 1, 'exceptZero')}\u00a0%`);
    expect(formatNumber(1e21)).toBe(intl(1e21, 0, 2));
    expect(formatNumber(1e-7)).toBe(intl(1e-7, 0, 2));
  });

  it('gives exactly what Intl gives, for every option the product uses', () => {
    fc.assert(
      // explanations show up to MAX_DECIMALS where rounding would make two figures look equal
      fc.property(figures, fc.integer({ min: 0, max: MAX_DECIMALS }), (value, decimals) => {
        expect(formatNumber(value, decimals)).toBe(intl(value, 0, decimals));
        expect(formatFixed(value, decimals)).toBe(intl(value, decimals, decimals));
        expect(formatPoints(value, decimals)).toBe(`${intl(value, decimals, decimals, 'exceptZero')} procentenheter`);
        expect(formatChangePercent(value, decimals)).toBe(`${intl(value * 100, decimals, decimals, 'exceptZero')}\u00a0%`);
        expect(formatPercent(value, decimals)).toBe(`${intl(value * 100, 0, decimals)}\u00a0%`);
      }),
      { numRuns: 20_000 },
    );
  });
});
