import { describe, expect, it } from 'vitest';
import { recalculate } from '../../shared/engine/recalculate.ts';
import type { WorkbookGrid } from '../../shared/engine/model/grid.ts';
import { GOAL, INDICATOR, sheet, standardWorkbook } from './grid-builder.ts';

const HEAD = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2024', 'Utfall 2025'];

/** A workbook whose Organisation and goal statement both say which workbook it is. */
function named(id: string, name: string, which: string): WorkbookGrid {
  const grid = standardWorkbook([HEAD, [GOAL, INDICATOR, `Resor ${which}`, 'ton', 'Minska', 100, 90]], [
    sheet('Inställningar', [['Inställning', 'Värde'], ['Organisation', `Region ${which}`], ['Redovisningsår', 2025]]),
  ]);
  grid.sheets[0]!.rows[1]![1] = { value: `Mål ${which}` };
  return { ...grid, id, name };
}

describe('the set has one order of workbooks', () => {
  // Klimat.xlsx and Klimat.xlsm (or two Google spreadsheets with one title) share a name: settings once went
  // by id and definitions by the order the files were handed in, so each could come from another workbook
  it.each([
    ['xlsx first', ['Klimat.xlsx', 'Klimat.xlsm']],
    ['xlsm first', ['Klimat.xlsm', 'Klimat.xlsx']],
  ])('two workbooks of the same name (%s): settings and definitions come from the same one', (_label, ids) => {
    const grids = ids.map((id) => named(id, 'Klimat', id.endsWith('xlsm') ? 'M' : 'X'));
    const result = recalculate(grids, { today: '2026-03-02', changedAt: '2026-03-02T08:00:00Z' });
    expect(result.settings.organisation).toBe('Region M');
    expect(result.set.goalAreas.find((g) => g.name === GOAL)?.goal).toBe('Mål M');
    expect(result.set.metrics.map((m) => m.workbookId)).toEqual(['Klimat.xlsm', 'Klimat.xlsx']);
    expect(result.plans.map((p) => p.workbookId)).toEqual(['Klimat.xlsm', 'Klimat.xlsx']);
  });
});

describe("Tolerans is each workbook's own default (domain.md §3 'A set of workbooks')", () => {
  /** A workbook with one metric that rose 1 % (100 → 101, Öka) and the Tolerans it sets, if any. */
  function withTolerance(id: string, tolerance: string | null): WorkbookGrid {
    const settings: (string | number)[][] = [['Inställning', 'Värde'], ['Redovisningsår', 2025]];
    if (tolerance !== null) settings.push(['Tolerans', tolerance]);
    const grid = standardWorkbook([HEAD, [GOAL, INDICATOR, `Resor ${id}`, 'st', 'Öka', 100, 101]], [sheet('Inställningar', settings)]);
    return { ...grid, id: `${id}.xlsx`, name: id };
  }

  // once the first workbook's Tolerans (by name) applied to every workbook: B's 0,5 % became A's 2 %
  it.each([
    { name: 'A 2 %, B 0,5 %', a: '2 %', b: '0,5 %', want: { A: 'Oförändrad', B: 'Positiv' } },
    { name: 'A 2 %, B none (the default 0,5 %)', a: '2 %', b: null, want: { A: 'Oförändrad', B: 'Positiv' } },
    { name: 'A none, B 2 %', a: null, b: '2', want: { A: 'Positiv', B: 'Oförändrad' } },
    { name: 'both 1 %', a: '1 %', b: '1 %', want: { A: 'Oförändrad', B: 'Oförändrad' } },
  ])('$name', ({ a, b, want }) => {
    const result = recalculate([withTolerance('B', b), withTolerance('A', a)], { today: '2026-03-02', changedAt: '2026-03-02T08:00:00Z' });
    const statuses = (list: { workbookId: string; status: string }[]) => Object.fromEntries(list.map((m) => [m.workbookId.replace('.xlsx', ''), m.status]));
    expect(statuses(result.set.metrics)).toEqual(want);
    expect(statuses(result.assessments.flatMap((x) => x.metrics))).toEqual(want);
    expect(result.set.issues.filter((i) => i.kind === 'conflict')).toEqual([]);
  });
});
