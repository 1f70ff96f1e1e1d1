/**
 * Looks a goal-area or indicator name up among the defined ones (trim + case-fold) and, when it is not there,
 * names the nearest one so the person can fix the typo.
 * @module
 */
import { normalizeName } from '../model/grid.ts';
import { suggestNearest } from './headers.ts';
import { quote } from './values.ts';

export type NameLookup = { kind: 'found'; name: string } | { kind: 'unknown'; message: string };

/** Returns the defined spelling, so that rows typed in another case group with their parent. */
export function resolveName(text: string, defined: readonly string[], what: string, where: string): NameLookup {
  const key = normalizeName(text);
  const hit = defined.find((d) => normalizeName(d) === key);
  if (hit !== undefined) return { kind: 'found', name: hit };
  const near = suggestNearest(text, defined);
  const hint = near === null ? '' : ` – menade du '${near}'?`;
  return { kind: 'unknown', message: `${what} ${quote(text)} finns inte i ${where}${hint}` };
}

/**
 * A row's Målområde, in the spelling the sheet Målområden defines; a blank or unknown one is a row error.
 * `names` null = that sheet is missing (already an issue): the name is then not checked.
 */
export function resolveGoalArea(goalArea: string, names: readonly string[] | null, errors: string[]): string {
  if (goalArea === '') {
    errors.push('Målområde saknas');
    return goalArea;
  }
  if (!names) return goalArea;
  const found = resolveName(goalArea, names, 'Målområdet', 'bladet Målområden');
  if (found.kind === 'found') return found.name;
  errors.push(found.message);
  return goalArea;
}
