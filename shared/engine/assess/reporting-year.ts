/**
 * The default Redovisningsår (domain.md §3 "Inställningar"): the latest Utfall year in which at least
 * half of the non-qualitative metrics have a value.
 * @module
 */
import type { MetricRow, WorkbookModel } from '../model/model.ts';

export interface ReportingYearChoice {
  year: number | null;
  /** Swedish sentence for the summary: how the year was chosen */
  reason: string;
}

export const NO_YEAR_REASON = 'Inget år har utfall för minst hälften av mätetalen.';

export function chooseReportingYear(models: WorkbookModel[]): ReportingYearChoice {
  const metrics = models.flatMap((m) => m.metrics).filter((m) => m.direction !== 'Kvalitativ');
  const years = candidateYears(models).sort((a, b) => b - a);
  for (const year of years) {
    // a metric no longer followed that year is neither assessed nor missing, so it does not vote
    const followed = metrics.filter((m) => m.followedUntil === null || m.followedUntil >= year);
    if (followed.length === 0) continue;
    const withValue = followed.filter((m) => hasOutcome(m, year)).length;
    if (withValue > 0 && withValue * 2 >= followed.length) {
      return {
        year,
        reason:
          `Redovisningsår ${year} valdes automatiskt: senaste år där minst hälften av mätetalen ` +
          `(${withValue} av ${followed.length}) har utfall.`,
      };
    }
  }
  return { year: null, reason: NO_YEAR_REASON };
}

export function settingsYearReason(year: number): string {
  return `Redovisningsår ${year} enligt Inställningar.`;
}

function candidateYears(models: WorkbookModel[]): number[] {
  const years = new Set<number>();
  for (const model of models) {
    for (const y of model.years) years.add(y);
    for (const m of model.metrics) for (const y of Object.keys(m.outcomes)) years.add(Number(y));
  }
  return [...years].filter((y) => Number.isInteger(y));
}

function hasOutcome(metric: MetricRow, year: number): boolean {
  const v = metric.outcomes[year];
  return typeof v === 'number' && Number.isFinite(v);
}
