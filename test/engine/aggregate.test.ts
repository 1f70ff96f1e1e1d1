import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregate, type AggregateInput } from '../../shared/engine/assess/aggregate.ts';
import type { AggregateRule, Status } from '../../shared/engine/model/model.ts';
import { manual } from './model-factories.ts';

const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-');

function input(statuses: Status[], extra: Partial<AggregateInput> = {}): AggregateInput {
  return {
    level: 'indikator',
    name: 'Utsläpp',
    goalArea: 'Klimat',
    workbookId: 'wb1',
    rowNumber: 4,
    children: statuses.map((status, i) => ({ name: `Mätetal ${i + 1}`, status })),
    threshold: 0.5,
    year: 2025,
    childNoun: 'mätetal',
    ...extra,
  };
}

interface Case {
  name: string;
  children: Status[];
  extra?: Partial<AggregateInput>;
  status: Status;
  rule: AggregateRule;
  mean?: number | null;
  explanation?: string;
  explanationStarts?: string;
}

const cases: Case[] = [
  { name: 'one of each', children: ['Positiv', 'Oförändrad', 'Negativ'], status: 'Oförändrad', rule: 'medel', mean: 0 },
  { name: 'mostly positive', children: ['Positiv', 'Positiv', 'Oförändrad'], status: 'Positiv', rule: 'medel' },
  { name: 'mean exactly the threshold', children: ['Positiv', 'Oförändrad'], status: 'Oförändrad', rule: 'medel', mean: 0.5 },
  { name: 'mean exactly minus the threshold', children: ['Negativ', 'Oförändrad'], status: 'Oförändrad', rule: 'medel', mean: -0.5 },
  { name: 'mostly negative', children: ['Negativ', 'Negativ', 'Oförändrad'], status: 'Negativ', rule: 'medel' },
  {
    name: 'Inget värde and Fel left out',
    children: ['Positiv', 'Positiv', 'Oförändrad', 'Inget värde', 'Fel'],
    status: 'Positiv',
    rule: 'medel',
    explanation: '5 mätetal: 2 Positiv, 1 Oförändrad, 1 Inget värde; medelvärde 0,67 (gräns ±0,5) → Positiv; 1 rad med fel är inte medräknad',
  },
  { name: 'two errors', children: ['Negativ', 'Fel', 'Fel'], status: 'Negativ', rule: 'medel', explanation: '3 mätetal: 1 Negativ; medelvärde -1,00 (gräns ±0,5) → Negativ; 2 rader med fel är inte medräknade' },
  { name: 'nothing assessed', children: ['Inget värde', 'Fel'], status: 'Inget värde', rule: 'inget-bedömt', mean: null, explanation: '2 mätetal: 1 Inget värde; inget bedömt → Inget värde; 1 rad med fel är inte medräknad' },
  { name: 'no children', children: [], status: 'Inget värde', rule: 'inget-bedömt', explanation: 'Inga mätetal → Inget värde' },
  { name: 'threshold 0', children: ['Positiv', 'Oförändrad'], extra: { threshold: 0 }, status: 'Positiv', rule: 'medel' },
  { name: 'threshold 0, mean 0', children: ['Positiv', 'Negativ'], extra: { threshold: 0 }, status: 'Oförändrad', rule: 'medel' },
  { name: 'one indicator', children: ['Negativ'], extra: { level: 'målområde', childNoun: 'indikatorer' }, status: 'Negativ', rule: 'medel', explanation: '1 indikator: 1 Negativ; medelvärde -1,00 (gräns ±0,5) → Negativ' },
  // Styrande mätetal
  { name: 'governing metric decides', children: ['Positiv', 'Negativ', 'Negativ'], extra: { governingMetric: 'Mätetal 1' }, status: 'Positiv', rule: 'styrande', explanationStarts: 'Styrande mätetal Mätetal 1 (Positiv) avgör → Positiv; 3 mätetal' },
  { name: 'governing metric matches by normalised name', children: ['Negativ', 'Positiv'], extra: { governingMetric: '  mätetal  2 ' }, status: 'Positiv', rule: 'styrande' },
  { name: 'governing metric without value', children: ['Inget värde', 'Positiv', 'Positiv'], extra: { governingMetric: 'Mätetal 1' }, status: 'Inget värde', rule: 'styrande' },
  { name: 'governing metric with an error', children: ['Fel', 'Positiv'], extra: { governingMetric: 'Mätetal 1' }, status: 'Inget värde', rule: 'styrande', explanationStarts: 'Styrande mätetal Mätetal 1 har fel och kan inte bedömas → Inget värde' },
  {
    name: 'unknown governing metric: error reported, mean used',
    children: ['Positiv', 'Positiv'],
    extra: { governingMetric: 'Finns ej' },
    status: 'Positiv',
    rule: 'medel',
    explanation: 'Fel: Styrande mätetal "Finns ej" finns inte bland indikatorns mätetal; medelvärdet används. 2 mätetal: 2 Positiv; medelvärde 1,00 (gräns ±0,5) → Positiv',
  },
  // manual
  { name: 'manual with justification', children: ['Negativ'], extra: { manual: manual('Positiv', 'Målet nått i praktiken') }, status: 'Positiv', rule: 'manuell', explanationStarts: 'Manuell bedömning → Positiv (beräknat: Negativ). Motivering: Målet nått i praktiken' },
  { name: 'manual for the year', children: ['Negativ'], extra: { manual: manual('Oförändrad', 'ok', 2025) }, status: 'Oförändrad', rule: 'manuell' },
  { name: 'manual without justification', children: ['Negativ'], extra: { manual: manual('Positiv', '') }, status: 'Fel', rule: 'manuell', explanation: 'Fel: Manuell bedömning saknar motivering' },
  { name: 'manual for another year ignored', children: ['Negativ'], extra: { manual: manual('Positiv', 'gammal', 2023) }, status: 'Negativ', rule: 'medel' },
  { name: 'manual replaces governing metric', children: ['Negativ'], extra: { governingMetric: 'Mätetal 1', manual: manual('Positiv', 'ok') }, status: 'Positiv', rule: 'manuell' },
  // row errors
  { name: 'row error', children: ['Positiv'], extra: { errors: ['Målområdet finns inte'] }, status: 'Fel', rule: 'medel', explanation: 'Fel: Målområdet finns inte' },
];

