/**
 * The newer `Mätetal` columns through the real parser and rules (issue 15): national rankings (placering/plats,
 * Antal jämförda, Jämförelse), Styrmått, and the unit a blank Enhet takes from the row's outcomes.
 * Each row of a table is one workbook row: its cells, the status and rule it must get, and its Förklaring or errors.
 */
import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../shared/engine/parse/workbook.ts';
import { assessMetric } from '../../shared/engine/assess/metric.ts';
import type { MetricRule, Status } from '../../shared/engine/model/model.ts';
import { GOAL, INDICATOR, pct, standardWorkbook, type Plain } from './grid-builder.ts';

const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-');

/** Parses one metric row (headers Målområde, Indikator, Mätetal + the named cells) and assesses it for 2025. */
function run(cells: Record<string, Plain>) {
  const headers = ['Målområde', 'Indikator', 'Mätetal', ...Object.keys(cells)];
  const model = parseWorkbook(standardWorkbook([headers, [GOAL, INDICATOR, 'Rad', ...Object.values(cells)]]));
  const row = model.metrics[0]!;
  return { model, row, a: assessMetric(row, 2025, 0.005) };
}

interface Case {
  name: string;
  cells: Record<string, Plain>;
  status: Status;
  rule: MetricRule;
  explanation: string;
}

describe('a national ranking', () => {
  const cases: Case[] = [
    {
      name: 'the issue’s example: one place better',
      cells: { Enhet: 'placering', Riktning: 'Minska', 'Antal jämförda': 21, 'Utfall 2024': 10, 'Utfall 2025': 9 },
      status: 'Positiv',
      rule: 'förändring',
      explanation: 'plats 9 av 21 (2025) mot plats 10 av 21 (2024): 1 plats bättre → Positiv',
    },
    {
      name: 'blank Riktning means Minska',
      cells: { Enhet: 'plats', Riktning: null, 'Antal jämförda': '21', 'Utfall 2024': 7, 'Utfall 2025': 9 },
      status: 'Negativ',
      rule: 'förändring',
      explanation: 'plats 9 av 21 (2025) mot plats 7 av 21 (2024): 2 platser sämre → Negativ',
    },
    {
      name: 'the unit in any case, no Antal jämförda',
      cells: { Enhet: 'Placering', Riktning: 'minska', 'Utfall 2024': 4, 'Utfall 2025': 4 },
      status: 'Oförändrad',
      rule: 'förändring',
      explanation: 'plats 4 (2025) mot plats 4 (2024): samma plats → Oförändrad',
    },
    {
      name: 'target reached',
      cells: { Enhet: 'placering', Riktning: null, Målvärde: 5, 'Antal jämförda': 21, 'Utfall 2024': 9, 'Utfall 2025': 5 },
      status: 'Positiv',
      rule: 'målvärde-nått',
      explanation: 'plats 5 av 21 (2025) mot målvärdet plats 5: målvärdet nått → Positiv',
    },
    {
      name: 'first year ranked',
      cells: { Enhet: 'placering', Riktning: null, 'Antal jämförda': 21, 'Utfall 2025': 12 },
      status: 'Inget värde',
      rule: 'första-mätåret',
      explanation: 'plats 12 av 21 (2025), inget tidigare utfall: första mätåret → Inget värde',
    },
    {
      name: 'an absolute tolerance of one place',
      cells: { Enhet: 'placering', Riktning: null, 'Tolerans (absolut)': 1, 'Utfall 2024': 10, 'Utfall 2025': 11 },
      status: 'Oförändrad',
      rule: 'förändring',
      explanation: 'plats 11 (2025) mot plats 10 (2024): 1 plats sämre, inom toleransen 1 plats → Oförändrad',
    },
    {
      name: 'the published colour follows the status, never replaces it',
      cells: { Enhet: 'placering', Riktning: null, 'Antal jämförda': 21, Jämförelse: 'Röd', 'Utfall 2024': 10, 'Utfall 2025': 9 },
      status: 'Positiv',
      rule: 'förändring',
      explanation: 'plats 9 av 21 (2025) mot plats 10 av 21 (2024): 1 plats bättre → Positiv; publicerad jämförelse: röd',
    },
    {
      name: 'no outcome this year keeps the general sentence',
      cells: { Enhet: 'placering', Riktning: null, 'Utfall 2024': 10 },
      status: 'Inget värde',
      rule: 'saknar-utfall',
      explanation: 'Utfall 2025 saknas → Inget värde',
    },
  ];
  it.each(cases)('$name', ({ cells, status, rule, explanation }) => {
    const { a, row } = run(cells);
    expect(row.errors).toEqual([]);
    expect(row.direction).toBe('Minska');
    expect([a.status, a.rule, plain(a.explanation)]).toEqual([status, rule, plain(explanation)]);
  });

  it('carries Antal jämförda and Jämförelse on the assessment', () => {
    const { a } = run({ Enhet: 'placering', Riktning: null, 'Antal jämförda': 21, Jämförelse: 'grönt', 'Utfall 2024': 10, 'Utfall 2025': 9 });
    expect([a.rankedAmong, a.comparison]).toEqual([21, 'Grön']);
  });

  const errors: [string, Record<string, Plain>, string][] = [
    ['Antal jämförda smaller than the rank', { 'Antal jämförda': 21, 'Utfall 2024': 10, 'Utfall 2025': 25 }, 'Antal jämförda 21 är mindre än placeringen 25 i Utfall 2025'],
    ['a rank that is no whole number', { 'Utfall 2024': 10, 'Utfall 2025': '9,5' }, 'Utfall 2025: en placering är ett heltal från 1, inte 9,5'],
    ['rank 0', { 'Utfall 2024': 0, 'Utfall 2025': 3 }, 'Utfall 2024: en placering är ett heltal från 1, inte 0'],
    ['Antal jämförda that is no whole number', { 'Antal jämförda': '21,5', 'Utfall 2025': 3 }, "Antal jämförda '21,5' är inget heltal från 1 – skriv hur många som rangordnades, t.ex. 21"],
    ['Antal jämförda as text', { 'Antal jämförda': 'alla regioner', 'Utfall 2025': 3 }, "Antal jämförda 'alla regioner' är inget heltal från 1 – skriv hur många som rangordnades, t.ex. 21"],
    ['Riktning Öka on a ranking', { Riktning: 'Öka', 'Utfall 2025': 3 }, "Riktning 'Öka' passar inte en placering (1 är bäst) – skriv 'Minska' eller lämna Riktning tom"],
  ];
  it.each(errors)('%s is an error on the row (Fel, a Swedish reason)', (_name, cells, message) => {
    const { a, row } = run({ Enhet: 'placering', Riktning: null, ...cells });
    expect(row.errors.map(plain)).toContain(plain(message));
    expect(a.status).toBe('Fel');
    expect(plain(a.explanation)).toContain(plain(message));
  });
});

