/**
 * SummaryStore for Google Sheets: the summary spreadsheet shared read-only with leadership.
 * readState = one `values.batchGet` of `_malkoll`; write = one `batchUpdate` that rewrites
 * `Sammanfattning` (cells + native charts) and `Handlingsplan`, appends to `Ändringslogg` (never
 * rewritten) and stores the state. The sheet and chart ids Målkoll made are kept in that state, so a
 * write needs no read; only when they are unknown (first write) or stale (the batch is refused with 400,
 * e.g. a person deleted a chart) is the sheet list read once.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { drive_v3 } from '@googleapis/drive';
import type { SummaryState, SummaryStore } from '../../ports.ts';
import { CHANGE_LOG_HEADERS, SHEETS, type ChangeLogRow, type SummaryDocument, type SummaryCell, type WorkbookModel } from '../../engine/index.ts';
import { batchUpdateStreamed } from './json-body.ts';
import { GoogleApiError, withRetry, type RetryPolicy } from './retry.ts';
import { STATE_SHEET_ID, freeSheetId, type SummaryStateDoc } from './state.ts';
import { decodeSummaryState, encodeModelStreamed, modelColumn, stateRanges, summaryStateRequests, type ModelColumnWrite } from './summary-state.ts';
import { layoutSummary } from './summary-layout.ts';
import { styledCell } from './cell-format.ts';
import { share, type ShareResult } from './sharing.ts';
import { withYearState, yearStateOf } from './summary-year-state.ts';
import { SPREADSHEET_MIME } from './drive-mime.ts';

export interface SheetsSummaryStoreDeps {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
  summarySpreadsheetId: string | null;
  /** a folder in a shared drive: a service account can own no files elsewhere */
  driveFolderId: string | null;
  shareDomains: string[];
  retry?: Partial<RetryPolicy>;
  /** file name when the store creates the spreadsheet */
  title?: string;
  /** the configured workbooks, in order: each one's cached model has the column of its place (summary-state.ts) */
  workbookIds?: string[];
}

export type SheetsSummaryStore = SummaryStore & {
  ensureSpreadsheet(): Promise<string>;
  /** the summary spreadsheet's id, null until there is one */
  spreadsheetId(): string | null;
  share(addresses: string[], agreed: boolean, options?: { force?: boolean }): Promise<ShareResult>;
};

type Layout = NonNullable<SummaryStateDoc['layout']>;
interface Found {
  summary?: number;
  actionPlan?: number;
  changeLog?: number;
  state?: number;
  charts: number[];
  /** the empty first sheet of a spreadsheet this store created */
  blank?: number;
  /** data rows Ändringslogg holds (below its header) */
  changeLogRows?: number;
  taken: number[];
}

/** A model column of `_malkoll` that still holds the workbook's model: in its place, with the same fingerprint. */
function holdsModel(stored: { column: number; fingerprint: string }, column: number, fingerprint: string): boolean {
  return stored.column === column && fingerprint !== '' && stored.fingerprint === fingerprint;
}

const IDS = { summary: 101, actionPlan: 102, changeLog: 103 };
const CHART_BASE = 910_000;

const text = (t: string) => (t === '' ? {} : { userEnteredValue: { stringValue: t } });
const cellOf = (c: SummaryCell) => (c.style ? styledCell(c.text, c.style) : text(c.text));

