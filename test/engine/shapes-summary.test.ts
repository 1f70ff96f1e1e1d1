/**
 * The summary's content for the other shapes (issue 15), as renderer-neutral blocks: the Styrmått table after
 * `Samlad bedömning`, the goal-area table grouped by Dimension, the published comparison colour beside the
 * status, risk areas (counted, ordered, the high ones without Åtgärd under Behöver förstärkas), the
 * agendapyramids with their riktningsförändringar, and a section per survey theme. A set without any of them
 * gets none of it.
 */
import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../shared/engine/summary/build.ts';
import { headlineIssues } from '../../shared/engine/assess/headlines.ts';
import type { SummaryBlock, SummaryDocument } from '../../shared/engine/model/summary-model.ts';
import type { SetAssessment, StatementResult } from '../../shared/engine/model/model.ts';
import type { PyramidSet, RiskRegister, RiskRow } from '../../shared/engine/model/shapes.ts';
import { demoSet, metric, settings, SOURCES } from './set-fixtures.ts';
import { workbookModel } from './model-factories.ts';

const ctx = { sources: SOURCES, today: '2026-03-14', changedAt: '2026-03-14T09:22:00Z' };
const build = (set: SetAssessment) => buildSummary(set, settings(), ctx);
type Table = Extract<SummaryBlock, { kind: 'table' }>;
const table = (doc: SummaryDocument, caption: string) => doc.blocks.find((b): b is Table => b.kind === 'table' && b.caption.startsWith(caption));
const headings = (doc: SummaryDocument) => doc.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const indexOf = (doc: SummaryDocument, test: (b: SummaryBlock) => boolean) => doc.blocks.findIndex(test);
const listAfter = (doc: SummaryDocument, heading: string) => {
  const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  const next = doc.blocks[i + 1];
  return next?.kind === 'list' ? next.items : [];
};
const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-');

function withHeadlines(): SetAssessment {
  const set = demoSet();
  set.metrics = [
    ...set.metrics,
    metric({ name: 'Sjukfrånvaro', goalArea: 'Social hållbarhet', indicator: 'Hälsa', unit: '%', rowNumber: 9, status: 'Oförändrad', outcomes: { 2024: 6.9, 2025: 6.8 }, headline: 'Social' }),
    metric({ name: 'Placering i Miljöbarometern', goalArea: 'Minskad klimatpåverkan', indicator: 'Utsläpp av CO2e', unit: 'placering', rowNumber: 10, status: 'Positiv', outcomes: { 2024: 10, 2025: 9 }, rankedAmong: 21, comparison: 'Grön', headline: 'Miljömässig' }),
  ];
  return set;
}

