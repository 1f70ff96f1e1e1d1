import { describe, expect, it } from 'vitest';
import { chooseReportingYear } from '../../shared/engine/assess/reporting-year.ts';
import type { Direction, MetricRow } from '../../shared/engine/model/model.ts';
import { metricRow, workbookModel } from './model-factories.ts';

function metric(direction: Direction | null, outcomes: Record<number, number>, over: Partial<MetricRow> = {}) {
  return metricRow({ direction, outcomes, ...over });
}

describe('chooseReportingYear', () => {
  const cases: { name: string; metrics: MetricRow[]; years: number[]; want: number | null; count?: string }[] = [
    {
      name: 'the latest year with every value',
      metrics: [metric('Öka', { 2023: 1, 2024: 2 }), metric('Minska', { 2023: 1, 2024: 2 })],
      years: [2023, 2024],
      want: 2024,
      count: '(2 av 2)',
    },
    {
      name: 'exactly half counts',
      metrics: [metric('Öka', { 2024: 1, 2025: 2 }), metric('Minska', { 2024: 1 })],
      years: [2024, 2025],
      want: 2025,
      count: '(1 av 2)',
    },
    {
      name: 'less than half falls back to an earlier year',
      metrics: [metric('Öka', { 2024: 1, 2025: 2 }), metric('Minska', { 2024: 1 }), metric('Öka', { 2024: 3 })],
      years: [2024, 2025],
      want: 2024,
      count: '(3 av 3)',
    },
    {
      name: 'qualitative metrics are not counted',
      metrics: [
        metric('Öka', { 2024: 1, 2025: 2 }),
        metric('Kvalitativ', {}, { outcomeTexts: { 2024: 'bra' } }),
        metric('Kvalitativ', {}),
      ],
      years: [2024, 2025],
      want: 2025,
      count: '(1 av 1)',
    },
    {
      name: 'a row with unknown Riktning still counts (it is not qualitative)',
      metrics: [metric('Öka', { 2025: 2 }), metric(null, {}), metric(null, {})],
      years: [2024, 2025],
      want: null,
    },
    {
      name: 'no outcomes at all',
      metrics: [metric('Öka', {}), metric('Minska', {})],
      years: [2023, 2024],
      want: null,
    },
    {
      name: 'a year column nobody filled is skipped',
      metrics: [metric('Öka', { 2023: 1 }), metric('Minska', { 2023: 1 })],
      years: [2023, 2024, 2025],
      want: 2023,
      count: '(2 av 2)',
    },
    {
      name: 'metrics no longer followed do not vote in later years',
      metrics: [metric('Öka', { 2025: 1 }), metric('Minska', { 2023: 1 }, { followedUntil: 2023 }), metric('Öka', { 2025: 1 })],
      years: [2023, 2025],
      want: 2025,
      count: '(2 av 2)',
    },
  ];

  it.each(cases)('$name', ({ metrics, years, want, count }) => {
    const choice = chooseReportingYear([workbookModel({ metrics, years })]);
    expect(choice.year).toBe(want);
    if (want === null) {
      expect(choice.reason).toBe('Inget år har utfall för minst hälften av mätetalen.');
    } else {
      expect(choice.reason).toBe(
        `Redovisningsår ${want} valdes automatiskt: senaste år där minst hälften av mätetalen ${count} har utfall.`,
      );
    }
  });

  it('counts metrics across the whole set of workbooks', () => {
    const a = workbookModel({ workbookId: 'a', metrics: [metric('Öka', { 2025: 1 })], years: [2024, 2025] });
    const b = workbookModel({
      workbookId: 'b',
      metrics: [metric('Öka', { 2024: 1 }), metric('Öka', { 2024: 1 })],
      years: [2024, 2025],
    });
    expect(chooseReportingYear([a, b]).year).toBe(2024);
  });

  it('gives no year for an empty set', () => {
    expect(chooseReportingYear([])).toEqual({ year: null, reason: 'Inget år har utfall för minst hälften av mätetalen.' });
  });

  it('finds years from the outcomes even when `years` is empty', () => {
    expect(chooseReportingYear([workbookModel({ metrics: [metric('Öka', { 2022: 5 })] })]).year).toBe(2022);
  });
});
