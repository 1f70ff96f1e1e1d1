/**
 * The bounded backlog of announcements (domain.md §7): a delivery that fails never fails the recalculation;
 * its changes are kept and sent with the next run's, oldest first. The backlog holds at most `cap` changes;
 * beyond that the oldest are dropped and counted, and the next message says how many. Plain JSON, kept by
 * the caller in the product's state.
 * @module
 */
import type { AlertChange } from '../../engine/index.ts';

export interface AlertBacklog {
  /** changes not yet delivered, oldest first */
  changes: AlertChange[];
  /** how many older changes were dropped to keep within the cap, since the last delivery */
  dropped: number;
}

export const DEFAULT_BACKLOG_CAP = 200;

export function emptyBacklog(): AlertBacklog {
  return { changes: [], dropped: 0 };
}

/** The backlog with this run's changes after it, the oldest dropped beyond `cap`. */
export function queueChanges(backlog: AlertBacklog | null, changes: AlertChange[], cap = DEFAULT_BACKLOG_CAP): AlertBacklog {
  const all = [...(backlog?.changes ?? []), ...changes];
  const over = Math.max(0, all.length - cap);
  return { changes: all.slice(over), dropped: (backlog?.dropped ?? 0) + over };
}
