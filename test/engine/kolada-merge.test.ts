/**
 * The Kolada merge of one Mätetal row (domain.md §7), year by year: write into an empty cell or over the
 * product's own earlier value, leave an equal value, never overwrite what a person typed (a differing value
 * is a data-quality note quoting both, sv-SE), create no column; and the Förklaring note.
 */
import { describe, expect, it } from 'vitest';
import { mergeKoladaRow, type CellInput, type KoladaCell, type KoladaRowInput, type KoladaWritten } from '../../shared/engine/index.ts';

const TODAY = '2026-03-02';
const EARLIER = '2025-03-01';

function row(over: Partial<KoladaRowInput> = {}): KoladaRowInput {
  return {
    workbookId: 'klimat.xlsx',
    workbookName: 'Klimat',
    sheet: 'Mätetal',
    rowNumber: 7,
    subject: 'Andel förnybart',
    unit: null,
    percent: false,
    kpi: 'N00945',
    cells: [],
    written: {},
    fetched: {},
    fetchedOn: TODAY,
    ...over,
  };
}

const cell = (year: number, input: CellInput | null, typed: number | null = null): KoladaCell => ({ year, cell: input, typed });
const mine = (value: number, fetchedOn = EARLIER, kpi = 'N00945'): KoladaWritten => ({ value, kpi, fetchedOn });

describe('mergeKoladaRow: one year', () => {
  const cases: {
    name: string;
    percent?: boolean;
    cell: KoladaCell;
    written?: KoladaWritten;
    kolada: number;
    action: string;
    value?: number;
  }[] = [
    { name: 'no cell value → write', cell: cell(2025, null), kolada: 12.5, action: 'write', value: 12.5 },
    { name: 'blank text → write', cell: cell(2025, { value: '  ' }), kolada: 12.5, action: 'write', value: 12.5 },
    { name: '% metric stores as a percent-typed cell would', percent: true, cell: cell(2025, null), kolada: 30.8, action: 'write', value: 0.308 },
    { name: "the product's earlier value, Kolada corrected → write", cell: cell(2025, { value: 12 }, 12), written: mine(12), kolada: 12.5, action: 'write', value: 12.5 },
    { name: "the product's earlier value, unchanged → leave", cell: cell(2025, { value: 12.5 }, 12.5), written: mine(12.5), kolada: 12.5, action: 'leave' },
    { name: "the product's % value, unchanged → leave", percent: true, cell: cell(2025, { value: 0.308, percent: true }, 30.8), written: mine(0.308), kolada: 30.8, action: 'leave' },
    { name: 'a typed equal value → leave', cell: cell(2025, { value: 12.5 }, 12.5), kolada: 12.5, action: 'leave' },
    { name: "a typed equal value in a % metric ('30,8 %') → leave", percent: true, cell: cell(2025, { value: '30,8 %' }, 30.8), kolada: 30.8, action: 'leave' },
    { name: 'a typed different value → conflict', cell: cell(2025, { value: 12 }, 12), kolada: 12.5, action: 'conflict' },
    { name: 'a person replaced the product value → conflict', cell: cell(2025, { value: 11 }, 11), written: mine(12), kolada: 12.5, action: 'conflict' },
    { name: "a formula showing the product's value is a person's → conflict", cell: cell(2025, { value: 12, formula: 'A1' }, 12), written: mine(12), kolada: 12.5, action: 'conflict' },
    { name: "a typed '-' (no value) is still typed → conflict", cell: cell(2025, { value: '-' }, null), kolada: 12.5, action: 'conflict' },
    { name: 'a spreadsheet error is typed → conflict', cell: cell(2025, { value: null, error: '#REF!' }, null), kolada: 12.5, action: 'conflict' },
  ];
  it.each(cases)('$name', (c) => {
    const result = mergeKoladaRow(
      row({ percent: c.percent ?? false, cells: [c.cell], written: c.written ? { 2025: c.written } : {}, fetched: { 2025: c.kolada } }),
    );
    expect(result.decisions).toHaveLength(1);
    expect(result.decisions[0]?.action).toBe(c.action);
    if (c.action === 'write') {
      expect(result.writes).toEqual([{ year: 2025, value: c.value, percent: c.percent ?? false }]);
      expect(result.written[2025]).toEqual({ value: c.value, kpi: 'N00945', fetchedOn: TODAY });
    } else expect(result.writes).toEqual([]);
    expect(result.issues).toHaveLength(c.action === 'conflict' ? 1 : 0);
  });
});

