import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../shared/engine/parse/workbook.ts';
import type { MetricRow } from '../../shared/engine/model/model.ts';
import { date, err, GOAL, INDICATOR, pct, standardWorkbook, type Plain } from './grid-builder.ts';

const HEAD = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning'];

/** Parses one metric row given extra headers and their cells. */
function metricRow(extra: Record<string, Plain>, base: { unit?: Plain; direction?: Plain } = {}): MetricRow {
  const headers = [...HEAD, ...Object.keys(extra)];
    const unit = 'unit' in base ? base.unit : 'ton';
  const direction = 'direction' in base ? base.direction : 'Minska';
  const values = [GOAL, INDICATOR, 'Resor', unit, direction, ...Object.values(extra)];
  const model = parseWorkbook(standardWorkbook([headers, values]));
  const row = model.metrics[0];
  if (!row) throw new Error(`no metric parsed: ${JSON.stringify(model.issues)}`);
  return row;
}

describe('a complete Mätetal row', () => {
  it('reads every field', () => {
    const m = metricRow(
      {
        Målvärde: '−50 %',
        'Målvärde 2025': '900',
        Målår: 2030,
        Basår: '2019',
        Basvärde: '1 200',
        'Årlig förändring': '2,5 %',
        Tolerans: '1 %',
        'Tolerans (absolut)': '3',
        'Utfall 2023': '1 100',
        'Utfall 2024': 1000.5,
        'Manuell bedömning': 'positivt',
        Motivering: 'Nivån hölls',
        Bedömningsår: 2024,
        'Följs upp t.o.m.': 2030,
        Utveckling: 'Positiv',
        Förklaring: 'text',
      },
      { unit: 'ton' },
    );
    expect(m).toMatchObject({
      goalArea: GOAL,
      indicator: INDICATOR,
      name: 'Resor',
      unit: 'ton',
      direction: 'Minska',
      target: 600,
      targetsByYear: { 2025: 900 },
      targetYear: 2030,
      baseYear: 2019,
      baseValue: 1200,
      annualChange: -0.025,
      tolerance: 0.01,
      absoluteTolerance: 3,
      outcomes: { 2023: 1100, 2024: 1000.5 },
      outcomeTexts: {},
      badOutcomeYears: [],
      manual: { assessment: 'Positiv', justification: 'Nivån hölls', year: 2024 },
      followedUntil: 2030,
      errors: [],
      notes: [],
      rowNumber: 2,
      workbookId: 'wb.xlsx',
    });
  });
});

describe('Riktning', () => {
  it.each([
    ['Öka', 'Öka'],
    ['öka', 'Öka'],
    [' MINSKA ', 'Minska'],
    ['kvalitativ', 'Kvalitativ'],
  ])('%j → %s', (typed, expected) => {
    expect(metricRow({}, { direction: typed }).direction).toBe(expected);
  });

  it.each([
    ['Upp', /Riktning 'Upp' känns inte igen – använd 'Öka', 'Minska', 'Kvalitativ'/],
    [null, /Riktning saknas/],
  ])('%j is a row error', (typed, message) => {
    const m = metricRow({}, { direction: typed });
    expect(m.direction).toBeNull();
    expect(m.errors.join('\n')).toMatch(message);
  });
});

describe('outcomes in a % metric: every form in percent', () => {
  it.each<[string, Plain, number]>([
    ['text 36,9', '36,9', 36.9],
    ['text 36,9 %', '36,9 %', 36.9],
    ['percent cell 0,369', pct(0.369), 36.9],
    ['plain number cell taken as typed', 36.9, 36.9],
    ['plain 0.369 taken as typed (no guessing)', 0.369, 0.369],
  ])('%s', (_label, value, expected) => {
    const m = metricRow({ 'Utfall 2024': value }, { unit: '%' });
    expect(m.outcomes[2024]).toBeCloseTo(expected, 10);
    expect(m.errors).toEqual([]);
  });

  it('a percent-formatted cell and a text compare in one row', () => {
    const m = metricRow({ 'Utfall 2023': pct(0.369), 'Utfall 2024': '37,2 %' }, { unit: '%' });
    expect(m.outcomes).toEqual({ 2023: 36.9, 2024: 37.2 });
  });
});

