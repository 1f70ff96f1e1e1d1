/**
 * The model of the optional sheets `Agendapyramid` and `Riskområden` (domain.md §3): their usable rows as
 * parsed, and what the set makes of them for the summary. Plain, JSON-safe data like the rest of the model.
 * @module
 */
import type { RowNumber } from './grid.ts';
import type { PlanStatus, PyramidRank, RiskLevel } from './model.ts';

/** One usable row of `Agendapyramid` (rows with errors are issues and are left out). */
export interface PyramidRow {
  workbookId: string;
  rowNumber: RowNumber;
  /** `Nivå` as typed: `Politisk` or a division's name */
  level: string;
  /** 1–17 */
  goal: number;
  rank: PyramidRank;
  /** `Mandatperiod` as typed; null when blank */
  term: string | null;
}

/** One usable row of `Riskområden` (rows with errors are issues and are left out). */
export interface RiskRow {
  workbookId: string;
  rowNumber: RowNumber;
  /** Kategori 1–3, the blank ones left out */
  categories: string[];
  /** `Risknivå`, or the highest criterion grade when it is blank */
  level: RiskLevel;
  /** the criteria graded on the row, in the template's order */
  criteria: { criterion: string; level: RiskLevel }[];
  action: string | null;
  owner: string | null;
  status: PlanStatus | null;
}

/** One Nivå's agendapyramid: goals per rank (ascending numbers) and the goals it does not rank. */
export interface Pyramid {
  level: string;
  political: boolean;
  term: string | null;
  tiers: { rank: PyramidRank; goals: number[] }[];
  unranked: number[];
}

/** A goal the politics and a division rank differently: `steps` > 0 the division must raise it, < 0 lower it. */
export interface DirectionShift {
  goal: number;
  political: PyramidRank;
  division: PyramidRank;
  steps: number;
}

export interface PyramidSet {
  /** the politics' first, then the divisions' in the order they first appear */
  pyramids: Pyramid[];
  /** per division its riktningsförändringar, raise (largest gap first) before lower; empty without a political pyramid */
  shifts: { division: string; shifts: DirectionShift[] }[];
  /** false when no Nivå is `Politisk` */
  hasPolitical: boolean;
}

/** The procurement risk register across the set. */
export interface RiskRegister {
  /** ordered by level (Hög first), then workbook and row */
  areas: RiskRow[];
  counts: Record<RiskLevel, number>;
  /** Hög and Potentiell hög areas without an Åtgärd */
  withoutAction: RiskRow[];
}
