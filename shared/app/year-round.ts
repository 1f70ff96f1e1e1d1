/**
 * What a recalculation does beyond the year's statuses (domain.md §7), around the summary's write: the approved
 * year's archive, the announcement of status changes, and the state both keep. recalc-set.ts calls `prepare`
 * while the run's result is whole (before it lets go of the set) and `finish` after the summary write.
 *
 * Archive: when `Fastställd ÅÅÅÅ` has a date for the reporting year and no archive exists, the summary as it
 * stands is archived (ArchiveStore), then the live summary is written again with the section "Ändrat sedan
 * fastställd rapport" and the archive in its state. A failed archive fails nothing: the next run tries again,
 * and an archive made by a run whose last write was lost is adopted, never made twice.
 * @module
 */
import { approvedSnapshot, buildSummary, SHEETS, type ApprovedSnapshot, type ChangeLogRow, type IsoDate, type RecalculateResult, type SummaryDocument } from '../engine/index.ts';
import type { ApprovedArchive, ArchiveStore, SummaryState, SummaryStore } from '../ports.ts';
import { planAnnouncement, type AlertsConfig, type AnnounceResult } from './announce.ts';

export interface YearRoundConfig {
  archives?: ArchiveStore | null;
  alerts?: AlertsConfig | null;
  /** Swedish lines for the report from work done before the recalculation (the Kolada fetch) */
  notes?: string[];
  /**
   * 'daily': an archive that could not be made is tried again the next day, not at every run (Google: every
   * try costs Drive calls at each edit); default: at every run
   */
  archiveRetry?: 'every-run' | 'daily';
}

export interface YearRoundReport {
  alert: AnnounceResult | null;
  /** archives made (or adopted) in this run */
  archived: { year: number; location: string; adopted: boolean }[];
  /** Swedish: what could not be done (an archive in the way, a copy refused …) */
  notes: string[];
}

export interface PreparedRound {
  /** added to the state of this run's summary write */
  state: Partial<SummaryState>;
  finish(summary: SummaryStore, written: SummaryState | null): Promise<YearRoundReport>;
}

export interface RoundInput {
  result: RecalculateResult;
  previous: SummaryState | null;
  /** the rows this run appends to Ändringslogg (a change of the organisation's overall assessment is added here) */
  changeLog: ChangeLogRow[];
  /** what caused the run, for Ändringslogg */
  cause: string | null;
  today: IsoDate;
  at: string;
}

/** The state a summary write keeps from the last one, whatever this run writes. */
export function carriedState(previous: SummaryState | null): Partial<SummaryState> {
  if (!previous) return {};
  return {
    ...(previous.approved ? { approved: previous.approved } : {}),
    ...(previous.alerts ? { alerts: previous.alerts } : {}),
    ...(previous.archiveAttempt ? { archiveAttempt: previous.archiveAttempt } : {}),
    ...(previous.organisationStatus ? { organisationStatus: previous.organisationStatus } : {}),
  };
}

export function archivedSnapshots(state: SummaryState | null): ApprovedSnapshot[] {
  return Object.values(state?.approved ?? {}).map((a) => a.snapshot);
}

/** The archive's document: the summary as it stands, saying under its title that it is the approved one. */
export function archiveDocument(doc: SummaryDocument, year: number, approvedOn: IsoDate): SummaryDocument {
  const title = doc.blocks.findIndex((b) => b.kind === 'title');
  const note = { kind: 'paragraph' as const, text: `Fastställd redovisning för ${year}, fastställd ${approvedOn}. Den här kopian ändras inte; den aktuella sammanfattningen visar vad som ändrats sedan.` };
  return { ...doc, blocks: [...doc.blocks.slice(0, title + 1), note, ...doc.blocks.slice(title + 1)] };
}

