/**
 * Issue 17 A.1, A.2 and D.14 at the engine: headers below a title line or empty rows, notes where the product's
 * columns would go, vertically merged names, merged product cells, formulas typed into product cells, and names in
 * Unicode NFD. The write plan must never touch a typed cell; statuses and headers land where they belong.
 */
import { describe, expect, it } from 'vitest';
import { recalculate } from '../../shared/engine/recalculate.ts';
import type { CellRange, SheetGrid, WorkbookGrid } from '../../shared/engine/model/grid.ts';
import type { WritePlan } from '../../shared/engine/model/model.ts';
import { sheet, workbook, type Plain } from './grid-builder.ts';

const OPTIONS = { today: '2026-03-02', changedAt: '2026-03-02T08:00:00Z' };
const METRIC_HEAD = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2024', 'Utfall 2025'];

function grid(metrics: Plain[][], options: { merges?: CellRange[]; indicators?: Plain[][]; goals?: Plain[][] } = {}): WorkbookGrid {
  const m: SheetGrid = sheet('Mätetal', metrics);
  if (options.merges) m.merges = options.merges;
  return workbook([
    sheet('Målområden', options.goals ?? [['Målområde', 'Hållbarhetsmål'], ['Klimat', 'Halverade utsläpp']]),
    sheet('Indikatorer', options.indicators ?? [['Målområde', 'Indikator'], ['Klimat', 'Energi'], ['Klimat', 'Resor']]),
    m,
    sheet('Inställningar', [['Inställning', 'Värde'], ['Redovisningsår', 2025]]),
  ]);
}

/** sheet!A1 = value for every planned write */
const writes = (plan: WritePlan, sheetName = 'Mätetal') =>
  plan.writes.filter((w) => w.sheet === sheetName).map((w) => `${String.fromCharCode(64 + w.columnNumber)}${w.rowNumber}=${w.value}`);

/** Every cell the plan writes is empty in the grid or already one of the product's (header row says so). */
function typedCellsKept(g: WorkbookGrid, plan: WritePlan): string[] {
  return plan.writes
    .filter((w) => {
      const cell = g.sheets.find((s) => s.name === w.sheet)!.rows[w.rowNumber - 1]?.[w.columnNumber - 1];
      const text = cell?.value === null || cell?.value === undefined ? '' : String(cell.value).trim();
      return text !== '' && !['Utveckling', 'Förklaring', 'Läge', 'Positiv', 'Negativ', 'Oförändrad', 'Inget värde', 'Fel'].includes(text);
    })
    .map((w) => `${w.sheet}!${w.rowNumber}:${w.columnNumber}`);
}

