/**
 * The summary spreadsheet's own state in its hidden `_malkoll` sheet: column A holds the small state
 * document (content hash, sharing, sheet ids, what Ändringslogg holds); each configured workbook's cached
 * model has a column of its own (B for the first workbook of MALKOLL_SPREADSHEETS, C for the second …),
 * so that one `values.batchGet` reads column A and only the models a run needs (an edit never reads the
 * model of the workbook it recalculates anyway), and a write rewrites only the models that changed.
 * @module
 */
import { createGzip, gunzipSync, gzipSync } from 'node:zlib';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { sheets_v4 } from '@googleapis/sheets';
import { SHEETS, columnLetter, type WorkbookModel } from '../../engine/index.ts';
import { STATE_HEADER, chunked, decodeState, encodeState, type SummaryStateDoc } from './state.ts';
import { jsonText } from './json-body.ts';

export const STATE_COLUMN_RANGE = `'${SHEETS.state}'!A:A`;

/** 1-based column of a workbook's model: its place in the configured set, after column A. */
export function modelColumn(workbookIds: readonly string[], workbookId: string): number | null {
  const i = workbookIds.indexOf(workbookId);
  return i < 0 ? null : i + 2;
}

export function stateRanges(workbookIds: readonly string[], wanted: readonly string[]): string[] {
  const columns = wanted.map((id) => modelColumn(workbookIds, id)).filter((c): c is number => c !== null);
  return [STATE_COLUMN_RANGE, ...columns.map((c) => `'${SHEETS.state}'!${columnLetter(c)}:${columnLetter(c)}`)];
}

const joined = (range: sheets_v4.Schema$ValueRange | undefined) => (range?.values ?? []).slice(1).map((r) => String(r[0] ?? '')).join('');

/** The answer to `stateRanges` → the state document and the wanted models that are stored where expected. */
export function decodeSummaryState(
  ranges: sheets_v4.Schema$ValueRange[],
  workbookIds: readonly string[],
  wanted: readonly string[],
): { doc: SummaryStateDoc | null; models: Record<string, WorkbookModel> } {
  const doc = decodeState(joined(ranges[0]), 'summary');
  const models: Record<string, WorkbookModel> = {};
  if (!doc) return { doc, models };
  // an older state kept every model in column A
  for (const [id, model] of Object.entries(doc.models ?? {})) if (wanted.includes(id)) models[id] = model;
  let next = 1;
  for (const id of wanted) {
    const column = modelColumn(workbookIds, id);
    if (column === null) continue;
    const range = ranges[next++];
    // a column that held another workbook when it was written (the set was reordered) is not this one's
    if (doc.modelColumns?.[id]?.column !== column) continue;
    try {
      models[id] = decodeModel(joined(range));
    } catch {
      // damaged by hand: that workbook is read instead, and its column rewritten
    }
  }
  delete doc.models;
  return { doc, models };
}

const GZIP = 'gzip:';

/**
 * A model as its column holds it: JSON, gzip-compressed and base64-encoded (a 10,000-metric model is
 * megabytes of JSON that compresses about tenfold: fewer cells, and a write well under Google's
 * recommended 2 MB per request).
 */
export function encodeModel(model: WorkbookModel): string {
  return GZIP + gzipSync(JSON.stringify(model)).toString('base64');
}

/** As encodeModel, without the model's JSON held whole: its text goes through gzip in pieces as it is made. */
export async function encodeModelStreamed(model: WorkbookModel): Promise<string> {
  const compressed: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      compressed.push(chunk);
      done();
    },
  });
  await pipeline(Readable.from(jsonText(model)), createGzip(), collect);
  return GZIP + Buffer.concat(compressed).toString('base64');
}

export function decodeModel(text: string): WorkbookModel {
  const json = text.startsWith(GZIP) ? gunzipSync(Buffer.from(text.slice(GZIP.length), 'base64')).toString('utf8') : text;
  return JSON.parse(json) as WorkbookModel;
}

/** A model column to (re)write: its JSON, cut as column A is. */
export interface ModelColumnWrite {
  workbookId: string;
  column: number;
  fingerprint: string;
  model: WorkbookModel;
  /** the model as encodeModel gives it, when it was encoded beforehand */
  encoded?: string;
}

/**
 * Requests that leave `_malkoll` holding `doc` in column A and the given models in their columns; other
 * model columns are left as they are (`doc.modelColumns` says how many rows each takes, so resizing the
 * sheet never cuts one off).
 */
export function summaryStateRequests(doc: SummaryStateDoc, writes: ModelColumnWrite[], columnCount: number, existingId: number | null, newId: number): sheets_v4.Schema$Request[] {
  const columns = writes.map((w) => ({ ...w, chunks: chunked(w.encoded ?? encodeModel(w.model)) }));
  const modelColumns = { ...(doc.modelColumns ?? {}) };
  for (const c of columns) modelColumns[c.workbookId] = { column: c.column, fingerprint: c.fingerprint, rows: c.chunks.length + 1 };
  const stored: SummaryStateDoc = { ...doc, modelColumns };
  delete stored.models;
  const stateChunks = encodeState(stored);
  const rowCount = Math.max(stateChunks.length + 1, ...Object.values(modelColumns).map((m) => m.rows));
  const cells = (texts: string[]) => texts.map((text) => ({ values: [{ userEnteredValue: { stringValue: text } }] }));
  const sheetId = existingId ?? newId;
  const requests: sheets_v4.Schema$Request[] =
    existingId === null
      ? [{ addSheet: { properties: { sheetId, title: SHEETS.state, hidden: true, gridProperties: { rowCount, columnCount } } } }]
      : [
          {
            updateSheetProperties: {
              properties: { sheetId, hidden: true, gridProperties: { rowCount, columnCount } },
              fields: 'hidden,gridProperties.rowCount,gridProperties.columnCount',
            },
          },
        ];
  requests.push({ updateCells: { range: { sheetId, startColumnIndex: 0, endColumnIndex: 1 }, rows: cells([STATE_HEADER, ...stateChunks]), fields: 'userEnteredValue' } });
  for (const c of columns) {
    requests.push({
      updateCells: { range: { sheetId, startColumnIndex: c.column - 1, endColumnIndex: c.column }, rows: cells([c.workbookId, ...c.chunks]), fields: 'userEnteredValue' },
    });
  }
  Object.assign(doc, { modelColumns });
  return requests;
}
