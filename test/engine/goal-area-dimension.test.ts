/**
 * `Dimension` on Målområden (issue 15): the three dimensions as written (Ekologisk is Miljömässig), an unknown
 * word only a note (the goal area is still assessed, just not grouped), and two workbooks disagreeing a conflict.
 */
import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../shared/engine/parse/workbook.ts';
import { recalculate } from '../../shared/engine/recalculate.ts';
import type { Dimension } from '../../shared/engine/model/model.ts';
import { sheet, workbook, type Plain } from './grid-builder.ts';

function areas(rows: Plain[][], id = 'wb.xlsx') {
  return workbook(
    [
      sheet('Målområden', [['Målområde', 'Hållbarhetsmål', 'Dimension'], ...rows]),
      sheet('Indikatorer', [['Målområde', 'Indikator']]),
      sheet('Mätetal', [['Målområde', 'Indikator', 'Mätetal', 'Riktning']]),
    ],
    null,
    id,
  );
}

describe('Dimension', () => {
  it.each<[Plain, Dimension | undefined]>([
    ['Miljömässig', 'Miljömässig'],
    ['ekologisk', 'Miljömässig'],
    ['Ekologisk hållbarhet', 'Miljömässig'],
    [' SOCIAL ', 'Social'],
    ['Ekonomisk', 'Ekonomisk'],
    [null, undefined],
  ])('%j is read as %j', (typed, dimension) => {
    const model = parseWorkbook(areas([['Klimat', 'Mål', typed]]));
    expect(model.goalAreas[0]?.dimension).toBe(dimension);
    expect(model.issues).toEqual([]);
  });

  it('an unknown word is a note; the goal area is kept, without errors', () => {
    const model = parseWorkbook(areas([['Klimat', 'Mål', 'Kulturell']]));
    expect(model.goalAreas[0]).toMatchObject({ name: 'Klimat', errors: [] });
    expect(model.goalAreas[0]).not.toHaveProperty('dimension');
    expect(model.issues).toEqual([
      expect.objectContaining({
        kind: 'note',
        sheet: 'Målområden',
        rowNumber: 2,
        message: "Dimension 'Kulturell' känns inte igen – använd 'Miljömässig', 'Social', 'Ekonomisk', 'Ekologisk'; målområdet grupperas inte",
      }),
    ]);
  });

  it('two workbooks giving one goal area different dimensions is a conflict; the first wins', () => {
    const result = recalculate([areas([['Klimat', 'Mål', 'Miljömässig']], 'a.xlsx'), areas([['Klimat', 'Mål', 'Social']], 'b.xlsx')], {
      today: '2026-03-01',
      changedAt: '2026-03-01T00:00:00Z',
    });
    expect(result.set.goalAreas[0]?.dimension).toBe('Miljömässig');
    expect(result.set.issues).toContainEqual(expect.objectContaining({ kind: 'conflict', workbookName: 'b', message: 'Målområdet Klimat beskrivs olika i a och b (Dimension); uppgifterna i a används' }));
  });
});
