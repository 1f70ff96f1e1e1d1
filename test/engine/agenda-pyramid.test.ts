/**
 * Sheet `Agendapyramid` (issue 15): how a goal is read, the row errors (goal 18, an unknown goal or rank, a goal
 * ranked twice by one Nivå), the pyramids per Nivå with their unranked goals and Mandatperiod, and each
 * division's riktningsförändringar against the politics, largest gap first.
 */
import { describe, expect, it } from 'vitest';
import { parseAgendaPyramid, parseGoal } from '../../shared/engine/parse/agenda-pyramid.ts';
import { parseWorkbook } from '../../shared/engine/parse/workbook.ts';
import { assessPyramids, directionShifts } from '../../shared/engine/assess/agenda-pyramid.ts';
import type { Issue, WorkbookModel } from '../../shared/engine/model/model.ts';
import type { Pyramid } from '../../shared/engine/model/shapes.ts';
import { sheet, standardWorkbook, workbook, type Plain } from './grid-builder.ts';

const HEAD = ['Nivå', 'Mål', 'Rang', 'Mandatperiod'];

function parsed(rows: Plain[][], id = 'wb.xlsx'): { model: WorkbookModel; issues: Issue[] } {
  const grid = standardWorkbook([['Målområde', 'Indikator', 'Mätetal', 'Riktning']], [sheet('Agendapyramid', [HEAD, ...rows])]);
  const model = parseWorkbook({ ...grid, id, name: id.replace(/\.xlsx$/, '') });
  return { model, issues: model.issues };
}

describe('a goal as typed', () => {
  it.each<[Plain, number | string]>([
    [3, 3],
    ['3', 3],
    ['Mål 3', 3],
    ['mål 13: Bekämpa klimatförändringarna', 13],
    ['13 Bekämpa klimatförändringarna', 13],
    ['7.', 7],
    ['Hälsa och välbefinnande', 3],
    ['  jämställdhet ', 5],
    [18, "Mål '18' finns inte – Agenda 2030 har 17 mål, numrerade 1–17"],
    [0, "Mål '0' finns inte – Agenda 2030 har 17 mål, numrerade 1–17"],
    ['3,5', "Mål '3,5' finns inte – Agenda 2030 har 17 mål, numrerade 1–17"],
    ['Jämstäldhet', "Mål 'Jämstäldhet' känns inte igen – menade du 'Jämställdhet'?"],
    ['Fred', "Mål 'Fred' känns inte igen – skriv målets nummer (1–17) eller dess namn"],
  ])('%j → %j', (typed, expected) => {
    const r = parseGoal(typeof typed === 'object' ? (typed as never) : { value: typed as string | number });
    expect(r.kind === 'goal' ? r.goal : r.message).toBe(expected);
  });
});

describe('the sheet', () => {
  it('reads usable rows and makes every unusable one an error on its row, left out', () => {
    const { model, issues } = parsed([
      ['Politisk', 3, 'Central', '2023–2026'],
      ['Politisk', 'Mål 13', 'central', null],
      [null, null, null, null],
      ['Politisk', 18, 'Central', null],
      ['Politisk', 5, 'Viktig', null],
      [null, 7, 'Generell', null],
      ['Division Vård', null, 'Generell', null],
      ['Division Vård', 'Fred', null, null],
    ]);
    expect(model.pyramid?.map((r) => [r.rowNumber, r.level, r.goal, r.rank, r.term])).toEqual([
      [2, 'Politisk', 3, 'Central', '2023–2026'],
      [3, 'Politisk', 13, 'Central', null],
    ]);
    expect(issues.map((i) => [i.kind, i.sheet, i.rowNumber, i.message])).toEqual([
      ['error', 'Agendapyramid', 5, "Mål '18' finns inte – Agenda 2030 har 17 mål, numrerade 1–17 – raden räknas inte"],
      ['error', 'Agendapyramid', 6, "Rang 'Viktig' känns inte igen – använd 'Central', 'Betydande', 'Generell' – raden räknas inte"],
      ['error', 'Agendapyramid', 7, "Nivå saknas – skriv 'Politisk' eller avdelningens namn – raden räknas inte"],
      ['error', 'Agendapyramid', 8, 'Mål saknas – raden räknas inte'],
      [
        'error',
        'Agendapyramid',
        9,
        "Mål 'Fred' känns inte igen – skriv målets nummer (1–17) eller dess namn; Rang saknas – använd 'Central', 'Betydande' eller 'Generell' – raden räknas inte",
      ],
    ]);
  });

  it('is optional: a workbook without it has no pyramid field and no issue', () => {
    const model = parseWorkbook(standardWorkbook([['Målområde', 'Indikator', 'Mätetal', 'Riktning']]));
    expect(model).not.toHaveProperty('pyramid');
    expect(model.issues).toEqual([]);
  });

  it('names a missing required header', () => {
    const ctx = { workbookId: 'wb', workbookName: 'wb', issues: [] as Issue[] };
    expect(parseAgendaPyramid(sheet('Agendapyramid', [['Nivå', 'Mål']]), ctx)).toEqual([]);
    expect(ctx.issues.map((i) => i.message)).toEqual(["Kolumnen 'Rang' saknas i bladet Agendapyramid – bladet läses inte och inget skrivs i det"]);
  });
});

