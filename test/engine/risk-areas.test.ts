/**
 * Sheet `Riskområden` (issue 15): risk levels as people type them, a blank Risknivå taking the highest criterion,
 * row errors for what cannot be read (an unknown level or grade, no level at all, no Kategori 1), and the
 * register across a set: ordered by level, counted per level, and the high areas without an Åtgärd.
 */
import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../shared/engine/parse/workbook.ts';
import { highest } from '../../shared/engine/parse/risk-areas.ts';
import { riskRegister } from '../../shared/engine/assess/risk-areas.ts';
import type { RiskLevel, WorkbookModel } from '../../shared/engine/model/model.ts';
import { sheet, standardWorkbook, type Plain } from './grid-builder.ts';

const HEAD = ['Kategori 1', 'Kategori 2', 'Risknivå', 'Miljöpåverkan', 'Mänskliga rättigheter', 'Åtgärd', 'Ansvarig', 'Status'];

function parsed(rows: Plain[][], id = 'wb.xlsx'): WorkbookModel {
  const grid = standardWorkbook([['Målområde', 'Indikator', 'Mätetal', 'Riktning']], [sheet('Riskområden', [HEAD, ...rows])]);
  return parseWorkbook({ ...grid, id, name: id.replace(/\.xlsx$/, '') });
}

describe('a risk area row', () => {
  const cases: [string, Plain[], RiskLevel][] = [
    ['Risknivå as typed', ['Livsmedel', 'Kött', 'Hög', null, null, 'Krav', null, 'Pågår'], 'Hög'],
    ['any case, the -t form', ['IT', null, 'potentiellt HÖG', null, null, null, null, null], 'Potentiell hög'],
    ['blank: the highest criterion', ['Textil', null, null, 'Medel', 'Potentiell hög', null, null, null], 'Potentiell hög'],
    ['a typed level wins over the criteria', ['Bygg', null, 'Låg', 'Hög', null, null, null, null], 'Låg'],
  ];
  it.each(cases)('%s', (_name, row, level) => {
    const model = parsed([row]);
    expect(model.issues).toEqual([]);
    expect(model.risks?.[0]?.level).toBe(level);
  });

  it('keeps the categories, criteria, action, owner and status', () => {
    const [area] = parsed([['Medicinteknik', 'Handskar', null, 'Medel', 'Hög', 'Uppförandekod', 'Upphandling', 'klar']]).risks!;
    expect(area).toEqual({
      workbookId: 'wb.xlsx',
      rowNumber: 2,
      categories: ['Medicinteknik', 'Handskar'],
      level: 'Hög',
      criteria: [
        { criterion: 'Miljöpåverkan', level: 'Medel' },
        { criterion: 'Mänskliga rättigheter', level: 'Hög' },
      ],
      action: 'Uppförandekod',
      owner: 'Upphandling',
      status: 'Klar',
    });
  });

  const errors: [string, Plain[], string][] = [
    ['an unknown risk level', ['Livsmedel', null, 'Mycket hög', null, null, null, null, null], "Risknivå 'Mycket hög' känns inte igen – använd 'Hög', 'Potentiell hög', 'Medel', 'Låg' – raden räknas inte"],
    ['an unknown grade', ['Livsmedel', null, 'Hög', 'Stor', null, null, null, null], "Miljöpåverkan 'Stor' känns inte igen – använd 'Hög', 'Potentiell hög', 'Medel', 'Låg' – raden räknas inte"],
    ['no level at all', ['Livsmedel', null, null, null, null, 'Krav', null, null], "Risknivå saknas – använd 'Hög', 'Potentiell hög', 'Medel', 'Låg' eller gradera kriterierna – raden räknas inte"],
    ['no Kategori 1', [null, 'Kött', 'Hög', null, null, null, null, null], 'Kategori 1 saknas – skriv riskområdet, t.ex. Livsmedel – raden räknas inte'],
    ['an unknown Status', ['Livsmedel', null, 'Hög', null, null, 'Krav', null, 'Snart'], "Status 'Snart' känns inte igen – använd 'Ej påbörjad', 'Pågår', 'Klar' – raden räknas inte"],
  ];
  it.each(errors)('%s is an error on that row, which is left out', (_name, row, message) => {
    const model = parsed([['Ok', null, 'Låg', null, null, null, null, null], row]);
    expect(model.risks?.map((r) => r.rowNumber)).toEqual([2]);
    expect(model.issues.map((i) => [i.kind, i.sheet, i.rowNumber, i.message])).toEqual([['error', 'Riskområden', 3, message]]);
  });

  it('skips blank rows and is optional', () => {
    expect(parsed([[null, null, null, null, null, null, 'Någon', null]]).risks).toEqual([]);
    expect(parseWorkbook(standardWorkbook([['Målområde', 'Indikator', 'Mätetal', 'Riktning']]))).not.toHaveProperty('risks');
  });

  it.each<[RiskLevel[], RiskLevel | null]>([
    [[], null],
    [['Låg', 'Medel'], 'Medel'],
    [['Potentiell hög', 'Hög', 'Låg'], 'Hög'],
  ])('the highest of %j is %j', (levels, expected) => {
    expect(highest(levels)).toBe(expected);
  });
});

describe('the register of a set', () => {
  it('orders by level (set order within a level), counts per level and lists high areas without an Åtgärd', () => {
    const a = parsed(
      [
        ['Kontor', null, 'Låg', null, null, null, null, null],
        ['Livsmedel', 'Kött', null, 'Hög', null, null, null, null],
        ['IT', null, 'Potentiell hög', null, null, 'Electronics Watch', null, 'Klar'],
      ],
      'a.xlsx',
    );
    const b = parsed(
      [
        ['Textil', null, 'Potentiell hög', null, null, null, null, null],
        ['Läkemedel', null, 'Hög', null, null, 'Miljökrav', null, 'Pågår'],
        ['Bygg', null, 'Medel', null, null, null, null, null],
      ],
      'b.xlsx',
    );
    const register = riskRegister([a, b])!;
    expect(register.areas.map((r) => r.categories[0])).toEqual(['Livsmedel', 'Läkemedel', 'IT', 'Textil', 'Bygg', 'Kontor']);
    expect(register.counts).toEqual({ Hög: 2, 'Potentiell hög': 2, Medel: 1, Låg: 1 });
    expect(register.withoutAction.map((r) => [r.categories.join(' – '), r.level])).toEqual([
      ['Livsmedel – Kött', 'Hög'],
      ['Textil', 'Potentiell hög'],
    ]);
  });

  it('is null when no workbook has a risk area', () => {
    expect(riskRegister([parseWorkbook(standardWorkbook([['Målområde', 'Indikator', 'Mätetal', 'Riktning']]))])).toBeNull();
  });
});