describe('Styrmått', () => {
  it('follows Samlad bedömning, before the goal-area table: label, metric, outcome, status and the published colour', () => {
    const doc = build(withHeadlines());
    const overall = indexOf(doc, (b) => b.kind === 'keyValue' && b.label === 'Samlad bedömning');
    const headline = indexOf(doc, (b) => b.kind === 'table' && b.caption === 'Styrmått');
    const goals = indexOf(doc, (b) => b.kind === 'table' && b.caption === 'Samlad bedömning av måluppfyllelse');
    expect(overall).toBeGreaterThan(0);
    expect([overall < headline, headline < goals]).toEqual([true, true]);
    const t = table(doc, 'Styrmått')!;
    expect(t.columns).toEqual(['Styrmått', 'Mätetal', 'Utfall', 'Utveckling', 'Jämförelse']);
    // the dimensions in their order, whatever the order of the rows
    expect(t.rows.map((r) => r.map((c) => [plain(c.text), c.style ?? null]))).toEqual([
      [['Miljömässig', null], ['Placering i Miljöbarometern', null], ['plats 9 av 21 (2025)', null], ['Positiv', 'Positiv'], ['Grön', 'Grön']],
      [['Social', null], ['Sjukfrånvaro', null], ['6,8 % (2025)', null], ['Oförändrad', 'Oförändrad'], ['–', null]],
    ]);
  });

  it('is left out when no metric has a label', () => {
    const doc = build(demoSet());
    expect(table(doc, 'Styrmått')).toBeUndefined();
    expect(headings(doc)).not.toContain('Styrmått');
  });

  it('notes a second metric with the same label (both are shown)', () => {
    const set = withHeadlines();
    const again = metric({ name: 'Andel fossilfria fordon', goalArea: 'Minskad klimatpåverkan', indicator: 'Utsläpp av CO2e', workbookId: 'konsumtion.xlsx', rowNumber: 11, headline: 'Miljömässig' });
    set.metrics.push(again);
    const models = [workbookModel({ workbookId: 'klimat.xlsx', workbookName: 'Klimat' }), workbookModel({ workbookId: 'konsumtion.xlsx', workbookName: 'Konsumtion' })];
    expect(headlineIssues(models, set.metrics)).toEqual([
      expect.objectContaining({
        kind: 'note',
        workbookName: 'Konsumtion',
        sheet: 'Mätetal',
        rowNumber: 11,
        message: "Styrmått 'Miljömässig' är redan satt på mätetalet ”Placering i Miljöbarometern” (Klimat, rad 10); båda visas – ett styrmått per etikett är tanken",
      }),
    ]);
    expect(table(build(set), 'Styrmått')!.rows).toHaveLength(3);
  });
});

describe('the published comparison colour in the metric table', () => {
  it('gets a column beside Utveckling in goal areas that have one, and only there', () => {
    const doc = build(withHeadlines());
    const klimat = table(doc, 'Mätetal för Minskad klimatpåverkan')!;
    expect(klimat.columns.slice(6)).toEqual(['Utveckling', 'Jämförelse', 'Förklaring']);
    const ranking = klimat.rows.find((r) => r[0]!.text === 'Placering i Miljöbarometern')!;
    expect([ranking[6]!.text, ranking[7]]).toEqual(['Positiv', { text: 'Grön', style: 'Grön' }]);
    expect(table(doc, 'Mätetal för Hållbar konsumtion')!.columns).not.toContain('Jämförelse');
  });
});

describe('Dimension', () => {
  it('groups the goal-area table: Miljömässig, Social, Ekonomisk, then goal areas without one', () => {
    const set = demoSet();
    set.goalAreas[0]!.dimension = 'Ekonomisk';
    set.goalAreas[2]!.dimension = 'Social';
    const t = table(build(set), 'Samlad bedömning av måluppfyllelse')!;
    expect(t.columns).toEqual(['Målområde', 'Hållbarhetsmål', 'Utveckling', 'Dimension']);
    expect(t.rows.map((r) => [r[0]!.text, r[3]!.text])).toEqual([
      ['Social hållbarhet', 'Social'],
      ['Minskad klimatpåverkan', 'Ekonomisk'],
      ['Hållbar konsumtion', '–'],
    ]);
  });
});

const risk = (categories: string[], level: RiskRow['level'], action: string | null, rowNumber: number): RiskRow => ({
  workbookId: 'konsumtion.xlsx',
  rowNumber,
  categories,
  level,
  criteria: level === 'Hög' ? [{ criterion: 'Miljöpåverkan', level: 'Hög' }] : [],
  action,
  owner: 'Inköp',
  status: action ? 'Pågår' : null,
});

