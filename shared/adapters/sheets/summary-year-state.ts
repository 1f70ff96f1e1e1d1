/**
 * The year-after-year parts of the summary's state (domain.md §7) as column A of `_malkoll` keeps them: the
 * approved archives with their snapshots (gzip + base64, so a large set's snapshot stays a few cells), the
 * announcements not delivered yet, and the last archive that could not be made.
 * @module
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ApprovedSnapshot } from '../../engine/index.ts';
import type { ApprovedArchive, SummaryState } from '../../ports.ts';
import type { SummaryStateDoc } from './state.ts';

type YearState = Pick<SummaryState, 'approved' | 'alerts' | 'archiveAttempt' | 'organisationStatus'>;

/** An approved snapshot as a cell keeps it: its JSON, gzip + base64 (the archive's `_malkoll` keeps it so too). */
export function packSnapshot(snapshot: ApprovedSnapshot): string {
  return gzipSync(JSON.stringify(snapshot)).toString('base64');
}

/** `packSnapshot` undone; throws on text that is not one. */
export function unpackSnapshot(packed: string): ApprovedSnapshot {
  return JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8')) as ApprovedSnapshot;
}

/** Decoded snapshots, by their encoded text: each is decoded once per instance. */
const decoded = new WeakMap<object, Map<string, ApprovedSnapshot>>();

export function yearStateOf(doc: SummaryStateDoc): YearState {
  const out: YearState = {};
  if (doc.approved && Object.keys(doc.approved).length > 0) {
    let cache = decoded.get(doc.approved);
    if (!cache) decoded.set(doc.approved, (cache = new Map()));
    const approved: Record<string, ApprovedArchive> = {};
    for (const [year, a] of Object.entries(doc.approved)) {
      let snapshot = cache.get(a.snapshot);
      if (!snapshot) {
        try {
          snapshot = unpackSnapshot(a.snapshot);
        } catch {
          continue; // damaged by hand: that year is archived again only if its date is set, and adopted
        }
        cache.set(a.snapshot, snapshot);
      }
      approved[year] = { approvedOn: a.approvedOn, location: a.location, snapshot };
    }
    out.approved = approved;
  }
  if (doc.alerts && doc.alerts.changes.length + doc.alerts.dropped > 0) out.alerts = doc.alerts;
  if (doc.archiveAttempt) out.archiveAttempt = doc.archiveAttempt;
  if (doc.organisationStatus) out.organisationStatus = doc.organisationStatus;
  return out;
}

/** The doc's year parts for `state`; an archive the doc already holds keeps its encoded snapshot. */
export function withYearState(doc: SummaryStateDoc, state: YearState): SummaryStateDoc {
  const next: SummaryStateDoc = { ...doc };
  delete next.approved;
  delete next.alerts;
  delete next.archiveAttempt;
  delete next.organisationStatus;
  if (state.approved && Object.keys(state.approved).length > 0) {
    next.approved = {};
    for (const [year, a] of Object.entries(state.approved)) {
      const kept = doc.approved?.[year];
      const snapshot = kept && kept.approvedOn === a.approvedOn && kept.location === a.location ? kept.snapshot : packSnapshot(a.snapshot);
      next.approved[year] = { approvedOn: a.approvedOn, location: a.location, snapshot };
    }
  }
  if (state.alerts && state.alerts.changes.length + state.alerts.dropped > 0) next.alerts = state.alerts;
  if (state.archiveAttempt) next.archiveAttempt = state.archiveAttempt;
  if (state.organisationStatus) next.organisationStatus = state.organisationStatus;
  return next;
}
