/**
 * Issue 17 E.17: an explanation never contradicts itself on screen. Where rounding would make two different figures
 * look equal (the change and the requirement, the change and a tolerance it is just outside, two outcomes, a mean
 * and the threshold, an outcome and the pace line), the sentence shows enough decimals to tell them apart, and it
 * names the tolerance a change is just outside. Each row read otherwise before.
 */
import { describe, expect, it } from 'vitest';
import { assessMetric } from '../../shared/engine/assess/metric.ts';
import { aggregate } from '../../shared/engine/assess/aggregate.ts';
import { assessPace } from '../../shared/engine/assess/pace.ts';
import type { MetricRow, Status } from '../../shared/engine/model/model.ts';
import { metricRow } from './model-factories.ts';

/** Outputs use NBSP and U+2212; tables are easier to read with plain spaces and hyphens. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-');

const cases: { name: string; row: Partial<MetricRow>; tolerance?: number; explanation: string; before: string }[] = [
  {
    name: 'a yearly requirement missed by less than two decimals',
    row: { direction: 'Minska', annualChange: -0.025, outcomes: { 2024: 1000, 2025: 975.04 } },
    explanation: '975,04 (2025) mot 1 000 (2024): -2,496 %, krav -2,500 %/år, kravet inte nått → Oförändrad',
    before: '975,04 (2025) mot 1 000 (2024): -2,50 %, krav -2,50 %/år, kravet inte nått → Oförändrad',
  },
  {
    name: 'a change just outside the tolerance',
    row: { outcomes: { 2024: 200, 2025: 201.008 } },
    explanation: '201,01 (2025) mot 200 (2024): +0,504 %, utanför toleransen 0,5 % → Positiv',
    before: '201,01 (2025) mot 200 (2024): +0,5 % → Positiv',
  },
  {
    name: 'a change just outside a 0 % tolerance',
    row: { unit: 'kr', tolerance: 0, outcomes: { 2024: 2_500_000_000, 2025: 2_500_000_002 } },
    explanation: '2 500 000 002 kr (2025) mot 2 500 000 000 kr (2024): +0,0000001 %, utanför toleransen 0 % → Positiv',
    before: '2 500 000 002 kr (2025) mot 2 500 000 000 kr (2024): +0,0 % → Oförändrad',
  },
  {
    name: 'a change just outside the absolute tolerance in procentenheter',
    row: { unit: '%', tolerance: 0, absoluteTolerance: 0.2, outcomes: { 2024: 35.2, 2025: 35.404 } },
    explanation: '35,404 % (2025) mot 35,2 % (2024): +0,204 procentenheter (+0,6 %), utanför toleransen 0,2 procentenheter → Positiv',
    before: '35,4 % (2025) mot 35,2 % (2024): +0,2 procentenheter (+0,6 %) → Positiv',
  },
  {
    name: 'two outcomes that round alike',
    row: { direction: 'Minska', unit: 'kWh/km', tolerance: 0, outcomes: { 2024: 4.5, 2025: 4.496 } },
    explanation: '4,496 kWh/km (2025) mot 4,5 kWh/km (2024): -0,1 % → Positiv',
    before: '4,5 kWh/km (2025) mot 4,5 kWh/km (2024): -0,1 % → Positiv',
  },
  {
    name: 'a change exactly at a tolerance with two decimals',
    row: { tolerance: 0.0045, outcomes: { 2024: 200, 2025: 200.9 } },
    explanation: '200,9 (2025) mot 200 (2024): +0,45 %, inom toleransen 0,45 % → Oförändrad',
    before: '200,9 (2025) mot 200 (2024): +0,5 %, inom toleransen 0,45 % → Oförändrad',
  },
  {
    name: 'a tolerance typed with three decimals',
    row: { tolerance: 0.00125, outcomes: { 2024: 1000, 2025: 1001 } },
    explanation: '1 001 (2025) mot 1 000 (2024): +0,100 %, inom toleransen 0,125 % → Oförändrad',
    before: '1 001 (2025) mot 1 000 (2024): +0,1 %, inom toleransen 0,13 % → Oförändrad',
  },
  {
    name: 'previous 0 and a change below the printed decimal',
    row: { unit: 'st', outcomes: { 2024: 0, 2025: 0.04 } },
    explanation: '0,04 st (2025) mot 0 st (2024): +0,04 st → Positiv',
    before: '0,04 st (2025) mot 0 st (2024): +0 st → Positiv',
  },
];

describe('explanations agree with their status on screen', () => {
  it.each(cases)('$name', (c) => {
    const text = plain(assessMetric(metricRow(c.row), 2025, c.tolerance ?? 0.005).explanation);
    expect(text).toBe(c.explanation);
    expect(text).not.toBe(c.before);
  });

  it('a mean just above the threshold is shown above it', () => {
    const children = [...Array<Status>(5001).fill('Positiv'), ...Array<Status>(4999).fill('Oförändrad')].map((status, i) => ({ name: `m${i}`, status }));
    const a = aggregate({ level: 'indikator', name: 'I', goalArea: 'G', workbookId: 'wb', rowNumber: 2, children, threshold: 0.5, year: 2025, childNoun: 'mätetal' });
    expect(a.status).toBe('Positiv');
    expect(plain(a.explanation)).toBe('10000 mätetal: 5001 Positiv, 4999 Oförändrad; medelvärde 0,5001 (gräns ±0,5) → Positiv');
  });

  it('a threshold typed with three decimals is shown with them', () => {
    const children = (['Positiv', 'Oförändrad', 'Oförändrad', 'Oförändrad', 'Oförändrad', 'Oförändrad', 'Oförändrad', 'Oförändrad'] as Status[]).map((status, i) => ({ name: `m${i}`, status }));
    const a = aggregate({ level: 'indikator', name: 'I', goalArea: 'G', workbookId: 'wb', rowNumber: 2, children, threshold: 0.125, year: 2025, childNoun: 'mätetal' });
    expect(plain(a.explanation)).toBe('8 mätetal: 1 Positiv, 7 Oförändrad; medelvärde 0,125 (gräns ±0,125) → Oförändrad');
  });

  it.each([
    // Öka: the line runs from 0 (2019) to 100 (2030), at 54,5454… in 2025; Minska: from 100 to 50, at 72,7272…
    { direction: 'Öka' as const, actual: 54.5, verdict: 'Ej i takt', shown: 'Förväntat 54,55 (2025) på rak linje från 0 (2019) till 100 (2030); utfall 54,5 → Ej i takt' },
    { direction: 'Minska' as const, actual: 72.72, verdict: 'I takt', shown: 'Förväntat 72,73 (2025) på rak linje från 100 (2019) till 50 (2030); utfall 72,72 → I takt' },
  ])('pace: an outcome of $actual ($direction) is shown on the right side of the line', ({ direction, actual, verdict, shown }) => {
    const [base, target] = direction === 'Öka' ? [0, 100] : [100, 50];
    const row = metricRow({ direction, baseYear: 2019, baseValue: base, target, targetYear: 2030, outcomes: { 2025: actual } });
    const p = assessPace(row, 2025)!;
    expect(p.verdict).toBe(verdict);
    expect(plain(p.explanation).startsWith(shown)).toBe(true);
  });
});