describe('Riskområden', () => {
  const register: RiskRegister = {
    areas: [risk(['Livsmedel', 'Kött'], 'Hög', null, 3), risk(['Läkemedel'], 'Hög', 'Miljökrav', 2), risk(['Textil'], 'Potentiell hög', null, 4), risk(['Kontor'], 'Låg', null, 5)],
    counts: { Hög: 2, 'Potentiell hög': 1, Medel: 0, Låg: 1 },
    withoutAction: [],
  };
  register.withoutAction = [register.areas[0]!, register.areas[2]!];
  const set = { ...demoSet(), risks: register };

  it('lists Hög and Potentiell hög areas without Åtgärd under Behöver förstärkas, with their word and colour', () => {
    const needs = listAfter(build(set), 'Behöver förstärkas');
    expect(needs.slice(-2)).toEqual([
      { text: 'Riskområde ”Livsmedel – Kött” (Konsumtion): risknivå Hög och ingen åtgärd angiven.', style: 'Hög' },
      { text: 'Riskområde ”Textil” (Konsumtion): risknivå Potentiell hög och ingen åtgärd angiven.', style: 'Potentiell hög' },
    ]);
  });

  it('counts per level and lists the areas by level, every level with its word and colour', () => {
    const doc = build(set);
    expect(headings(doc)).toContain('Riskområden i inköp');
    expect(table(doc, 'Antal riskområden per risknivå')!.rows.map((r) => [r[0], r[1]!.text])).toEqual([
      [{ text: 'Hög', style: 'Hög' }, '2'],
      [{ text: 'Potentiell hög', style: 'Potentiell hög' }, '1'],
      [{ text: 'Medel', style: 'Medel' }, '0'],
      [{ text: 'Låg', style: 'Låg' }, '1'],
    ]);
    const areas = table(doc, 'Riskområden ordnade efter risknivå')!;
    expect(areas.rows.map((r) => [r[0]!.text, r[1]!.text, r[1]!.style, r[3]!.text])).toEqual([
      ['Livsmedel – Kött', 'Hög', 'Hög', 'Saknas'],
      ['Läkemedel', 'Hög', 'Hög', 'Miljökrav'],
      ['Textil', 'Potentiell hög', 'Potentiell hög', 'Saknas'],
      ['Kontor', 'Låg', 'Låg', '–'],
    ]);
  });

  it('sits after the self-assessment and before the action plan', () => {
    const h = headings(build(set));
    expect(h.indexOf('Självskattning')).toBeLessThan(h.indexOf('Riskområden i inköp'));
    expect(h.indexOf('Riskområden i inköp')).toBeLessThan(h.indexOf('Handlingsplan'));
  });
});