export function prepareYearRound(config: YearRoundConfig, input: RoundInput): PreparedRound {
  const { result, previous } = input;
  const organisation = organisationChange(input);
  if (organisation) input.changeLog.push(organisation);
  const announcement = planAnnouncement(config.alerts ?? { target: null }, previous, input.changeLog);
  const state: Partial<SummaryState> = { organisationStatus: result.set.organisation.status };
  if (announcement.outbox) state.alerts = announcement.outbox;
  const attempt = previous?.archiveAttempt;
  const waiting = config.archiveRetry === 'daily' && result.toArchive !== null && attempt?.year === result.toArchive.year && attempt.on === input.today;
  const archiving = config.archives && result.toArchive && !waiting ? archiveStep(config.archives, input, result.toArchive.approvedOn, config.archiveRetry === 'daily') : null;

  return {
    state,
    async finish(summary, written) {
      const report: YearRoundReport = { alert: null, archived: [], notes: [...(config.notes ?? [])] };
      if (waiting) report.notes.push(`Redovisningen för ${attempt!.year} kunde inte arkiveras som fastställd: ${attempt!.reason}. Det görs vid första omräkningen i morgon.`);
      report.alert = await announcement.send();
      // what the summary's state should now hold, and whether that still has to be written
      let current: SummaryState | null = written ?? previous;
      let dirty = false;
      if (current && report.alert?.delivered) [current, dirty] = [{ ...current, alerts: { changes: [], dropped: 0 } }, true];
      if (archiving) {
        const after = await archiving(summary, current, report);
        if (after) [current, dirty] = after;
      }
      if (dirty && current) await summary.writeState?.(current);
      return report;
    },
  };
}

/**
 * The organisation's overall assessment is a status like the others (domain.md §7: its change is announced), but it
 * lives only in the summary: its change is logged by the summary write that shows it, which also remembers it.
 */
function organisationChange(input: RoundInput): ChangeLogRow | null {
  const before = input.previous?.organisationStatus;
  const now = input.result.set.organisation;
  if (!before || before === now.status) return null;
  return {
    at: input.at,
    cause: input.cause,
    change: {
      workbookId: '',
      workbookName: input.result.settings.organisation ?? 'Organisationen',
      sheet: SHEETS.summary,
      rowNumber: 0,
      subject: 'Samlad bedömning',
      from: before,
      to: now.status,
      explanation: now.explanation,
    },
  };
}

/**
 * The archive of the reporting year, made after the summary's write (Google copies the spreadsheet as it stands),
 * then the live summary again with its difference section. The set is kept for that second document only in
 * the run that archives (once a year).
 */
function archiveStep(store: ArchiveStore, input: RoundInput, approvedOn: IsoDate, remember: boolean) {
  const { result } = input;
  const set = result.set;
  const settings = result.settings;
  const sources = result.summary.sources;
  const snapshot = approvedSnapshot(set, { approvedOn, workbooks: sources });
  const doc = archiveDocument(result.summary, set.year ?? 0, approvedOn);
  const readers = { addresses: settings.shareWith, agreed: settings.shareAgreed };
  /** the state after it, and whether that is still to be written (null: nothing changed) */
  return async (summary: SummaryStore, current: SummaryState | null, report: YearRoundReport): Promise<[SummaryState, boolean] | null> => {
    if (!snapshot) return null;
    let made: ApprovedArchive;
    try {
      made = await store.archive(doc, snapshot, readers);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      report.notes.push(`Redovisningen för ${snapshot.year} kunde inte arkiveras som fastställd: ${reason}. Det görs vid ${remember ? 'första omräkningen i morgon' : 'nästa omräkning'}.`);
      return remember && current ? [{ ...current, archiveAttempt: { year: snapshot.year, on: input.today, reason } }, true] : null;
    }
    report.archived.push({ year: snapshot.year, location: made.location, adopted: made.snapshot !== snapshot });
    const live = buildSummary(set, settings, { sources, today: input.today, changedAt: input.at, approved: made.snapshot });
    const approved = { ...(current?.approved ?? {}), [String(snapshot.year)]: made };
    const { archiveAttempt: _done, ...rest } = current ?? { contentHash: null, changedAt: null };
    const next: SummaryState = { ...rest, contentHash: live.contentHash, changedAt: input.at, approved };
    await summary.write(live, next, []);
    return [next, false];
  };
}
