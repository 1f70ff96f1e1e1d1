/**
 * The approved snapshot (model/approved.ts) of an assessed set: what the archive of a fastställd year keeps
 * so that the live summary can later list what changed (domain.md §7). The same reduction of today's set is
 * what the comparison reads, so both sides are built alike.
 * @module
 */
import type { AggregateAssessment, IsoDate, MetricAssessment, SetAssessment } from '../model/model.ts';
import type { ApprovedEntry, ApprovedOverride, ApprovedSnapshot } from '../model/approved.ts';
import { outcomeOf, yearsOf } from './cells.ts';

export interface ApprovedEntries {
  organisation: ApprovedEntry;
  goalAreas: ApprovedEntry[];
  indicators: ApprovedEntry[];
  metrics: ApprovedEntry[];
}

function override(a: MetricAssessment | AggregateAssessment): ApprovedOverride | null {
  if (a.rule !== 'manuell' || !a.manual) return null;
  return { assessment: a.manual.assessment, justification: a.manual.justification };
}

function aggregateEntry(a: AggregateAssessment): ApprovedEntry {
  return {
    level: a.level,
    workbookId: null,
    goalArea: a.level === 'organisation' ? null : a.goalArea,
    indicator: null,
    name: a.name,
    status: a.status,
    explanation: a.explanation,
    override: override(a),
  };
}

function metricEntry(m: MetricAssessment, year: number): ApprovedEntry {
  const outcomes: Record<string, number> = {};
  for (const y of yearsOf(m)) {
    const v = outcomeOf(m, y);
    if (y <= year && v !== null) outcomes[String(y)] = v;
  }
  return {
    level: 'mätetal',
    workbookId: m.workbookId,
    goalArea: m.goalArea,
    indicator: m.indicator,
    name: m.name,
    status: m.status,
    explanation: m.explanation,
    override: override(m),
    outcomes,
    unit: m.unit,
  };
}

/** Every level's entries of a set assessed for `year` (the snapshot's or today's). */
export function approvedEntries(set: SetAssessment, year: number): ApprovedEntries {
  return {
    organisation: aggregateEntry(set.organisation),
    goalAreas: set.goalAreas.map(aggregateEntry),
    indicators: set.indicators.map(aggregateEntry),
    metrics: set.metrics.map((m) => metricEntry(m, year)),
  };
}

/** The snapshot to archive when `Fastställd ÅÅÅÅ` holds a date; null when the set has no reporting year. */
export function approvedSnapshot(
  set: SetAssessment,
  approval: { approvedOn: IsoDate; workbooks: { id: string; name: string }[] },
): ApprovedSnapshot | null {
  if (set.year === null) return null;
  return { version: 1, year: set.year, approvedOn: approval.approvedOn, ...approvedEntries(set, set.year), workbooks: approval.workbooks };
}
