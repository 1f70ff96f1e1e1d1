import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessMetric, previousOutcome } from '../../shared/engine/assess/metric.ts';
import type { MetricRow, MetricRule, Status } from '../../shared/engine/model/model.ts';
import { manual, metricRow } from './model-factories.ts';

/** Outputs use NBSP and U+2212; tables are easier to read with plain spaces and hyphens. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-');

interface Case {
  name: string;
  row: Partial<MetricRow>;
  year?: number | null;
  tolerance?: number;
  status: Status;
  rule: MetricRule;
  explanation?: string;
  computed?: Status | null;
}

const cases: Case[] = [
  // rule 0
  { name: 'row error', row: { errors: ['Utfall 2025: #DIV/0!'], outcomes: { 2024: 1 } }, status: 'Fel', rule: 'fel', explanation: 'Fel: Utfall 2025: #DIV/0!' },
  { name: 'several errors', row: { errors: ['a', 'b'] }, status: 'Fel', rule: 'fel', explanation: 'Fel: a; b' },
  { name: 'error beats manual', row: { errors: ['x'], manual: manual('Positiv', 'ok') }, status: 'Fel', rule: 'fel' },
  { name: 'no direction', row: { direction: null }, status: 'Fel', rule: 'fel', explanation: 'Fel: Riktning saknas eller är okänd' },
  // Följs upp t.o.m.
  { name: 'not followed any more', row: { followedUntil: 2023, outcomes: { 2022: 1, 2023: 2 } }, status: 'Inget värde', rule: 'ej-följd', explanation: 'Följs upp t.o.m. 2023; bedöms inte för 2025 → Inget värde' },
  { name: 'followed until the year', row: { followedUntil: 2025, outcomes: { 2024: 1, 2025: 2 } }, status: 'Positiv', rule: 'förändring' },
  { name: 'not followed beats manual', row: { followedUntil: 2024, manual: manual('Negativ', null) }, status: 'Inget värde', rule: 'ej-följd' },
  // rule 1
  { name: 'manual without year', row: { outcomes: { 2024: 10, 2025: 10 }, manual: manual('Positiv', 'Nivån hölls') }, status: 'Positiv', rule: 'manuell', computed: 'Oförändrad', explanation: 'Manuell bedömning → Positiv (beräknat: Oförändrad). Motivering: Nivån hölls' },
  { name: 'manual for the year', row: { outcomes: { 2024: 10, 2025: 12 }, manual: manual('Negativ', 'Fel mätmetod', 2025) }, status: 'Negativ', rule: 'manuell', computed: 'Positiv' },
  { name: 'manual for another year is ignored', row: { outcomes: { 2024: 10, 2025: 12 }, manual: manual('Negativ', 'gammal', 2023) }, status: 'Positiv', rule: 'förändring', computed: null },
  { name: 'manual without Motivering', row: { outcomes: { 2024: 10, 2025: 12 }, manual: manual('Negativ', null) }, status: 'Fel', rule: 'fel', computed: 'Positiv', explanation: 'Fel: Manuell bedömning saknar motivering' },
  { name: 'manual with blank Motivering', row: { manual: manual('Negativ', '   ') }, status: 'Fel', rule: 'fel', explanation: 'Fel: Manuell bedömning saknar motivering' },
  { name: 'inactive manual without Motivering is no error', row: { outcomes: { 2024: 10, 2025: 12 }, manual: manual('Negativ', null, 2024) }, status: 'Positiv', rule: 'förändring' },
  // rule 2
  { name: 'qualitative', row: { direction: 'Kvalitativ', outcomeTexts: { 2025: 'Antagen' } }, status: 'Inget värde', rule: 'kvalitativ', explanation: 'Kvalitativt mätetal: kräver manuell bedömning → Inget värde' },
  { name: 'qualitative with manual', row: { direction: 'Kvalitativ', manual: manual('Positiv', 'Planen antogs') }, status: 'Positiv', rule: 'manuell', computed: 'Inget värde' },
  { name: 'qualitative with inactive manual', row: { direction: 'Kvalitativ', manual: manual('Positiv', 'Planen antogs', 2024) }, status: 'Inget värde', rule: 'kvalitativ' },
  // rule 3
  { name: 'no reporting year', row: { outcomes: { 2024: 1, 2025: 2 } }, year: null, status: 'Inget värde', rule: 'saknar-utfall', explanation: 'Inget redovisningsår kunde väljas → Inget värde' },
  { name: 'no outcome this year', row: { outcomes: { 2023: 1, 2024: 2 } }, status: 'Inget värde', rule: 'saknar-utfall', explanation: 'Utfall 2025 saknas → Inget värde' },
  // rule 4
  { name: 'target reached exactly (Öka)', row: { target: 100, unit: '%', outcomes: { 2024: 98, 2025: 100 } }, status: 'Positiv', rule: 'målvärde-nått', explanation: '100 % (2025) mot målvärdet 100 %: målvärdet nått → Positiv' },
  { name: 'target reached (Minska), level held', row: { direction: 'Minska', unit: 'kWh/km', target: 4.5, outcomes: { 2024: 4.5, 2025: 4.5 } }, status: 'Positiv', rule: 'målvärde-nått' },
  { name: 'target not reached falls through', row: { target: 100, outcomes: { 2024: 90, 2025: 95 } }, status: 'Positiv', rule: 'förändring' },
  { name: 'Målvärde ÅÅÅÅ wins over Målvärde', row: { target: 100, targetsByYear: { 2025: 50 }, outcomes: { 2024: 60, 2025: 55 } }, status: 'Positiv', rule: 'målvärde-nått' },
  { name: 'Målvärde ÅÅÅÅ not reached', row: { target: 50, targetsByYear: { 2025: 70 }, outcomes: { 2024: 60, 2025: 55 } }, status: 'Negativ', rule: 'förändring' },
  { name: 'target reached on the first year', row: { target: 0, direction: 'Minska', unit: 'st', outcomes: { 2025: 0 } }, status: 'Positiv', rule: 'målvärde-nått' },
  { name: 'ranking reaches place 1', row: { direction: 'Minska', target: 1, outcomes: { 2024: 3, 2025: 1 } }, status: 'Positiv', rule: 'målvärde-nått' },
  // rule 5
  { name: 'first year measured', row: { outcomes: { 2025: 12 } }, status: 'Inget värde', rule: 'första-mätåret', explanation: '12 (2025), inget tidigare utfall: första mätåret → Inget värde' },
  { name: 'only later years', row: { outcomes: { 2026: 14, 2025: 12 } }, status: 'Inget värde', rule: 'första-mätåret' },
  // rule 6
  { name: 'yearly rate met (Minska)', row: { direction: 'Minska', annualChange: -0.025, outcomes: { 2024: 274, 2025: 253 } }, status: 'Positiv', rule: 'årlig-förändring', explanation: '253 (2025) mot 274 (2024): -7,7 %, krav -2,5 %/år → Positiv' },
  { name: 'yearly rate over two years not met', row: { annualChange: 0.1, outcomes: { 2023: 100, 2025: 120 } }, status: 'Oförändrad', rule: 'årlig-förändring', explanation: '120 (2025) mot 100 (2023): +20,0 %, krav +10,0 %/år (+21,0 % på 2 år), kravet inte nått → Oförändrad' },
  { name: 'yearly rate over two years met', row: { annualChange: 0.1, outcomes: { 2023: 100, 2025: 121 } }, status: 'Positiv', rule: 'årlig-förändring' },
  { name: 'yearly rate missed by less than the printed decimal', row: { direction: 'Minska', annualChange: -0.02, unit: 'kWh/m² BRA', outcomes: { 2024: 203, 2025: 199 } }, status: 'Oförändrad', rule: 'årlig-förändring', explanation: '199 kWh/m² BRA (2025) mot 203 kWh/m² BRA (2024): -1,97 %, krav -2,00 %/år, kravet inte nått → Oförändrad' },
  { name: 'yearly rate: wrong way beyond tolerance', row: { annualChange: 0.02, outcomes: { 2024: 100, 2025: 98 } }, status: 'Negativ', rule: 'årlig-förändring' },
  { name: 'yearly rate: wrong way within tolerance', row: { annualChange: 0.02, outcomes: { 2024: 100, 2025: 99.6 } }, status: 'Oförändrad', rule: 'årlig-förändring', explanation: '99,6 (2025) mot 100 (2024): -0,4 %, krav +2,0 %/år, inom toleransen 0,5 % → Oförändrad' },
  { name: 'yearly rate 0 %: holding the level is enough', row: { annualChange: 0, outcomes: { 2024: 100, 2025: 100 } }, status: 'Positiv', rule: 'årlig-förändring' },
  { name: 'yearly rate with previous 0 falls to rule 7', row: { annualChange: 0.05, outcomes: { 2024: 0, 2025: 3 } }, status: 'Positiv', rule: 'förändring' },
  { name: 'yearly rate on negative values', row: { direction: 'Minska', annualChange: -0.1, outcomes: { 2024: -100, 2025: -115 } }, status: 'Positiv', rule: 'årlig-förändring' },
  // rule 7
  { name: '% metric up', row: { unit: '%', outcomes: { 2024: 35.2, 2025: 36.9 } }, status: 'Positiv', rule: 'förändring', explanation: '36,9 % (2025) mot 35,2 % (2024): +1,7 procentenheter (+4,8 %) → Positiv' },
  // the parser read these units as percentages while the Förklaring gave no procentenheter
  { name: "unit 'procent' is a % metric", row: { unit: 'procent', outcomes: { 2024: 35.2, 2025: 36.9 } }, status: 'Positiv', rule: 'förändring', explanation: '36,9 procent (2025) mot 35,2 procent (2024): +1,7 procentenheter (+4,8 %) → Positiv' },
  { name: "unit 'Andel (%)' is a % metric", row: { unit: 'Andel (%)', outcomes: { 2024: 40, 2025: 38.5 } }, status: 'Negativ', rule: 'förändring', explanation: '38,5 Andel (%) (2025) mot 40 Andel (%) (2024): -1,5 procentenheter (-3,8 %) → Negativ' },
  { name: 'Minska up is Negativ', row: { direction: 'Minska', outcomes: { 2024: 10, 2025: 11 } }, status: 'Negativ', rule: 'förändring' },
  { name: 'unit in the sentence', row: { direction: 'Minska', unit: 'kWh/km', outcomes: { 2024: 4.7, 2025: 4.5 } }, status: 'Positiv', rule: 'förändring', explanation: '4,5 kWh/km (2025) mot 4,7 kWh/km (2024): -4,3 % → Positiv' },
  { name: 'change exactly the tolerance', row: { outcomes: { 2024: 200, 2025: 201 } }, status: 'Oförändrad', rule: 'förändring', explanation: '201 (2025) mot 200 (2024): +0,5 %, inom toleransen 0,5 % → Oförändrad' },
  { name: 'typed decimals exactly at tolerance (needs the epsilon)', row: { outcomes: { 2024: 20, 2025: 20.1 } }, status: 'Oförändrad', rule: 'förändring' },
  { name: 'just outside tolerance', row: { outcomes: { 2024: 200, 2025: 201.2 } }, status: 'Positiv', rule: 'förändring' },
  { name: 'row tolerance replaces the setting', row: { tolerance: 0.1, outcomes: { 2024: 100, 2025: 105 } }, status: 'Oförändrad', rule: 'förändring', explanation: '105 (2025) mot 100 (2024): +5,0 %, inom toleransen 10 % → Oförändrad' },
  { name: 'setting tolerance used', tolerance: 0.1, row: { outcomes: { 2024: 100, 2025: 105 } }, status: 'Oförändrad', rule: 'förändring' },
  { name: 'absolute tolerance in procentenheter', row: { unit: '%', tolerance: 0, absoluteTolerance: 0.2, outcomes: { 2024: 35.2, 2025: 35.4 } }, status: 'Oförändrad', rule: 'förändring', explanation: '35,4 % (2025) mot 35,2 % (2024): +0,2 procentenheter (+0,6 %), inom toleransen 0,2 procentenheter → Oförändrad' },
  { name: 'absolute tolerance exceeded', row: { unit: 'st', tolerance: 0, absoluteTolerance: 2, outcomes: { 2024: 10, 2025: 13 } }, status: 'Positiv', rule: 'förändring' },
  { name: 'previous 0, up', row: { unit: 'st', outcomes: { 2024: 0, 2025: 5 } }, status: 'Positiv', rule: 'förändring', explanation: '5 st (2025) mot 0 st (2024): +5 st → Positiv' },
  { name: 'previous 0, unchanged', row: { outcomes: { 2024: 0, 2025: 0 } }, status: 'Oförändrad', rule: 'förändring', explanation: '0 (2025) mot 0 (2024): 0 → Oförändrad'.replace(': 0 →', ': 0, ingen förändring →') },
  { name: 'previous 0, Minska up', row: { direction: 'Minska', outcomes: { 2024: 0, 2025: 3 } }, status: 'Negativ', rule: 'förändring' },
  { name: 'negative values, Öka', row: { outcomes: { 2024: -10, 2025: -5 } }, status: 'Positiv', rule: 'förändring', explanation: '-5 (2025) mot -10 (2024): +50,0 % → Positiv' },
  { name: 'negative values, Minska', row: { direction: 'Minska', outcomes: { 2024: -2, 2025: -3 } }, status: 'Positiv', rule: 'förändring' },
  { name: 'ranking, Minska, better place', row: { direction: 'Minska', unit: 'placering', outcomes: { 2024: 5, 2025: 3 } }, status: 'Positiv', rule: 'förändring' },
  { name: 'ranking, Minska, worse place', row: { direction: 'Minska', unit: 'placering', outcomes: { 2024: 3, 2025: 7 } }, status: 'Negativ', rule: 'förändring' },
  { name: 'missing years are skipped', row: { outcomes: { 2021: 10, 2025: 12 } }, status: 'Positiv', rule: 'förändring', explanation: '12 (2025) mot 10 (2021): +20,0 % → Positiv' },
  { name: 'years out of order; later years ignored', year: 2024, row: { outcomes: { 2025: 1, 2023: 10, 2024: 9 } }, status: 'Negativ', rule: 'förändring', explanation: '9 (2024) mot 10 (2023): -10,0 % → Negativ' },
  { name: 'notes follow the sentence', row: { outcomes: { 2024: 10, 2025: 12 }, notes: ['fotnotsmarkering i Utfall 2024 ignoreras'] }, status: 'Positiv', rule: 'förändring', explanation: '12 (2025) mot 10 (2024): +20,0 % → Positiv. Obs: fotnotsmarkering i Utfall 2024 ignoreras' },
];

describe('assessMetric', () => {
  it.each(cases)('$name → $status ($rule)', (c) => {
    const row = metricRow(c.row);
    const a = assessMetric(row, c.year === undefined ? 2025 : c.year, c.tolerance ?? 0.005);
    expect(a.status).toBe(c.status);
    expect(a.rule).toBe(c.rule);
    if (c.explanation !== undefined) expect(plain(a.explanation)).toBe(c.explanation);
    if (c.computed !== undefined) expect(a.computed).toBe(c.computed);
    if (a.status === 'Fel') expect(a.explanation.startsWith('Fel: ')).toBe(true);
  });

  it('the epsilon case really is above the tolerance in binary floating point', () => {
    expect((20.1 - 20) / 20).toBeGreaterThan(0.005);
  });

  it('writes U+2212 minus and a non-breaking space before units', () => {
    const a = assessMetric(metricRow({ direction: 'Minska', annualChange: -0.025, outcomes: { 2024: 274, 2025: 253 } }), 2025, 0.005);
    expect(a.explanation).toBe('253 (2025) mot 274 (2024): \u22127,7\u00a0%, krav \u22122,5\u00a0%/år → Positiv');
  });

  it('records the numbers the rule used', () => {
    const a = assessMetric(metricRow({ annualChange: 0.1, tolerance: 0.01, absoluteTolerance: 3, target: 500, outcomes: { 2023: 100, 2025: 120 } }), 2025, 0.005);
    expect(a).toMatchObject({
      year: 2025,
      value: 120,
      previous: { year: 2023, value: 100 },
      change: 20,
      relativeChange: 0.2,
      target: 500,
      relativeTolerance: 0.01,
      absoluteTolerance: 3,
      computed: null,
      manual: null,
    });
    expect(a.required).toBeCloseTo(0.21, 12);
  });

  it('keeps the computed figures beside a manual assessment', () => {
    const a = assessMetric(metricRow({ outcomes: { 2024: 10, 2025: 12 }, manual: manual('Oförändrad', 'Engångseffekt') }), 2025, 0.005);
    expect(a).toMatchObject({ status: 'Oförändrad', rule: 'manuell', computed: 'Positiv', value: 12, change: 2 });
    expect(a.manual?.justification).toBe('Engångseffekt');
  });

  it('previousOutcome takes the latest earlier year whatever the key order', () => {
    expect(previousOutcome({ 2025: 1, 2019: 5, 2022: 7 }, 2025)).toEqual({ year: 2022, value: 7 });
    expect(previousOutcome({ 2025: 1 }, 2025)).toBeNull();
  });
});

describe('assessMetric properties', () => {
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
  const flipped: Record<Status, Status> = { Positiv: 'Negativ', Negativ: 'Positiv', Oförändrad: 'Oförändrad', 'Inget värde': 'Inget värde', Fel: 'Fel' };

  it('rule 7: swapping Öka and Minska swaps Positiv and Negativ', () => {
    fc.assert(
      fc.property(value, value, fc.double({ min: 0, max: 0.5, noNaN: true }), (p, v, tolerance) => {
        const outcomes = { 2024: p, 2025: v };
        const up = assessMetric(metricRow({ direction: 'Öka', outcomes }), 2025, tolerance);
        const down = assessMetric(metricRow({ direction: 'Minska', outcomes }), 2025, tolerance);
        expect(up.rule).toBe('förändring');
        expect(down.status).toBe(flipped[up.status]);
      }),
    );
  });

  it('rule 6: meeting the yearly rate is never Negativ, and Positiv needs the desired direction', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.integer({ min: 1, max: 5 }),
        (p, v, r, k) => {
          const a = assessMetric(metricRow({ annualChange: r, outcomes: { [2025 - k]: p, 2025: v } }), 2025, 0.005);
          if (a.status === 'Positiv') expect(v).toBeGreaterThanOrEqual(p * (1 - 1e-9));
          if (v >= p) expect(a.status).not.toBe('Negativ');
        },
      ),
    );
  });
});
