import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CellInput } from '../../shared/engine/model/grid.ts';
import { parseNumberCell, parsePercentFraction, parseYearCell, quote, type ParsedNumber } from '../../shared/engine/parse/values.ts';
import { date, err, pct, uncached } from './grid-builder.ts';

const num = (value: number, percent = false, footnote = false, unit?: string): ParsedNumber =>
  unit === undefined ? { kind: 'number', value, percent, footnote } : { kind: 'number', value, percent, footnote, unit };
const EMPTY: ParsedNumber = { kind: 'empty' };
const t = (value: string): CellInput => ({ value });

// a number read from text carries the unit typed after it (checked against Enhet by the metric parser)
describe('parseNumberCell: values that read', () => {
  const cases: [string, CellInput | null | undefined, ParsedNumber][] = [
    ['36,9%', t('36,9%'), num(36.9, true)],
    ['36,9 %', t('36,9 %'), num(36.9, true)],
    ['36,9 % with NBSP', t('36,9\u00a0%'), num(36.9, true)],
    ['6,7 kg', t('6,7 kg'), num(6.7, false, false, 'kg')],
    ['152st', t('152st'), num(152, false, false, 'st')],
    ['152 st', t('152 st'), num(152, false, false, 'st')],
    ['−2 % (U+2212)', t('−2 %'), num(-2, true)],
    ['-2 % (hyphen)', t('-2 %'), num(-2, true)],
    ['+2 %', t('+2 %'), num(2, true)],
    ['− 2 (space after minus)', t('− 2'), num(-2)],
    ['1 234,5', t('1 234,5'), num(1234.5)],
    ['1\u00a0234,5 (NBSP)', t('1\u00a0234,5'), num(1234.5)],
    ['1\u202f234,5 (narrow NBSP)', t('1\u202f234,5'), num(1234.5)],
    ['12 345 678', t('12 345 678'), num(12345678)],
    ['−1\u00a0234\u00a0567,891 (Intl output)', t('−1\u00a0234\u00a0567,891'), num(-1234567.891)],
    ['4,5 kWh/km', t('4,5 kWh/km'), num(4.5, false, false, 'kWh/km')],
    ['253 kWh/m² BRA', t('253 kWh/m² BRA'), num(253, false, false, 'kWh/m² BRA')],
    ['12 ton CO2e', t('12 ton CO2e'), num(12, false, false, 'ton CO2e')],
    ['36.9 (decimal point)', t('36.9'), num(36.9)],
    [',5', t(',5'), num(0.5)],
    ['0', t('0'), num(0)],
    ['-0', t('-0'), num(0)],
    ['surrounding spaces', t('  42  '), num(42)],
    ['93*% footnote', t('93*%'), num(93, true, true)],
    ['93 * footnote', t('93 *'), num(93, false, true)],
    ['4,5* kg footnote', t('4,5* kg'), num(4.5, false, true, 'kg')],
    ['36,9 procent', t('36,9 procent'), num(36.9, true)],
    ['number cell', { value: 253 }, num(253)],
    ['negative number cell', { value: -0.5 }, num(-0.5)],
    ['percent cell 0.369', pct(0.369), num(36.9, true)],
    ['percent cell -0.025', pct(-0.025), num(-2.5, true)],
    ['percent cell 1', pct(1), num(100, true)],
    ['text in a percent-formatted cell', { value: '36,9', percent: true }, num(36.9, true)],
    ['formula with cached result', { value: 12, formula: 'A1+B1' }, num(12)],
  ];
  it.each(cases)('%s', (_label, input, expected) => {
    expect(parseNumberCell(input)).toEqual(expected);
  });
});

describe('parseNumberCell: no value', () => {
  const cases: [string, CellInput | null | undefined][] = [
    ['null cell', null],
    ['undefined cell', undefined],
    ['value null', { value: null }],
    ['blank', t('')],
    ['spaces only', t('   ')],
    ['NBSP only', t('\u00a0')],
    ['-', t('-')],
    ['– (en dash)', t('–')],
    ['—', t('—')],
    ['..', t('..')],
    ['n/a', t('n/a')],
    ['N/A', t('N/A')],
    ['N/a with spaces', t(' N/a ')],
  ];
  it.each(cases)('%s', (_label, input) => {
    expect(parseNumberCell(input)).toEqual(EMPTY);
  });
});

