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
