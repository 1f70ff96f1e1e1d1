import { describe, expect, it } from 'vitest';
import { assessWorkbook } from '../../shared/engine/assess/workbook.ts';
import type { ActionRow, Status } from '../../shared/engine/model/model.ts';
import { goalAreaRow, indicatorRow, manual, metricRow, setSettings, workbookModel } from './model-factories.ts';

const up = { 2024: 100, 2025: 110 }; // Positiv under Öka
const down = { 2024: 100, 2025: 90 }; // Negativ under Öka
const flat = { 2024: 100, 2025: 100 };

function model() {
  return workbookModel({
    metrics: [
      metricRow({ goalArea: 'Klimat', indicator: 'Utsläpp', name: 'Resor', outcomes: up }),
      metricRow({ goalArea: ' klimat ', indicator: 'UTSLÄPP', name: 'Energi', outcomes: up }),
      metricRow({ goalArea: 'Klimat', indicator: 'Utsläpp', name: 'Mat', outcomes: flat }),
      metricRow({ goalArea: 'Klimat', indicator: 'Avfall', name: 'Matsvinn', direction: 'Minska', outcomes: up }),
      metricRow({ goalArea: 'Klimat', indicator: 'Avfall', name: 'Trasig', errors: ['Utfall 2025: #REF!'] }),
      metricRow({ goalArea: 'Social', indicator: 'Hälsa', name: 'Sjukfrånvaro', direction: 'Minska', outcomes: { 2024: 6.1, 2025: 6.1 } }),
    ],
    indicators: [
      indicatorRow({ goalArea: 'Klimat', name: 'Utsläpp' }),
      indicatorRow({ goalArea: 'Klimat', name: 'Avfall' }),
      indicatorRow({ goalArea: 'Social', name: 'Hälsa', governingMetric: 'Sjukfrånvaro' }),
      indicatorRow({ goalArea: 'Social', name: 'Trygghet', manual: manual('Positiv', 'Enkät visar förbättring') }),
    ],
    goalAreas: [goalAreaRow({ name: 'Klimat' }), goalAreaRow({ name: 'Social' }), goalAreaRow({ name: 'Självskattat' })],
  });
}

const statuses = (list: { name: string; status: Status }[]) => Object.fromEntries(list.map((a) => [a.name, a.status]));

describe('assessWorkbook', () => {
  it('assesses metrics, indicators from their metrics and goal areas from their indicators', () => {
    const a = assessWorkbook(model(), setSettings(), '2026-01-15');
    expect(a.year).toBe(2025);
    expect(statuses(a.metrics)).toEqual({ Resor: 'Positiv', Energi: 'Positiv', Mat: 'Oförändrad', Matsvinn: 'Negativ', Trasig: 'Fel', Sjukfrånvaro: 'Oförändrad' });
    expect(statuses(a.indicators)).toEqual({ Utsläpp: 'Positiv', Avfall: 'Negativ', Hälsa: 'Oförändrad', Trygghet: 'Positiv' });
    // Klimat: P + N → 0; Social: O + P → 0,5 (the tie stays Oförändrad); only followed by the survey → Inget värde
    expect(statuses(a.goalAreas)).toEqual({ Klimat: 'Oförändrad', Social: 'Oförändrad', Självskattat: 'Inget värde' });
  });

  it('matches names after normalising case and spaces', () => {
    const a = assessWorkbook(model(), setSettings(), '2026-01-15');
    expect(a.indicators[0]!.counts.Positiv).toBe(2);
    expect(a.indicators[0]!.counts.Oförändrad).toBe(1);
    expect(a.indicators[1]!.counts.Fel).toBe(1);
    expect(a.indicators[1]!.explanation).toContain('1 rad med fel är inte medräknad');
    expect(a.indicators[2]!.rule).toBe('styrande');
    expect(a.indicators[3]!.rule).toBe('manuell');
  });

  it("uses the set-wide reporting year and threshold, and the workbook's own Tolerans", () => {
    const a = assessWorkbook(model(), setSettings({ reportingYear: 2024, threshold: 0 }), '2026-01-15');
    expect(a.year).toBe(2024);
    expect(a.metrics.every((m) => m.year === 2024)).toBe(true);
    expect(a.metrics[0]!.rule).toBe('första-mätåret');
    const b = assessWorkbook({ ...model(), settings: { ...model().settings, tolerance: 0.2 } }, setSettings({ threshold: 0 }), '2026-01-15');
    expect(b.metrics.find((m) => m.name === 'Resor')!.status).toBe('Oförändrad');
    expect(b.goalAreas.find((g) => g.name === 'Social')!.status).toBe('Positiv');
  });

  it('judges the action plan on the given day', () => {
    const action = (due: string, status: ActionRow['status']): ActionRow => ({
      workbookId: 'wb1', rowNumber: 2, goalArea: 'Klimat', activity: 'Solceller', owner: 'Fastighet', due, status, errors: [],
    });
    const a = assessWorkbook(workbookModel({ actions: [action('2025-12-31', 'Pågår'), action('2026-06-30', 'Pågår')] }), setSettings(), '2026-01-15');
    expect(a.actions.map((x) => x.position)).toEqual(['Försenad', 'Enligt plan']);
  });
});
