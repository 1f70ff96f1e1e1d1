import { describe, it, expect } from 'vitest';
import { buildSummary } from '../../shared/engine/summary/build.ts';
import type { SummaryBlock, SummaryDocument } from '../../shared/engine/model/summary-model.ts';
import type { SetAssessment } from '../../shared/engine/model/model.ts';
import { demoSet, settings, SOURCES, pace, metric } from './set-fixtures.ts';

const ctx = { sources: SOURCES, today: '2026-03-14', changedAt: '2026-03-14T09:22:00Z' };
const build = (set: SetAssessment = demoSet(), changedAt: string | null = ctx.changedAt) =>
  buildSummary(set, settings(), { ...ctx, changedAt });

type Table = Extract<SummaryBlock, { kind: 'table' }>;
const tables = (doc: SummaryDocument) => doc.blocks.filter((b): b is Table => b.kind === 'table');
const table = (doc: SummaryDocument, caption: string) => tables(doc).find((t) => t.caption.startsWith(caption))!;
const headings = (doc: SummaryDocument) =>
  doc.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const listAfter = (doc: SummaryDocument, heading: string) => {
  const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  const next = doc.blocks[i + 1];
  return next?.kind === 'list' ? next.items.map((c) => c.text) : [];
};

/** every "row" a spreadsheet renderer would lay out: keyValue rows and table rows, first cell first */
const rowsAsText = (doc: SummaryDocument): string[][] =>
  doc.blocks.flatMap((b) => {
    if (b.kind === 'keyValue') return [[b.label, b.value.text]];
    if (b.kind === 'table') return [b.columns, ...b.rows.map((r) => r.map((c) => c.text))];
    if (b.kind === 'title' || b.kind === 'paragraph' || b.kind === 'heading') return [[b.text]];
    if (b.kind === 'list') return b.items.map((c) => [c.style ?? '', c.text]);
    return [];
  });