describe('parseNumberCell: errors', () => {
  const cases: [string, CellInput, RegExp][] = [
    ['12 / 15', t('12 / 15'), /'12 \/ 15' innehåller två tal/],
    ['12/15', t('12/15'), /två tal/],
    ['12-15', t('12-15'), /två tal/],
    ['12 15', t('12 15'), /två tal/],
    ['12 och 15', t('12 och 15'), /två tal/],
    ['2023 2024', t('2023 2024'), /två tal/],
    ['#DIV/0! cell error', err('#DIV/0!'), /kalkylbladsfel '#DIV\/0!'/],
    ['#REF! cell error', err('#REF!'), /kalkylbladsfel '#REF!'/],
    ['#N/A typed as text', t('#N/A'), /kalkylbladsfel/],
    ['#VALUE! typed as text', t('#VALUE!'), /kalkylbladsfel/],
    ['date cell', date('2024-05-01'), /datum \('2024-05-01'\)/],
    ['date text', t('2024-05-01'), /datum/],
    ['date text d/m/yyyy', t('1/5/2024'), /datum/],
    ['uncached formula', uncached('SUM(A1:A3)'), /formeln saknar sparat resultat.*'=SUM\(A1:A3\)'/],
    ['boolean true', { value: true }, /sanningsvärde \(SANT\)/],
    ['boolean false', { value: false }, /sanningsvärde \(FALSKT\)/],
    ['a word', t('ungefär'), /'ungefär' kan inte läsas som ett tal/],
    ['text before number', t('ca 12'), /kan inte läsas/],
    ['< 5', t('< 5'), /kan inte läsas/],
    ['trailing comma', t('12,'), /kan inte läsas/],
    ['both separators', t('1,234.5'), /kan inte läsas/],
    ['lone plus', t('+'), /kan inte läsas/],
    ['NaN cell', { value: Number.NaN }, /inte ett tal/],
    ['Infinity cell', { value: Number.POSITIVE_INFINITY }, /inte ett tal/],
  ];
  it.each(cases)('%s', (_label, input, message) => {
    const r = parseNumberCell(input);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toMatch(message);
  });

  it('a 50 000-character text is an error with a shortened quote', () => {
    const r = parseNumberCell(t('1'.repeat(50_000)));
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message.length).toBeLessThan(120);
  });
});

describe('quote', () => {
  it('shortens long texts to about 40 characters', () => {
    expect(quote('a'.repeat(100))).toBe(`'${'a'.repeat(39)}…'`);
    expect(quote('kort')).toBe("'kort'");
  });
});

describe('parseYearCell', () => {
  const cases: [CellInput | null, string][] = [
    [{ value: 2024 }, 'year:2024'],
    [t('2019'), 'year:2019'],
    [null, 'empty'],
    [t(''), 'empty'],
    [{ value: 1989 }, 'error'],
    [{ value: 2101 }, 'error'],
    [{ value: 2024.5 }, 'error'],
    [t('20x4'), 'error'],
    [date('2024-01-01'), 'error'],
  ];
  it.each(cases)('%j → %s', (input, expected) => {
    const r = parseYearCell(input);
    expect(r.kind === 'year' ? `year:${r.year}` : r.kind).toBe(expected);
  });
});

describe('parsePercentFraction (Tolerans, Årlig förändring)', () => {
  const cases: [CellInput, number][] = [
    [t('2'), 0.02],
    [t('2 %'), 0.02],
    [pct(0.02), 0.02],
    [{ value: 2 }, 0.02],
    [t('-2,5 %'), -0.025],
    [t('-2,5'), -0.025],
    [pct(-0.025), -0.025],
    [t('0,5 %'), 0.005],
  ];
  it.each(cases)('%j → %d', (input, expected) => {
    expect(parsePercentFraction(input)).toEqual({ kind: 'fraction', value: expected });
  });
});

describe('properties', () => {
  const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
  const close = (a: number, b: number, decimals: number) => Math.abs(a - b) <= 0.5 * 10 ** -decimals + 1e-9 * Math.abs(b);

  it('sv-SE formatted numbers (with unit, percent, either minus) parse back', () => {
    fc.assert(
      fc.property(
        finite,
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('', ' kg', '\u00a0st', 'st', ' kWh/m² BRA', ' %', '%'),
        fc.boolean(),
        (x, decimals, suffix, hyphen) => {
          let text = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: decimals }).format(x) + suffix;
          if (hyphen) text = text.replace('\u2212', '-');
          const r = parseNumberCell({ value: text });
          if (r.kind !== 'number') return false;
          const rounded = Number(x.toFixed(decimals));
          return close(r.value, rounded, decimals) && r.percent === suffix.includes('%');
        },
      ),
    );
  });

  it('Intl percent style parses back in percent', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (x) => {
        const text = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 3 }).format(x);
        const r = parseNumberCell({ value: text });
        return r.kind === 'number' && r.percent && close(r.value, Number((x * 100).toFixed(1)), 1);
      }),
    );
  });

  it('a percent-formatted cell and its typed text agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), (n) => {
        const fraction = n / 100000;
        const cellResult = parseNumberCell(pct(fraction));
        const text = `${new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 3 }).format(fraction * 100)} %`;
        const textResult = parseNumberCell({ value: text });
        return cellResult.kind === 'number' && textResult.kind === 'number' && Math.abs(cellResult.value - textResult.value) < 1e-9;
      }),
    );
  });

  it('never throws for any string and always returns a known kind', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[-−+ 0-9,.%*\/a-z\u00a0]{0,30}$/)), (s) => {
        const r = parseNumberCell({ value: s });
        return ['empty', 'number', 'error'].includes(r.kind) && (r.kind !== 'number' || Number.isFinite(r.value));
      }),
      { numRuns: 2000 },
    );
  });
});
