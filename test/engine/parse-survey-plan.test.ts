import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../shared/engine/parse/workbook.ts';
import { parseDueDate } from '../../shared/engine/parse/due-date.ts';
import type { CellInput } from '../../shared/engine/model/grid.ts';
import { date, GOAL, sheet, standardWorkbook, type Plain } from './grid-builder.ts';

const withSheet = (name: string, rows: Plain[][]) => parseWorkbook(standardWorkbook([['Målområde', 'Indikator', 'Mätetal', 'Riktning']], [sheet(name, rows)]));

describe('Självskattning', () => {
  it('reads answers, skips blank rows, reports incomplete rows and bad years', () => {
    const model = withSheet('Självskattning', [
      ['Förvaltning', 'Påstående', 'Svar', 'Målområde', 'År'],
      ['HS', 'Vi arbetar med jämlik vård', 'Instämmer helt', 'Social hållbarhet', 2024],
      [null, null, null, null, null],
      ['RS', 'Vi arbetar med jämlik vård', 'Vet ej', null, null],
      ['RS', 'Vi mäter', null, null, null],
      ['KS', 'Vi mäter', 'Instämmer inte', null, 'förra året'],
    ]);
    expect(model.survey).toEqual([
      { workbookId: 'wb.xlsx', rowNumber: 2, department: 'HS', statement: 'Vi arbetar med jämlik vård', answer: 'Instämmer helt', goalArea: 'Social hållbarhet', year: 2024 },
      { workbookId: 'wb.xlsx', rowNumber: 4, department: 'RS', statement: 'Vi arbetar med jämlik vård', answer: 'Vet ej', goalArea: null, year: null },
      { workbookId: 'wb.xlsx', rowNumber: 6, department: 'KS', statement: 'Vi mäter', answer: 'Instämmer inte', goalArea: null, year: null },
    ]);
    expect(model.issues.map((i) => [i.rowNumber, i.message])).toEqual([
      [5, 'Rad 5 saknar Svar – raden räknas inte'],
      [6, "År: 'förra året' är inte ett årtal (ÅÅÅÅ, 1990–2100)"],
    ]);
  });

  it('is optional: no sheet, no answers, no issues', () => {
    const model = parseWorkbook(standardWorkbook([['Målområde', 'Indikator', 'Mätetal', 'Riktning']]));
    expect(model.survey).toEqual([]);
    expect(model.actions).toEqual([]);
    expect(model.issues).toEqual([]);
  });
});

describe('Klart senast', () => {
  const t = (value: Plain): CellInput | null => (value === null || typeof value !== 'object' ? { value: value ?? null } : value);
  it.each<[string, Plain, string | null]>([
    ['date cell', date('2026-03-15'), '2026-03-15'],
    ['ISO text', '2026-03-15', '2026-03-15'],
    ['year-month', '2026-02', '2026-02-28'],
    ['leap February', '2028-02', '2028-02-29'],
    ['month name', 'juni 2026', '2026-06-30'],
    ['month name any case', 'DECEMBER 2025', '2025-12-31'],
    ['abbreviated month', 'sept. 2026', '2026-09-30'],
    ['day month year', '15 mars 2026', '2026-03-15'],
    ['year text', '2027', '2027-12-31'],
    ['year number', 2027, '2027-12-31'],
    ['blank', null, null],
  ])('%s', (_label, value, expected) => {
    const r = parseDueDate(t(value));
    expect(r.kind === 'date' ? r.iso : r.kind === 'empty' ? null : r.message).toBe(expected);
  });

  it.each<Plain>(['2026-13', '2026-02-30', 'snart', 'jun', 'Q3 2026', 45000.5])('%j is an error', (value) => {
    expect(parseDueDate(t(value)).kind).toBe('error');
  });
});

describe('Handlingsplan', () => {
  it('reads rows with status words in any case and row errors', () => {
    const model = withSheet('Handlingsplan', [
      ['Målområde', 'Aktivitet', 'Ansvarig', 'Klart senast', 'Status', 'Läge'],
      [GOAL.toLowerCase(), 'Byt bilar', 'Fordonschef', 'juni 2026', 'pågår', null],
      [GOAL, 'Solceller', null, null, 'KLAR', null],
      ['Okänt mål', 'Något', null, 'nästa år', 'Halvvägs', null],
      [GOAL, 'byt bilar', null, null, 'Ej påbörjad', null],
      [null, null, null, null, null, null],
    ]);
    expect(model.actions.map((a) => [a.rowNumber, a.goalArea, a.activity, a.owner, a.due, a.status, a.errors.length])).toEqual([
      [2, GOAL, 'Byt bilar', 'Fordonschef', '2026-06-30', 'Pågår', 0],
      [3, GOAL, 'Solceller', null, null, 'Klar', 0],
      [4, 'Okänt mål', 'Något', null, null, null, 3],
      [5, GOAL, 'byt bilar', null, null, 'Ej påbörjad', 1],
    ]);
    expect(model.actions[2]?.errors).toEqual([
      "Målområdet 'Okänt mål' finns inte i bladet Målområden",
      "Klart senast 'nästa år' är inget datum – skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, 'juni 2026' eller ÅÅÅÅ",
      "Status 'Halvvägs' känns inte igen – använd 'Ej påbörjad', 'Pågår', 'Klar'",
    ]);
    expect(model.actions[3]?.errors).toEqual(['Dubblett av rad 2']);
  });
});
