/**
 * Production wiring: the functions' use cases on Google Sheets. One edit recalculates the edited
 * workbook (1 read + ≤ 1 write) and rebuilds the summary from the models cached in the summary's
 * `_malkoll` (1 read + ≤ 1 write); `recalculateAll` reads every configured workbook.
 * @module
 */
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import type { Config } from '../config.ts';
import { createGoogleClients, createSheetsSummaryStore, createSheetsWorkbookStore, type RetryPolicy } from '../adapters/sheets/index.ts';
import { recalcSet, type RecalcDeps } from './recalc-set.ts';
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
}

export interface ProductionRecalc {
  recalculate(spreadsheetId: string, edit: EditNotice | null): Promise<RecalcReport>;
  recalculateAll(): Promise<RecalcReport>;
}

export function createProductionRecalc(config: Config, deps: ProductionDeps = createGoogleClients({ rootUrl: config.googleApiRoot })): ProductionRecalc {
  const run = async (scope: string[] | null, cause: string | null) => {
    const retry = deps.retry ? { retry: deps.retry } : {};
    const store = createSheetsWorkbookStore({ sheets: deps.sheets, spreadsheetIds: config.spreadsheets, ...retry });
    const summary = createSheetsSummaryStore({
      sheets: deps.sheets,
      drive: deps.drive,
      summarySpreadsheetId: config.summarySpreadsheet,
      driveFolderId: config.driveFolder,
      shareDomains: config.shareDomains,
      workbookIds: config.spreadsheets,
      ...retry,
    });
    let shareWith: { addresses: string[]; agreed: boolean } | null = null;
    const recalcDeps: RecalcDeps = {
      store,
      summary,
      now: deps.now ?? (() => new Date()),
      shareDomains: config.shareDomains,
      cause,
      scope,
      afterCompute: async (result) => {
        shareWith = { addresses: result.settings.shareWith, agreed: result.settings.shareAgreed };
      },
    };
    const report = await recalcSet(recalcDeps);
    // sharing follows the summary: only when it was (re)written, or on the scheduled full run
    const share = shareWith as { addresses: string[]; agreed: boolean } | null;
    if (share && (report.summary === 'written' || scope === null)) {
      await summary.share(share.addresses, share.agreed, { force: scope === null });
    }
    return report;
  };
  return {
    recalculate: (spreadsheetId, edit) =>
      run([spreadsheetId], edit ? `Redigering av ${edit.sheetName}!${edit.range} (${edit.editedAt})` : null),
    recalculateAll: () => run(null, 'Schemalagd omräkning'),
  };
}