describe('mergeKoladaRow: the row', () => {
  it('creates no column for a year Kolada has but the sheet lacks', () => {
    const result = mergeKoladaRow(row({ cells: [cell(2024, null)], fetched: { 2024: 1, 2025: 2 } }));
    expect(result.decisions).toEqual([
      { year: 2024, action: 'write', value: 1, percent: false, replaces: 'empty' },
      { year: 2025, action: 'no-column' },
    ]);
    expect(result.writes.map((w) => w.year)).toEqual([2024]);
  });

  it('leaves a year Kolada lacks as it is, and keeps the product value that is still there', () => {
    const result = mergeKoladaRow(row({ cells: [cell(2024, { value: 7 }, 7), cell(2025, null)], written: { 2024: mine(7) }, fetched: {} }));
    expect(result.decisions).toEqual([]);
    expect(result.written).toEqual({ 2024: mine(7) });
    expect(result.note).toBe('Utfall 2024 från Kolada N00945, hämtat 2025-03-01');
  });

  it('forgets a year a person has typed over (it no longer comes from Kolada)', () => {
    const result = mergeKoladaRow(row({ cells: [cell(2024, { value: 8 }, 8)], written: { 2024: mine(7) }, fetched: { 2024: 8 } }));
    expect(result.decisions).toEqual([{ year: 2024, action: 'leave' }]);
    expect(result.written).toEqual({});
    expect(result.note).toBeNull();
  });

  it('keeps the first fetch date while Kolada agrees, so an unchanged run changes no state', () => {
    const input = row({ cells: [cell(2024, { value: 7 }, 7)], written: { 2024: mine(7) }, fetched: { 2024: 7 } });
    expect(mergeKoladaRow(input).written).toEqual(input.written);
  });

  it('names every outcome from Kolada in the note, by key figure and fetch date', () => {
    const result = mergeKoladaRow(
      row({
        cells: [cell(2023, { value: 5 }, 5), cell(2024, null), cell(2025, null)],
        written: { 2023: mine(5) },
        fetched: { 2023: 5, 2024: 6, 2025: 7 },
      }),
    );
    expect(result.note).toBe('Utfall 2023 från Kolada N00945, hämtat 2025-03-01; Utfall 2024 och 2025 från Kolada N00945, hämtat 2026-03-02');
  });

  it('overwrites its own value from an earlier key figure when the row now names another', () => {
    const result = mergeKoladaRow(row({ kpi: 'U28116', cells: [cell(2025, { value: 5 }, 5)], written: { 2025: mine(5, EARLIER, 'N00945') }, fetched: { 2025: 9 } }));
    expect(result.decisions[0]).toMatchObject({ action: 'write', replaces: 'product', value: 9 });
    expect(result.note).toBe('Utfall 2025 från Kolada U28116, hämtat 2026-03-02');
  });

  it.each([
    ['a number', { percent: false, unit: 'kg', typed: 1234.5, kolada: 1300.25 }, "Utfall 2025: 1\u00a0234,5\u00a0kg i arbetsboken men 1\u00a0300,25\u00a0kg i Kolada (N00945, hämtat 2026-03-02) – det inskrivna värdet behålls; töm cellen om Koladas värde ska användas"],
    ['a % metric without Enhet', { percent: true, unit: null, typed: 30.8, kolada: 31.25 }, 'Utfall 2025: 30,8\u00a0% i arbetsboken men 31,25\u00a0% i Kolada (N00945, hämtat 2026-03-02) – det inskrivna värdet behålls; töm cellen om Koladas värde ska användas'],
    ['a negative figure', { percent: false, unit: null, typed: -2, kolada: -2.5 }, 'Utfall 2025: \u22122 i arbetsboken men \u22122,5 i Kolada (N00945, hämtat 2026-03-02) – det inskrivna värdet behålls; töm cellen om Koladas värde ska användas'],
  ])('the conflict quotes both figures in sv-SE: %s', (_, c, message) => {
    const result = mergeKoladaRow(row({ percent: c.percent, unit: c.unit, cells: [cell(2025, { value: c.typed }, c.typed)], fetched: { 2025: c.kolada } }));
    expect(result.issues).toEqual([
      { kind: 'kolada', workbookId: 'klimat.xlsx', workbookName: 'Klimat', sheet: 'Mätetal', rowNumber: 7, column: 'Utfall 2025', subject: 'Andel förnybart', message },
    ]);
  });

  it('quotes a typed text that is no number', () => {
    const result = mergeKoladaRow(row({ cells: [cell(2025, { value: 'se not' }, null)], fetched: { 2025: 4 } }));
    expect(result.issues[0]?.message).toMatch(/^Utfall 2025: 'se not' i arbetsboken men 4 i Kolada/);
  });
});
