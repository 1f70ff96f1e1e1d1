/**
 * The product's own state in the hidden sheet `_malkoll` (never in a sheet people type in): JSON in
 * column A, cut into chunks below Sheets' 50,000-character cell limit, row 1 a warning header.
 * Writing it replaces the sheet's content; creating it adds the sheet first, hidden, with a fixed id.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { SHEETS, type AlertChange, type ChangeLogState, type KoladaRecord, type WorkbookModel } from '../../engine/index.ts';

export const STATE_HEADER = 'Målkolls eget tillstånd – ändra inte';
const CHUNK = 40_000;

/** The id Målkoll gives `_malkoll` when it adds it (the next free one if a sheet already has it). */
export const STATE_SHEET_ID = 7_362_655;

export interface WorkbookStateDoc {
  kind: 'workbook';
  version: 1;
  written: Record<string, string>;
  /** the workbook version the written statuses were computed from (a later run can tell they are stale) */
  basedOnVersion: string | null;
  /** the status changes written here that Ändringslogg may not hold yet (shared/app/change-log.ts) */
  changeLog?: ChangeLogState;
  /** Kolada's figures per outcome cell (ProductState.kolada) */
  kolada?: Record<string, KoladaRecord>;
}

export interface GrantedPermission {
  address: string;
  type: 'user' | 'group';
  permissionId: string;
}

export interface SummaryStateDoc {
  kind: 'summary';
  version: 1;
  contentHash: string | null;
  changedAt: string | null;
  /** only what Målkoll itself shared; removal revokes exactly these */
  granted: GrantedPermission[];
  /** sheet and chart ids Målkoll made, so a write needs no read */
  layout: { summary: number; actionPlan: number | null; changeLog: number; state: number; charts: number[] } | null;
  /** each workbook's model from its last run, as an older version kept them here (summary-state.ts reads them) */
  models?: Record<string, WorkbookModel>;
  /** where each workbook's cached model is (summary-state.ts): its column, fingerprint and rows */
  modelColumns?: Record<string, { column: number; fingerprint: string; rows: number }>;
  /** data rows Målkoll has written into Ändringslogg (the next ones go right below) */
  changeLogRows?: number;
  /** per workbook, the highest change sequence Ändringslogg holds (see SummaryState.logged) */
  logged?: Record<string, { epoch: string; seq: number }>;
  /** the approved years' archives: date, the archive's address and its snapshot (gzip + base64 JSON) */
  approved?: Record<string, { approvedOn: string; location: string; snapshot: string }>;
  /** announcements not delivered yet (SummaryState.alerts) */
  alerts?: { changes: AlertChange[]; dropped: number };
  /** the organisation's overall assessment the summary last showed */
  organisationStatus?: string;
  /** the last archive that could not be made (tried again the next day) */
  archiveAttempt?: { year: number; on: string; reason: string };
}

type StateDoc = WorkbookStateDoc | SummaryStateDoc;

export function decodeState(text: string, kind: 'workbook'): WorkbookStateDoc | null;
export function decodeState(text: string, kind: 'summary'): SummaryStateDoc | null;
export function decodeState(text: string, kind: StateDoc['kind']): StateDoc | null {
  try {
    const doc = JSON.parse(text) as StateDoc;
    return doc && doc.kind === kind && doc.version === 1 ? doc : null;
  } catch {
    return null; // damaged by hand: treated as no state, rewritten by the next write
  }
}

export function encodeState(doc: StateDoc): string[] {
  return chunked(JSON.stringify(doc));
}

/** Text cut into pieces below Sheets' 50,000-character cell limit. */
export function chunked(text: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
  return chunks;
}

export function freeSheetId(taken: Iterable<number>, preferred: number): number {
  const used = new Set(taken);
  let id = preferred;
  while (used.has(id)) id++;
  return id;
}

/** Requests that leave `_malkoll` holding exactly `doc`. `existingId` null = add the sheet (hidden) first. */
export function stateSheetRequests(doc: StateDoc, existingId: number | null, newId: number): sheets_v4.Schema$Request[] {
  const chunks = encodeState(doc);
  const rows = [STATE_HEADER, ...chunks].map((text) => ({ values: [{ userEnteredValue: { stringValue: text } }] }));
  const rowCount = rows.length;
  if (existingId === null) {
    return [
      { addSheet: { properties: { sheetId: newId, title: SHEETS.state, hidden: true, gridProperties: { rowCount, columnCount: 1 } } } },
      { updateCells: { start: { sheetId: newId, rowIndex: 0, columnIndex: 0 }, rows, fields: 'userEnteredValue' } },
    ];
  }
  return [
    // resizing first makes room for a longer state and drops the rows of a longer old one
    { updateSheetProperties: { properties: { sheetId: existingId, hidden: true, gridProperties: { rowCount } }, fields: 'hidden,gridProperties.rowCount' } },
    { updateCells: { range: { sheetId: existingId }, rows, fields: 'userEnteredValue' } },
  ];
}
