import { describe, expect, it } from 'vitest';
import { assessSet } from '../../shared/engine/assess/set.ts';
import type { Issue, IssueKind, SurveyAnswer } from '../../shared/engine/model/model.ts';
import { goalAreaRow, indicatorRow, manual, metricRow, setSettings, workbookModel } from './model-factories.ts';

function beta() {
  const id = 'beta-id';
  return workbookModel({
    workbookId: id,
    workbookName: 'Beta',
    metrics: [
      metricRow({ workbookId: id, goalArea: 'Klimat', indicator: 'Utsläpp', name: 'Resor', outcomes: { 2023: 80, 2024: 90, 2025: 100 } }),
      metricRow({ workbookId: id, goalArea: 'Ekonomi', indicator: 'Resultat', name: 'Överskott', outcomes: { 2024: 5 } }),
    ],
    indicators: [
      indicatorRow({ workbookId: id, goalArea: 'Klimat', name: 'utsläpp', target2030: '−30 %', governingMetric: 'Energi' }),
      indicatorRow({ workbookId: id, goalArea: 'Ekonomi', name: 'Resultat' }),
    ],
    goalAreas: [goalAreaRow({ workbookId: id, name: 'Klimat', goal: 'Annat mål' }), goalAreaRow({ workbookId: id, name: 'Ekonomi' })],
    issues: [{ kind: 'note', workbookId: id, workbookName: 'Beta', sheet: 'Mätetal', rowNumber: 9, message: 'Utfall utan mätetal' }],
  });
}

function alfa() {
  const id = 'alfa-id';
  return workbookModel({
    workbookId: id,
    workbookName: 'Alfa',
    settings: { ...workbookModel().settings, manualOverall: manual('Positiv', 'Ledningens samlade bild') },
    metrics: [
      metricRow({ workbookId: id, goalArea: 'Klimat', indicator: 'Utsläpp', name: 'Energi', direction: 'Minska', outcomes: { 2024: 100, 2025: 90 }, baseYear: 2019, baseValue: 120, target: 60, targetYear: 2030 }),
      metricRow({ workbookId: id, goalArea: 'Klimat', indicator: 'Utsläpp', name: 'Trasig', errors: ['Utfall 2025: två tal (12 / 15)'] }),
      metricRow({ workbookId: id, goalArea: 'Social', indicator: 'Hälsa', name: 'Sjukfrånvaro', direction: 'Minska', outcomes: { 2024: 6 } }),
      metricRow({ workbookId: id, goalArea: 'Social', indicator: 'Hälsa', name: 'Plan', direction: 'Kvalitativ' }),
      metricRow({ workbookId: id, goalArea: 'Social', indicator: 'Hälsa', name: 'Friskvård', outcomes: { 2024: 10, 2025: 10 }, manual: manual('Positiv', 'Fler deltog', 2023) }),
      metricRow({ workbookId: id, goalArea: 'Social', indicator: 'Hälsa', name: 'Rökfria', outcomes: { 2024: 10, 2025: 10 }, manual: manual('Negativ', 'Osäker mätning') }),
    ],
    indicators: [
      indicatorRow({ workbookId: id, goalArea: 'Klimat', name: 'Utsläpp', target2030: '−50 %', governingMetric: 'Energi' }),
      indicatorRow({ workbookId: id, goalArea: 'Social', name: 'Hälsa', governingMetric: 'Finns inte' }),
    ],
    goalAreas: [goalAreaRow({ workbookId: id, name: 'Social' }), goalAreaRow({ workbookId: id, name: 'Klimat', goal: 'Halverade utsläpp' })],
  });
}

const kinds = (issues: Issue[], kind: IssueKind) => issues.filter((i) => i.kind === kind);

