/**
 * The year-after-year parts of the engine (domain.md §7), table-driven: where `new-year` puts a workbook's next
 * `Utfall` column, the Kolada merge of a whole workbook with its state record and what a later recalculation
 * reads back from it (Förklaring, data quality), the `Fastställd ÅÅÅÅ` and `Kolada-id` settings, and which
 * approved year is archived.
 */
import { describe, expect, it } from 'vitest';
import { latestOutcomeYear, planNewYear } from '../../shared/engine/new-year.ts';
import { koladaQuery, planKolada } from '../../shared/engine/kolada-plan.ts';
import { parseWorkbook } from '../../shared/engine/parse/workbook.ts';
import { resolveSetSettings } from '../../shared/engine/assess/set-settings.ts';
import { planApprovals } from '../../shared/engine/assess/approved.ts';
import { recalculate } from '../../shared/engine/recalculate.ts';
import type { ProductState, WorkbookGrid } from '../../shared/engine/model/grid.ts';
import { GOAL, INDICATOR, pct, sheet, standardWorkbook, workbook, type Plain } from './grid-builder.ts';
import { setSettings } from './model-factories.ts';

const HEAD = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2024', 'Utfall 2025', 'Kolada-KPI', 'Utveckling', 'Förklaring'];
const row = (name: string, unit: string, o2024: Plain, o2025: Plain, kpi: Plain = null): Plain[] => [GOAL, INDICATOR, name, unit, 'Öka', o2024, o2025, kpi];

describe('new-year: where the next Utfall column goes', () => {
  const cases: { name: string; rows: Plain[][]; mode: 'first-empty-column' | 'insert-after-last-outcome'; year: number; expected: string }[] = [
    {
      name: 'locally: the first column right of the headers',
      rows: [HEAD, row('A', 'st', 1, 2)],
      mode: 'first-empty-column',
      year: 2026,
      expected: 'add K1 copy G1',
    },
    {
      name: 'locally: a column with notes in some row is passed over',
      rows: [HEAD, [...row('A', 'st', 1, 2), null, null, 'anteckning']],
      mode: 'first-empty-column',
      year: 2026,
      expected: 'add L1 copy G1',
    },
    {
      name: 'locally: headers below a title line',
      rows: [['Mätetal 2025 (miljöenheten)'], HEAD, row('A', 'st', 1, 2)],
      mode: 'first-empty-column',
      year: 2026,
      expected: 'add K2 copy G2',
    },
    { name: 'Google: inserted right after the last Utfall', rows: [HEAD, row('A', 'st', 1, 2)], mode: 'insert-after-last-outcome', year: 2026, expected: 'insert H1' },
    { name: 'the year is there already', rows: [HEAD, row('A', 'st', 1, 2)], mode: 'first-empty-column', year: 2025, expected: 'exists G' },
    { name: 'no header row', rows: [['Något annat'], ['x']], mode: 'first-empty-column', year: 2026, expected: 'not-added' },
  ];
  it.each(cases)('$name', ({ rows, mode, year, expected }) => {
    const placement = planNewYear(standardWorkbook(rows), year, mode);
    const letter = (c: number) => String.fromCharCode(64 + c);
    const got =
      placement.kind === 'exists'
        ? `exists ${letter(placement.column)}`
        : placement.kind === 'not-added'
          ? 'not-added'
          : placement.inserted
            ? `insert ${letter(placement.column)}${placement.headerRow}`
            : `add ${letter(placement.column)}${placement.headerRow}${placement.plan.writes[0]!.lookFrom ? ` copy ${letter(placement.plan.writes[0]!.lookFrom.columnNumber)}${placement.plan.writes[0]!.lookFrom.rowNumber}` : ''}`;
    expect(got).toBe(expected);
    if (placement.kind === 'add') {
      expect(placement.plan.writes).toHaveLength(1);
      expect(placement.plan.writes[0]!.value).toEqual({ text: `Utfall ${year}` });
      expect(placement.plan.state).toBeNull();
      expect(placement.plan.recalcOnOpen).toBe(false);
    }
  });

  it('takes the latest year in which any metric has an outcome (a qualitative text counts)', () => {
    const models = [
      parseWorkbook(standardWorkbook([HEAD, row('A', 'st', 1, null)])),
      parseWorkbook(standardWorkbook([[...HEAD.slice(0, 5), 'Utfall 2026'], [GOAL, INDICATOR, 'K', null, 'Kvalitativ', 'Rutin beslutad']], [], null)),
    ];
    expect(latestOutcomeYear(models)).toBe(2026);
    expect(latestOutcomeYear([parseWorkbook(standardWorkbook([HEAD, row('A', 'st', null, null)]))])).toBeNull();
  });
});

