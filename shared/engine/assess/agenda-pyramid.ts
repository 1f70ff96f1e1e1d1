/**
 * The agendapyramids of a set (domain.md §3 "Agendapyramid"): one per Nivå, its goals per rank and the
 * goals it leaves unranked, and per division its riktningsförändringar against the politics' pyramid —
 * goals the politics rank higher first, largest gap first, then goals the division ranks higher.
 * A Nivå with rows for several Mandatperioder shows the latest; a goal ranked twice by one Nivå is an
 * error on the later row (in workbook-name order), which is left out.
 * @module
 */
import type { Issue, PyramidRank, WorkbookModel } from '../model/model.ts';
import type { DirectionShift, Pyramid, PyramidRow, PyramidSet } from '../model/shapes.ts';
import { normalizeName } from '../model/grid.ts';
import { POLITICAL_LEVEL, PYRAMID_HEADERS, PYRAMID_RANKS, SHEETS } from '../model/template.ts';
import { GOAL_COUNT } from '../model/agenda-2030.ts';

const POLITICAL = new Set([normalizeName(POLITICAL_LEVEL), 'politiken', 'politiskt']);

interface Level {
  name: string;
  rows: PyramidRow[];
}

export interface PyramidOutcome {
  set: PyramidSet | null;
  issues: Issue[];
}

/** `sorted` in workbook-name order. */
export function assessPyramids(sorted: readonly WorkbookModel[]): PyramidOutcome {
  const names = new Map(sorted.map((m) => [m.workbookId, m.workbookName]));
  const issues: Issue[] = [];
  const issue = (kind: Issue['kind'], row: PyramidRow, message: string) =>
    issues.push({ kind, workbookId: row.workbookId, workbookName: names.get(row.workbookId) ?? row.workbookId, sheet: SHEETS.agendaPyramid, rowNumber: row.rowNumber, subject: row.level, message });

  const levels = new Map<string, Level>();
  for (const row of sorted.flatMap((m) => m.pyramid ?? [])) {
    const key = normalizeName(row.level);
    const level = levels.get(key);
    if (level) level.rows.push(row);
    else levels.set(key, { name: row.level.trim(), rows: [row] });
  }
  if (levels.size === 0) return { set: null, issues };

  const pyramids: Pyramid[] = [];
  for (const [key, level] of levels) {
    const term = latestTerm(level.rows);
    const current = level.rows.filter((r) => r.term === null || sameTerm(r.term, term));
    const older = level.rows.find((r) => r.term !== null && !sameTerm(r.term, term));
    if (older) {
      issue('note', older, `Nivå '${level.name}' har rader för flera mandatperioder; bara den senaste (${term}) visas i agendapyramiden`);
    }
    const ranked = new Map<number, PyramidRow>();
    for (const row of current) {
      const first = ranked.get(row.goal);
      if (!first) {
        ranked.set(row.goal, row);
        continue;
      }
      const where = first.workbookId === row.workbookId ? `rad ${first.rowNumber}` : `rad ${first.rowNumber} i ${names.get(first.workbookId) ?? first.workbookId}`;
      issue('error', row, `${PYRAMID_HEADERS.goal} ${row.goal} är redan rangordnat för Nivå '${level.name}' (${where}) – raden räknas inte`);
    }
    pyramids.push(pyramidOf(level.name, POLITICAL.has(key), term, [...ranked.values()]));
  }
  // the politics' pyramid first: it shows the desired state the divisions are compared with
  pyramids.sort((a, b) => Number(b.political) - Number(a.political));
  const political = pyramids.find((p) => p.political) ?? null;
  const shifts = political
    ? pyramids.filter((p) => !p.political).map((p) => ({ division: p.level, shifts: directionShifts(political, p) }))
    : [];
  return { set: { pyramids, shifts, hasPolitical: political !== null }, issues };
}

function pyramidOf(level: string, political: boolean, term: string | null, rows: PyramidRow[]): Pyramid {
  const tiers = PYRAMID_RANKS.map((rank) => ({
    rank,
    goals: rows.filter((r) => r.rank === rank).map((r) => r.goal).sort((a, b) => a - b),
  }));
  const ranked = new Set(rows.map((r) => r.goal));
  const unranked: number[] = [];
  for (let goal = 1; goal <= GOAL_COUNT; goal++) if (!ranked.has(goal)) unranked.push(goal);
  return { level, political, term, tiers, unranked };
}

function rankOf(pyramid: Pyramid, goal: number): PyramidRank | null {
  return pyramid.tiers.find((t) => t.goals.includes(goal))?.rank ?? null;
}

/** Goals both rank, differently: the division raises them (politics higher) before it lowers them. */
export function directionShifts(political: Pyramid, division: Pyramid): DirectionShift[] {
  const shifts: DirectionShift[] = [];
  for (let goal = 1; goal <= GOAL_COUNT; goal++) {
    const p = rankOf(political, goal);
    const d = rankOf(division, goal);
    if (p === null || d === null || p === d) continue;
    shifts.push({ goal, political: p, division: d, steps: PYRAMID_RANKS.indexOf(d) - PYRAMID_RANKS.indexOf(p) });
  }
  return shifts.sort((a, b) => Number(b.steps > 0) - Number(a.steps > 0) || Math.abs(b.steps) - Math.abs(a.steps) || a.goal - b.goal);
}

/** The latest Mandatperiod among the rows: by the last year it names (`2023–2026` after `2019–2022`). */
function latestTerm(rows: readonly PyramidRow[]): string | null {
  let best: string | null = null;
  let bestYear = -Infinity;
  for (const row of rows) {
    if (row.term === null) continue;
    const years = [...row.term.matchAll(/\d{4}/g)].map((m) => Number(m[0]));
    const year = years.length > 0 ? Math.max(...years) : -1;
    if (best === null || year > bestYear) {
      best = row.term.trim();
      bestYear = year;
    }
  }
  return best;
}

function sameTerm(a: string, b: string | null): boolean {
  return b !== null && normalizeName(a) === normalizeName(b);
}
