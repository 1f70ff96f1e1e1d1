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
import { normalizeName, type InputPlan, type ProductState, type WritePlan } from '../../engine/index.ts';
import { googleRowLink } from '../alerts/links.ts';
import { UnreadableWorkbookError, type WorkbookRef, type WorkbookSnapshot, type WorkbookStore, type WriteOutcome } from '../../ports.ts';
import { batchUpdateStreamed } from './json-body.ts';
import { GoogleApiError, withRetry, type RetryPolicy } from './retry.ts';
import { READ_FIELDS, gridFromSpreadsheet, templateCellsAsRead, type WorkbookLayout } from './read-grid.ts';
import { readJsonStream } from './json-stream.ts';
import { planRequests } from './apply-plan.ts';
import { protectionRequests } from './protection.ts';
import { STATE_SHEET_ID, freeSheetId, stateSheetRequests, type WorkbookStateDoc } from './state.ts';
import { inputRequests } from './input-requests.ts';

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

function stateDoc(state: ProductState, basedOnVersion: string | null): WorkbookStateDoc {
  return {
    kind: 'workbook',
    version: 1,
    written: state.written,
    basedOnVersion,
    ...(state.changeLog ? { changeLog: state.changeLog } : {}),
    ...(state.kolada ? { kolada: state.kolada } : {}),
  };
}

export function createSheetsWorkbookStore(deps: SheetsWorkbookStoreDeps): WorkbookStore {
  const { sheets } = deps;
  // the layout from the last read of each workbook: lets write() send its one batch without reading
  const layouts = new Map<string, WorkbookLayout>();
  // each read workbook's sheet ids by normalised title, kept after a write (an alert links to a changed row)
  const sheetIds = new Map<string, Map<string, number>>();

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

  /** The layout of the last read (or a read now, when write comes without one). */
  const layoutOf = async (ref: WorkbookRef): Promise<WorkbookLayout> =>
    layouts.get(ref.id) ?? gridFromSpreadsheet(ref.id, await fetchSpreadsheet(ref.id, READ_FIELDS), { converted: true }).layout;

  /** One batchUpdate; a refusal (no access, no such spreadsheet) skips the workbook. */
  const send = async (ref: WorkbookRef, requests: sheets_v4.Schema$Request[], keepLayout = false): Promise<WriteOutcome> => {
    try {
      await withRetry('sheets.spreadsheets.batchUpdate', (o) => batchUpdateStreamed(sheets, ref.id, requests, o), deps.retry);
    } catch (error) {
      const reason = refusal(error);
      if (reason) return { kind: 'skipped', reason: `${ref.name}: ${reason}` };
      throw error;
    } finally {
      // the sheet's shape changed (or may have): the next write must not reuse this layout
      if (!keepLayout) layouts.delete(ref.id);
    }
    return { kind: 'written' };
  };

  return {
    keepsChangeLog: true,
    insertsColumns: true,
    rowLink(workbookId, sheet, rowNumber) {
      const id = sheetIds.get(workbookId)?.get(normalizeName(sheet));
      return id === undefined ? null : googleRowLink(workbookId, id, rowNumber);
    },
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
      sheetIds.set(ref.id, new Map([...layout.sheets].map(([key, sheet]) => [key, sheet.sheetId])));
      return { grid, version };
    },

    async write(ref: WorkbookRef, plan: WritePlan, expectedVersion: string): Promise<WriteOutcome> {
      if (plan.writes.length === 0 && !plan.stateChanged) return { kind: 'unchanged' };
      const layout = await layoutOf(ref);
      const taken = [...layout.sheets.values()].map((s) => s.sheetId);
      const state = stateDoc(plan.state, expectedVersion);
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
      return send(ref, requests);
    },

    async writeInputs(ref: WorkbookRef, plan: InputPlan): Promise<WriteOutcome> {
      if (plan.writes.length === 0 && plan.state === null) return { kind: 'unchanged' };
      const layout = await layoutOf(ref);
      const taken = [...layout.sheets.values()].map((s) => s.sheetId);
      let requests: sheets_v4.Schema$Request[];
      try {
        requests = inputRequests(layout.sheets, plan);
        if (plan.state) {
          // the statuses stay computed from the version they were: only the next recalculation changes that
          const state = stateDoc(plan.state, layout.basedOnVersion ?? null);
          requests.push(...stateSheetRequests(state, layout.stateSheet?.sheetId ?? null, freeSheetId(taken, STATE_SHEET_ID)));
        }
      } catch (error) {
        return { kind: 'skipped', reason: (error as Error).message };
      }
      // values written into existing cells leave the layout as it was, and a state sheet added is known by the id
      // it was given: the recalculation that follows (the scheduled run's Kolada merge) writes without reading again
      const added = requests.find((r) => r.addSheet)?.addSheet?.properties;
      const shaped = requests.some((r) => r.insertDimension || r.appendDimension);
      const outcome = await send(ref, requests, !shaped);
      if (outcome.kind === 'written' && !shaped && added?.sheetId != null) {
        layout.stateSheet = { sheetId: added.sheetId, title: added.title ?? '', rowCount: added.gridProperties?.rowCount ?? 0, columnCount: 1, headers: new Map(), protectedColumns: new Set() };
      }
      return outcome;
    },
  };
}
