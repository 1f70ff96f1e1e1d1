/**
 * Issue 17 E.18: messages quote what the person sees (a percentage cell holding −0,5 is '−50 %', not '-0.5'), a unit
 * typed after a figure that contradicts `Enhet` is an error on the row (not dropped in silence), and a Motivering
 * that ends in "." gives no "..". Each row read otherwise before.
 */
import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../shared/engine/parse/workbook.ts';
import { assessMetric } from '../../shared/engine/assess/metric.ts';
import { GOAL, INDICATOR, pct, sheet, standardWorkbook, type Plain } from './grid-builder.ts';

const HEAD = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Målvärde', 'Basvärde', 'Årlig förändring', 'Tolerans', 'Utfall 2024', 'Utfall 2025', 'Manuell bedömning', 'Motivering'];

/** One metric row: Öka, 10 → 12 unless the cells given say otherwise. */
function rowOf(cells: Record<string, Plain>): Plain[] {
  const defaults: Record<string, Plain> = { Målområde: GOAL, Indikator: INDICATOR, Mätetal: 'Resor', Enhet: 'st', Riktning: 'Öka', 'Utfall 2024': 10, 'Utfall 2025': 12 };
  return HEAD.map((h) => (h in cells ? cells[h] : (defaults[h] ?? null)));
}

const errorsOf = (cells: Record<string, Plain>) => parseWorkbook(standardWorkbook([HEAD, rowOf(cells)])).metrics[0]!.errors;

describe('messages quote cells as a Swedish spreadsheet shows them', () => {
  it.each([
    { name: 'a yearly change formatted as a percentage', cells: { 'Årlig förändring': pct(-0.5) }, message: "Årlig förändring '−50 %' går emot Riktning 'Öka'", before: "'-0.5'" },
    { name: 'a negative tolerance formatted as a percentage', cells: { Tolerans: pct(-0.01) }, message: "ogiltig tolerans '−1 %': får inte vara negativ", before: "'-0.01'" },
    { name: 'a relative target without a base value', cells: { Enhet: 'kg', Målvärde: pct(-0.5) }, message: "Målvärde '−50 %' är en förändring från Basvärde, men Basvärde saknas", before: "'-0.5'" },
    { name: 'a percentage outcome in a metric counted in st', cells: { 'Utfall 2025': pct(0.4) }, message: "Utfall 2025: procent ('40 %') i ett mätetal med enheten st", before: "'0.4'" },
    { name: 'an outcome in another unit than Enhet', cells: { Enhet: 'st', 'Utfall 2025': '6,7 ton' }, message: "Utfall 2025: '6,7 ton' har enheten ton, men mätetalet har enheten st", before: '' },
  ])('$name', ({ cells, message, before }) => {
    const errors = errorsOf(cells);
    expect(errors).toContain(message);
    if (before !== '') expect(errors.join(' ')).not.toContain(before);
  });

  it("a setting that is no whole number is quoted with a decimal comma ('2,5', not '2.5')", () => {
    const model = parseWorkbook(standardWorkbook([HEAD, rowOf({})], [sheet('Inställningar', [['Inställning', 'Värde'], ['Antal styrkor', 2.5]])]));
    expect(model.issues.map((i) => i.message)).toContain("Antal styrkor: '2,5' måste vara ett heltal, minst 1");
  });
});

describe('a unit typed after a figure must agree with Enhet', () => {
  it.each([
    { typed: '6,7 ton', unit: 'kg', error: "Utfall 2025: '6,7 ton' har enheten ton, men mätetalet har enheten kg" },
    { typed: '36,9 kg', unit: '%', error: "Utfall 2025: '36,9 kg' har enheten kg, men mätetalet har enheten %" },
    { typed: '5 kr', unit: 'tkr', error: "Utfall 2025: '5 kr' har enheten kr, men mätetalet har enheten tkr" },
    { typed: '152 st', unit: 'antal', error: null },
    { typed: '152st', unit: 'st', error: null },
    { typed: '4,5 kWh/m²', unit: 'kWh/m² BRA', error: null },
    { typed: '12 ton', unit: 'ton CO2e', error: null },
    { typed: '12 TON', unit: 'ton', error: null },
    { typed: '5 kronor', unit: 'kr', error: null },
    { typed: '6,7 kg', unit: null, error: null },
  ])('$typed in a metric in $unit', ({ typed, unit, error }) => {
    const errors = errorsOf({ Enhet: unit, 'Utfall 2025': typed });
    expect(errors).toEqual(error === null ? [] : [error]);
  });

  it.each([
    { header: 'Målvärde', typed: '100 ton', message: "Målvärde: '100 ton' har enheten ton, men mätetalet har enheten kg" },
    { header: 'Basvärde', typed: '100 ton', message: "Basvärde: '100 ton' har enheten ton, men mätetalet har enheten kg" },
  ])('$header $typed in a kg metric', ({ header, typed, message }) => {
    expect(errorsOf({ Enhet: 'kg', [header]: typed })).toEqual([message]);
  });
});

describe('sentences end once', () => {
  it.each(['Nivån hölls.', 'Nivån hölls!', 'Nivån hölls'])('a Motivering %j followed by a remark gives no ".."', (justification) => {
    const row = parseWorkbook(standardWorkbook([HEAD, rowOf({ 'Utfall 2025': '12*', 'Manuell bedömning': 'Positiv', Motivering: justification })])).metrics[0]!;
    const text = assessMetric(row, 2025, 0.005).explanation;
    expect(text).not.toMatch(/[.!?]\./);
    expect(text).toContain(`Motivering: ${justification}${/[.!?]$/.test(justification) ? '' : '.'} Obs: Fotnotsmarkering i Utfall 2025 ignorerad`);
  });
});
