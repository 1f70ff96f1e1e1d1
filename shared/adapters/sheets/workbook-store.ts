/**
 * WorkbookStore for Google Sheets: one `spreadsheets.get` per read, at most one `batchUpdate` per write.
 *
 * Versions and races: Sheets has no etag for cell content, so `version` is a hash of the cells read.
 * A write does not read again (that would double the read quota, and a read-then-write is no
 * transaction anyway). It writes only the product's cells, so a person's input is never overwritten;
 * a stale status is corrected by the app layer, which recalculates again when the edit trigger reports
 * an edit newer than the one it computed from. The version the statuses were computed from is stored in
 * `_malkoll` (`basedOnVersion`) so a later run can tell. Hence `write` never answers `conflict`.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { WritePlan } from '../../engine/index.ts';
import { UnreadableWorkbookError, type WorkbookRef, type WorkbookSnapshot, type WorkbookStore, type WriteOutcome } from '../../ports.ts';
import { batchUpdateStreamed } from './json-body.ts';
import { GoogleApiError, withRetry, type RetryPolicy } from './retry.ts';
import { READ_FIELDS, gridFromSpreadsheet, templateCellsAsRead, type WorkbookLayout } from './read-grid.ts';
import { readJsonStream } from './json-stream.ts';
import { planRequests } from './apply-plan.ts';
import { protectionRequests } from './protection.ts';
import { STATE_SHEET_ID, freeSheetId, stateSheetRequests } from './state.ts';

export interface SheetsWorkbookStoreDeps {
  sheets: sheets_v4.Sheets;
  spreadsheetIds: string[];
  retry?: Partial<RetryPolicy>;
}

function refusal(error: unknown): string | null {
  if (!(error instanceof GoogleApiError)) return null;
  if (error.status === 403) return 'Målkoll har inte behörighet till kalkylarket (dela det med tjänstekontot som redigerare).';
  if (error.status === 404) return 'Kalkylarket finns inte (fel id, eller borttaget).';
  return null;
}

export function createSheetsWorkbookStore(deps: SheetsWorkbookStoreDeps): WorkbookStore {
  const { sheets } = deps;
  // the layout from the last read of each workbook: lets write() send its one batch without reading
  const layouts = new Map<string, WorkbookLayout>();

  /**
   * One `spreadsheets.get`, its answer read as a stream: each cell becomes a CellInput as it arrives, so
   * neither the answer's text nor Google's cell objects are ever held whole (json-stream.ts).
   */
  const fetchSpreadsheet = (id: string, fields: string): Promise<sheets_v4.Schema$Spreadsheet> =>
    withRetry(
      'sheets.spreadsheets.get',
      async (o) => {
        const res = await sheets.spreadsheets.get({ spreadsheetId: id, includeGridData: true, fields }, { ...o, responseType: 'stream' });
        return (await readJsonStream(res.data as unknown as AsyncIterable<Uint8Array>, templateCellsAsRead())) as sheets_v4.Schema$Spreadsheet;
      },
      deps.retry,
    );

  return {
    keepsChangeLog: true,
    async list() {
      // names come with the read (the spreadsheet title); listing costs no call
      return deps.spreadsheetIds.map((id) => ({ id, name: id }));
    },

    async read(ref: WorkbookRef): Promise<WorkbookSnapshot> {
      let data: sheets_v4.Schema$Spreadsheet;
      try {
        data = await fetchSpreadsheet(ref.id, READ_FIELDS);
      } catch (error) {
        const reason = refusal(error);
        if (reason) throw new UnreadableWorkbookError(ref, `${ref.name}: ${reason}`);
        throw error;
      }
      const { grid, version, layout } = gridFromSpreadsheet(ref.id, data, { converted: true });
      layouts.set(ref.id, layout);
      return { grid, version };
    },

    async write(ref: WorkbookRef, plan: WritePlan, expectedVersion: string): Promise<WriteOutcome> {
      if (plan.writes.length === 0 && !plan.stateChanged) return { kind: 'unchanged' };
      let layout = layouts.get(ref.id);
      if (!layout) {
        // only when write() comes without a read in this process (not the normal path)
        layout = gridFromSpreadsheet(ref.id, await fetchSpreadsheet(ref.id, READ_FIELDS), { converted: true }).layout;
      }
      const taken = [...layout.sheets.values()].map((s) => s.sheetId);
      const state = {
        kind: 'workbook' as const,
        version: 1 as const,
        written: plan.state.written,
        basedOnVersion: expectedVersion,
        ...(plan.state.changeLog ? { changeLog: plan.state.changeLog } : {}),
      };
      let requests: sheets_v4.Schema$Request[];
      try {
        requests = [
          ...stateSheetRequests(state, layout.stateSheet?.sheetId ?? null, freeSheetId(taken, STATE_SHEET_ID)),
          ...planRequests(layout.sheets, plan.writes),
          ...protectionRequests(layout.sheets.values(), plan.writes),
        ];
      } catch (error) {
        return { kind: 'skipped', reason: (error as Error).message };
      }
      try {
        await withRetry('sheets.spreadsheets.batchUpdate', (o) => batchUpdateStreamed(sheets, ref.id, requests, o), deps.retry);
      } catch (error) {
        const reason = refusal(error);
        if (reason) return { kind: 'skipped', reason: `${ref.name}: ${reason}` };
        throw error;
      } finally {
        // the sheet's shape changed (or may have): the next write must not reuse this layout
        layouts.delete(ref.id);
      }
      return { kind: 'written' };
    },
  };
}
