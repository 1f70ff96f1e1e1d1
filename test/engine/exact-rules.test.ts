/**
 * Issue 17 E.16: the rules compare the typed decimals exactly. Before, every comparison allowed 1e-9 of the larger
 * value: on large figures that hid real differences. Each row below gave the other status then; binary noise
 * (0,1 + 0,2) must not flip a status either, so the cases where floating point alone would be wrong are here too.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessMetric } from '../../shared/engine/assess/metric.ts';
import { aggregate } from '../../shared/engine/assess/aggregate.ts';
import { assessPace, projectTargetYear } from '../../shared/engine/assess/pace.ts';
import { compareDecimals, decimalDifference, decimalScale, differenceAtMost } from '../../shared/engine/model/decimal.ts';
import type { MetricRow, MetricRule, Status } from '../../shared/engine/model/model.ts';
import { metricRow } from './model-factories.ts';

interface Case {
  name: string;
  row: Partial<MetricRow>;
  tolerance?: number;
  status: Status;
  rule: MetricRule;
}

const cases: Case[] = [
  // no slack: large figures
  { name: 'a target of 2 500 000 000 is not reached by 2 499 999 998', row: { target: 2_500_000_000, outcomes: { 2024: 2_499_999_999, 2025: 2_499_999_998 } }, tolerance: 0, status: 'Negativ', rule: 'förändring' },
  { name: 'a target of 2 500 000 000 is reached by 2 500 000 000', row: { target: 2_500_000_000, outcomes: { 2024: 2_400_000_000, 2025: 2_500_000_000 } }, status: 'Positiv', rule: 'målvärde-nått' },
  { name: 'a Minska target of 1 000 000 000 kr is not reached by 1 000 000 001 kr', row: { direction: 'Minska', unit: 'kr', target: 1e9, outcomes: { 2024: 1_100_000_000, 2025: 1_000_000_001 } }, status: 'Positiv', rule: 'förändring' },
  { name: '0 % tolerance does not hide +2 kr on 2 500 000 000 kr', row: { unit: 'kr', tolerance: 0, outcomes: { 2024: 2_500_000_000, 2025: 2_500_000_002 } }, status: 'Positiv', rule: 'förändring' },
  { name: '0 % tolerance does not hide −2 kr (Öka)', row: { unit: 'kr', tolerance: 0, outcomes: { 2024: 2_500_000_000, 2025: 2_499_999_998 } }, status: 'Negativ', rule: 'förändring' },
  { name: 'an absolute tolerance of 1 kr does not hide 2 kr', row: { unit: 'kr', tolerance: 0, absoluteTolerance: 1, outcomes: { 2024: 2_500_000_000, 2025: 2_500_000_002 } }, status: 'Positiv', rule: 'förändring' },
  { name: 'a yearly +1 % missed by 1 kr on 2 500 000 000 kr', row: { unit: 'kr', annualChange: 0.01, tolerance: 0, outcomes: { 2024: 2_500_000_000, 2025: 2_524_999_999 } }, status: 'Oförändrad', rule: 'årlig-förändring' },
  { name: 'a yearly +1 % met exactly on 2 500 000 000 kr', row: { unit: 'kr', annualChange: 0.01, outcomes: { 2024: 2_500_000_000, 2025: 2_525_000_000 } }, status: 'Positiv', rule: 'årlig-förändring' },
  { name: 'a yearly −1 % wrong way by 1 kr, 0 % tolerance', row: { direction: 'Minska', unit: 'kr', annualChange: -0.01, tolerance: 0, outcomes: { 2024: 2_500_000_000, 2025: 2_500_000_001 } }, status: 'Negativ', rule: 'årlig-förändring' },
  // exact where binary floating point is not: a change of exactly the tolerance is within it
  { name: '20 → 20,1 is exactly 0,5 %', row: { outcomes: { 2024: 20, 2025: 20.1 } }, status: 'Oförändrad', rule: 'förändring' },
  { name: '35,2 → 35,376 is exactly 0,5 %', row: { outcomes: { 2024: 35.2, 2025: 35.376 } }, status: 'Oförändrad', rule: 'förändring' },
  { name: '35,2 → 35,3761 is just above 0,5 %', row: { outcomes: { 2024: 35.2, 2025: 35.3761 } }, status: 'Positiv', rule: 'förändring' },
  { name: '0,9 → 1,1 is exactly the absolute tolerance 0,2', row: { tolerance: 0, absoluteTolerance: 0.2, outcomes: { 2024: 0.9, 2025: 1.1 } }, status: 'Oförändrad', rule: 'förändring' },
  { name: '0,9 → 1,1001 is above the absolute tolerance 0,2', row: { tolerance: 0, absoluteTolerance: 0.2, outcomes: { 2024: 0.9, 2025: 1.1001 } }, status: 'Positiv', rule: 'förändring' },
  { name: 'a tolerance of 0,3 % against 1000 → 1003', row: { tolerance: 0.003, outcomes: { 2024: 1000, 2025: 1003 } }, status: 'Oförändrad', rule: 'förändring' },
  { name: 'a formula result 0,1+0,2 reaches a Minska target of 0,3', row: { direction: 'Minska', target: 0.3, outcomes: { 2024: 0.5, 2025: 0.1 + 0.2 } }, status: 'Positiv', rule: 'målvärde-nått' },
  { name: 'a formula result 0,1+0,2 against 0,3 last year, 0 % tolerance', row: { tolerance: 0, outcomes: { 2024: 0.3, 2025: 0.1 + 0.2 } }, status: 'Oförändrad', rule: 'förändring' },
  { name: 'a yearly +10 % over two years: 100 → 121 is exactly +21 %', row: { annualChange: 0.1, outcomes: { 2023: 100, 2025: 121 } }, status: 'Positiv', rule: 'årlig-förändring' },
  { name: 'a yearly −2,5 %: 274 → 267,15 is exactly −2,5 %', row: { direction: 'Minska', annualChange: -0.025, outcomes: { 2024: 274, 2025: 267.15 } }, status: 'Positiv', rule: 'årlig-förändring' },
  { name: 'a yearly −2,5 %: 274 → 267,1501 is not', row: { direction: 'Minska', annualChange: -0.025, outcomes: { 2024: 274, 2025: 267.1501 } }, status: 'Oförändrad', rule: 'årlig-förändring' },
];

describe('the rules compare typed decimals exactly', () => {
  it.each(cases)('$name → $status', (c) => {
    const a = assessMetric(metricRow(c.row), 2025, c.tolerance ?? 0.005);
    expect([a.status, a.rule]).toEqual([c.status, c.rule]);
  });

  it('aggregation: a mean exactly at the threshold stays Oförändrad, one child more tips it', () => {
    const children = (p: number, o: number) => [...Array<Status>(p).fill('Positiv'), ...Array<Status>(o).fill('Oförändrad')].map((status, i) => ({ name: `m${i}`, status }));
    const at = (p: number, o: number, threshold: number) =>
      aggregate({ level: 'indikator', name: 'I', goalArea: 'G', workbookId: 'wb', rowNumber: 2, children: children(p, o), threshold, year: 2025, childNoun: 'mätetal' }).status;
    expect(at(3, 7, 0.3)).toBe('Oförändrad');
    expect(at(301, 699, 0.3)).toBe('Positiv');
    expect(at(3, 7, 0.3000000001)).toBe('Oförändrad');
    expect(at(1, 2, 0.3333)).toBe('Positiv');
    expect(at(1, 2, 0.33333333333333)).toBe('Positiv');
  });

  it('pace: 1 kr behind a 2 500 000 000 kr line is Ej i takt', () => {
    const row = metricRow({ direction: 'Minska', unit: 'kr', baseYear: 2020, baseValue: 2_500_000_000, target: 0, targetYear: 2030, outcomes: { 2021: 2_250_000_001 } });
    expect(assessPace(row, 2021)?.verdict).toBe('Ej i takt');
    expect(assessPace({ ...row, outcomes: { 2021: 2_250_000_000 } }, 2021)?.verdict).toBe('I takt');
  });

  it('projection: the first whole year the line reaches the target, exactly', () => {
    expect(projectTargetYear({ 2023: 0.1, 2024: 0.2, 2025: 0.30000000000000004 }, 2025, 0.6, 'Öka')).toBe(2028);
    expect(projectTargetYear({ 2023: 10, 2024: 20, 2025: 30 }, 2025, 60.000001, 'Öka')).toBe(2029);
    expect(projectTargetYear({ 2023: 30, 2024: 30, 2025: 30 }, 2025, 60, 'Öka')).toBe('nås inte');
  });
});

describe('decimals as typed', () => {
  it.each([
    [0, 0], [12, 0], [36.9, 1], [35.376, 3], [-0.025, 3], [0.1 + 0.2, 1], [1.005, 3], [2_499_999_998, 0], [1e-7, 7], [123456789.123, 3],
  ])('decimalScale(%s) = %i', (v, scale) => expect(decimalScale(v)).toBe(scale));

  /** Decimals as a person types them: up to 9 integer digits and 6 decimals, as text and as the double read from it. */
  const typed = fc
    .tuple(fc.boolean(), fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 6 }))
    .map(([negative, int, frac, digits]) => {
      const fraction = String(frac).padStart(6, '0').slice(0, digits);
      const text = `${negative ? '-' : ''}${int}${digits > 0 ? `.${fraction}` : ''}`;
      // the exact value in millionths, for the reference
      const micro = BigInt(`${negative ? '-' : ''}${int}${fraction.padEnd(6, '0')}`);
      return { value: Number(text), micro };
    });

  it('compares, subtracts and bounds them exactly (against BigInt arithmetic on the typed text)', () => {
    fc.assert(
      fc.property(typed, typed, typed, (a, b, limit) => {
        const sign = a.micro > b.micro ? 1 : a.micro < b.micro ? -1 : 0;
        expect(compareDecimals(a.value, b.value)).toBe(sign);
        expect(decimalDifference(a.value, b.value)).toBe(Number(`${a.micro - b.micro}e-6`));
        const diff = a.micro - b.micro;
        const bound = limit.micro < 0n ? -limit.micro : limit.micro;
        expect(differenceAtMost(a.value, b.value, Math.abs(limit.value))).toBe((diff < 0n ? -diff : diff) <= bound);
      }),
      { numRuns: 5_000 },
    );
  });
});