describe('Agendapyramid', () => {
  const pyramids: PyramidSet = {
    pyramids: [
      { level: 'Politisk', political: true, term: '2023–2026', tiers: [{ rank: 'Central', goals: [3, 13] }, { rank: 'Betydande', goals: [5] }, { rank: 'Generell', goals: [4] }], unranked: [1, 2, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17] },
      { level: 'Division Vård', political: false, term: null, tiers: [{ rank: 'Central', goals: [3] }, { rank: 'Betydande', goals: [4] }, { rank: 'Generell', goals: [13] }], unranked: [1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17] },
    ],
    shifts: [
      {
        division: 'Division Vård',
        shifts: [
          { goal: 13, political: 'Central', division: 'Generell', steps: 2 },
          { goal: 4, political: 'Generell', division: 'Betydande', steps: -1 },
        ],
      },
    ],
    hasPolitical: true,
  };
  const doc = build({ ...demoSet(), pyramids });

  it('draws the pyramids side by side with a text alternative naming every goal and its rank', () => {
    const chart = doc.blocks.find((b): b is Extract<SummaryBlock, { kind: 'chart' }> => b.kind === 'chart' && b.chart.type === 'pyramid')!.chart;
    expect(chart.pyramids?.map((p) => p.name)).toEqual(['Politisk (2023–2026)', 'Division Vård']);
    expect(chart.pyramids?.[0]?.tiers[0]).toEqual({
      label: 'Central',
      style: 'Central',
      items: [
        { short: '3', long: 'Hälsa och välbefinnande' },
        { short: '13', long: 'Bekämpa klimatförändringarna' },
      ],
    });
    expect(chart.alt).toContain('Politisk (2023–2026): Central: 3 Hälsa och välbefinnande, 13 Bekämpa klimatförändringarna; Betydande: 5 Jämställdhet; Generell: 4 God utbildning för alla; Ej rangordnade: 1 Ingen fattigdom');
    for (const p of pyramids.pyramids) {
      for (let goal = 1; goal <= 17; goal++) expect(chart.alt, `${p.level} ${goal}`).toMatch(new RegExp(`${p.level}[^.]*\\b${goal} `));
    }
  });

  it('gives each division its riktningsförändringar, largest gap first', () => {
    const t = table(doc, 'Riktningsförändringar för Division Vård')!;
    expect(t.columns).toEqual(['Mål', 'Politikens rang', 'Division Vård i dag', 'Riktningsförändring']);
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['13 Bekämpa klimatförändringarna', 'Central', 'Generell', 'Uppåt 2 nivåer (Generell → Central)'],
      ['4 God utbildning för alla', 'Generell', 'Betydande', 'Nedåt 1 nivå (Betydande → Generell)'],
    ]);
  });

  it('lists the goals per rank and the unranked ones as a table', () => {
    const t = table(doc, 'Agendapyramidernas mål per rang')!;
    expect(t.rows.map((r) => r[0]!.text)).toEqual(['Central', 'Betydande', 'Generell', 'Ej rangordnade']);
    expect(t.rows[2]!.map((c) => c.text)).toEqual(['Generell', '4 God utbildning för alla', '13 Bekämpa klimatförändringarna']);
  });

  it('says why there are no riktningsförändringar without a political pyramid', () => {
    const alone = build({ ...demoSet(), pyramids: { pyramids: [pyramids.pyramids[1]!], shifts: [], hasPolitical: false } });
    expect(alone.blocks).toContainEqual({ kind: 'paragraph', text: "Ingen pyramid har Nivå 'Politisk', så riktningsförändringarna mot politikens önskade läge kan inte visas." });
  });
});

describe('a section per survey theme', () => {
  it('is named after the theme, with its distribution, a chart, strengths and development areas', () => {
    const set = demoSet();
    const statements = set.survey!.statements.map((s, i): StatementResult => (i < 2 ? { ...s, theme: 'Barnets rättigheter' } : s));
    set.survey = {
      ...set.survey!,
      statements,
      themes: [{ theme: 'Barnets rättigheter', statements: statements.slice(0, 2), strengths: [statements[0]!], developmentAreas: [statements[1]!] }],
    };
    const doc = build(set);
    const h = headings(doc);
    expect(h.slice(h.indexOf('Barnets rättigheter'), h.indexOf('Barnets rättigheter') + 3)).toEqual([
      'Barnets rättigheter',
      'Styrkor – Barnets rättigheter',
      'Utvecklingsområden – Barnets rättigheter',
    ]);
    expect(h.indexOf('Självskattning')).toBeLessThan(h.indexOf('Barnets rättigheter'));
    expect(table(doc, 'Svarsfördelning – Barnets rättigheter')!.rows.map((r) => r[0]!.text)).toEqual(statements.slice(0, 2).map((s) => s.statement));
    expect(doc.blocks.some((b) => b.kind === 'chart' && b.chart.id === 'tema-barnets-rattigheter')).toBe(true);
    expect(listAfter(doc, 'Styrkor – Barnets rättigheter').map((c) => c.text)).toEqual([expect.stringContaining(statements[0]!.statement)]);
  });
});

describe('a set without the other shapes', () => {
  it('has none of their sections', () => {
    const h = headings(build(demoSet()));
    for (const heading of ['Styrmått', 'Agendapyramid', 'Riskområden i inköp']) expect(h).not.toContain(heading);
    expect(table(build(demoSet()), 'Samlad bedömning av måluppfyllelse')!.columns).toEqual(['Målområde', 'Hållbarhetsmål', 'Utveckling']);
  });
});
