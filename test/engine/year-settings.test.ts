/**
 * The settings and column the year-after-year features read (domain.md §3, §7): `Kolada-id` (a typed 19 is
 * `0019`), `Kolada-KPI`, and `Fastställd ÅÅÅÅ` with its date.
 */
import { describe, expect, it } from 'vitest';
import { parseApprovedSetting, parseKoladaId, parseKoladaKpi, type CellInput } from '../../shared/engine/index.ts';

describe('parseKoladaId', () => {
  it.each<[CellInput | null, unknown]>([
    [null, { kind: 'empty' }],
    [{ value: '' }, { kind: 'empty' }],
    [{ value: 19 }, { kind: 'id', id: '0019' }],
    [{ value: '0019' }, { kind: 'id', id: '0019' }],
    [{ value: ' 0025 ' }, { kind: 'id', id: '0025' }],
    [{ value: '19' }, { kind: 'id', id: '0019' }],
    [{ value: 180 }, { kind: 'id', id: '0180' }],
    [{ value: 1860 }, { kind: 'id', id: '1860' }],
  ])('%j → %j', (cell, expected) => {
    expect(parseKoladaId(cell)).toEqual(expected);
  });

  it.each<CellInput>([{ value: 19.5 }, { value: 12345 }, { value: 0 }, { value: 'Västmanland' }, { value: -19 }, { value: 0.19, percent: true }, { value: 45000, date: '2023-03-15' }])(
    '%j is an error naming the setting',
    (cell) => {
      const parsed = parseKoladaId(cell);
      expect(parsed.kind).toBe('error');
      expect(parsed.kind === 'error' && parsed.message).toMatch(/^Kolada-id: '.*' är inget Kolada-id – skriv kommunens eller regionens fyra siffror/);
    },
  );
});

describe('parseKoladaKpi', () => {
  it.each<[CellInput | null, unknown]>([
    [null, { kind: 'empty' }],
    [{ value: 'N00945' }, { kind: 'id', id: 'N00945' }],
    [{ value: ' n00945 ' }, { kind: 'id', id: 'N00945' }],
    [{ value: 'U28116' }, { kind: 'id', id: 'U28116' }],
  ])('%j → %j', (cell, expected) => {
    expect(parseKoladaKpi(cell)).toEqual(expected);
  });

  it.each<CellInput>([{ value: 'N0094' }, { value: 'N009450' }, { value: '945' }, { value: 945 }, { value: 'N00945, N00946' }])('%j is an error', (cell) => {
    expect(parseKoladaKpi(cell)).toMatchObject({ kind: 'error', message: expect.stringMatching(/^Kolada-KPI: '.*' är inget nyckeltals-id i Kolada/) });
  });
});

describe('parseApprovedSetting', () => {
  const TODAY = '2026-12-06';
  it.each<[string, CellInput | null, unknown]>([
    ['Organisation', { value: 'Region X' }, { kind: 'other' }],
    ['Fastställda mål', { value: 'x' }, { kind: 'other' }],
    ['Fastställd 2025', null, { kind: 'empty', year: 2025 }],
    ['Fastställd 2025', { value: '2026-03-15' }, { kind: 'date', year: 2025, date: '2026-03-15' }],
    ['  fastställd   2025 ', { value: '2026-03-15' }, { kind: 'date', year: 2025, date: '2026-03-15' }],
    ['Fastställd 2025', { value: 46096, date: '2026-03-15' }, { kind: 'date', year: 2025, date: '2026-03-15' }],
    ['Fastställd 2025', { value: '2025-12-31' }, { kind: 'date', year: 2025, date: '2025-12-31' }],
    ['Fastställd 2024', { value: '2024-02-29' }, { kind: 'date', year: 2024, date: '2024-02-29' }],
  ])('%s = %j → %j', (name, cell, expected) => {
    expect(parseApprovedSetting(name, cell, TODAY)).toEqual(expected);
  });

  it.each<[string, CellInput, number | null, string]>([
    ['Fastställd', { value: '2026-03-15' }, null, "'Fastställd': skriv inställningen som 'Fastställd ÅÅÅÅ', t.ex. 'Fastställd 2025'"],
    ['Fastställd 25', { value: '2026-03-15' }, null, "'Fastställd 25': skriv inställningen som 'Fastställd ÅÅÅÅ', t.ex. 'Fastställd 2025'"],
    ['Fastställd 2025', { value: '15 mars 2026' }, 2025, "Fastställd 2025: '15 mars 2026' är inget datum – skriv datumet då rapporten fastställdes som ÅÅÅÅ-MM-DD"],
    ['Fastställd 2025', { value: '2026-02-30' }, 2025, "Fastställd 2025: '2026-02-30' är inget datum – skriv datumet då rapporten fastställdes som ÅÅÅÅ-MM-DD"],
    ['Fastställd 2025', { value: '2026-03-15 10:00' }, 2025, "Fastställd 2025: '2026-03-15 10:00' är inget datum – skriv datumet då rapporten fastställdes som ÅÅÅÅ-MM-DD"],
    ['Fastställd 2025', { value: 46096 }, 2025, "Fastställd 2025: '46096' är inget datum – skriv datumet då rapporten fastställdes som ÅÅÅÅ-MM-DD"],
    ['Fastställd 2025', { value: 'ja' }, 2025, "Fastställd 2025: 'ja' är inget datum – skriv datumet då rapporten fastställdes som ÅÅÅÅ-MM-DD"],
    ['Fastställd 2025', { value: '2024-12-01' }, 2025, 'Fastställd 2025: 2024-12-01 ligger före 2025 – en rapport fastställs när året har börjat'],
    ['Fastställd 2025', { value: '2027-01-10' }, 2025, 'Fastställd 2025: 2027-01-10 har inte inträffat än'],
  ])('%s = %j is a settings issue', (name, cell, year, message) => {
    expect(parseApprovedSetting(name, cell, TODAY)).toEqual({ kind: 'error', year, message });
  });

  it('accepts a future date when no today is given (the engine has no clock)', () => {
    expect(parseApprovedSetting('Fastställd 2025', { value: '2027-01-10' })).toEqual({ kind: 'date', year: 2025, date: '2027-01-10' });
  });
});
