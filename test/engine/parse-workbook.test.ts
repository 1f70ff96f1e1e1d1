import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../shared/engine/parse/workbook.ts';
import { GOAL, INDICATOR, sheet, standardWorkbook, workbook } from './grid-builder.ts';

const HEAD = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2023', 'Utfall 2024'];
const ROW = [GOAL, INDICATOR, 'Resor', 'ton', 'Minska', 120, 110];

describe('headers: case, spaces, order, extra columns', () => {
  it('reads the same row whatever the header case, spacing and column order, ignoring extra columns', () => {
    const plain = parseWorkbook(standardWorkbook([HEAD, ROW]));
    const shuffled = parseWorkbook(
      standardWorkbook([
        ['Egen anteckning', ' utfall 2024', 'RIKTNING', 'mätetal ', 'Enhet', 'indikator', '  målområde', 'Utfall   2023', 'Kommentar'],
        ['hej', 110, 'minska', 'Resor', 'ton', INDICATOR, GOAL, 120, 'se not'],
      ]),
    );
    const strip = (m: typeof plain) => m.metrics.map(({ rowNumber: _r, ...rest }) => rest);
    expect(strip(shuffled)).toEqual(strip(plain));
    expect(shuffled.metrics[0]?.outcomes).toEqual({ 2023: 120, 2024: 110 });
    expect(shuffled.issues).toEqual([]);
    expect(shuffled.years).toEqual([2023, 2024]);
  });

  // domain.md §3: a sheet without its header row (every required header in one of its first ten rows) is reported,
  // not read, and nothing is written into it; once its rows were read, each Fel, and Fel written into them
  it('a missing required header is a sheet error: the sheet is not read and gets no product columns', () => {
    const model = parseWorkbook(
      standardWorkbook([
        ['Målområde', 'Indikator', 'Mätetal', 'Riktnig', 'Utfall 2024'],
        [GOAL, INDICATOR, 'Resor', 'Minska', 10],
        [GOAL, INDICATOR, 'Energi', 'Minska', 11],
      ]),
    );
    const message = "Kolumnen 'Riktning' saknas i bladet Mätetal (rubriken 'Riktnig' känns inte igen – menade du 'Riktning'?) – bladet läses inte och inget skrivs i det";
    expect(model.issues).toContainEqual({
      kind: 'error',
      workbookId: 'wb.xlsx',
      workbookName: 'wb',
      sheet: 'Mätetal',
      rowNumber: 1,
      column: 'Riktning',
      message,
    });
    expect(model.issues.find((i) => i.kind === 'note')?.message).toBe("Rubriken 'Riktnig' känns inte igen – menade du 'Riktning'?");
    expect(model.metrics).toEqual([]);
    expect(model.productColumns.map((pc) => pc.sheet)).toEqual(['Indikatorer', 'Målområden']);
  });

  it('a header in two columns with differing cells is a row error', () => {
    const model = parseWorkbook(standardWorkbook([[...HEAD, 'Utfall 2024'], [...ROW, 999], [GOAL, INDICATOR, 'Energi', 'ton', 'Minska', 1, 2, 2]]));
    expect(model.issues.map((i) => i.message)).toContain("Rubriken 'Utfall 2024' finns i flera kolumner (G, H) – bara kolumn G används");
    expect(model.metrics[0]?.errors).toEqual(['Utfall 2024 finns i flera kolumner (G, H) med olika värden']);
    expect(model.metrics[1]?.errors).toEqual([]);
  });
});

