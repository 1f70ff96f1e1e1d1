/**
 * Production wiring: the functions' use cases on Google Sheets.
 * - `recalculate` (inline, no queue): the edited workbook (1 read + ≤ 1 write) and the summary from the
 *   models cached in the summary's `_malkoll` (1 read + ≤ 1 write);
 * - `recalculateWorkbook` (the queue's run of one workbook): the workbook only; its status changes wait in
 *   its change log for the summary run. The set's state (the other workbooks' models) is the one this
 *   instance last read or wrote, when that is recent, else it is read (1 read);
 * - `rebuildSummary` (the queue's summary run, one per 30 s at most): reads every workbook, writes any whose
 *   statuses are stale, rewrites the summary and appends Ändringslogg;
 * - `recalculateAll` (scheduled): as `rebuildSummary`, and re-checks sharing even when nothing changed.
 * @module
 */
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import type { Config } from '../config.ts';
import { createGoogleClients, createSheetsArchiveStore, createSheetsSummaryStore, createSheetsWorkbookStore, type RetryPolicy } from '../adapters/sheets/index.ts';
import { fetchKolada, KoladaError } from '../adapters/kolada/index.ts';
import { mergeKolada } from './kolada.ts';
import type { YearRoundConfig } from './year-round.ts';
import { isoDateInStockholm } from './recalc-set.ts';
import type { SummaryState, SummaryStore, WorkbookStore } from '../ports.ts';
import { recalcSet, type Loaded, type RecalcDeps } from './recalc-set.ts';
import type { RecalcReport } from './report.ts';

/** What the edit trigger said (domain.md §6), recorded as the cause in Ändringslogg. */
export interface EditNotice {
  spreadsheetId: string;
  sheetName: string;
  range: string;
  editedAt: string;
}

export interface ProductionDeps {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
  now?: () => Date;
  /** overrides of the Google retry policy (tests: instant sleeps, short timeouts) */
  retry?: Partial<RetryPolicy>;
  /** the Kolada client's timeouts (tests: short) */
  kolada?: { timeoutMs?: number; retryDelayMs?: number };
  /** the alert webhook's timeout (tests: short) */
  alertTimeoutMs?: number;
}

export interface ProductionRecalc {
  recalculate(spreadsheetId: string, edit: EditNotice | null): Promise<RecalcReport>;
  recalculateWorkbook(spreadsheetId: string, edit: EditNotice | null): Promise<RecalcReport>;
  rebuildSummary(): Promise<RecalcReport>;
  recalculateAll(): Promise<RecalcReport>;
}

/** How long a workbook's run trusts the summary state this instance last saw (the summary run refreshes it). */
export const KNOWN_STATE_MS = 60_000;

