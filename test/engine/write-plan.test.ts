import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planWrites } from '../../shared/engine/write/plan.ts';
import { rowIdentity, stateKey } from '../../shared/engine/model/state.ts';
import type { CellInput, SheetGrid, WorkbookGrid } from '../../shared/engine/model/grid.ts';
import type { ProductColumns, Status, WritePlan } from '../../shared/engine/model/model.ts';
import { PRODUCT_COLUMNS } from '../../shared/engine/model/template.ts';
import {
  actionAssessment,
  actionRow,
  aggregateAssessment,
  goalAreaRow,
  indicatorRow,
  metricAssessment,
  metricRow,
  sheetGrid,
  workbookAssessment,
  workbookGrid,
  workbookModel,
} from './model-factories.ts';

/** A small workbook: Mätetal has its product columns, Indikatorer lacks them, Handlingsplan has Läge. */
function fixture(statuses: { m1: Status; m2: Status; ind: Status; ga: Status } = { m1: 'Positiv', m2: 'Negativ', ind: 'Oförändrad', ga: 'Oförändrad' }) {
  const grid = workbookGrid([
    sheetGrid('Mätetal', [
      ['Målområde', 'Indikator', 'Mätetal', 'Riktning', 'Utfall 2024', 'Utfall 2025', 'Utveckling', 'Förklaring', 'Egen kolumn'],
      ['Klimat', 'Utsläpp', 'Resor', 'Minska', 10, 8, null, null, 'anteckning'],
      ['Klimat', 'Utsläpp', 'Energi', 'Minska', 5, 6],
    ]),
    sheetGrid('Indikatorer', [
      ['Målområde', 'Indikator'],
      ['Klimat', 'Utsläpp'],
    ]),
    sheetGrid('Målområden', [
      ['Målområde', 'Hållbarhetsmål', 'Utveckling', 'Förklaring'],
      ['Klimat', 'Halvera utsläppen'],
    ]),
    sheetGrid('Handlingsplan', [
      ['Målområde', 'Aktivitet', 'Klart senast', 'Status', 'Läge'],
      ['Klimat', 'Elbilar', '2025-01-01', 'Pågår'],
      ['Klimat', 'Solceller', '2027-01-01', 'Okänd'],
    ]),
  ]);
  const m1 = metricRow({ rowNumber: 2, name: 'Resor' });
  const m2 = metricRow({ rowNumber: 3, name: 'Energi' });
  const ind = indicatorRow({ rowNumber: 2 });
  const ga = goalAreaRow({ rowNumber: 2 });
  const a1 = actionRow({ rowNumber: 2, activity: 'Elbilar', due: '2025-01-01' });
  const a2 = actionRow({ rowNumber: 3, activity: 'Solceller', status: null, errors: ['Fel: okänd status'] });
  const productColumns: ProductColumns[] = [
    { sheet: 'Mätetal', columns: { Utveckling: 7, Förklaring: 8 }, missing: [] },
    { sheet: 'Indikatorer', columns: { Utveckling: 3, Förklaring: 4 }, missing: ['Utveckling', 'Förklaring'] },
    { sheet: 'Målområden', columns: { Utveckling: 3, Förklaring: 4 }, missing: [] },
    { sheet: 'Handlingsplan', columns: { Läge: 5 }, missing: [] },
  ];
  const model = workbookModel({
    metrics: [m1, m2],
    indicators: [ind],
    goalAreas: [ga],
    actions: [a1, a2],
    productColumns,
  });
  const assessment = workbookAssessment({
    metrics: [
      metricAssessment(m1, { status: statuses.m1, explanation: `Resor: ${statuses.m1}` }),
      metricAssessment(m2, { status: statuses.m2, explanation: `Energi: ${statuses.m2}` }),
    ],
    indicators: [aggregateAssessment({ ...ind, goalArea: 'Klimat' }, 'indikator', { status: statuses.ind, explanation: 'Ind' })],
    goalAreas: [aggregateAssessment(ga, 'målområde', { status: statuses.ga, explanation: 'Mål' })],
    actions: [actionAssessment(a1, 'Försenad'), actionAssessment(a2, null)],
  });
  return { grid, model, assessment };
}

