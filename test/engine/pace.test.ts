import { describe, expect, it } from 'vitest';
import { assessPace, expectedValue, projectTargetYear, sortPace } from '../../shared/engine/assess/pace.ts';
import type { MetricRow, PaceResult } from '../../shared/engine/model/model.ts';
import { metricRow } from './model-factories.ts';

const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-');

const up = (extra: Partial<MetricRow> = {}) =>
  metricRow({ baseYear: 2021, baseValue: 50, target: 100, targetYear: 2029, ...extra });
const down = (extra: Partial<MetricRow> = {}) =>
  metricRow({ direction: 'Minska', baseYear: 2019, baseValue: 1000, target: 500, targetYear: 2030, ...extra });

interface Case {
  name: string;
  row: MetricRow;
  year: number;
  expected: number;
  verdict: PaceResult['verdict'];
  gapShare: number | null;
  projection: PaceResult['projection'];
  explanation?: string;
}

const cases: Case[] = [
  {
    name: 'Öka behind',
    row: up({ outcomes: { 2021: 50, 2022: 54, 2023: 58 } }),
    year: 2023,
    expected: 62.5,
    verdict: 'Ej i takt',
    gapShare: 0.09,
    projection: 2034,
    explanation: 'Förväntat 62,5 (2023) på rak linje från 50 (2021) till 100 (2029); utfall 58 → Ej i takt; prognos: målet nås 2034',
  },
  { name: 'Öka exactly on the line', row: up({ outcomes: { 2022: 56.25, 2023: 62.5 } }), year: 2023, expected: 62.5, verdict: 'I takt', gapShare: 0, projection: 2029 },
  { name: 'Minska ahead', row: down({ outcomes: { 2024: 760, 2025: 700 } }), year: 2025, expected: 1000 - (500 * 6) / 11, verdict: 'I takt', gapShare: -(1000 - (500 * 6) / 11 - 700) / 500, projection: 2029 },
  {
    name: 'Minska behind, projection from the last three years',
    row: down({ outcomes: { 2019: 1000, 2023: 860, 2024: 840, 2025: 800 } }),
    year: 2025,
    expected: 1000 - (500 * 6) / 11,
    verdict: 'Ej i takt',
    gapShare: (800 - 1000 + (500 * 6) / 11) / 500,
    // slope −30 through 2023–2025 (2019 left out): 803,33 − 30·t = 500 → 2035,1
    projection: 2036,
  },
  { name: 'Minska flat', row: down({ outcomes: { 2024: 800, 2025: 800 } }), year: 2025, expected: 1000 - (500 * 6) / 11, verdict: 'Ej i takt', gapShare: (800 - 1000 + (500 * 6) / 11) / 500, projection: 'nås inte' },
  { name: 'Minska heading the wrong way', row: down({ outcomes: { 2023: 700, 2025: 800 } }), year: 2025, expected: 1000 - (500 * 6) / 11, verdict: 'Ej i takt', gapShare: (800 - 1000 + (500 * 6) / 11) / 500, projection: 'nås inte' },
  {
    name: 'target already reached',
    row: down({ outcomes: { 2024: 520, 2025: 480 } }),
    year: 2025,
    expected: 1000 - (500 * 6) / 11,
    verdict: 'I takt',
    gapShare: -(1000 - (500 * 6) / 11 - 480) / 500,
    projection: 2025,
  },
  { name: 'one point only: no projection', row: up({ outcomes: { 2023: 70 } }), year: 2023, expected: 62.5, verdict: 'I takt', gapShare: -0.15, projection: null },
  {
    name: 'after Målår the target itself is expected',
    row: up({ outcomes: { 2029: 90, 2030: 95 } }),
    year: 2030,
    expected: 100,
    verdict: 'Ej i takt',
    gapShare: 0.1,
    projection: 2031,
    explanation: 'Förväntat 100 (2030): målvärdet för 2029, på rak linje från 50 (2021) till 100 (2029); utfall 95 → Ej i takt; prognos: målet nås 2031',
  },
  {
    name: 'no outcome this year',
    row: up({ unit: '%', outcomes: { 2021: 50, 2022: 55 } }),
    year: 2023,
    expected: 62.5,
    verdict: null,
    gapShare: null,
    projection: 2031,
    explanation: 'Förväntat 62,5 % (2023) på rak linje från 50 % (2021) till 100 % (2029); utfall 2023 saknas; prognos: målet nås 2031',
  },
];

