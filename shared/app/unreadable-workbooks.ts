/**
 * The workbooks a run cannot read. Each is named in Datakvalitet and in the run's report; the rest of the set
 * still runs. One the store kept a last readable version of (local files: a workbook caught in a slow save) keeps
 * its last known results in the summary instead of vanishing from it: it is computed from that version, never
 * written, its change log left for the run that can read it again, and Datakvalitet says since when it has been
 * shown that way (the time is kept in the summary's state, SummaryState.unreadableSince).
 * @module
 */
import { formatChangedAt, type Issue } from '../engine/index.ts';
import { UnreadableWorkbookError, type SummaryState, type WorkbookRef, type WorkbookSnapshot, type WorkbookStore } from '../ports.ts';

export interface Unreadable {
  ref: WorkbookRef;
  reason: string;
}

export class UnreadableWorkbooks {
  readonly issues: Issue[] = [];
  /** could not be read, and nothing is known of them */
  readonly refs: Unreadable[] = [];
  /** shown with their last known results: why, by workbook id */
  readonly lastKnown = new Map<string, string>();
  readonly #since: Record<string, string> = {};
  readonly #store: WorkbookStore;
  readonly #previous: SummaryState | null;
  readonly #at: string;

  constructor(store: WorkbookStore, previous: SummaryState | null, at: string) {
    this.#store = store;
    this.#previous = previous;
    this.#at = at;
  }

  /** The workbook as read, or as last known (`lastKnown` then names it), or null when it is left out. */
  async read(ref: WorkbookRef): Promise<WorkbookSnapshot | null> {
    try {
      return await this.#store.read(ref);
    } catch (error) {
      if (!(error instanceof UnreadableWorkbookError)) throw error;
      const kept = await this.#store.readLastKnown?.(ref);
      let reason = error.reason;
      if (kept) {
        const since = this.#previous?.unreadableSince?.[ref.id] ?? this.#at;
        this.#since[ref.id] = since;
        reason = `${reason.replace(/[.\s]+$/, '')} – sammanfattningen visar dess senast kända resultat, från versionen som lästes ${formatChangedAt(kept.readAt)}; oläsbar sedan ${formatChangedAt(since)}`;
        this.lastKnown.set(ref.id, reason);
      } else this.refs.push({ ref, reason });
      if (!this.issues.some((i) => i.workbookId === ref.id)) this.issues.push({ kind: 'unreadable-workbook', workbookId: ref.id, workbookName: ref.name, sheet: '', subject: ref.name, message: reason });
      return kept ?? null;
    }
  }

  /** For the summary's state: since when each workbook shown with its last known results has been unreadable. */
  since(): Record<string, string> | undefined {
    return Object.keys(this.#since).length > 0 ? { ...this.#since } : undefined;
  }
}
