/**
 * The product's own state (engine/grid.ts ProductState) in the hidden sheet `_malkoll`: A1 a label for the
 * curious, then the JSON in chunks down column A (a cell holds at most 32 767 characters). The sheet is the
 * product's own part, so it is written whole; reading goes through read-grid.ts like any sheet, so a copy
 * Excel saved again (shared strings instead of inline ones) still reads.
 * @module
 */
import type { ProductState } from '../../engine/index.ts';
import { xmlText } from './ooxml/xml-text.ts';
import { packChangeLog, unpackChangeLog } from './packed-change-log.ts';

export const STATE_LABEL = 'Målkoll: produktens interna tillstånd – ändra inte i detta blad';
export const STATE_CHUNK = 30_000;

/**
 * The stored JSON → state; null when it is missing or not the product's. Fields beyond `written` are kept; the
 * change log is unpacked (packed-change-log.ts), and one that is not a change log is dropped.
 */
export function parseState(json: string): ProductState | null {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object') return null;
    const { written, changeLog, ...rest } = parsed as { written?: unknown; changeLog?: unknown };
    if (!written || typeof written !== 'object') return null;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(written)) if (typeof v === 'string') out[k] = v;
    const log = changeLog === undefined ? null : unpackChangeLog(changeLog);
    return { ...rest, written: out, ...(log ? { changeLog: log } : {}) };
  } catch {
    return null;
  }
}

/**
 * The whole worksheet part for `state`, in the spreadsheet namespace the workbook uses, a row at a time: it is
 * compressed as it comes, so the part never exists as one text beside the JSON (docs/performance.md).
 */
export function* stateSheetXml(state: ProductState, namespace: string): Generator<string> {
  const json = stateJson(state.changeLog ? { ...state, changeLog: packChangeLog(state.changeLog) } : state);
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${namespace}"><sheetData>`;
  yield stateRow(1, STATE_LABEL);
  for (let i = 0; i < json.length; i += STATE_CHUNK) yield stateRow(i / STATE_CHUNK + 2, json.slice(i, i + STATE_CHUNK));
  yield '</sheetData></worksheet>';
}

function stateRow(row: number, text: string): string {
  return `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c></row>`;
}

/**
 * `JSON.stringify(state)`, the same text, with `written` (one key per product cell, tens of thousands in a large
 * workbook) written key by key: JSON.stringify is much slower on an object with that many keys than on its
 * strings one at a time (docs/performance.md).
 */
export function stateJson(state: object): string {
  const parts: string[] = [];
  for (const key of Object.keys(state)) {
    const value = (state as Record<string, unknown>)[key];
    const text = key === 'written' ? writtenJson(value) : JSON.stringify(value);
    // what JSON.stringify leaves out of an object (undefined, functions, symbols)
    if (text === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

function writtenJson(written: unknown): string | undefined {
  if (!written || typeof written !== 'object' || Array.isArray(written)) return JSON.stringify(written);
  const record = written as Record<string, unknown>;
  let out = '';
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (typeof value !== 'string') return JSON.stringify(written);
    out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`;
  }
  return `{${out}}`;
}
