/**
 * The procurement risk register across the set (domain.md §3 "Riskområden"): the areas ordered by level,
 * the count per level, and the `Hög` and `Potentiell hög` areas that have no `Åtgärd` yet.
 * @module
 */
import type { RiskLevel, WorkbookModel } from '../model/model.ts';
import type { RiskRegister } from '../model/shapes.ts';
import { RISK_LEVELS } from '../model/template.ts';

const URGENT = new Set<RiskLevel>(['Hög', 'Potentiell hög']);

/** `sorted` in workbook-name order; null when no workbook has a risk area. */
export function riskRegister(sorted: readonly WorkbookModel[]): RiskRegister | null {
  const rows = sorted.flatMap((m) => m.risks ?? []);
  if (rows.length === 0) return null;
  // stable: within a level the areas keep the set's order (workbook, then row)
  const areas = [...rows].sort((a, b) => RISK_LEVELS.indexOf(a.level) - RISK_LEVELS.indexOf(b.level));
  const counts = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;
  for (const area of areas) counts[area.level]++;
  const withoutAction = areas.filter((a) => URGENT.has(a.level) && a.action === null);
  return { areas, counts, withoutAction };
}