export function createSheetsSummaryStore(deps: SheetsSummaryStoreDeps): SheetsSummaryStore {
  const { sheets, drive } = deps;
  let id = deps.summarySpreadsheetId;
  const workbookIds = deps.workbookIds ?? [];
  let internal: SummaryStateDoc | null | undefined; // undefined: not read yet
  let cachedModels: Record<string, WorkbookModel> = {};
  let createdHere = false;

  const emptyState = (): SummaryStateDoc => ({ kind: 'summary', version: 1, contentHash: null, changedAt: null, granted: [], layout: null });

  async function loadInternal(wanted: string[] = []): Promise<SummaryStateDoc | null> {
    if (internal !== undefined) return internal;
    if (!id) return (internal = null);
    const spreadsheetId = id;
    try {
      const ranges = stateRanges(workbookIds, wanted);
      const res = await withRetry('sheets.spreadsheets.values.batchGet', (o) => sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges }, o), deps.retry);
      const decoded = decodeSummaryState(res.data.valueRanges ?? [], workbookIds, wanted);
      internal = decoded.doc;
      cachedModels = decoded.models;
    } catch (error) {
      // Sheets answers 400 "Unable to parse range" when `_malkoll` does not exist yet (or lacks a model column)
      if (error instanceof GoogleApiError && error.status === 400) internal = null;
      else throw error;
    }
    return internal;
  }

  async function findSheets(spreadsheetId: string): Promise<Found> {
    const res = await withRetry('sheets.spreadsheets.get', (o) => sheets.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties(sheetId,title,gridProperties.rowCount),charts(chartId))' }, o), deps.retry);
    const found: Found = { charts: [], taken: [] };
    for (const s of res.data.sheets ?? []) {
      const sid = s.properties?.sheetId ?? 0;
      const title = s.properties?.title ?? '';
      found.taken.push(sid);
      if (title === SHEETS.summary) {
        found.summary = sid;
        found.charts = (s.charts ?? []).map((c) => c.chartId ?? 0);
      } else if (title === SHEETS.actionPlan) found.actionPlan = sid;
      else if (title === SHEETS.changeLog) {
        found.changeLog = sid;
        // Målkoll grows Ändringslogg to exactly its rows; this is for a state from before it counted them
        found.changeLogRows = Math.max(0, (s.properties?.gridProperties?.rowCount ?? 1) - 1);
      }
      else if (title === SHEETS.state) found.state = sid;
      else if (createdHere && /^(Blad|Sheet)1$/.test(title)) found.blank = sid;
    }
    return found;
  }

  const fromLayout = (l: Layout, changeLogRows: number): Found => ({
    changeLogRows,
    summary: l.summary,
    ...(l.actionPlan !== null ? { actionPlan: l.actionPlan } : {}),
    changeLog: l.changeLog,
    state: l.state,
    charts: l.charts,
    taken: [l.summary, l.changeLog, l.state, ...(l.actionPlan !== null ? [l.actionPlan] : [])],
  });

  function buildRequests(found: Found, doc: SummaryDocument, state: SummaryState, changeLog: ChangeLogRow[], encoded: Map<string, string>): sheets_v4.Schema$Request[] {
    const taken = new Set(found.taken);
    const pick = (existing: number | undefined, preferred: number) => {
      const chosen = existing ?? freeSheetId(taken, preferred);
      taken.add(chosen);
      return chosen;
    };
    const summaryId = pick(found.summary, IDS.summary);
    const changeLogId = pick(found.changeLog, IDS.changeLog);
    const actionPlanId = doc.actionPlan ? pick(found.actionPlan, IDS.actionPlan) : null;
    const stateId = found.state ?? freeSheetId(taken, STATE_SHEET_ID);
    const base = found.charts.includes(CHART_BASE) ? CHART_BASE + 1000 : CHART_BASE;
    const summary = layoutSummary(doc.blocks, summaryId, doc.blocks.map((_, i) => base + i));
    const requests: sheets_v4.Schema$Request[] = [];

    const rewrite = (sheetId: number, exists: boolean, title: string, index: number, rows: sheets_v4.Schema$RowData[], columnCount: number) => {
      const gridProperties = { rowCount: rows.length + 5, columnCount };
      if (exists) requests.push({ updateSheetProperties: { properties: { sheetId, gridProperties }, fields: 'gridProperties.rowCount,gridProperties.columnCount' } });
      else requests.push({ addSheet: { properties: { sheetId, title, index, gridProperties } } });
      requests.push({ updateCells: { range: { sheetId }, rows, fields: '*' } });
    };

    for (const chartId of found.charts) requests.push({ deleteEmbeddedObject: { objectId: chartId } });
    rewrite(summaryId, found.summary !== undefined, SHEETS.summary, 0, summary.rows, summary.columnCount);
    for (const chart of summary.charts) requests.push({ addChart: { chart } });
    if (doc.actionPlan && actionPlanId !== null) {
      const rows = [{ values: doc.actionPlan.columns.map((c) => styledCell(c, 'header')) }, ...doc.actionPlan.rows.map((r) => ({ values: r.map(cellOf) }))];
      rewrite(actionPlanId, found.actionPlan !== undefined, SHEETS.actionPlan, 1, rows, Math.max(doc.actionPlan.columns.length, 10));
    } else if (found.actionPlan !== undefined) {
      requests.push({ deleteSheet: { sheetId: found.actionPlan } });
    }
    if (found.changeLog === undefined) {
      requests.push({ addSheet: { properties: { sheetId: changeLogId, title: SHEETS.changeLog, index: 2, gridProperties: { rowCount: 1, columnCount: CHANGE_LOG_HEADERS.length } } } });
      requests.push({ updateCells: { start: { sheetId: changeLogId, rowIndex: 0, columnIndex: 0 }, rows: [{ values: CHANGE_LOG_HEADERS.map((h) => styledCell(h, 'header')) }], fields: '*' } });
    }
    // Rows go to absolute places (after the rows Målkoll knows it wrote), not appendCells: a batch that was
    // applied but whose answer was lost may be sent again, and must then write the same rows, not add them twice.
    const logged = found.changeLog === undefined ? 0 : (found.changeLogRows ?? 0);
    if (changeLog.length) {
      const rows = changeLog.map((r) => ({
        values: [r.at, r.change.workbookName, r.change.sheet, r.change.rowNumber > 0 ? String(r.change.rowNumber) : '', r.change.subject, r.change.from ?? '', r.change.to, r.cause ?? ''].map(text),
      }));
      requests.push({
        updateSheetProperties: {
          properties: { sheetId: changeLogId, gridProperties: { rowCount: 1 + logged + rows.length, columnCount: CHANGE_LOG_HEADERS.length } },
          fields: 'gridProperties.rowCount,gridProperties.columnCount',
        },
      });
      requests.push({ updateCells: { start: { sheetId: changeLogId, rowIndex: 1 + logged, columnIndex: 0 }, rows, fields: 'userEnteredValue' } });
    }
    if (found.blank !== undefined) requests.push({ deleteSheet: { sheetId: found.blank } });
    const previous = internal ?? emptyState();
    internal = {
      ...withYearState(previous, state),
      contentHash: state.contentHash,
      changedAt: state.changedAt,
      changeLogRows: logged + changeLog.length,
      ...(state.logged ? { logged: state.logged } : {}),
      layout: { summary: summaryId, actionPlan: actionPlanId, changeLog: changeLogId, state: stateId, charts: summary.charts.map((c) => c.chartId!) },
    };
    return [...requests, ...stateRequests(internal, state, found.state ?? null, stateId, encoded)];
  }

  /** `_malkoll`: the state document, and the columns of the models whose fingerprint changed. */
  function stateRequests(doc: SummaryStateDoc, state: SummaryState, existingId: number | null, newId: number, encoded: Map<string, string>): sheets_v4.Schema$Request[] {
    const writes: ModelColumnWrite[] = [];
    const kept: NonNullable<SummaryStateDoc['modelColumns']> = {};
    for (const [workbookId, model] of Object.entries(state.models ?? {})) {
      const column = modelColumn(workbookIds, workbookId);
      if (column === null) continue;
      const fingerprint = state.modelFingerprints?.[workbookId] ?? '';
      const stored = doc.modelColumns?.[workbookId];
      if (stored && holdsModel(stored, column, fingerprint)) kept[workbookId] = stored;
      else writes.push({ workbookId, column, fingerprint, model, ...(encoded.has(workbookId) ? { encoded: encoded.get(workbookId)! } : {}) });
    }
    doc.modelColumns = kept;
    return summaryStateRequests(doc, writes, workbookIds.length + 1, existingId, newId);
  }

  /**
   * The models `stateRequests` will write, encoded before the requests are built: streamed through gzip, so a
   * large model's JSON is never one string beside the summary's rows.
   */
  async function encodeChanged(state: SummaryState, current: SummaryStateDoc | null): Promise<Map<string, string>> {
    const encoded = new Map<string, string>();
    for (const [workbookId, model] of Object.entries(state.models ?? {})) {
      const column = modelColumn(workbookIds, workbookId);
      if (column === null) continue;
      const stored = current?.modelColumns?.[workbookId];
      if (stored && holdsModel(stored, column, state.modelFingerprints?.[workbookId] ?? '')) continue;
      encoded.set(workbookId, await encodeModelStreamed(model));
    }
    return encoded;
  }

  async function batch(spreadsheetId: string, requests: sheets_v4.Schema$Request[]): Promise<void> {
    await withRetry('sheets.spreadsheets.batchUpdate', (o) => batchUpdateStreamed(sheets, spreadsheetId, requests, o), deps.retry);
  }

  /** Column A of `_malkoll` alone: one small write, nothing a person reads changes (sharing, alerts delivered). */
  async function writeInternal(spreadsheetId: string, doc: SummaryStateDoc): Promise<void> {
    internal = doc;
    let stateId = doc.layout?.state;
    let taken = doc.layout ? fromLayout(doc.layout, 0).taken : [];
    if (stateId === undefined) {
      const found = await findSheets(spreadsheetId);
      stateId = found.state;
      taken = found.taken;
    }
    await batch(spreadsheetId, summaryStateRequests(doc, [], workbookIds.length + 1, stateId ?? null, freeSheetId(taken, STATE_SHEET_ID)));
  }

  async function ensureSpreadsheet(): Promise<string> {
    if (id) return id;
    if (!deps.driveFolderId) {
      throw new Error(
        'Ingen sammanfattning finns (MALKOLL_SUMMARY_SPREADSHEET) och ingen mapp i en delad enhet (MALKOLL_DRIVE_FOLDER): ett tjänstekonto kan inte äga filer. Kör `setup google` som person, eller ange en mapp i en delad enhet.',
      );
    }
    const parent = deps.driveFolderId;
    try {
      const res = await withRetry('drive.files.create', (o) =>
        drive.files.create({ supportsAllDrives: true, fields: 'id', requestBody: { name: deps.title ?? 'Målkoll – Sammanfattning', mimeType: SPREADSHEET_MIME, parents: [parent] } }, o),
      deps.retry);
      id = res.data.id ?? null;
    } catch (error) {
      if (error instanceof GoogleApiError && error.reason === 'storageQuotaExceeded') {
        throw new GoogleApiError(error.operation, 403, error.reason, `MALKOLL_DRIVE_FOLDER (${parent}) ligger inte i en delad enhet; ett tjänstekonto kan bara skapa filer där. ${error.message}`, error.attempts);
      }
      throw error;
    }
    if (!id) throw new Error('Drive skapade kalkylarket men gav inget id.');
    createdHere = true;
    internal = null;
    return id;
  }

  return {
    cachesModels: true,
    ensureSpreadsheet,
    spreadsheetId: () => id,
    location: () => (id ? `https://docs.google.com/spreadsheets/d/${id}/edit` : 'ingen sammanfattning ännu'),

    async readState(options = {}) {
      const doc = await loadInternal(options.models ?? workbookIds);
      if (!doc) return null;
      const fingerprints = Object.fromEntries(Object.entries(doc.modelColumns ?? {}).map(([wid, m]) => [wid, m.fingerprint]));
      return {
        contentHash: doc.contentHash,
        changedAt: doc.changedAt,
        ...(Object.keys(cachedModels).length ? { models: cachedModels } : {}),
        ...(Object.keys(fingerprints).length ? { modelFingerprints: fingerprints } : {}),
        ...(doc.logged ? { logged: doc.logged } : {}),
        ...yearStateOf(doc),
      };
    },

    async writeState(state) {
      const spreadsheetId = await ensureSpreadsheet();
      const current = (await loadInternal()) ?? emptyState();
      await writeInternal(spreadsheetId, { ...withYearState(current, state), contentHash: state.contentHash, changedAt: state.changedAt, ...(state.logged ? { logged: state.logged } : {}) });
    },

    async write(doc, state, changeLog) {
      const spreadsheetId = await ensureSpreadsheet();
      const current = await loadInternal();
      const encoded = await encodeChanged(state, current);
      const known = current?.layout;
      if (known && current?.changeLogRows !== undefined) {
        const expected = { contentHash: state.contentHash, logged: JSON.stringify(state.logged ?? null), rows: current.changeLogRows + changeLog.length };
        try {
          return await batch(spreadsheetId, buildRequests(fromLayout(known, current.changeLogRows), doc, state, changeLog, encoded));
        } catch (error) {
          if (!(error instanceof GoogleApiError && error.status === 400)) throw error;
          // Either the remembered ids are stale (a sheet or chart was removed by hand), or an earlier attempt of
          // this same batch was applied and its answer lost (a repeat then finds its charts gone). Look first:
          // if the summary already holds this write, it is done — writing again would log the rows twice.
          internal = undefined;
          const now = await loadInternal();
          if (now && now.contentHash === expected.contentHash && JSON.stringify(now.logged ?? null) === expected.logged && now.changeLogRows === expected.rows) return;
        }
      }
      await batch(spreadsheetId, buildRequests(await findSheets(spreadsheetId), doc, state, changeLog, encoded));
    },

    async share(addresses, agreed, options = {}) {
      const fileId = await ensureSpreadsheet();
      const current = (await loadInternal()) ?? emptyState();
      const result = await share({ drive, fileId, shareDomains: deps.shareDomains, ...(deps.retry ? { retry: deps.retry } : {}) }, addresses, agreed, current.granted, options);
      if (JSON.stringify(result.grants) !== JSON.stringify(current.granted)) await writeInternal(fileId, { ...current, granted: result.grants });
      return { granted: result.granted, revoked: result.revoked, refused: result.refused };
    },
  };
}