describe('the header row is found among the first ten rows (A.1)', () => {
  it('below a title line: statuses go into the rows under the headers, headers into the header row', () => {
    const g = grid([['Mätetal 2025 (miljöenheten)'], METRIC_HEAD, ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90]]);
    const result = recalculate([g], OPTIONS);
    expect(result.set.metrics.map((m) => [m.name, m.rowNumber, m.status])).toEqual([['El', 3, 'Positiv']]);
    expect(writes(result.plans[0]!)).toEqual(['H2=Utveckling', 'I2=Förklaring', 'H3=Positiv', 'I3=' + result.set.metrics[0]!.explanation]);
    expect(typedCellsKept(g, result.plans[0]!)).toEqual([]);
  });

  it('below empty rows, in every sheet', () => {
    const g = grid([[], [], METRIC_HEAD, ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90]], {
      indicators: [[null], ['Indikatorer 2025'], ['Målområde', 'Indikator'], ['Klimat', 'Energi']],
      goals: [[], ['Målområde', 'Hållbarhetsmål'], ['Klimat', 'Halverade utsläpp']],
    });
    const result = recalculate([g], OPTIONS);
    expect(result.set.metrics[0]).toMatchObject({ rowNumber: 4, status: 'Positiv' });
    expect(writes(result.plans[0]!, 'Indikatorer')).toEqual(['C3=Utveckling', 'D3=Förklaring', 'C4=Positiv', expect.stringMatching(/^D4=/)]);
    expect(writes(result.plans[0]!, 'Målområden')).toEqual(['C2=Utveckling', 'D2=Förklaring', 'C3=Positiv', expect.stringMatching(/^D3=/)]);
    expect(result.set.issues).toEqual([]);
  });

  it('a sheet without its headers in the first ten rows is reported and nothing is written into it', () => {
    const rows: Plain[][] = [['Titel'], ...Array.from({ length: 10 }, () => [] as Plain[]), METRIC_HEAD, ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90]];
    const g = grid(rows);
    const result = recalculate([g], OPTIONS);
    expect(writes(result.plans[0]!)).toEqual([]);
    expect(result.set.metrics).toEqual([]);
    expect(result.set.issues.map((i) => i.message)).toContain(
      "Bladet Mätetal har ingen rubrikrad med 'Målområde', 'Indikator', 'Mätetal' och 'Riktning' bland de 10 första raderna – bladet läses inte och inget skrivs i det",
    );
  });

  it('a title that names a header is not taken for the header row', () => {
    const g = grid([['Mätetal'], METRIC_HEAD, ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90]]);
    const result = recalculate([g], OPTIONS);
    expect(result.set.metrics.map((m) => m.rowNumber)).toEqual([3]);
    expect(typedCellsKept(g, result.plans[0]!)).toEqual([]);
  });
});

describe("product columns go only where every row is empty (A.2)", () => {
  it('notes in the untitled column right of the headers are kept; the run says where the columns went', () => {
    const g = grid([METRIC_HEAD, ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90, 'ring Eva'], ['Klimat', 'Resor', 'Bil', 'km', 'Minska', 10, 9, null, 'se not']]);
    const result = recalculate([g], OPTIONS);
    expect(writes(result.plans[0]!)).toEqual(['J1=Utveckling', 'K1=Förklaring', 'J2=Positiv', expect.stringMatching(/^K2=/), 'J3=Positiv', expect.stringMatching(/^K3=/)]);
    expect(typedCellsKept(g, result.plans[0]!)).toEqual([]);
    expect(result.set.issues.filter((i) => i.kind === 'note').map((i) => i.message)).toEqual([
      "Kolumnen 'Utveckling' läggs till i kolumn J (rubrik i rad 1): kolumnerna närmare rubrikerna har innehåll som inte skrivs över",
      "Kolumnen 'Förklaring' läggs till i kolumn K (rubrik i rad 1): kolumnerna närmare rubrikerna har innehåll som inte skrivs över",
    ]);
  });

  it('a column with a value only in a title line above the headers is passed over too', () => {
    const g = grid([[null, null, null, null, null, null, null, 'utkast'], METRIC_HEAD, ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90]]);
    const result = recalculate([g], OPTIONS);
    expect(writes(result.plans[0]!).slice(0, 2)).toEqual(['I2=Utveckling', 'J2=Förklaring']);
  });
});