describe('buildSummary', () => {
  it('starts with the title, then exactly one `Samlad bedömning` row holding the organisation status', () => {
    const doc = build();
    expect(doc.blocks[0]).toEqual({ kind: 'title', text: 'Hållbarhetsredovisning Region Exempel 2025' });
    expect(doc.blocks[1]).toEqual({ kind: 'paragraph', text: 'Redovisningsår 2025 enligt Inställningar.' });
    const rows = rowsAsText(doc).filter((r) => r[0]?.trim() === 'Samlad bedömning');
    expect(rows).toEqual([['Samlad bedömning', 'Positiv']]);
    const kv = doc.blocks.filter((b) => b.kind === 'keyValue');
    expect(kv).toEqual([{ kind: 'keyValue', label: 'Samlad bedömning', value: { text: 'Positiv', style: 'Positiv' } }]);
  });

  it('lays out the sections in the order of domain.md §3', () => {
    const h = headings(build());
    const order = [
      'Samlad bedömning av måluppfyllelse',
      'Positiva resultat',
      'Behöver förstärkas',
      'Diagram',
      'Minskad klimatpåverkan',
      'Hållbar konsumtion',
      'Social hållbarhet',
      'Takt mot målen',
      'Självskattning',
      'Handlingsplan',
      'Datakvalitet',
    ];
    const positions = order.map((t) => h.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('ends with when the content changed and from which workbooks', () => {
    const last = build().blocks.at(-1)!;
    expect(last).toEqual({ kind: 'paragraph', text: 'Senast ändrad 2026-03-14 10:22 · Källor: Klimat, Konsumtion' });
  });

  it('fills the goal-area table in the order of Målområden', () => {
    const t = table(build(), 'Samlad bedömning av måluppfyllelse');
    expect(t.columns).toEqual(['Målområde', 'Hållbarhetsmål', 'Utveckling']);
    expect(t.rows.map((r) => [r[0]!.text, r[2]!.text, r[2]!.style])).toEqual([
      ['Minskad klimatpåverkan', 'Positiv', 'Positiv'],
      ['Hållbar konsumtion', 'Oförändrad', 'Oförändrad'],
      ['Social hållbarhet', 'Inget värde', 'Inget värde'],
    ]);
  });

  it('lists positives and what needs more effort, with workbook, explanation and change since last year', () => {
    const doc = build();
    const positive = listAfter(doc, 'Positiva resultat');
    expect(positive).toContain(
      'Mätetal ”Resor och transporter” (Klimat): 1 105 (2025) mot 1 210 (2024): −8,7 % → Positiv. Ändrad sedan förra året: Oförändrad → Positiv.',
    );
    expect(positive.some((t) => t.startsWith('Indikator ”Fossilfri kollektivtrafik”') && t.includes('Oförändrad → Positiv'))).toBe(true);
    expect(positive.some((t) => t.includes('Ekologiska livsmedel') && t.includes('Negativ → Oförändrad'))).toBe(true);
    const needs = listAfter(doc, 'Behöver förstärkas');
    expect(needs.filter((t) => t.includes('Energi i lokaler'))).toHaveLength(1);
    expect(needs.find((t) => t.includes('Energi i lokaler'))).toMatch(/Negativ\. Ej i takt: .*Positiv → Negativ\.$/);
    expect(needs.some((t) => t.includes('Resor och transporter'))).toBe(true); // Positiv but Ej i takt
    expect(positive.some((t) => t.includes('Energi i lokaler'))).toBe(false);
  });

  it('never uses the bare label below the organisation level', () => {
    const doc = build();
    const bare = doc.blocks.filter(
      (b) => b.kind === 'paragraph' && /^Samlad bedömning(?! av)/.test(b.text),
    );
    expect(bare).toEqual([]);
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text.startsWith('Samlad bedömning av målet: Positiv'))).toBe(true);
  });

  it('shows three years of Utfall per metric and footnotes manual assessments with their Motivering', () => {
    const doc = build();
    const t = table(doc, 'Mätetal för Minskad klimatpåverkan');
    expect(t.columns).toEqual(['Mätetal', 'Arbetsbok', 'Enhet', 'Utfall 2023', 'Utfall 2024', 'Utfall 2025', 'Utveckling', 'Förklaring']);
    const buses = t.rows.find((r) => r[0]!.text === 'Elbussar i trafik')!;
    expect(buses.slice(3, 6).map((c) => [c.text, c.number])).toEqual([['31,5', 31.5], ['36,9', 36.9], ['36,9', 36.9]]);
    const note = buses[6]!.footnote!;
    expect(note).toBeGreaterThan(0);
    const footnotes = doc.blocks.flatMap((b) => (b.kind === 'footnotes' ? b.items : []));
    expect(footnotes.find((f) => f.number === note)?.text).toBe('Målet för 2025 var 36 % och nivån hölls.');
    expect(new Set(footnotes.map((f) => f.number)).size).toBe(footnotes.length);
    const flights = t.rows.find((r) => r[0]!.text === 'Tjänsteresor med flyg')!;
    expect(flights[5]!.text).toBe('–');
  });

  it('points a goal area followed only by the survey to Självskattning', () => {
    const t = table(build(), 'Indikatorer för Social hållbarhet');
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]![0]!.text).toContain('se Självskattning');
    expect(t.rows[0]![2]).toEqual({ text: 'Inget värde', style: 'Inget värde' });
  });

  it('shows the pace table in the set\'s order (largest gap first, as assessSet sorts it), with verdict and projection', () => {
    const t = table(build(), 'Takt mot målen');
    expect(t.columns).toEqual(['Mätetal', 'Basår/Basvärde', 'Målvärde/Målår', 'Förväntat 2025', 'Utfall 2025', 'Bedömning', 'Gap', 'Prognos']);
    expect(t.rows.map((r) => [r[0]!.text, r[5]!.text, r[7]!.text])).toEqual([
      ['Energi i lokaler', 'Ej i takt', 'nås inte'],
      ['Resor och transporter', 'Ej i takt', '2031'],
      ['Elbussar i trafik', 'I takt', '2029'],
    ]);
    expect(t.rows[0]![1]!.text).toBe('2019: 900\u00a0ton');
  });

  it('reports data quality grouped by kind, naming workbook, sheet, row, subject and message', () => {
    const doc = build();
    const h = headings(doc);
    for (const group of ['Rader med fel (1)', 'Saknade utfall (1)', 'Inaktuella manuella bedömningar (1)', 'Motstridiga uppgifter mellan arbetsböcker (1)', 'Text skriven i produktens kolumner (1)', 'Arbetsböcker som inte kunde läsas (1)']) {
      expect(h).toContain(group);
    }
    const errors = table(doc, 'Rader med fel');
    expect(errors.columns).toEqual(['Arbetsbok', 'Blad', 'Rad', 'Gäller', 'Meddelande']);
    expect(errors.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Konsumtion', 'Mätetal', '7', 'Matsvinn', 'Fel: ”12 / 15” är två tal i samma cell.'],
    ]);
    const overrides = table(doc, 'Manuella bedömningar');
    expect(overrides.rows.map((r) => r[3]!.text)).toEqual(['Elbussar i trafik', 'Social hållbarhet']);
    expect(overrides.rows[0]![4]!.text).toBe('Positiv: Målet för 2025 var 36 % och nivån hölls.');
  });

  it('adds a refused-sharing issue from the settings to the data-quality section', () => {
    const doc = buildSummary(
      demoSet(),
      settings({ issues: [{ kind: 'refused-sharing', workbookId: 'klimat.xlsx', workbookName: 'Klimat', sheet: 'Inställningar', rowNumber: 6, subject: 'Sammanfattning delas med', message: 'x@gmail.com delas inte med: domänen är inte tillåten.' }] }),
      ctx,
    );
    expect(table(doc, 'Delning som inte gjordes').rows[0]![4]!.text).toContain('x@gmail.com');
  });

  it('builds charts: status per goal area, survey stacked bars, one indicator over the years', () => {
    const charts = build().blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));
    expect(charts.map((c) => c.type)).toEqual(['bar', 'stacked-bar', 'line']);
    const [bar, stacked, line] = charts;
    expect(bar!.categories).toEqual(['Minskad klimatpåverkan', 'Hållbar konsumtion', 'Social hållbarhet']);
    expect(bar!.series.find((s) => s.name === 'Positiv')!.values).toEqual([2, 0, 0]);
    for (let i = 0; i < stacked!.categories.length; i++) {
      expect(stacked!.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)).toBe(100);
    }
    expect(line!.categories).toEqual(['2021', '2023', '2024', '2025']);
    expect(line!.series.map((s) => s.name)).toContain('Energi i lokaler');
    expect(line!.unit).toBe('ton');
    for (const c of charts) expect(c.alt.length).toBeGreaterThan(20);
  });

  it('gives the Handlingsplan overview and delayed activities', () => {
    const doc = build();
    expect(doc.actionPlan!.columns).toEqual(['Målområde', 'Aktivitet', 'Ansvarig', 'Klart senast', 'Status', 'Läge']);
    expect(doc.actionPlan!.rows[0]![5]).toEqual({ text: 'Försenad', style: 'Försenad' });
    expect(listAfter(doc, 'Försenade aktiviteter')).toEqual([
      'Byta till fossilfria transporter (Minskad klimatpåverkan, ansvarig Regionservice) – klart senast 2025-06-30',
    ]);
    expect(build({ ...demoSet(), actions: [] }).actionPlan).toBeNull();
  });

  it('hashes content only: same when only changedAt differs, different when a status changes', () => {
    const a = build(demoSet(), '2026-03-14T09:22:00Z');
    const b = build(demoSet(), '2027-01-01T00:00:00Z');
    const c = build(demoSet(), null);
    expect(a.contentHash).toMatch(/^[0-9a-f]{16}$/);
    expect(b.contentHash).toBe(a.contentHash);
    expect(c.contentHash).toBe(a.contentHash);
    const changed = demoSet();
    changed.metrics[4] = { ...changed.metrics[4]!, status: 'Positiv' };
    expect(build(changed).contentHash).not.toBe(a.contentHash);
    const plan = demoSet();
    plan.actions[1] = { ...plan.actions[1]!, position: 'Försenad' };
    expect(build(plan).contentHash).not.toBe(a.contentHash);
  });

  it('copes with an empty set', () => {
    const empty: SetAssessment = { ...demoSet(), metrics: [], previousYearMetrics: [], indicators: [], previousYearIndicators: [], goalAreas: [], pace: [], survey: null, actions: [], issues: [] };
    const doc = buildSummary(empty, settings({ organisation: null }), { ...ctx, changedAt: null });
    expect(doc.blocks[0]).toEqual({ kind: 'title', text: 'Hållbarhetsredovisning organisationen 2025' });
    expect(doc.blocks.filter((b) => b.kind === 'chart')).toEqual([]);
    expect(doc.blocks.at(-1)).toEqual({ kind: 'paragraph', text: 'Senast ändrad – · Källor: Klimat, Konsumtion' });
  });

  it('takes outcomes from value/previous when the metric has no outcomes map', () => {
    const m = metric({ name: 'X', goalArea: 'Minskad klimatpåverkan', indicator: 'Utsläpp av CO2e', value: 5, previous: { year: 2024, value: 4 } });
    delete m.outcomes;
    const doc = build({ ...demoSet(), metrics: [m] });
    const row = table(doc, 'Mätetal för Minskad klimatpåverkan').rows[0]!;
    expect(row.slice(3, 6).map((c) => c.text)).toEqual(['–', '4', '5']);
  });
});
