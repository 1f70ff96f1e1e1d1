import { describe, expect, it } from 'vitest';
import { columnLetter, matchHeaders, parseYearHeader, suggestNearest } from '../../shared/engine/parse/headers.ts';
import { METRIC_HEADERS } from '../../shared/engine/model/template.ts';
import { sheet } from './grid-builder.ts';

const spec = {
  known: Object.values(METRIC_HEADERS),
  required: ['Målområde', 'Indikator', 'Mätetal', 'Riktning'],
  yearPrefixes: ['Utfall', 'Målvärde'],
};
const row = (...texts: (string | null)[]) => sheet('Mätetal', [texts]).rows[0] ?? [];

describe('matchHeaders', () => {
  it('ignores case and surrounding / repeated spaces', () => {
    const m = matchHeaders(row('  MÅLOMRÅDE ', 'indikator', 'Mätetal', 'riktning', 'Tolerans  (absolut)'), spec);
    expect(m.columns).toMatchObject({ Målområde: 1, Indikator: 2, Mätetal: 3, Riktning: 4, 'Tolerans (absolut)': 5 });
    expect(m.missingRequired).toEqual([]);
    expect(m.problems).toEqual([]);
  });

  it('reads year columns in any order, with footnote marks and without a space', () => {
    const m = matchHeaders(row('Utfall 2025', 'utfall 2023*', 'Utfall2024', 'Målvärde 2030', 'Målvärde'), spec);
    expect(m.yearColumns.Utfall).toEqual([
      { year: 2025, column: 1, header: 'Utfall 2025', footnote: false },
      { year: 2023, column: 2, header: 'utfall 2023*', footnote: true },
      { year: 2024, column: 3, header: 'Utfall2024', footnote: false },
    ]);
    expect(m.yearColumns.Målvärde).toEqual([{ year: 2030, column: 4, header: 'Målvärde 2030', footnote: false }]);
    expect(m.columns.Målvärde).toBe(5);
  });

  it('lists missing required headers and the last used column', () => {
    const m = matchHeaders(row('Målområde', null, 'Mätetal', 'Egen kolumn'), spec);
    expect(m.missingRequired).toEqual(['Indikator', 'Riktning']);
    expect(m.lastColumn).toBe(4);
  });

  it('suggests the nearest header for a misspelling, ignores unrelated extra columns', () => {
    const m = matchHeaders(row('Riktnig', 'Utfal 2023', 'Kommentarer från controllern'), spec);
    expect(m.problems.map((p) => p.message)).toEqual([
      "Rubriken 'Riktnig' känns inte igen – menade du 'Riktning'?",
      "Rubriken 'Utfal 2023' känns inte igen – menade du 'Utfall 2023'?",
    ]);
    expect(m.problems.every((p) => p.kind === 'note')).toBe(true);
    expect(m.columns.Riktning).toBeUndefined();
  });

  it('a year column with extra words is not read, but named', () => {
    const m = matchHeaders(row('Utfall 2023 (prel)', 'Målvärde 2030 enligt plan'), spec);
    expect(m.yearColumns.Utfall).toEqual([]);
    expect(m.problems.map((p) => p.message)).toEqual([
      "Rubriken 'Utfall 2023 (prel)' känns inte igen – menade du 'Utfall 2023'?",
      "Rubriken 'Målvärde 2030 enligt plan' känns inte igen – menade du 'Målvärde 2030'?",
    ]);
  });

  it('reports duplicate headers and uses the first column', () => {
    const m = matchHeaders(row('Enhet', 'Utfall 2024', 'enhet', 'Utfall 2024 '), spec);
    expect(m.columns.Enhet).toBe(1);
    expect(m.duplicates).toEqual({ Enhet: [1, 3], 'Utfall 2024': [2, 4] });
    expect(m.problems.map((p) => [p.kind, p.message])).toEqual([
      ['error', "Rubriken 'Enhet' finns i flera kolumner (A, C) – bara kolumn A används"],
      ['error', "Rubriken 'Utfall 2024' finns i flera kolumner (B, D) – bara kolumn B används"],
    ]);
  });
});

describe('helpers', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [53, 'BA'],
  ])('columnLetter(%i) = %s', (n, letter) => expect(columnLetter(n)).toBe(letter));

  it.each([
    ['Riktnig', 'Riktning'],
    ['Matetal', 'Mätetal'],
    ['malomrade', 'Målområde'],
    ['Helt annat', null],
    ['Mätetal', null],
  ])('suggestNearest(%s) = %s', (text, expected) => {
    expect(suggestNearest(text, ['Riktning', 'Mätetal', 'Målområde', 'Enhet'])).toBe(expected);
  });

  it('parseYearHeader rejects other prefixes', () => {
    expect(parseYearHeader('Kommentar 2024', ['Utfall'])).toBeNull();
    expect(parseYearHeader('Utfall 2024**', ['Utfall'])).toEqual({ prefix: 'Utfall', year: 2024, footnote: true });
  });
});