describe('rows of Mätetal', () => {
  it('skips rows without Mätetal; one with an outcome gets a note', () => {
    const model = parseWorkbook(
      standardWorkbook([HEAD, ROW, [null, null, null, null, null, null, null], ['Summa', null, null, null, null, 230, null], [null, null, null, 'anteckning']]),
    );
    expect(model.metrics.map((m) => m.name)).toEqual(['Resor']);
    expect(model.issues).toEqual([
      {
        kind: 'note',
        workbookId: 'wb.xlsx',
        workbookName: 'wb',
        sheet: 'Mätetal',
        rowNumber: 4,
        column: 'Utfall 2023',
        message: 'Rad 4 saknar Mätetal men har utfall – den räknas inte',
      },
    ]);
  });

  it('a formula whose cached result is blank counts as blank; an uncached one does not', () => {
    const blank = { value: null, formula: 'IF(A1="";"";A1)' };
    const model = parseWorkbook(standardWorkbook([HEAD, ROW, [null, null, null, null, null, blank, null]]));
    expect(model.issues).toEqual([]);
    const uncachedRow = parseWorkbook(standardWorkbook([HEAD, [...ROW.slice(0, 5), { value: null, formula: 'A1*2', uncached: true }]]));
    expect(uncachedRow.metrics[0]?.errors).toEqual(["Utfall 2023: formeln saknar sparat resultat ('=A1*2') – öppna och spara filen i Excel"]);
    expect(uncachedRow.metrics[0]?.badOutcomeYears).toEqual([2023]);
  });

  it('unknown goal area and indicator are row errors with the nearest name', () => {
    const model = parseWorkbook(
      standardWorkbook([
        HEAD,
        ['Minskad klimatpåverkn', INDICATOR, 'A', 'ton', 'Minska'],
        [GOAL, 'Utsläpp av CO2', 'B', 'ton', 'Minska'],
        [GOAL, 'Hälsa', 'C', 'ton', 'Minska'],
        ['Okänt', 'Okänd', 'D', 'ton', 'Minska'],
      ]),
    );
    expect(model.metrics.map((m) => m.errors)).toEqual([
      [`Målområdet 'Minskad klimatpåverkn' finns inte i bladet Målområden – menade du '${GOAL}'?`],
      [`Indikatorn 'Utsläpp av CO2' finns inte i bladet Indikatorer under målområdet '${GOAL}' – menade du '${INDICATOR}'?`],
      [`Indikatorn 'Hälsa' finns inte i bladet Indikatorer under målområdet '${GOAL}'`],
      ["Målområdet 'Okänt' finns inte i bladet Målområden"],
    ]);
  });

  it('names typed in another case take the defined spelling', () => {
    const model = parseWorkbook(standardWorkbook([HEAD, [GOAL.toUpperCase(), ` ${INDICATOR.toLowerCase()} `, 'Resor', 'ton', 'minska']]));
    expect(model.metrics[0]).toMatchObject({ goalArea: GOAL, indicator: INDICATOR, errors: [] });
  });

  it('missing Målområde / Indikator are row errors', () => {
    const model = parseWorkbook(standardWorkbook([HEAD, [null, null, 'Resor', 'ton', 'Minska']]));
    expect(model.metrics[0]?.errors).toEqual(['Målområde saknas', 'Indikator saknas']);
  });

  it('a duplicate metric is an error on the second and later rows', () => {
    const model = parseWorkbook(standardWorkbook([HEAD, ROW, [GOAL, INDICATOR, 'Energi', 'ton', 'Minska'], [GOAL, INDICATOR, ' resor ', 'ton', 'Minska'], ROW]));
    expect(model.metrics.map((m) => m.errors)).toEqual([[], [], ['Dubblett av rad 2'], ['Dubblett av rad 2']]);
  });
});

describe('Indikatorer and Målområden', () => {
  const grid = workbook([
    sheet('Målområden', [
      ['Målområde', 'Hållbarhetsmål', 'Manuell bedömning', 'Motivering'],
      ['Klimat', 'Halverade utsläpp', 'positivt', 'Se rapport'],
      ['klimat ', 'Igen', null, null],
      ['Hälsa', null, 'Jättebra', null],
    ]),
    sheet('Indikatorer', [
      ['Målområde', 'Indikator', 'Målvärde 2030', 'Styrande mätetal', 'Manuell bedömning'],
      ['KLIMAT', 'Utsläpp', '−50 %, basår 2019', 'Resor', null],
      ['Klimat', 'utsläpp', null, null, null],
      ['Klimatt', 'Energi', null, null, 'Negativ'],
      [null, 'Ensam', null, null, null],
    ]),
    sheet('Mätetal', [HEAD]),
  ]);
  const model = parseWorkbook(grid);

  it('reads goal areas with duplicates and manual assessments', () => {
    expect(model.goalAreas).toEqual([
      { workbookId: 'wb.xlsx', rowNumber: 2, name: 'Klimat', goal: 'Halverade utsläpp', manual: { assessment: 'Positiv', justification: 'Se rapport', year: null }, errors: [] },
      { workbookId: 'wb.xlsx', rowNumber: 3, name: 'klimat', goal: 'Igen', manual: null, errors: ['Dubblett av rad 2'] },
      {
        workbookId: 'wb.xlsx',
        rowNumber: 4,
        name: 'Hälsa',
        goal: null,
        manual: null,
        errors: ["Manuell bedömning 'Jättebra' känns inte igen – använd 'Positiv', 'Oförändrad', 'Negativ', 'Inget värde'"],
      },
    ]);
  });

  it('reads indicators with their goal area checked and duplicates flagged', () => {
    expect(model.indicators.map((i) => [i.goalArea, i.name, i.target2030, i.governingMetric, i.manual?.assessment ?? null, i.errors])).toEqual([
      ['Klimat', 'Utsläpp', '−50 %, basår 2019', 'Resor', null, []],
      ['Klimat', 'utsläpp', null, null, null, ['Dubblett av rad 2']],
      ['Klimatt', 'Energi', null, null, 'Negativ', ["Målområdet 'Klimatt' finns inte i bladet Målområden – menade du 'Klimat'?"]],
      ['', 'Ensam', null, null, null, ['Målområde saknas']],
    ]);
  });
});