describe('Kolada: one workbook merged, remembered and read back', () => {
  const FETCHED_ON = '2026-03-02';
  const settings = sheet('Inställningar', [['Inställning', 'Värde'], ['Kolada-id', 19]]);
  const grid = (rows: Plain[][], state: ProductState | null = null): WorkbookGrid => standardWorkbook([HEAD, ...rows], [settings], state);
  const apply = (g: WorkbookGrid, plan: ReturnType<typeof planKolada>['plan']): WorkbookGrid => {
    if (!plan) return g;
    const sheets = g.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
    for (const w of plan.writes) {
      const target = sheets.find((s) => s.name === w.sheet)!;
      const value = 'number' in w.value ? { value: w.value.number, ...(w.value.percent ? { percent: true } : {}) } : { value: w.value.text };
      target.rows[w.rowNumber - 1]![w.columnNumber - 1] = value;
    }
    return { ...g, sheets, state: plan.state ?? g.state };
  };

  it('asks for the set’s key figures, years and Kolada-id (a typed 19 is 0019)', () => {
    const model = parseWorkbook(grid([row('A', '%', null, null, 'n00945'), row('B', 'st', 1, 2, 'N00946'), row('C', 'st', 1, 2)]));
    expect(koladaQuery([model], resolveSetSettings([model]))).toEqual({ municipality: '0019', kpis: ['N00945', 'N00946'], years: [2024, 2025], rows: 2 });
  });

  const cases: { name: string; cells: [Plain, Plain]; unit: string; fetched: Record<number, number>; writes: string[]; decisions: string[] }[] = [
    { name: 'empty cells filled', cells: [null, null], unit: 'st', fetched: { 2024: 12, 2025: 14 }, writes: ['F2=12', 'G2=14'], decisions: ['2024 write', '2025 write'] },
    { name: 'a percent metric stores 30,8 as 0,308 with a percent format', cells: [pct(0.3), null], unit: '%', fetched: { 2024: 30, 2025: 30.8 }, writes: ['G2=0.308%'], decisions: ['2024 leave', '2025 write'] },
    { name: 'a typed value that differs is never overwritten', cells: [11, null], unit: 'st', fetched: { 2024: 12, 2025: 14 }, writes: ['G2=14'], decisions: ['2024 conflict', '2025 write'] },
    { name: 'a year Kolada lacks stays empty; a year without a column is not created', cells: [null, null], unit: 'st', fetched: { 2023: 9, 2025: 14 }, writes: ['G2=14'], decisions: ['2023 no-column', '2025 write'] },
  ];
  it.each(cases)('$name', ({ cells, unit, fetched, writes, decisions }) => {
    const g = grid([row('A', unit, cells[0], cells[1], 'N00945')]);
    const result = planKolada(g, parseWorkbook(g), { N00945: fetched }, FETCHED_ON);
    expect(result.rows[0]!.decisions.map((d) => `${d.year} ${d.action}`)).toEqual(decisions);
    const got = (result.plan?.writes ?? []).map((w) => `${String.fromCharCode(64 + w.columnNumber)}${w.rowNumber}=${'number' in w.value ? `${w.value.number}${w.value.percent ? '%' : ''}` : w.value.text}`);
    expect(got).toEqual(writes);
  });

  it('names the source in Förklaring, lists a differing typed value, and writes nothing the second time', () => {
    const g = grid([row('A', 'st', 11, null, 'N00945')]);
    const first = planKolada(g, parseWorkbook(g), { N00945: { 2024: 12, 2025: 14 } }, FETCHED_ON);
    const after = apply(g, first.plan);
    const result = recalculate([after], { today: '2026-03-03', changedAt: '2026-03-03T08:00:00Z' });
    const metric = result.assessments[0]!.metrics[0]!;
    expect(metric.explanation).toMatch(/Utfall 2025 från Kolada N00945, hämtat 2026-03-02\.$/);
    const kolada = result.set.issues.filter((i) => i.kind === 'kolada');
    expect(kolada.map((i) => [i.rowNumber, i.column, i.message])).toEqual([
      [2, 'Utfall 2024', expect.stringMatching(/^Utfall 2024: 11\sst i arbetsboken men 12\sst i Kolada \(N00945, hämtat 2026-03-02\) – det inskrivna värdet behålls/)],
    ]);
    // the plan keeps the Kolada record through a recalculation's write
    expect(result.plans[0]!.state.kolada).toEqual(after.state!.kolada);
    // a day later Kolada says the same: the first fetch date stays, nothing to write
    const again = planKolada(after, parseWorkbook(after), { N00945: { 2024: 12, 2025: 14 } }, '2026-03-03');
    expect(again.plan).toBeNull();
  });

  it('replaces its own figure when Kolada revises it, and leaves one a person typed over it', () => {
    const g = grid([row('A', 'st', null, null, 'N00945')]);
    const first = apply(g, planKolada(g, parseWorkbook(g), { N00945: { 2024: 12, 2025: 14 } }, FETCHED_ON).plan);
    const typedOver: WorkbookGrid = { ...first, sheets: first.sheets.map((s) => (s.name !== 'Mätetal' ? s : { ...s, rows: s.rows.map((r, i) => (i === 1 ? r.map((c, j) => (j === 5 ? { value: 13 } : c)) : r)) })) };
    const revised = planKolada(typedOver, parseWorkbook(typedOver), { N00945: { 2024: 12, 2025: 15 } }, '2026-04-01');
    expect(revised.rows[0]!.decisions.map((d) => `${d.year} ${d.action}`)).toEqual(['2024 conflict', '2025 write']);
    expect(revised.plan!.writes.map((w) => [w.columnNumber, w.value])).toEqual([[7, { number: 15, percent: false }]]);
  });
});