describe('bad outcome cells are row errors naming the year and the text', () => {
  it.each<[string, Plain, RegExp]>([
    ['two figures', '12 / 15', /^Utfall 2024: '12 \/ 15' innehåller två tal/],
    ['spreadsheet error', err('#DIV/0!'), /^Utfall 2024: kalkylbladsfel '#DIV\/0!'/],
    ['date', date('2024-05-01'), /^Utfall 2024: ett datum \('2024-05-01'\)/],
    ['word', 'prel', /^Utfall 2024: 'prel' kan inte läsas som ett tal/],
    ['percent in a ton metric', '5 %', /^Utfall 2024: procent \('5 %'\) i ett mätetal med enheten ton/],
    ['percent cell in a ton metric', pct(0.05), /^Utfall 2024: procent .* med enheten ton/],
  ])('%s', (_label, value, message) => {
    const m = metricRow({ 'Utfall 2023': 10, 'Utfall 2024': value });
    expect(m.errors).toHaveLength(1);
    expect(m.errors[0]).toMatch(message);
    expect(m.badOutcomeYears).toEqual([2024]);
    expect(m.outcomes).toEqual({ 2023: 10 });
  });

  it('empty forms are no value, not errors', () => {
    const m = metricRow({ 'Utfall 2022': '..', 'Utfall 2023': 'n/a', 'Utfall 2024': '–' });
    expect(m.outcomes).toEqual({});
    expect(m.errors).toEqual([]);
  });
});

describe('Kvalitativ rows keep texts', () => {
  it('never error on text', () => {
    const m = metricRow({ 'Utfall 2023': 'Plan antagen', 'Utfall 2024': '12 / 15' }, { direction: 'Kvalitativ', unit: null });
    expect(m.outcomeTexts).toEqual({ 2023: 'Plan antagen', 2024: '12 / 15' });
    expect(m.errors).toEqual([]);
    expect(m.badOutcomeYears).toEqual([]);
  });
});

describe('footnote marks', () => {
  it('in a value: kept as a number with a note', () => {
    const m = metricRow({ 'Utfall 2023': '93*' });
    expect(m.outcomes[2023]).toBe(93);
    expect(m.notes).toEqual(['Fotnotsmarkering i Utfall 2023 ignorerad']);
  });
  it('in a header: the column is read with a note on rows that have a value', () => {
    const m = metricRow({ 'Utfall 2023*': '93' });
    expect(m.outcomes[2023]).toBe(93);
    expect(m.notes).toEqual(["Fotnotsmarkering i rubriken 'Utfall 2023*' ignorerad"]);
  });
});

describe('Målvärde', () => {
  it.each<[string, Record<string, Plain>, { unit?: Plain; direction?: Plain }, number | null, RegExp | null]>([
    ['a level', { Målvärde: '4,5' }, {}, 4.5, null],
    ['a level with unit text', { Målvärde: '0 st' }, { unit: 'st' }, 0, null],
    ['100 % in a % metric is a level', { Målvärde: '100 %' }, { unit: '%', direction: 'Öka' }, 100, null],
    ['percent cell in a % metric is a level', { Målvärde: pct(0.5) }, { unit: '%', direction: 'Öka' }, 50, null],
    ['−50 % from Basvärde', { Målvärde: '−50 %', Basvärde: 200 }, {}, 100, null],
    ['percent cell −50 % from Basvärde', { Målvärde: pct(-0.5), Basvärde: 200 }, {}, 100, null],
    ['−50 % without Basvärde', { Målvärde: '−50 %' }, {}, null, /Målvärde '−50 %' är en förändring från Basvärde, men Basvärde saknas/],
    ['Minska agreeing with Riktning', { Målvärde: 'minska' }, {}, null, null],
    ['Öka against Riktning Minska', { Målvärde: 'Öka' }, {}, null, /Målvärde 'Öka' stämmer inte med Riktning 'Minska'/],
    ['unreadable', { Målvärde: 'hälften' }, {}, null, /^Målvärde: 'hälften' kan inte läsas som ett tal/],
  ])('%s', (_label, extra, base, target, message) => {
    const m = metricRow(extra, base);
    expect(m.target).toBe(target);
    if (message) expect(m.errors.join('\n')).toMatch(message);
    else expect(m.errors).toEqual([]);
  });

  it('Målvärde ÅÅÅÅ columns go to targetsByYear, relative ones from Basvärde', () => {
    const m = metricRow({ 'Målvärde 2025': '4,5', 'Målvärde 2030': '-50 %', Basvärde: 10 });
    expect(m.targetsByYear).toEqual({ 2025: 4.5, 2030: 5 });
    expect(m.target).toBeNull();
  });
});

