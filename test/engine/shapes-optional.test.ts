/**
 * Every new sheet and column of issue 15 is optional: the demo set as it was before them (no Antal jämförda,
 * Jämförelse, Styrmått, Dimension, Tema, Agendapyramid, Riskområden, no division workbook) gets exactly the
 * statuses it got before — pinned below from a run of the previous version — and so do those rows in today's
 * demo with the new parts filled in. Nothing new is reported for a workbook that has none of them.
 */
import { describe, expect, it } from 'vitest';
import { recalculate } from '../../shared/engine/recalculate.ts';
import type { CellInput, WorkbookGrid } from '../../shared/engine/model/grid.ts';
import type { RecalculateResult } from '../../shared/engine/recalculate.ts';
import { demoWorkbooks, type DemoWorkbook } from '../../sheets-templates/demo/index.ts';
import { cellInputOf } from '../integration/support/demo-seeds.ts';

const NEW_COLUMNS = new Set(['Antal jämförda', 'Jämförelse', 'Styrmått', 'Dimension', 'Tema']);
const NEW_SHEETS = new Set(['Agendapyramid', 'Riskområden']);
const NEW_METRICS = new Set(['Placering i Aktuell Hållbarhets regionranking']);
const NEW_STATEMENTS = new Set(['Barn och unga ges möjlighet att påverka beslut som rör dem', 'Förvaltningen gör barnkonsekvensanalyser inför större beslut']);

function gridOf(wb: DemoWorkbook, old: boolean): WorkbookGrid {
  const sheets = wb.sheets
    .filter((s) => !(old && NEW_SHEETS.has(s.name)))
    .map((s) => {
      const keep = s.headers.map((h) => !(old && NEW_COLUMNS.has(h)));
      const rows = s.rows.filter((r) => !(old && r.some((c) => typeof c === 'string' && (NEW_METRICS.has(c) || NEW_STATEMENTS.has(c)))));
      return {
        name: s.name,
        rows: [s.headers, ...rows].map((r, i) => (i === 0 ? s.headers.map((h) => ({ value: h }) as CellInput) : r.map(cellInputOf)).filter((_, c) => keep[c] ?? true)),
      };
    });
  return { id: wb.fileName, name: wb.fileName.replace(/\.xlsx$/, ''), sheets, state: null };
}

function run(old: boolean): RecalculateResult {
  const books = demoWorkbooks().filter((wb) => !(old && wb.fileName === 'Hälso- och sjukvården.xlsx'));
  return recalculate(books.map((wb) => gridOf(wb, old)), { today: '2026-03-14', changedAt: '2026-03-14T09:00:00Z' });
}

// Utveckling of the demo before issue 15 (a recalc of commit 596b7dd's demo), by name
const METRICS: Record<string, string> = {
  'Energianvändning i egna fastigheter': 'Oförändrad',
  'Andel förnybar el': 'Oförändrad',
  'Energi per fordonskilometer i kollektivtrafiken': 'Positiv',
  'Utsläpp av CO2e från resor och transporter': 'Positiv',
  'Andel fossilfria fordon': 'Positiv',
  'Tjänsteresor med flyg': 'Positiv',
  'Andel upphandlingar med miljökrav': 'Fel',
  'Antal upphandlingar med miljökrav': 'Positiv',
  'Andel ekologiska livsmedel': 'Positiv',
  'Klimatpåverkan från livsmedelsinköp, förändring mot 2019': 'Positiv',
  'Antibiotikarecept per 1 000 invånare': 'Positiv',
  'Försäljning av diklofenak': 'Negativ',
  'Kassation av läkemedel': 'Inget värde',
  'Andel gröna obligationer i likviditetsförvaltningen': 'Negativ',
  'Klimatrisker i investeringsbeslut': 'Positiv',
  'Placering i Miljöbarometern': 'Positiv',
  Sjukfrånvaro: 'Oförändrad',
};
const INDICATORS: Record<string, string> = {
  'Energianvändningen i regionens verksamheter ska minska': 'Oförändrad',
  'Utsläppen från resor och transporter ska halveras till 2030': 'Positiv',
  'Miljökrav ska ställas i alla relevanta upphandlingar': 'Positiv',
  'Livsmedel med låg klimat- och miljöpåverkan': 'Positiv',
  'Förskrivningen av antibiotika ska minska': 'Positiv',
  'Utsläppen av läkemedelsrester ska minska': 'Negativ',
  'Andelen hållbara investeringar ska öka': 'Oförändrad',
  'Regionen ska vara bland de främsta i nationella miljöjämförelser': 'Positiv',
  'Sjukfrånvaron ska vara låg och stabil': 'Oförändrad',
  'Förvaltningarna arbetar systematiskt med social hållbarhet': 'Inget värde',
};
const GOAL_AREAS: Record<string, string> = {
  'Minskad klimatpåverkan': 'Oförändrad',
  'Hållbar upphandling': 'Positiv',
  Läkemedel: 'Oförändrad',
  'Hållbar ekonomi och styrning': 'Oförändrad',
  'Social hållbarhet och jämlik hälsa': 'Inget värde',
};

const statuses = (list: { name: string; status: string }[], names: Record<string, string>) =>
  Object.fromEntries(list.filter((a) => a.name in names).map((a) => [a.name, a.status]));

describe.each([
  ['the demo as it was (none of the new parts)', true],
  ['today’s demo (the new parts filled in)', false],
])('%s', (_label, old) => {
  const result = run(old);

  it('keeps every earlier status of metrics, indicators, goal areas and the organisation', () => {
    expect(statuses(result.set.metrics, METRICS)).toEqual(METRICS);
    expect(statuses(result.set.indicators, INDICATORS)).toEqual(INDICATORS);
    expect(statuses(result.set.goalAreas, GOAL_AREAS)).toEqual(GOAL_AREAS);
    expect(result.set.organisation.status).toBe('Oförändrad');
    expect(result.settings.reportingYear).toBe(2025);
  });

  it('reports the same data-quality lines as before, and nothing new', () => {
    const lines = result.set.issues.map((i) => `${i.kind}: ${i.subject}`);
    expect(lines).toEqual([
      'override: Andel förnybar el',
      'inactive-override: Energi per fordonskilometer i kollektivtrafiken',
      'error: Andel upphandlingar med miljökrav',
      'missing-outcome: Kassation av läkemedel',
      'override: Klimatrisker i investeringsbeslut',
    ]);
  });
}, 60_000);

describe('the demo as it was', () => {
  it('has no trace of the new parts in its models or summary', () => {
    const result = run(true);
    for (const model of result.models) {
      expect(model).not.toHaveProperty('pyramid');
      expect(model).not.toHaveProperty('risks');
    }
    expect([result.set.pyramids, result.set.risks, result.set.survey?.themes]).toEqual([null, null, undefined]);
    const headings = result.summary.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    for (const h of ['Styrmått', 'Agendapyramid', 'Riskområden i inköp']) expect(headings).not.toContain(h);
  });
});