describe('settings of the year: Fastställd ÅÅÅÅ and Kolada-id', () => {
  const parse = (rows: Plain[][]) => parseWorkbook(workbook([sheet('Inställningar', [['Inställning', 'Värde'], ...rows])]));
  it.each([
    { rows: [['Fastställd 2025', '2026-03-02']], approved: { 2025: '2026-03-02' }, issues: [] as string[] },
    { rows: [['fastställd 2025', { value: 46083, date: '2026-03-02' }]], approved: { 2025: '2026-03-02' }, issues: [] },
    { rows: [['Fastställd 2025', null]], approved: undefined, issues: [] },
    { rows: [['Fastställd 2025', 'mars']], approved: undefined, issues: ["Fastställd 2025: 'mars' är inget datum"] },
    { rows: [['Fastställd', '2026-03-02']], approved: undefined, issues: ["'Fastställd': skriv inställningen som 'Fastställd ÅÅÅÅ', t.ex. 'Fastställd 2025'"] },
    { rows: [['Kolada-id', 'region']], approved: undefined, issues: ["Kolada-id: 'region' är inget Kolada-id"] },
  ])('$rows.0.0 = $rows.0.1', ({ rows, approved, issues }) => {
    const model = parse(rows);
    expect(model.settings.approved).toEqual(approved);
    expect(model.issues.filter((i) => i.sheet === 'Inställningar' && i.kind !== 'note').map((i) => i.message.split(' – ')[0])).toEqual(issues);
  });

  it('resolves them across the set; a conflict is a data-quality issue', () => {
    const a = { ...parse([['Fastställd 2025', '2026-03-02'], ['Kolada-id', '0019']]), workbookId: 'a.xlsx', workbookName: 'A' };
    const b = { ...parse([['Fastställd 2025', '2026-03-09']]), workbookId: 'b.xlsx', workbookName: 'B' };
    const settings = resolveSetSettings([a, b]);
    expect(settings.approved).toEqual({ 2025: '2026-03-02' });
    expect(settings.koladaId).toBe('0019');
    expect(settings.issues.map((i) => i.subject)).toEqual(['Fastställd 2025']);
  });
});

describe('which approved year is archived, and the notes on dates that make no archive', () => {
  const cases: { name: string; approved: Record<number, string>; archived: { year: number; approvedOn: string }[]; archive: number | null; note: RegExp | null }[] = [
    { name: 'the reporting year with a date and no archive', approved: { 2025: '2026-03-02' }, archived: [], archive: 2025, note: null },
    { name: 'already archived with that date', approved: { 2025: '2026-03-02' }, archived: [{ year: 2025, approvedOn: '2026-03-02' }], archive: null, note: null },
    { name: 'a second, different date', approved: { 2025: '2026-04-01' }, archived: [{ year: 2025, approvedOn: '2026-03-02' }], archive: null, note: /arkiverades som fastställd 2026-03-02 – arkivet behålls/ },
    { name: 'another year than the reported one', approved: { 2024: '2025-03-02' }, archived: [], archive: null, note: /redovisar 2025, så ingen fastställd kopia görs för 2024/ },
    { name: 'a day that has not come', approved: { 2025: '2026-12-24' }, archived: [], archive: null, note: /har inte inträffat än/ },
    { name: 'a cleared date deletes nothing', approved: {}, archived: [{ year: 2025, approvedOn: '2026-03-02' }], archive: null, note: null },
  ];
  it.each(cases)('$name', ({ approved, archived, archive, note }) => {
    const plan = planApprovals(setSettings({ reportingYear: 2025, approved }), archived, '2026-06-01');
    expect(plan.archive?.year ?? null).toBe(archive);
    if (note) expect(plan.issues.map((i) => i.message)).toEqual([expect.stringMatching(note)]);
    else expect(plan.issues).toEqual([]);
  });
});
