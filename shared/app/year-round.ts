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
import { approvedSnapshot, buildSummary, type ApprovedSnapshot, type ChangeLogRow, type IsoDate, type RecalculateResult, type SummaryDocument } from '../engine/index.ts';
import type { ApprovedArchive, ArchiveStore, SummaryState, SummaryStore } from '../ports.ts';
import { planAnnouncement, type AlertsConfig, type AnnounceResult } from './announce.ts';

export interface YearRoundConfig {
  archives?: ArchiveStore | null;
  alerts?: AlertsConfig | null;
  /** the day Kolada was fetched in this run (stored, so the scheduled run fetches once a day) */
  koladaFetchedOn?: IsoDate | null;
  /** Swedish lines for the report from work done before the recalculation (the Kolada fetch) */
  notes?: string[];
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
  /** the rows this run appends to Ändringslogg */
  changeLog: ChangeLogRow[];
  today: IsoDate;
  at: string;
}

/** The state a summary write keeps from the last one, whatever this run writes. */
export function carriedState(previous: SummaryState | null): Partial<SummaryState> {
  if (!previous) return {};
  return {
    ...(previous.approved ? { approved: previous.approved } : {}),
    ...(previous.alerts ? { alerts: previous.alerts } : {}),
    ...(previous.koladaFetchedOn ? { koladaFetchedOn: previous.koladaFetchedOn } : {}),
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
  const announcement = planAnnouncement(config.alerts ?? { target: null }, previous, input.changeLog);
  const state: Partial<SummaryState> = {};
  if (announcement.outbox) state.alerts = announcement.outbox;
  const fetched = config.koladaFetchedOn ?? null;
  if (fetched && fetched !== previous?.koladaFetchedOn) state.koladaFetchedOn = fetched;
  const archiving = config.archives && result.toArchive ? archiveStep(config.archives, input, result.toArchive.approvedOn) : null;

  return {
    state,
    async finish(summary, written) {
      const report: YearRoundReport = { alert: null, archived: [], notes: [...(config.notes ?? [])] };
      report.alert = await announcement.send();
      let current: SummaryState | null = written ?? previous;
      if (current && report.alert?.delivered) current = { ...current, alerts: { changes: [], dropped: 0 } };
      const archived = archiving ? await archiving(summary, current, report) : false;
      if (!archived && current && (report.alert?.delivered || (state.koladaFetchedOn && !written))) {
        await summary.writeState?.({ ...current, ...(state.koladaFetchedOn ? { koladaFetchedOn: state.koladaFetchedOn } : {}) });
      }
      return report;
    },
  };
}

/**
 * The archive of the reporting year, made after the summary's write (Google copies the spreadsheet as it stands),
 * then the live summary again with its difference section. The set is kept for that second document only in
 * the run that archives (once a year).
 */
function archiveStep(store: ArchiveStore, input: RoundInput, approvedOn: IsoDate) {
  const { result } = input;
  const set = result.set;
  const settings = result.settings;
  const sources = result.summary.sources;
  const snapshot = approvedSnapshot(set, { approvedOn, workbooks: sources });
  const doc = archiveDocument(result.summary, set.year ?? 0, approvedOn);
  const readers = { addresses: settings.shareWith, agreed: settings.shareAgreed };
  return async (summary: SummaryStore, current: SummaryState | null, report: YearRoundReport): Promise<boolean> => {
    if (!snapshot) return false;
    let made: ApprovedArchive;
    try {
      made = await store.archive(doc, snapshot, readers);
    } catch (error) {
      report.notes.push(`Redovisningen för ${snapshot.year} kunde inte arkiveras som fastställd: ${error instanceof Error ? error.message : String(error)}. Det görs vid nästa omräkning.`);
      return false;
    }
    report.archived.push({ year: snapshot.year, location: made.location, adopted: made.snapshot !== snapshot });
    const live = buildSummary(set, settings, { sources, today: input.today, changedAt: input.at, approved: made.snapshot });
    const approved = { ...(current?.approved ?? {}), [String(snapshot.year)]: made };
    await summary.write(live, { ...(current ?? { contentHash: null, changedAt: null }), contentHash: live.contentHash, changedAt: input.at, approved }, []);
    return true;
  };
}
