/**
 * What an approved (fastställd) year's summary must remember so that the live summary can later say what
 * changed since (domain.md §7): every metric's, indicator's, goal area's and the organisation's status with
 * its Förklaring, the override that decided it, and each metric's outcomes. Plain JSON, so the integration
 * can keep it in the archive's hidden state and read it back unchanged.
 * @module
 */
import type { Assessment, IsoDate, Status } from './model.ts';

export type ApprovedLevel = 'organisation' | 'målområde' | 'indikator' | 'mätetal';

/** A manual assessment that decided a status (its Motivering included). */
export interface ApprovedOverride {
  assessment: Assessment;
  justification: string | null;
}

export interface ApprovedEntry {
  level: ApprovedLevel;
  /** the workbook of a metric (metrics are never matched across workbooks); null for the levels above */
  workbookId: string | null;
  /** a metric's or indicator's goal area; a goal area's own name; null for the organisation */
  goalArea: string | null;
  /** a metric's indicator; null otherwise */
  indicator: string | null;
  name: string;
  status: Status;
  explanation: string;
  /** the override applied, null when the rules decided */
  override: ApprovedOverride | null;
  /** metrics only: year (as a string key, as JSON keeps it) → outcome in the metric's unit */
  outcomes?: Record<string, number>;
  /** metrics only: the unit shown beside figures */
  unit?: string | null;
}

export interface ApprovedSnapshot {
  /** bumped when the shape changes, so an old archive is read knowingly */
  version: 1;
  /** the reporting year the approved summary was for */
  year: number;
  /** the date in `Fastställd ÅÅÅÅ` */
  approvedOn: IsoDate;
  organisation: ApprovedEntry;
  goalAreas: ApprovedEntry[];
  indicators: ApprovedEntry[];
  metrics: ApprovedEntry[];
  /** the set's workbooks at approval, for naming a metric's workbook */
  workbooks: { id: string; name: string }[];
}