/** What an adapter does with a plan: set the cells and store the state. */
function apply(grid: WorkbookGrid, plan: WritePlan): WorkbookGrid {
  const sheets = grid.sheets.map((s): SheetGrid => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  for (const w of plan.writes) {
    const sheet = sheets.find((s) => s.name === w.sheet)!;
    while (sheet.rows.length < w.rowNumber) sheet.rows.push([]);
    sheet.rows[w.rowNumber - 1]![w.columnNumber - 1] = { value: w.value };
  }
  return { ...grid, sheets, state: plan.state };
}

const at = (plan: WritePlan) => plan.writes.map((w) => `${w.sheet}!${w.rowNumber}:${w.columnNumber}=${w.value}|${w.style}`);

describe('planWrites', () => {
  it('plans every product cell of a fresh workbook, headers of missing columns included', () => {
    const { grid, model, assessment } = fixture();
    const plan = planWrites(grid, model, assessment);
    expect(at(plan)).toEqual([
      'Mätetal!2:7=Positiv|Positiv',
      'Mätetal!2:8=Resor: Positiv|text',
      'Mätetal!3:7=Negativ|Negativ',
      'Mätetal!3:8=Energi: Negativ|text',
      'Indikatorer!1:3=Utveckling|header',
      'Indikatorer!1:4=Förklaring|header',
      'Indikatorer!2:3=Oförändrad|Oförändrad',
      'Indikatorer!2:4=Ind|text',
      'Målområden!2:3=Oförändrad|Oförändrad',
      'Målområden!2:4=Mål|text',
      'Handlingsplan!2:5=Försenad|Försenad',
    ]);
    expect(plan.workbookId).toBe('wb1');
    expect(plan.stateChanged).toBe(true);
    const resor = rowIdentity('Mätetal', ['Klimat', 'Utsläpp', 'Resor']);
    expect(resor).toBe('klimat|utsläpp|resor');
    expect(plan.state.written[stateKey('Mätetal', resor, 'Utveckling')]).toBe('Positiv');
    // the unassessable action row is owned too: its Läge is empty
    expect(plan.state.written[stateKey('Handlingsplan', 'klimat|solceller', 'Läge')]).toBe('');
    expect(Object.keys(plan.state.written)).toHaveLength(10);
    expect(plan.changes.map((c) => [c.sheet, c.subject, c.from, c.to])).toEqual([
      ['Mätetal', 'Resor', null, 'Positiv'],
      ['Mätetal', 'Energi', null, 'Negativ'],
      ['Indikatorer', 'Utsläpp', null, 'Oförändrad'],
      ['Målområden', 'Klimat', null, 'Oförändrad'],
      ['Handlingsplan', 'Elbilar', null, 'Försenad'],
    ]);
    expect(plan.changes.every((c) => c.workbookName === 'Arbetsbok' && c.workbookId === 'wb1')).toBe(true);
  });

  it('a recalculation that changes nothing plans nothing', () => {
    const { grid, model, assessment } = fixture();
    const after = apply(grid, planWrites(grid, model, assessment));
    // the adapter now reports the added columns as present
    const settled = { ...model, productColumns: model.productColumns.map((pc) => ({ ...pc, missing: [] })) };
    const again = planWrites(after, settled, assessment);
    expect(again.writes).toEqual([]);
    expect(again.stateChanged).toBe(false);
    expect(again.changes).toEqual([]);
  });

  it('writes only what changed and logs the status change', () => {
    const { grid, model, assessment } = fixture();
    const after = apply(grid, planWrites(grid, model, assessment));
    const next = fixture({ m1: 'Positiv', m2: 'Oförändrad', ind: 'Oförändrad', ga: 'Oförändrad' });
    const plan = planWrites(after, next.model, next.assessment);
    expect(at(plan)).toEqual(['Mätetal!3:7=Oförändrad|Oförändrad', 'Mätetal!3:8=Energi: Oförändrad|text']);
    expect(plan.stateChanged).toBe(true);
    expect(plan.changes).toEqual([
      { workbookId: 'wb1', workbookName: 'Arbetsbok', sheet: 'Mätetal', rowNumber: 3, subject: 'Energi', from: 'Negativ', to: 'Oförändrad', explanation: 'Energi: Oförändrad' },
    ]);
  });

  it('the previous status comes from the state, not from text a person typed over it', () => {
    const { grid, model, assessment } = fixture();
    const after = apply(grid, planWrites(grid, model, assessment));
    after.sheets[0]!.rows[1]![6] = { value: 'Bra jobbat' };
    const plan = planWrites(after, model, assessment);
    expect(at(plan)).toEqual(['Mätetal!2:7=Positiv|Positiv']);
    expect(plan.changes).toEqual([]);
    expect(plan.stateChanged).toBe(false);
  });

  it('a person who typed the new status over the old one gets the product\'s colour: the cell is written, the change logged', () => {
    const { grid, model, assessment } = fixture();
    const after = apply(grid, planWrites(grid, model, assessment));
    const next = fixture({ m1: 'Positiv', m2: 'Oförändrad', ind: 'Oförändrad', ga: 'Oförändrad' });
    // Energi showed Negativ; its new status is Oförändrad, and a person has already typed that word (no colour)
    after.sheets[0]!.rows[2]![6] = { value: 'Oförändrad' };
    const plan = planWrites(after, next.model, next.assessment);
    expect(at(plan)).toContain('Mätetal!3:7=Oförändrad|Oförändrad');
    expect(plan.changes.map((c) => [c.subject, c.from, c.to])).toEqual([['Energi', 'Negativ', 'Oförändrad']]);
  });

  it('without a state, the current cell text is the previous status', () => {
    const { grid, model, assessment } = fixture();
    const after = { ...apply(grid, planWrites(grid, model, assessment)), state: null };
    after.sheets[0]!.rows[2]![6] = { value: 'Positiv' };
    const plan = planWrites(after, model, assessment);
    expect(at(plan)).toEqual(['Mätetal!3:7=Negativ|Negativ']);
    expect(plan.changes.map((c) => [c.subject, c.from, c.to])).toEqual([['Energi', 'Positiv', 'Negativ']]);
    expect(plan.stateChanged).toBe(true);
  });

  // the plan once read cells by a rule of its own: TRUE as 'true' and a date as its serial, where the parser
  // (and its note on text typed into Utveckling) says SANT and the date
  it.each([
    { typed: { value: true } as CellInput, from: 'SANT' },
    { typed: { value: 45658, date: '2025-01-01' } as CellInput, from: '2025-01-01' },
  ])('without a state, Ändringslogg names what a person typed as the parser reads it ($from)', ({ typed, from }) => {
    const { grid, model, assessment } = fixture();
    const after = { ...apply(grid, planWrites(grid, model, assessment)), state: null };
    after.sheets[0]!.rows[2]![6] = typed;
    const plan = planWrites(after, model, assessment);
    expect(plan.changes.map((c) => [c.subject, c.from, c.to])).toEqual([['Energi', from, 'Negativ']]);
  });

  const comparisons: { name: string; cell: CellInput | null; target: string; writes: boolean }[] = [
    { name: 'same text', cell: { value: 'Positiv' }, target: 'Positiv', writes: false },
    { name: 'surrounding spaces', cell: { value: '  Positiv ' }, target: 'Positiv ', writes: false },
    { name: 'a number equal to the text', cell: { value: 5 }, target: '5', writes: false },
    { name: 'different case is a difference', cell: { value: 'positiv' }, target: 'Positiv', writes: true },
    { name: 'empty cell', cell: null, target: 'Positiv', writes: true },
    { name: 'an error value', cell: { value: null, error: '#REF!' }, target: 'Positiv', writes: true },
    { name: 'a no-break space reads as a space, as the parser reads it', cell: { value: '−5,0 %' }, target: '−5,0\u00a0%', writes: false },
  ];
  it.each(comparisons)('compares cell texts: $name', ({ cell, target, writes }) => {
    const m = metricRow({ rowNumber: 2 });
    const grid = workbookGrid([{ name: 'Mätetal', rows: [[{ value: 'Mätetal' }, { value: 'Förklaring' }], [{ value: 'Resor' }, cell]] }]);
    const model = workbookModel({ metrics: [m], productColumns: [{ sheet: 'Mätetal', columns: { Förklaring: 2 }, missing: [] }] });
    const plan = planWrites(grid, model, workbookAssessment({ metrics: [metricAssessment(m, { explanation: target })] }));
    expect(plan.writes.length).toBe(writes ? 1 : 0);
    expect(plan.state.written['Mätetal!klimat|utsläpp|resor!Förklaring']).toBe(target.trim());
  });

  it('a null state with nothing to remember is no change', () => {
    const grid = workbookGrid([sheetGrid('Mätetal', [['Mätetal', 'Utveckling']])]);
    const model = workbookModel({ productColumns: [{ sheet: 'Mätetal', columns: { Utveckling: 2 }, missing: [] }] });
    const plan = planWrites(grid, model, workbookAssessment());
    expect(plan).toEqual({ workbookId: 'wb1', writes: [], state: { written: {} }, stateChanged: false, changes: [] });
  });

  it('remembers cells that were already right when there is no state yet', () => {
    const m = metricRow({ rowNumber: 2 });
    const grid = workbookGrid([sheetGrid('Mätetal', [['Mätetal', 'Utveckling'], ['Resor', 'Positiv']])]);
    const model = workbookModel({ metrics: [m], productColumns: [{ sheet: 'Mätetal', columns: { Utveckling: 2 }, missing: [] }] });
    const plan = planWrites(grid, model, workbookAssessment({ metrics: [metricAssessment(m)] }));
    expect(plan.writes).toEqual([]);
    expect(plan.stateChanged).toBe(true);
    expect(plan.changes).toEqual([]);
  });

  it('a Läge that becomes empty is cleared and logged', () => {
    const a = actionRow({ rowNumber: 2, activity: 'Elbilar' });
    const grid = workbookGrid([sheetGrid('Handlingsplan', [['Aktivitet', 'Läge'], ['Elbilar', 'Försenad']])]);
    const model = workbookModel({ actions: [a], productColumns: [{ sheet: 'Handlingsplan', columns: { Läge: 2 }, missing: [] }] });
    const plan = planWrites(grid, model, workbookAssessment({ actions: [actionAssessment(a, null)] }));
    expect(at(plan)).toEqual(['Handlingsplan!2:2=|text']);
    expect(plan.changes.map((c) => [c.from, c.to])).toEqual([['Försenad', '']]);
  });

  it('refuses a product column whose header cell holds another header', () => {
    const m = metricRow({ rowNumber: 2 });
    const grid = workbookGrid([sheetGrid('Mätetal', [['Mätetal', 'Utfall 2025', 'Förklaring'], ['Resor', 7, '']])]);
    const model = workbookModel({
      metrics: [m],
      productColumns: [{ sheet: 'Mätetal', columns: { Utveckling: 2, Förklaring: 3 }, missing: ['Utveckling'] }],
    });
    const plan = planWrites(grid, model, workbookAssessment({ metrics: [metricAssessment(m)] }));
    expect(at(plan)).toEqual(['Mätetal!2:3=Förklaring|text']);
  });

  it('ignores assessments of other workbooks and rows the model does not have', () => {
    const m = metricRow({ rowNumber: 2 });
    const grid = workbookGrid([sheetGrid('Mätetal', [['Mätetal', 'Utveckling'], ['Resor']])]);
    const model = workbookModel({ metrics: [m], productColumns: [{ sheet: 'Mätetal', columns: { Utveckling: 2 }, missing: [] }] });
    const assessment = workbookAssessment({
      metrics: [metricAssessment({ ...m, workbookId: 'other' }), metricAssessment({ ...m, rowNumber: 9 })],
    });
    expect(planWrites(grid, model, assessment).writes).toEqual([]);
  });

  it('keeps duplicate rows apart in the state', () => {
    const m1 = metricRow({ rowNumber: 2 });
    const m2 = metricRow({ rowNumber: 3 });
    const grid = workbookGrid([sheetGrid('Mätetal', [['Mätetal', 'Utveckling'], ['Resor'], ['Resor']])]);
    const model = workbookModel({ metrics: [m1, m2], productColumns: [{ sheet: 'Mätetal', columns: { Utveckling: 2 }, missing: [] }] });
    const plan = planWrites(grid, model, workbookAssessment({ metrics: [metricAssessment(m1), metricAssessment(m2, { status: 'Fel' })] }));
    expect(plan.state.written).toEqual({
      'Mätetal!klimat|utsläpp|resor!Utveckling': 'Positiv',
      'Mätetal!klimat|utsläpp|resor|#3!Utveckling': 'Fel',
    });
  });

  it('uses the sheet name as the workbook spells it, and the template name in the state', () => {
    const m = metricRow({ rowNumber: 2 });
    const grid = workbookGrid([sheetGrid(' MÄTETAL', [['Mätetal', 'UTVECKLING'], ['Resor']])]);
    const model = workbookModel({ metrics: [m], productColumns: [{ sheet: ' MÄTETAL', columns: { utveckling: 2 }, missing: [] }] });
    const plan = planWrites(grid, model, workbookAssessment({ metrics: [metricAssessment(m)] }));
    expect(at(plan)).toEqual([' MÄTETAL!2:2=Positiv|Positiv']);
    expect(Object.keys(plan.state.written)).toEqual(['Mätetal!klimat|utsläpp|resor!Utveckling']);
  });

  it('property: never plans a cell outside the product columns of its sheet', () => {
    const sheetNames = Object.keys(PRODUCT_COLUMNS);
    const inputHeaders = ['Målområde', 'Indikator', 'Mätetal', 'Aktivitet', 'Utfall 2025', 'Motivering', 'Egen', ''];
    const cellValue = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 6 }).map((value): CellInput => ({ value })),
      fc.integer().map((value): CellInput => ({ value })),
      fc.constantFrom<CellInput>({ value: 'Positiv' }, { value: 'Negativ' }, { value: 'Klar' }),
    );
    const sheetArb = fc.record({
      name: fc.constantFrom(...sheetNames),
      width: fc.integer({ min: 1, max: 8 }),
      headers: fc.array(fc.constantFrom(...inputHeaders, 'Utveckling', 'Förklaring', 'Läge'), { minLength: 8, maxLength: 8 }),
      body: fc.array(fc.array(cellValue, { maxLength: 9 }), { maxLength: 6 }),
      // the model's idea of where its columns are: sometimes right, sometimes pointing at input
      mapping: fc.dictionary(fc.constantFrom('Utveckling', 'Förklaring', 'Läge', 'Målområde'), fc.integer({ min: -1, max: 10 })),
      missing: fc.subarray(['Utveckling', 'Förklaring', 'Läge']),
    });
    const statusArb = fc.constantFrom<Status>('Positiv', 'Oförändrad', 'Negativ', 'Inget värde', 'Fel');

    fc.assert(
      fc.property(fc.uniqueArray(sheetArb, { selector: (s) => s.name, maxLength: 4 }), fc.array(statusArb, { minLength: 6, maxLength: 6 }), (sheets, statuses) => {
        const grid = workbookGrid(
          sheets.map((s) => ({
            name: s.name,
            rows: [s.headers.slice(0, s.width).map((h): CellInput | null => (h ? { value: h } : null)), ...s.body],
          })),
          { state: { written: { 'Mätetal!x!Utveckling': 'Negativ' } } },
        );
        const rows = [2, 3, 4, 5, 6, 1];
        const metrics = rows.map((r) => metricRow({ rowNumber: r, name: `M${r}` }));
        const actions = rows.map((r) => actionRow({ rowNumber: r, activity: `A${r}` }));
        const indicators = rows.map((r) => indicatorRow({ rowNumber: r, name: `I${r}` }));
        const goalAreas = rows.map((r) => goalAreaRow({ rowNumber: r, name: `G${r}` }));
        const model = workbookModel({
          metrics,
          actions,
          indicators,
          goalAreas,
          productColumns: sheets.map((s) => ({ sheet: s.name, columns: s.mapping, missing: s.missing })),
        });
        const assessment = workbookAssessment({
          metrics: metrics.map((m, i) => metricAssessment(m, { status: statuses[i]! })),
          indicators: indicators.map((x, i) => aggregateAssessment(x, 'indikator', { status: statuses[i]! })),
          goalAreas: goalAreas.map((x, i) => aggregateAssessment(x, 'målområde', { status: statuses[i]! })),
          actions: actions.map((a, i) => actionAssessment(a, i % 2 ? 'Klar' : null)),
        });
        const plan = planWrites(grid, model, assessment);
        for (const w of plan.writes) {
          const own = PRODUCT_COLUMNS[w.sheet] ?? [];
          const spec = sheets.find((s) => s.name === w.sheet)!;
          const ownColumns = Object.entries(spec.mapping)
            .filter(([h]) => own.includes(h))
            .map(([, c]) => c);
          expect(ownColumns).toContain(w.columnNumber);
          const header = spec.width >= w.columnNumber ? spec.headers[w.columnNumber - 1] ?? '' : '';
          // an existing header in that column must be the product's own
          if (header !== '') expect(own).toContain(header);
          if (w.rowNumber === 1) expect(w.style).toBe('header');
          else expect(w.rowNumber).toBeGreaterThan(1);
        }
        // applying the plan and planning again writes nothing
        const again = planWrites(apply(grid, plan), model, assessment);
        expect(again.writes).toEqual([]);
        expect(again.stateChanged).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
