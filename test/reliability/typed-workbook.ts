/**
 * The "user" of the nothing-typed-is-lost property: a workbook as plain typed values, generators for random
 * workbooks and edit sequences, and the comparison of what a sheet holds with what was typed.
 */
import fc from 'fast-check';

export type Typed = string | number | null;
export interface TypedSheet {
  name: string;
  rows: Typed[][];
}
export type Edit =
  | { kind: 'outcome'; row: number; year: 2024 | 2025; value: Typed }
  | { kind: 'add-row'; cells: Typed[] }
  | { kind: 'extra'; row: number; extra: number; value: Typed };

export const PRODUCT_HEADERS = new Set(['Utveckling', 'Förklaring', 'Läge']);
const GOAL = 'Minskad klimatpåverkan';
const INDICATORS = ['Utsläpp', 'Energi'];
export const BASE_HEADERS = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2024', 'Utfall 2025', 'Utveckling', 'Förklaring'];
const EXTRA_NAMES = ['Källa', 'Kommentar', 'Intern kod'];

/** Text people type: letters, digits, Swedish letters and punctuation; no leading/trailing space, never empty. */
export const typedText = fc.stringMatching(/^[A-Za-zÅÄÖåäö0-9][A-Za-zÅÄÖåäö0-9 ,.%!?:()/-]{0,24}$/).map((s) => s.trimEnd());

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
/** Outcomes as typed in Sweden: numbers, `1 234,5`, `36,9 %`, `−2 st`, no-value marks, and broken ones. */
export const swedishOutcome: fc.Arbitrary<Typed> = fc.oneof(
  fc.integer({ min: 0, max: 200_000 }),
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('', ' %', '%', ' st', 'st', ' kg', ' kWh/km', '*'))
    .map(([i, d, unit]) => `${thousands(i)},${d}${unit}`),
  fc.integer({ min: 1, max: 500 }).map((n) => `−${n} st`),
  fc.constantFrom(null, '-', '–', '..', 'n/a', '12 / 15', '#DIV/0!', 'ca 40', '2025-03-01'),
);

const metricRow = (i: number, extras: number) =>
  fc.tuple(
    fc.constantFrom(...INDICATORS), fc.constantFrom('%', 'st', 'ton', null), fc.constantFrom('Öka', 'Minska', 'Kvalitativ', 'Uppåt'),
    swedishOutcome, swedishOutcome, fc.option(typedText, { nil: null }), fc.option(typedText, { nil: null }),
    fc.array(fc.option(typedText, { nil: null }), { minLength: extras, maxLength: extras }),
  ).map(([ind, unit, dir, y24, y25, dev, expl, extra]): Typed[] => [GOAL, ind, `Mätetal ${i}`, unit, dir, y24, y25, dev, expl, ...extra]);

const noteRow = (extras: number) =>
  fc.tuple(typedText, fc.option(swedishOutcome, { nil: null }), fc.array(fc.option(typedText, { nil: null }), { minLength: extras, maxLength: extras }))
    .map(([note, outcome, extra]): Typed[] => [`Not: ${note}`, null, null, null, null, null, outcome, null, null, ...extra]);

export interface Scenario {
  sheets: TypedSheet[];
  edits: Edit[];
}

export const scenario: fc.Arbitrary<Scenario> = fc.integer({ min: 0, max: EXTRA_NAMES.length }).chain((extras) =>
  fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.record({
      metrics: fc.tuple(...Array.from({ length: n }, (_, i) => metricRow(i + 1, extras))),
      notes: fc.array(noteRow(extras), { maxLength: 2 }),
      edits: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('outcome' as const), row: fc.integer({ min: 2, max: n + 1 }), year: fc.constantFrom(2024 as const, 2025 as const), value: swedishOutcome }),
          metricRow(100, extras).map((cells) => ({ kind: 'add-row' as const, cells })),
          fc.record({ kind: fc.constant('extra' as const), row: fc.integer({ min: 2, max: n + 1 }), extra: fc.integer({ min: 0, max: Math.max(0, extras - 1) }), value: fc.option(typedText, { nil: null }) }),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    }).map(({ metrics, notes, edits }): Scenario => ({
      sheets: [
        { name: 'Målområden', rows: [['Målområde', 'Hållbarhetsmål'], [GOAL, 'Halverade utsläpp']] },
        { name: 'Indikatorer', rows: [['Målområde', 'Indikator', 'Målvärde 2030'], ...INDICATORS.map((i) => [GOAL, i, 'Minska'])] },
        { name: 'Mätetal', rows: [[...BASE_HEADERS, ...EXTRA_NAMES.slice(0, extras)], ...metrics, ...notes] },
        { name: 'Inställningar', rows: [['Inställning', 'Värde'], ['Organisation', 'Region Test'], ['Redovisningsår', 2025]] },
      ],
      // extra-column edits only when there are extra columns; added rows get unique names
      edits: edits.filter((e) => e.kind !== 'extra' || extras > 0),
    })),
  ),
);

/** Applies an edit to the typed model; returns the cells (1-based row, column) it typed. */
export function applyEdit(sheets: TypedSheet[], edit: Edit, serial: number): { row: number; column: number; value: Typed }[] {
  const metrics = sheets.find((s) => s.name === 'Mätetal')!;
  const headers = metrics.rows[0]!;
  const set = (row: number, column: number, value: Typed) => {
    while (metrics.rows.length < row) metrics.rows.push([]);
    const r = metrics.rows[row - 1]!;
    while (r.length < column) r.push(null);
    r[column - 1] = value;
    return { row, column, value };
  };
  if (edit.kind === 'outcome') return [set(edit.row, headers.indexOf(`Utfall ${edit.year}`) + 1, edit.value)];
  if (edit.kind === 'extra') return [set(edit.row, BASE_HEADERS.length + edit.extra + 1, edit.value)];
  const row = metrics.rows.length + 1;
  const cells = [...edit.cells];
  cells[2] = `Nytt mätetal ${serial}`;
  return cells.map((v, i) => set(row, i + 1, v)).filter((c) => c.value !== null);
}

/** Every typed cell outside the product's columns that differs in `actual` (row, column → shown text). */
export function lostCells(sheet: TypedSheet, actual: (row: number, column: number) => string | null, maxColumn: number, maxRow: number): string[] {
  const headers = sheet.rows[0] ?? [];
  const lost: string[] = [];
  for (let r = 1; r <= Math.max(sheet.rows.length, maxRow); r++) {
    for (let c = 1; c <= Math.max(headers.length, maxColumn); c++) {
      const header = headers[c - 1] ?? actual(1, c);
      if (r > 1 && typeof header === 'string' && PRODUCT_HEADERS.has(header)) continue;
      if (r === 1 && c > headers.length) continue; // headers the product adds for its own columns
      const typed = sheet.rows[r - 1]?.[c - 1] ?? null;
      const want = typed === null || typed === '' ? null : String(typed);
      const got = actual(r, c);
      if (want !== (got === '' ? null : got)) lost.push(`${sheet.name}!R${r}C${c}: typed ${JSON.stringify(want)}, now ${JSON.stringify(got)}`);
    }
  }
  return lost;
}