describe('Årlig förändring', () => {
  it.each<[Plain, string, number | null, RegExp | null]>([
    ['-2,5 %', 'Minska', -0.025, null],
    ['-2,5', 'Minska', -0.025, null],
    [pct(-0.025), 'Minska', -0.025, null],
    ['2,5 %', 'Minska', -0.025, null],
    [2.5, 'Minska', -0.025, null],
    ['2 %', 'Öka', 0.02, null],
    ['+2 %', 'Öka', 0.02, null],
    ['+2 %', 'Minska', null, /Årlig förändring '\+2 %' går emot Riktning 'Minska'/],
    ['−2 %', 'Öka', null, /Årlig förändring '−2 %' går emot Riktning 'Öka'/],
    [pct(-0.02), 'Öka', null, /går emot Riktning 'Öka'/],
    ['mycket', 'Öka', null, /^Årlig förändring: 'mycket' kan inte läsas/],
  ])('%j with %s', (value, direction, expected, message) => {
    const m = metricRow({ 'Årlig förändring': value }, { direction });
    expect(m.annualChange).toBe(expected);
    if (message) expect(m.errors.join('\n')).toMatch(message);
    else expect(m.errors).toEqual([]);
  });
});

describe('tolerances', () => {
  it.each<[Plain, number | null, RegExp | null]>([
    ['2', 0.02, null],
    ['2 %', 0.02, null],
    [pct(0.02), 0.02, null],
    ['0,5', 0.005, null],
    ['-1 %', null, /ogiltig tolerans '-1 %'/],
    ['lite', null, /ogiltig tolerans: 'lite'/],
  ])('Tolerans %j', (value, expected, message) => {
    const m = metricRow({ Tolerans: value });
    expect(m.tolerance).toBe(expected);
    if (message) expect(m.errors.join('\n')).toMatch(message);
    else expect(m.errors).toEqual([]);
  });

  it.each<[Plain, Plain, number | null, RegExp | null]>([
    ['0,5', 'ton', 0.5, null],
    ['0,5 %', '%', 0.5, null],
    ['-1', 'ton', null, /ogiltig tolerans \(absolut\) '-1'/],
    ['2 %', 'ton', null, /ogiltig tolerans \(absolut\): procent/],
    ['x', 'ton', null, /ogiltig tolerans \(absolut\): 'x'/],
  ])('Tolerans (absolut) %j in %s', (value, unit, expected, message) => {
    const m = metricRow({ 'Tolerans (absolut)': value }, { unit });
    expect(m.absoluteTolerance).toBe(expected);
    if (message) expect(m.errors.join('\n')).toMatch(message);
    else expect(m.errors).toEqual([]);
  });
});

describe('years', () => {
  it.each<[string, Plain, RegExp]>([
    ['Basår', 'tjugo', /^Basår: 'tjugo' är inte ett årtal/],
    ['Målår', 1800, /^Målår: '1800' är inte ett årtal/],
    ['Följs upp t.o.m.', '2030-12-31', /^Följs upp t.o.m.: /],
    ['Bedömningsår', 24, /^Bedömningsår: '24'/],
  ])('%s %j is a row error', (header, value, message) => {
    const m = metricRow({ [header]: value });
    expect(m.errors.join('\n')).toMatch(message);
  });
});

describe('Manuell bedömning', () => {
  it.each<[Plain, string | null]>([
    ['Positiv', 'Positiv'],
    ['positivt', 'Positiv'],
    ['OFÖRÄNDRAT', 'Oförändrad'],
    ['Negativt', 'Negativ'],
    ['inget värde', 'Inget värde'],
    [null, null],
  ])('%j → %s', (typed, expected) => {
    const m = metricRow({ 'Manuell bedömning': typed, Motivering: 'skäl' });
    expect(m.manual?.assessment ?? null).toBe(expected);
    expect(m.errors).toEqual([]);
  });

  it('an unknown word is a row error', () => {
    const m = metricRow({ 'Manuell bedömning': 'Bra' });
    expect(m.manual).toBeNull();
    expect(m.errors).toEqual(["Manuell bedömning 'Bra' känns inte igen – använd 'Positiv', 'Oförändrad', 'Negativ', 'Inget värde'"]);
  });

  it('a missing Motivering is no parse error (the rules handle it)', () => {
    const m = metricRow({ 'Manuell bedömning': 'Negativ' });
    expect(m.manual).toEqual({ assessment: 'Negativ', justification: null, year: null });
    expect(m.errors).toEqual([]);
  });
});