describe('sheets', () => {
  it('a missing required sheet is an error naming it and the nearest sheet', () => {
    const grid = standardWorkbook([HEAD, ROW]);
    const metrics = grid.sheets.find((s) => s.name === 'Mätetal');
    if (metrics) metrics.name = 'Matetal';
    const model = parseWorkbook(grid);
    expect(model.issues).toEqual([
      {
        kind: 'error',
        workbookId: 'wb.xlsx',
        workbookName: 'wb',
        sheet: 'Mätetal',
        message: "Bladet 'Mätetal' saknas i arbetsboken – bladet 'Matetal' kanske har bytt namn? Döp om det till 'Mätetal'",
      },
    ]);
    expect(model.metrics).toEqual([]);
  });

  it('sheet names match regardless of case and spaces', () => {
    const grid = standardWorkbook([HEAD, ROW]);
    for (const s of grid.sheets) s.name = ` ${s.name.toUpperCase()} `;
    const model = parseWorkbook(grid);
    expect(model.metrics).toHaveLength(1);
    expect(model.issues).toEqual([]);
  });

  it('an empty workbook parses to an empty model with issues, without throwing', () => {
    const model = parseWorkbook(workbook([]));
    expect(model.metrics).toEqual([]);
    expect(model.settings.organisation).toBeNull();
    expect(model.issues.map((i) => i.message)).toEqual([
      "Bladet 'Målområden' saknas i arbetsboken",
      "Bladet 'Indikatorer' saknas i arbetsboken",
      "Bladet 'Mätetal' saknas i arbetsboken",
    ]);
  });

  it('sheets with no rows at all do not throw', () => {
    const model = parseWorkbook(workbook([sheet('Mätetal', []), sheet('Indikatorer', []), sheet('Målområden', []), sheet('Inställningar', [])]));
    expect(model.issues.filter((i) => i.kind === 'error').length).toBeGreaterThan(0);
  });
});

describe('productColumns', () => {
  it('finds present product columns and places missing ones after the last header', () => {
    const model = parseWorkbook(standardWorkbook([[...HEAD, 'Förklaring', 'Egen'], ROW]));
    // headerRow: the sheet's header row, where the plan writes the headers of added columns (issue 17 A.1)
    expect(model.productColumns).toContainEqual({ sheet: 'Mätetal', columns: { Utveckling: 10, Förklaring: 8 }, missing: ['Utveckling'], headerRow: 1 });
    expect(model.productColumns).toContainEqual({ sheet: 'Målområden', columns: { Utveckling: 3, Förklaring: 4 }, missing: ['Utveckling', 'Förklaring'], headerRow: 1 });
  });

  it('includes Handlingsplan when present', () => {
    const plan = sheet('Handlingsplan', [['Målområde', 'Aktivitet', 'Läge', 'Status']]);
    const model = parseWorkbook(standardWorkbook([HEAD], [plan]));
    expect(model.productColumns).toContainEqual({ sheet: 'Handlingsplan', columns: { Läge: 3 }, missing: [], headerRow: 1 });
  });
});

describe('text typed into product columns', () => {
  const head = [...HEAD, 'Utveckling', 'Förklaring'];
  const key = (col: string) => `Mätetal!${GOAL.toLowerCase()}|${INDICATOR.toLowerCase()}|resor!${col}`;

  it('differs from what the product wrote → issue', () => {
    const grid = standardWorkbook([head, [...ROW, 'Bra jobbat', 'Vår text']], [], { written: { [key('Utveckling')]: 'Positiv', [key('Förklaring')]: 'Vår text' } });
    const typed = parseWorkbook(grid).issues.filter((i) => i.kind === 'typed-in-product-column');
    expect(typed).toEqual([
      {
        kind: 'typed-in-product-column',
        workbookId: 'wb.xlsx',
        workbookName: 'wb',
        sheet: 'Mätetal',
        rowNumber: 2,
        column: 'Utveckling',
        subject: 'Resor',
        message: "Texten 'Bra jobbat' i Utveckling rad 2 skrevs av en person – använd Manuell bedömning",
      },
    ]);
  });

  it.each([
    ['no record, not a product word', 'Bra jobbat', 1],
    ['no record, a product word in any case', 'negativ', 0],
    ['no record, Fel', 'Fel', 0],
    ['no record, empty', null, 0],
  ])('%s', (_label, text, count) => {
    const model = parseWorkbook(standardWorkbook([head, [...ROW, text, 'Någon förklaring']]));
    expect(model.issues.filter((i) => i.kind === 'typed-in-product-column')).toHaveLength(count);
  });

  it('Läge in Handlingsplan is checked too', () => {
    const plan = sheet('Handlingsplan', [
      ['Målområde', 'Aktivitet', 'Läge'],
      [GOAL, 'Byt bilar', 'Snart klart'],
      [GOAL, 'Solceller', 'Enligt plan'],
    ]);
    const issues = parseWorkbook(standardWorkbook([HEAD], [plan])).issues;
    expect(issues.map((i) => i.message)).toEqual(["Texten 'Snart klart' i Läge rad 2 skrevs av en person – använd Status"]);
  });
});
