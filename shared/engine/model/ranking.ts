/**
 * National rankings (domain.md §2 "Other shapes"): a metric whose unit is `placering` or `plats` ranks the
 * region among others, 1 best. Declared here so that parsing, explaining and the summary agree.
 * @module
 */
import { normalizeName } from './grid.ts';
import { RANK_UNITS } from './template.ts';

const RANKS = new Set<string>(RANK_UNITS);

/** `placering` or `plats` (any case): 1 is best. */
export function isRankUnit(unit: string | null | undefined): boolean {
  return unit !== null && unit !== undefined && RANKS.has(normalizeName(unit));
}

/** "plats 9 av 21", or "plats 9" when how many were ranked is not given. */
export function placeText(rank: string, rankedAmong: number | undefined): string {
  return rankedAmong === undefined ? `plats ${rank}` : `plats ${rank} av ${rankedAmong}`;
}