describe('assessSet', () => {
  const settings = setSettings({
    manualOverall: manual('Positiv', 'Ledningens samlade bild'),
    issues: [{ kind: 'conflict', workbookId: 'beta-id', workbookName: 'Beta', sheet: 'Inställningar', message: 'Redovisningsår skiljer sig' }],
  });
  const set = assessSet([beta(), alfa()], settings, '2026-02-01');

  it('takes metrics from every workbook, the first workbook by name first', () => {
    expect(set.metrics.map((m) => `${m.workbookId}:${m.name}`)).toEqual([
      'alfa-id:Energi', 'alfa-id:Trasig', 'alfa-id:Sjukfrånvaro', 'alfa-id:Plan', 'alfa-id:Friskvård', 'alfa-id:Rökfria', 'beta-id:Resor', 'beta-id:Överskott',
    ]);
  });

  it('matches indicators across workbooks; the first workbook wins for the definition', () => {
    const utsläpp = set.indicators.find((i) => i.name === 'Utsläpp')!;
    expect(utsläpp.workbookId).toBe('alfa-id');
    expect(utsläpp.counts).toEqual({ Positiv: 2, Oförändrad: 0, Negativ: 0, 'Inget värde': 0, Fel: 1 });
    expect(utsläpp).toMatchObject({ rule: 'styrande', governingMetric: 'Energi', status: 'Positiv' });
    expect(set.indicators.map((i) => i.name)).toEqual(['Utsläpp', 'Hälsa', 'Resultat']);
  });

  it('orders goal areas as the first workbook lists them, then the others', () => {
    expect(set.goalAreas.map((g) => [g.name, g.status])).toEqual([
      ['Social', 'Oförändrad'],
      ['Klimat', 'Positiv'],
      ['Ekonomi', 'Inget värde'],
    ]);
  });

  it('unknown Styrande mätetal: the mean is used and the row is reported', () => {
    const hälsa = set.indicators.find((i) => i.name === 'Hälsa')!;
    // Sjukfrånvaro Inget värde, Plan Inget värde, Friskvård Oförändrad (inactive manual), Rökfria Negativ (manual) → −0,5 → Oförändrad
    expect(hälsa).toMatchObject({ rule: 'medel', mean: -0.5, status: 'Oförändrad' });
    expect(hälsa.explanation.startsWith('Fel: Styrande mätetal "Finns inte"')).toBe(true);
    const error = kinds(set.issues, 'error').find((i) => i.subject === 'Hälsa')!;
    expect(error).toMatchObject({ workbookName: 'Alfa', sheet: 'Indikatorer' });
  });

  it('the organisation takes its manual assessment from Inställningar', () => {
    expect(set.organisation).toMatchObject({ level: 'organisation', name: 'Region Test', status: 'Positiv', rule: 'manuell', computed: 'Oförändrad' });
    const override = kinds(set.issues, 'override').find((i) => i.sheet === 'Inställningar')!;
    expect(override.message).toContain('Ledningens samlade bild');
    expect(override.workbookName).toBe('Alfa');
  });

  it('assesses last year on today\'s data', () => {
    expect(set.previousYearMetrics.every((m) => m.year === 2024)).toBe(true);
    expect(set.previousYearMetrics.find((m) => m.name === 'Resor')!.status).toBe('Positiv');
    expect(set.previousYearMetrics.find((m) => m.name === 'Energi')!.rule).toBe('första-mätåret');
    expect(set.previousYearIndicators.map((i) => i.name)).toEqual(['Utsläpp', 'Hälsa', 'Resultat']);
  });

  it('lists pace for metrics with base and target', () => {
    expect(set.pace).toHaveLength(1);
    // 120 → 60 over 2019–2030: expected(2025) = 120 − 60·6/11 ≈ 87,3; 90 is behind
    expect(set.pace[0]).toMatchObject({ name: 'Energi', verdict: 'Ej i takt', year: 2025 });
  });

  it('collects every kind of issue', () => {
    expect(kinds(set.issues, 'note')).toHaveLength(1);
    expect(kinds(set.issues, 'conflict').map((i) => i.message)).toEqual([
      'Redovisningsår skiljer sig',
      'Indikatorn utsläpp beskrivs olika i Alfa och Beta (Målvärde 2030); uppgifterna i Alfa används',
      'Målområdet Klimat beskrivs olika i Alfa och Beta (Hållbarhetsmål); uppgifterna i Alfa används',
    ]);
    expect(kinds(set.issues, 'error').map((i) => [i.subject, i.message])).toEqual([
      ['Trasig', 'Utfall 2025: två tal (12 / 15)'],
      ['Hälsa', 'Styrande mätetal "Finns inte" finns inte bland indikatorns mätetal; medelvärdet används'],
    ]);
    // the qualitative Plan is not "missing"
    expect(kinds(set.issues, 'missing-outcome').map((i) => i.subject)).toEqual(['Sjukfrånvaro', 'Överskott']);
    expect(kinds(set.issues, 'override').map((i) => i.subject)).toEqual(['Rökfria', 'Samlad bedömning']);
    expect(kinds(set.issues, 'override')[0]!.message).toBe('Manuell bedömning Negativ (beräknat: Oförändrad). Motivering: Osäker mätning');
    expect(kinds(set.issues, 'inactive-override')).toEqual([
      expect.objectContaining({ subject: 'Friskvård', sheet: 'Mätetal', workbookName: 'Alfa', message: 'Manuell bedömning från 2023 gäller inte redovisningsåret 2025 och används inte' }),
    ]);
  });

  it('reports a missing Motivering at every level as an error', () => {
    const m = alfa();
    m.goalAreas[0]!.manual = manual('Positiv', null);
    const s = assessSet([m], setSettings({ manualOverall: manual('Negativ', ' ') }), '2026-02-01');
    expect(s.goalAreas[0]!.status).toBe('Fel');
    expect(s.organisation.status).toBe('Fel');
    expect(kinds(s.issues, 'error').map((i) => i.subject)).toEqual(['Trasig', 'Hälsa', 'Social', 'Samlad bedömning']);
  });

  it("lists in one error what is wrong with an indicator row itself: its errors, a missing Motivering, an unknown Styrande mätetal", () => {
    const m = alfa();
    m.indicators[1] = { ...m.indicators[1]!, governingMetric: 'X', manual: manual('Positiv', null), errors: ['e'] };
    const s = assessSet([m], setSettings(), '2026-02-01');
    expect(kinds(s.issues, 'error').find((i) => i.subject === 'Hälsa')?.message).toBe(
      'e; Manuell bedömning saknar motivering; Styrande mätetal "X" finns inte bland indikatorns mätetal; medelvärdet används',
    );
    m.indicators[1] = { ...m.indicators[1]!, governingMetric: 'Rökfria', manual: null, errors: [] };
    expect(kinds(assessSet([m], setSettings(), '2026-02-01').issues, 'error').map((i) => i.subject)).toEqual(['Trasig']);
  });

  it('passes survey answers and goal-area names to the survey', () => {
    const answer = (department: string, text: string): SurveyAnswer => ({
      workbookId: 'alfa-id', rowNumber: 2, department, statement: 'Vi arbetar med jämlik hälsa', answer: text, goalArea: 'Social', year: 2025,
    });
    const m = alfa();
    m.survey = [answer('Hälso- och sjukvård', 'Instämmer helt'), answer('Kultur', 'Instämmer delvis')];
    const s = assessSet([m], setSettings({ answerOrder: ['Instämmer helt', 'Instämmer delvis', 'Instämmer inte', 'Vet ej'] }), '2026-02-01');
    expect(s.survey?.statements).toHaveLength(1);
    expect(set.survey).toBeNull();
  });

  it('with no reporting year: nothing from last year and no pace', () => {
    const s = assessSet([alfa(), beta()], setSettings({ reportingYear: null }), '2026-02-01');
    expect(s).toMatchObject({ year: null, previousYearMetrics: [], previousYearIndicators: [], pace: [] });
    expect(kinds(s.issues, 'missing-outcome')).toEqual([]);
    expect(s.organisation.name).toBe('Region Test');
  });
});