const tiers = (p: Pyramid | undefined) => Object.fromEntries((p?.tiers ?? []).map((t) => [t.rank, t.goals]));

describe('the pyramids of a set', () => {
  const politics: Plain[][] = [
    ['Politisk', 3, 'Central', '2023–2026'],
    ['Politisk', 13, 'Central', '2023–2026'],
    ['Politisk', 10, 'Central', '2023–2026'],
    ['Politisk', 7, 'Betydande', '2023–2026'],
    ['Politisk', 12, 'Betydande', '2023–2026'],
    ['Politisk', 4, 'Generell', '2023–2026'],
  ];
  const division: Plain[][] = [
    ['Division Vård', 3, 'Central', null],
    ['Division Vård', 12, 'Central', null],
    ['Division Vård', 10, 'Betydande', null],
    ['Division Vård', 13, 'Generell', null],
    ['Division Vård', 7, 'Generell', null],
    ['Division Vård', 4, 'Generell', null],
    ['Division Vård', 15, 'Generell', null],
  ];

  it('gives each Nivå its tiers and unranked goals, the politics first', () => {
    const set = assessPyramids([parsed(division, 'a.xlsx').model, parsed(politics, 'b.xlsx').model]).set!;
    expect(set.pyramids.map((p) => [p.level, p.political, p.term])).toEqual([
      ['Politisk', true, '2023–2026'],
      ['Division Vård', false, null],
    ]);
    expect(tiers(set.pyramids[0])).toEqual({ Central: [3, 10, 13], Betydande: [7, 12], Generell: [4] });
    expect(set.pyramids[1]?.unranked).toEqual([1, 2, 5, 6, 8, 9, 11, 14, 16, 17]);
  });

  it('lists the riktningsförändringar: raise before lower, largest gap first, then by goal', () => {
    const set = assessPyramids([parsed([...politics, ...division]).model]).set!;
    expect(set.shifts).toEqual([
      {
        division: 'Division Vård',
        shifts: [
          { goal: 13, political: 'Central', division: 'Generell', steps: 2 },
          { goal: 7, political: 'Betydande', division: 'Generell', steps: 1 },
          { goal: 10, political: 'Central', division: 'Betydande', steps: 1 },
          { goal: 12, political: 'Betydande', division: 'Central', steps: -1 },
        ],
      },
    ]);
  });

  it('compares only goals both rank', () => {
    const p: Pyramid = { level: 'P', political: true, term: null, tiers: [{ rank: 'Central', goals: [1] }, { rank: 'Betydande', goals: [] }, { rank: 'Generell', goals: [2] }], unranked: [] };
    const d: Pyramid = { level: 'D', political: false, term: null, tiers: [{ rank: 'Central', goals: [2] }, { rank: 'Betydande', goals: [] }, { rank: 'Generell', goals: [] }], unranked: [] };
    expect(directionShifts(p, d)).toEqual([{ goal: 2, political: 'Generell', division: 'Central', steps: -2 }]);
  });

  it('makes a goal ranked twice by one Nivå an error on the later row, in the same or another workbook', () => {
    const first = parsed([['Politisk', 3, 'Central', null], ['politisk', 'Mål 3', 'Generell', null]], 'a.xlsx').model;
    const second = parsed([['Politisk', 'Hälsa och välbefinnande', 'Betydande', null], ['Politisk', 5, 'Betydande', null]], 'b.xlsx').model;
    const { set, issues } = assessPyramids([first, second]);
    expect(tiers(set!.pyramids[0])).toEqual({ Central: [3], Betydande: [5], Generell: [] });
    expect(issues.map((i) => [i.kind, i.workbookName, i.rowNumber, i.message])).toEqual([
      ['error', 'a', 3, "Mål 3 är redan rangordnat för Nivå 'Politisk' (rad 2) – raden räknas inte"],
      ['error', 'b', 2, "Mål 3 är redan rangordnat för Nivå 'Politisk' (rad 2 i a) – raden räknas inte"],
    ]);
  });

  it('shows the latest Mandatperiod of a Nivå and notes the older one', () => {
    const { set, issues } = assessPyramids([
      parsed([
        ['Politisk', 3, 'Central', '2019–2022'],
        ['Politisk', 3, 'Betydande', '2023–2026'],
        ['Politisk', 13, 'Central', null],
      ]).model,
    ]);
    expect(set!.pyramids[0]?.term).toBe('2023–2026');
    expect(tiers(set!.pyramids[0])).toEqual({ Central: [13], Betydande: [3], Generell: [] });
    expect(issues).toEqual([
      expect.objectContaining({ kind: 'note', rowNumber: 2, message: "Nivå 'Politisk' har rader för flera mandatperioder; bara den senaste (2023–2026) visas i agendapyramiden" }),
    ]);
  });

  it('has no riktningsförändringar without a political pyramid, and nothing at all without rows', () => {
    const { set } = assessPyramids([parsed(division).model]);
    expect([set?.hasPolitical, set?.shifts]).toEqual([false, []]);
    const empty = parseWorkbook(workbook([sheet('Mätetal', [['Målområde', 'Indikator', 'Mätetal', 'Riktning']])]));
    expect(assessPyramids([empty])).toEqual({ set: null, issues: [] });
  });
});