describe('merged cells (D.14)', () => {
  it('a Målområde and an Indikator merged down over their rows apply to every row they cover', () => {
    const g = grid(
      [
        METRIC_HEAD,
        ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90],
        [null, null, 'Värme', 'kWh', 'Minska', 100, 110],
        [null, 'Resor', 'Bil', 'km', 'Minska', 10, 9],
        [null, null, 'Flyg', 'km', 'Minska', 10, 10],
      ],
      { merges: [{ top: 2, left: 1, bottom: 5, right: 1 }, { top: 2, left: 2, bottom: 3, right: 2 }, { top: 4, left: 2, bottom: 5, right: 2 }] },
    );
    const result = recalculate([g], OPTIONS);
    expect(result.set.metrics.map((m) => [m.goalArea, m.indicator, m.name, m.status])).toEqual([
      ['Klimat', 'Energi', 'El', 'Positiv'],
      ['Klimat', 'Energi', 'Värme', 'Negativ'],
      ['Klimat', 'Resor', 'Bil', 'Positiv'],
      ['Klimat', 'Resor', 'Flyg', 'Oförändrad'],
    ]);
    expect(typedCellsKept(g, result.plans[0]!)).toEqual([]);
    // the merged name cells themselves are never written
    expect(result.plans[0]!.writes.filter((w) => w.sheet === 'Mätetal' && w.columnNumber <= 2)).toEqual([]);
  });

  it('a status is not written into the hidden part of a merged product cell', () => {
    const g = grid(
      [
        [...METRIC_HEAD, 'Utveckling', 'Förklaring'],
        ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90],
        ['Klimat', 'Energi', 'Värme', 'kWh', 'Minska', 100, 110],
        ['Klimat', 'Resor', 'Bil', 'km', 'Minska', 10, 9],
      ],
      { merges: [{ top: 2, left: 8, bottom: 3, right: 8 }] },
    );
    const result = recalculate([g], OPTIONS);
    const planned = writes(result.plans[0]!);
    expect(planned.filter((w) => w.startsWith('H'))).toEqual(['H2=Positiv', 'H4=Positiv']);
    expect(planned.filter((w) => w.startsWith('I'))).toHaveLength(3);
    expect(result.set.issues.map((i) => i.message)).toContain('Utveckling rad 3 ligger i den sammanfogade cellen H2:H3 och skrivs inte – dela upp cellen');
  });
});

describe('a formula typed into a product column (D.14)', () => {
  it.each([
    { name: 'whose result is the status itself', value: 'Positiv' },
    { name: 'whose result is something else', value: 'Bra' },
  ])('$name: recorded like typed text and replaced', ({ value }) => {
    const g = grid([
      [...METRIC_HEAD, 'Utveckling', 'Förklaring'],
      ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90, { value, formula: 'IF(G2<F2;"Positiv";"Negativ")' }],
    ]);
    const result = recalculate([g], OPTIONS);
    expect(writes(result.plans[0]!)).toContain('H2=Positiv');
    expect(result.set.issues.filter((i) => i.kind === 'typed-in-product-column').map((i) => i.message)).toEqual([
      `Formeln '=IF(G2<F2;"Positiv";"Negativ")' i Utveckling rad 2 skrevs av en person – använd Manuell bedömning`,
    ]);
  });
});

describe('names in Unicode NFD (a Mac, a web form) match their NFC spelling (D.14)', () => {
  const nfd = (text: string) => text.normalize('NFD');
  it('sheet names, headers and names', () => {
    const g = workbook([
      sheet(nfd('Målområden'), [[nfd('Målområde'), nfd('Hållbarhetsmål')], [nfd('Klimat och miljö'), 'Mål']]),
      sheet('Indikatorer', [[nfd('Målområde'), 'Indikator'], ['Klimat och miljö', 'Energi']]),
      sheet(nfd('Mätetal'), [METRIC_HEAD.map(nfd), [nfd('Klimat och miljö'), 'Energi', 'El', 'kWh', nfd('Minska'), 100, 90]]),
    ]);
    const result = recalculate([g], OPTIONS);
    expect(result.set.issues).toEqual([]);
    // names keep the spelling of their defining sheet (here NFD): the same letters on screen
    expect(result.set.metrics.map((m) => [m.goalArea.normalize('NFC'), m.status])).toEqual([['Klimat och miljö', 'Positiv']]);
    expect(result.set.goalAreas.map((a) => [a.name.normalize('NFC'), a.status])).toEqual([['Klimat och miljö', 'Positiv']]);
    expect(writes(result.plans[0]!, nfd('Mätetal'))[0]).toBe('H1=Utveckling');
  });
});