describe('assessPace', () => {
  it.each(cases)('$name', (c) => {
    const p = assessPace(c.row, c.year);
    expect(p).not.toBeNull();
    expect(p!.expected).toBeCloseTo(c.expected, 9);
    expect(p!.verdict).toBe(c.verdict);
    if (c.gapShare === null) expect(p!.gapShare).toBeNull();
    else expect(p!.gapShare).toBeCloseTo(c.gapShare, 9);
    expect(p!.projection).toBe(c.projection);
    if (c.explanation) expect(plain(p!.explanation)).toBe(c.explanation);
  });

  it('says when the target is already reached', () => {
    expect(plain(assessPace(down({ outcomes: { 2024: 520, 2025: 480 } }), 2025)!.explanation)).toMatch(/utfall 480 → I takt; målvärdet är redan nått$/);
  });

  it.each([
    ['no base year', up({ baseYear: null })],
    ['no base value', up({ baseValue: null })],
    ['no target', up({ target: null })],
    ['no target year', up({ targetYear: null })],
    ['target year not after base year', up({ targetYear: 2021 })],
    ['qualitative', up({ direction: 'Kvalitativ' })],
    ['row with errors', up({ errors: ['x'] })],
    ['year before the base year', up({ outcomes: { 2020: 1 } })],
  ])('no pace: %s', (_name, row) => {
    expect(assessPace(row, 2020 + (_name === 'year before the base year' ? 0 : 3))).toBeNull();
  });

  it('expectedValue is the straight line, then the target', () => {
    expect(expectedValue(2019, 50, 2030, 100, 2019)).toBe(50);
    expect(expectedValue(2019, 50, 2030, 100, 2030)).toBe(100);
    expect(expectedValue(2019, 50, 2030, 100, 2035)).toBe(100);
  });

  it('projection lands on the exact year without being pushed on by rounding', () => {
    // 10, 20, 30 → reaches 60 exactly in 2028
    expect(projectTargetYear({ 2023: 10, 2024: 20, 2025: 30 }, 2025, 60, 'Öka')).toBe(2028);
    expect(projectTargetYear({ 2023: 10, 2024: 20, 2025: 30 }, 2025, 60.1, 'Öka')).toBe(2029);
  });
});

describe('sortPace', () => {
  it('puts the largest gap first and rows without a gap last', () => {
    const mk = (name: string, gapShare: number | null) => ({ ...assessPace(up({ name, outcomes: { 2023: 60 } }), 2023)!, gapShare });
    const sorted = sortPace([mk('a', 0.1), mk('b', null), mk('c', 0.3), mk('d', -0.2)]);
    expect(sorted.map((p) => p.name)).toEqual(['c', 'a', 'd', 'b']);
  });

  // the summary once re-sorted the table by its own rule, which kept equal gaps in input order
  it.each([
    { gaps: [0.1, null, 0.5, -0.2], names: ['m2', 'm0', 'm3', 'm1'] },
    { gaps: [null, null], names: ['m0', 'm1'] },
    { gaps: [0, 0.3], names: ['m1', 'm0'] },
    { gaps: [0.2, 0.2, 0.2], names: ['Avfall', 'Bilar', 'Cyklar'], given: ['Cyklar', 'Avfall', 'Bilar'] },
  ])('orders $gaps by gap, equal gaps by name', ({ gaps, names, given }) => {
    const mk = (name: string, gapShare: number | null) => ({ ...assessPace(up({ name, outcomes: { 2023: 60 } }), 2023)!, gapShare });
    const sorted = sortPace(gaps.map((g, i) => mk(given?.[i] ?? `m${i}`, g)));
    expect(sorted.map((p) => p.name)).toEqual(names);
  });
});