describe('notes where the row can still be used', () => {
  const notes: [string, Record<string, Plain>, string, Status][] = [
    ['an unknown Jämförelse', { Enhet: 'placering', Riktning: null, Jämförelse: 'blå', 'Utfall 2024': 10, 'Utfall 2025': 9 }, "Jämförelse 'blå' känns inte igen – använd 'grön', 'gul', 'röd'; den visas inte", 'Positiv'],
    ['Antal jämförda on a metric that is no ranking', { Enhet: 'st', Riktning: 'Öka', 'Antal jämförda': 21, 'Utfall 2024': 10, 'Utfall 2025': 12 }, "Antal jämförda gäller bara placeringar (Enhet 'placering' eller 'plats') och används inte här", 'Positiv'],
  ];
  it.each(notes)('%s: a note in Förklaring and Datakvalitet, the status stands', (_name, cells, message, status) => {
    const { a, row, model } = run(cells);
    expect(row.errors).toEqual([]);
    expect(a.status).toBe(status);
    expect(a.explanation).toContain(`Obs: ${message}`);
    expect(model.issues).toContainEqual(expect.objectContaining({ kind: 'note', sheet: 'Mätetal', rowNumber: 2, message }));
  });
});

describe('Styrmått', () => {
  it.each<[Plain, string | undefined]>([
    ['Miljömässig', 'Miljömässig'],
    ['ekologisk', 'Miljömässig'],
    [' SOCIAL ', 'Social'],
    ['Agenda 2030', 'Agenda 2030'],
    [null, undefined],
  ])('the label %j is read as %j', (typed, label) => {
    const { a } = run({ Enhet: 'st', Riktning: 'Öka', Styrmått: typed, 'Utfall 2024': 1, 'Utfall 2025': 2 });
    expect(a.headline).toBe(label);
  });
});

describe('Enhet left blank', () => {
  const cases: [string, Record<string, Plain>, string | null, Status, MetricRule, number | null][] = [
    ['outcomes written with % make it a % metric: Målvärde 100 % is a level', { Målvärde: '100 %', 'Utfall 2024': '95%', 'Utfall 2025': '100 %' }, '%', 'Positiv', 'målvärde-nått', 100],
    ['percent-formatted cells do the same', { Målvärde: '100 %', 'Utfall 2024': pct(0.9), 'Utfall 2025': pct(0.94) }, '%', 'Positiv', 'förändring', 100],
    ['one % outcome among plain numbers is enough', { Målvärde: '80 %', 'Utfall 2024': 70, 'Utfall 2025': '82 %' }, '%', 'Positiv', 'målvärde-nått', 80],
    ['plain outcomes keep a % Målvärde a change from Basvärde', { Riktning: 'Minska', Målvärde: '−50 %', Basvärde: 1000, 'Utfall 2024': 900, 'Utfall 2025': 800 }, null, 'Positiv', 'förändring', 500],
    ['a typed Enhet is never replaced', { Riktning: 'Minska', Enhet: 'ton', Målvärde: '−50 %', Basvärde: 1000, 'Utfall 2024': 900, 'Utfall 2025': 400 }, 'ton', 'Positiv', 'målvärde-nått', 500],
  ];
  it.each(cases)('%s', (_name, cells, unit, status, rule, target) => {
    const { a, row } = run({ Riktning: 'Öka', ...cells });
    expect(row.errors).toEqual([]);
    expect([row.unit, a.status, a.rule, row.target]).toEqual([unit, status, rule, target]);
  });

  it('explains a % metric in procentenheter', () => {
    const { a } = run({ Riktning: 'Öka', 'Utfall 2024': '40 %', 'Utfall 2025': '45 %' });
    expect(plain(a.explanation)).toBe('45 % (2025) mot 40 % (2024): +5,0 procentenheter (+12,5 %) → Positiv');
  });
});

describe('a row without the new columns', () => {
  it('has none of their fields, and no notes', () => {
    const { row, a, model } = run({ Enhet: 'st', Riktning: 'Öka', 'Utfall 2024': 1, 'Utfall 2025': 2 });
    for (const key of ['rankedAmong', 'comparison', 'headline']) {
      expect(row).not.toHaveProperty(key);
      expect(a).not.toHaveProperty(key);
    }
    expect(model.issues).toEqual([]);
  });
});
