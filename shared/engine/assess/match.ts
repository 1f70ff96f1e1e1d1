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

const collator = new Intl.Collator('sv-SE');

/**
 * The one order of a set's workbooks, in which the first wins (settings, goal areas, indicators): by name,
 * Swedish collation, then by id, so that two workbooks of the same name (`Klimat.xlsx` and `Klimat.xlsm`, or
 * two Google spreadsheets with one title) are in the same order wherever the set is walked.
 */
export function compareWorkbooks(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return collator.compare(a.name, b.name) || collator.compare(a.id, b.id);
}

/** Workbook models in the set's order (see `compareWorkbooks`). */
export function byWorkbookName<T extends { workbookName: string; workbookId: string }>(models: readonly T[]): T[] {
  return [...models].sort((a, b) => compareWorkbooks({ name: a.workbookName, id: a.workbookId }, { name: b.workbookName, id: b.workbookId }));
}