describe('aggregate', () => {
  it.each(cases)('$name → $status ($rule)', (c) => {
    const a = aggregate(input(c.children, c.extra));
    expect(a.status).toBe(c.status);
    expect(a.rule).toBe(c.rule);
    if (c.mean !== undefined) expect(a.mean).toBe(c.mean);
    if (c.explanation !== undefined) expect(plain(a.explanation)).toBe(c.explanation);
    if (c.explanationStarts !== undefined) expect(plain(a.explanation).startsWith(c.explanationStarts)).toBe(true);
  });

  it('keeps counts, threshold and the computed status beside an override', () => {
    const a = aggregate(input(['Positiv', 'Inget värde', 'Fel', 'Fel'], { manual: manual('Negativ', 'Nya mätningar') }));
    expect(a.counts).toEqual({ Positiv: 1, Oförändrad: 0, Negativ: 0, 'Inget värde': 1, Fel: 2 });
    expect(a).toMatchObject({ computed: 'Positiv', threshold: 0.5, mean: 1, manual: { assessment: 'Negativ' } });
  });

  it('computed is null when nothing replaced the rules', () => {
    expect(aggregate(input(['Positiv'])).computed).toBeNull();
  });
});

describe('aggregate properties', () => {
  const status = fc.constantFrom<Status>('Positiv', 'Oförändrad', 'Negativ', 'Inget värde', 'Fel');

  it('is independent of the order of the children', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (statuses, threshold) => {
        const a = aggregate(input(statuses, { threshold }));
        const b = aggregate(input([...statuses].reverse(), { threshold }));
        const sorted = aggregate(input([...statuses].sort(), { threshold }));
        for (const other of [b, sorted]) {
          expect(other.status).toBe(a.status);
          expect(other.counts).toEqual(a.counts);
          expect(other.mean).toBeCloseTo(a.mean ?? 0, 12);
        }
      }),
    );
  });

  it('adding an Inget värde or Fel child never changes the status', () => {
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 12 }), fc.constantFrom<Status>('Inget värde', 'Fel'), (statuses, extra) => {
        expect(aggregate(input([...statuses, extra])).status).toBe(aggregate(input(statuses)).status);
      }),
    );
  });
});