export function createProductionRecalc(config: Config, deps: ProductionDeps = createGoogleClients({ rootUrl: config.googleApiRoot })): ProductionRecalc {
  const now = deps.now ?? (() => new Date());
  let known: { state: SummaryState | null; at: number } | null = null;
  /** the summary store, remembering the state it read or wrote for the next workbook run of this instance */
  const remembering = (store: SummaryStore): SummaryStore =>
    Object.assign(Object.create(store) as SummaryStore, {
      async readState(options?: Parameters<SummaryStore['readState']>[0]) {
        const state = await store.readState(options);
        // a state read without the other workbooks' models is no use to a workbook's run
        if ((options?.models?.length ?? 0) > 0 || config.spreadsheets.length === 1) known = { state, at: now().getTime() };
        return state;
      },
      async write(...args: Parameters<SummaryStore['write']>) {
        known = null;
        await store.write(...args);
        known = { state: args[1], at: now().getTime() };
      },
    });

  const retry = deps.retry ? { retry: deps.retry } : {};
  const stores = () => ({
    store: createSheetsWorkbookStore({ sheets: deps.sheets, spreadsheetIds: config.spreadsheets, ...retry }),
    summary: createSheetsSummaryStore({
      sheets: deps.sheets,
      drive: deps.drive,
      summarySpreadsheetId: config.summarySpreadsheet,
      driveFolderId: config.driveFolder,
      shareDomains: config.shareDomains,
      workbookIds: config.spreadsheets,
      ...retry,
    }),
  });

  type Mode = { scope: string[] | null; cause: string | null; writeSummary: boolean; forceSharing: boolean; kolada?: boolean };
  const run = async (mode: Mode) => {
    const { store, summary } = stores();
    let shareWith: { addresses: string[]; agreed: boolean } | null = null;
    const fresh = known !== null && now().getTime() - known.at < KNOWN_STATE_MS ? known.state : undefined;
    const yearRound: YearRoundConfig = {
      archives: createSheetsArchiveStore({
        sheets: deps.sheets,
        drive: deps.drive,
        summarySpreadsheetId: () => summary.spreadsheetId(),
        driveFolderId: config.driveFolder,
        shareDomains: config.shareDomains,
        ...retry,
      }),
      alerts: {
        target: config.alertTarget,
        linkOf: (c) => store.rowLink?.(c.workbookId, c.sheet, c.rowNumber) ?? null,
        ...(deps.alertTimeoutMs !== undefined ? { timeoutMs: deps.alertTimeoutMs } : {}),
      },
      archiveRetry: 'daily',
    };
    const recalcDeps: RecalcDeps = {
      store,
      summary: remembering(summary),
      now,
      shareDomains: config.shareDomains,
      cause: mode.cause,
      scope: mode.scope,
      writeSummary: mode.writeSummary,
      ...(!mode.writeSummary && fresh !== undefined ? { knownState: fresh } : {}),
      afterCompute: async (result) => {
        shareWith = { addresses: result.settings.shareWith, agreed: result.settings.shareAgreed };
      },
      yearRound,
      ...(mode.kolada ? { beforeCompute: (loaded) => dailyKolada(store, loaded, yearRound) } : {}),
    };
    const report = await recalcSet(recalcDeps);
    // sharing follows the summary: only when it was (re)written, or on the scheduled full run
    const share = shareWith as { addresses: string[]; agreed: boolean } | null;
    if (share && (report.summary === 'written' || mode.forceSharing)) {
      await summary.share(share.addresses, share.agreed, { force: mode.forceSharing });
    }
    return report;
  };
  const causeOf = (edit: EditNotice | null) => (edit ? `Redigering av ${edit.sheetName}!${edit.range} (${edit.editedAt})` : null);
  return {
    recalculate: (spreadsheetId, edit) => run({ scope: [spreadsheetId], cause: causeOf(edit), writeSummary: true, forceSharing: false }),
    recalculateWorkbook: (spreadsheetId, edit) => run({ scope: [spreadsheetId], cause: causeOf(edit), writeSummary: false, forceSharing: false }),
    rebuildSummary: () => run({ scope: null, cause: null, writeSummary: true, forceSharing: false }),
    recalculateAll: () => run({ scope: null, cause: 'Schemalagd omräkning', writeSummary: true, forceSharing: true, kolada: true }),
  };

  /**
   * The scheduled run (daily, Cloud Scheduler) merges Kolada into the workbooks it has just read (domain.md §7), so
   * nothing is read twice and nothing is remembered for it: a run that changes nothing writes nothing. Kolada
   * unreachable is reported and the recalculation runs anyway; the next scheduled run asks again.
   */
  async function dailyKolada(store: WorkbookStore, loaded: Loaded[], yearRound: YearRoundConfig): Promise<void> {
    const today = isoDateInStockholm(now());
    try {
      const report = await mergeKolada({ store, today, fetch: (query) => fetchKolada({ root: config.koladaRoot, ...deps.kolada }, query) }, loaded);
      if (report.nothingToFetch) return;
      const filled = report.workbooks.flatMap((w) => w.rows).flatMap((r) => r.decisions).filter((d) => d.action === 'write').length;
      const failed = report.failures.map((f) => `Kolada: ${f.kpi} kunde inte hämtas: ${f.reason}`);
      yearRound.notes = [`Kolada: ${filled} utfall ifyllda (${report.kpis.length} nyckeltal, ${report.requests} anrop)`, ...failed];
    } catch (error) {
      if (!(error instanceof KoladaError)) throw error;
      yearRound.notes = [`${error.message} – omräkningen gjordes ändå`];
    }
  }
}
