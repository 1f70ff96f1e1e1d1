/**
 * Name matching for the assessment rules: indicators and goal areas match by name (within a workbook
 * and across a set), always through grid.normalizeName so that case and stray spaces never split them.
 * @module
 */
import { normalizeName } from '../model/grid.ts';

/** Key of an indicator: its goal area and its own name, both normalised. */
export function indicatorKey(goalArea: string, indicator: string): string {
  return `${normalizeName(goalArea)}\u0000${normalizeName(indicator)}`;
}

export function goalAreaKey(goalArea: string): string {
  return normalizeName(goalArea);
}

export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** Workbooks in the order the set uses everywhere: by name, Swedish collation (first wins). */
export function byWorkbookName<T extends { workbookName: string }>(models: readonly T[]): T[] {
  return [...models].sort((a, b) => a.workbookName.localeCompare(b.workbookName, 'sv-SE'));
}
