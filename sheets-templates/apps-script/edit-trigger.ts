/**
 * The Apps Script edit trigger (bundled to dist/apps-script/Code.gs by scripts/build.ts). An
 * INSTALLABLE onEdit trigger, because a simple one may not call UrlFetchApp; it runs as the person
 * who ran `installTriggers()`. Edits made by the product through the Sheets API fire no onEdit, so
 * the product's own writes cause no loop.
 *
 * Script properties: MALKOLL_ENDPOINT (the onSheetEdit URL), MALKOLL_SIGNING_SECRET (the function's
 * secret), MALKOLL_SPREADSHEETS (comma-separated ids, as in the function's configuration).
 * @module
 */
// The model folder alone, not engine/index.ts: this file is bundled for Apps Script, which needs only the
// template contract, not the whole engine and its npm dependencies.
import { normalizeName } from '../../shared/engine/model/grid.ts';
import { PRODUCT_COLUMNS, SHEETS } from '../../shared/engine/model/template.ts';
import type { AppsScriptGlobals, EditEvent, HttpResponse, Range, Sheet } from './apps-script-types.ts';

declare const UrlFetchApp: AppsScriptGlobals['UrlFetchApp'];
declare const PropertiesService: AppsScriptGlobals['PropertiesService'];
declare const Utilities: AppsScriptGlobals['Utilities'];
declare const ScriptApp: AppsScriptGlobals['ScriptApp'];

export const PROPERTIES = {
  endpoint: 'MALKOLL_ENDPOINT',
  secret: 'MALKOLL_SIGNING_SECRET',
  spreadsheets: 'MALKOLL_SPREADSHEETS',
} as const;

const HANDLER = 'onEditTrigger';
/** Apps Script allows 20 triggers per user per script. */
const MAX_TRIGGERS = 20;
const MIN_SECRET_LENGTH = 32;
const MAX_RETRY_WAIT_SECONDS = 10;

/** The sheets people type in; an edit anywhere else (their own extra sheets) changes nothing we compute. */
const INPUT_SHEETS = [SHEETS.metrics, SHEETS.indicators, SHEETS.goalAreas, SHEETS.settings, SHEETS.survey, SHEETS.actionPlan];

export interface EditBody {
  spreadsheetId: string;
  sheetName: string;
  range: string;
  editedAt: string;
}

/** The body to send for this edit, or null when the edit cannot change any result. */
export function describeEdit(e: EditEvent, now: Date = new Date()): EditBody | null {
  const sheet = e.range.getSheet();
  const sheetName = sheet.getName();
  const canonical = INPUT_SHEETS.find((name) => normalizeName(name) === normalizeName(sheetName));
  if (canonical === undefined) return null;
  if (onlyProductColumns(sheet, e.range, PRODUCT_COLUMNS[canonical] ?? [])) return null;
  return { spreadsheetId: e.source.getId(), sheetName, range: e.range.getA1Notation(), editedAt: now.toISOString() };
}

function onlyProductColumns(sheet: Sheet, range: Range, productColumns: readonly string[]): boolean {
  // an edit of row 1 changes the headers, i.e. the structure: always recalculate
  if (productColumns.length === 0 || range.getRow() === 1) return false;
  const headers = sheet.getRange(1, range.getColumn(), 1, range.getNumColumns()).getValues()[0] ?? [];
  const product = new Set(productColumns.map(normalizeName));
  return headers.length > 0 && headers.every((h) => product.has(normalizeName(String(h))));
}

/**
 * JSON with every non-ASCII character escaped (`Mätetal` → `M\u00e4tetal`): the bytes signed and the
 * bytes sent are then the same whatever charset UrlFetchApp picks for the payload.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Apps Script returns signed bytes (−128…127). */
function hex(bytes: number[]): string {
  return bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
}

function property(key: string): string {
  const value = PropertiesService.getScriptProperties().getProperty(key);
  return value === null ? '' : value.trim();
}

function settings(): { endpoint: string; secret: string } {
  const endpoint = property(PROPERTIES.endpoint);
  const secret = property(PROPERTIES.secret);
  if (!/^https:\/\//.test(endpoint)) {
    throw new Error(`Skriptegenskapen ${PROPERTIES.endpoint} saknas eller är inte en https-adress (adressen till onSheetEdit).`);
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`Skriptegenskapen ${PROPERTIES.secret} saknas eller är kortare än ${MIN_SECRET_LENGTH} tecken.`);
  }
  return { endpoint, secret };
}

function send(endpoint: string, secret: string, body: string): HttpResponse {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = hex(Utilities.computeHmacSha256Signature(`${timestamp}.${body}`, secret, Utilities.Charset.UTF_8));
  return UrlFetchApp.fetch(endpoint, {
    method: 'post',
    contentType: 'application/json',
    payload: body,
    headers: { 'X-Malkoll-Timestamp': timestamp, 'X-Malkoll-Signature': `sha256=${signature}` },
    muteHttpExceptions: true,
    followRedirects: false,
  });
}

function retryAfter(response: HttpResponse): number {
  const headers = response.getHeaders();
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'retry-after');
  const seconds = key === undefined ? NaN : Number(headers[key]);
  return Number.isFinite(seconds) ? Math.min(Math.max(seconds, 1), MAX_RETRY_WAIT_SECONDS) : MAX_RETRY_WAIT_SECONDS;
}

/** The trigger's handler. Throws on a refused call, so the failure shows in the executions and in Google's failure mail. */
export function onEditTrigger(e: EditEvent): void {
  const edit = describeEdit(e);
  if (edit === null) return;
  const { endpoint, secret } = settings();
  const body = asciiJson(edit);
  let response = send(endpoint, secret, body);
  const code = response.getResponseCode();
  if (code === 429 || code === 503) {
    Utilities.sleep(retryAfter(response) * 1000);
    response = send(endpoint, secret, body); // signed afresh: a resent signature counts as a replay
  }
  const status = response.getResponseCode();
  if (status < 200 || status > 299) {
    throw new Error(`Målkoll svarade ${status} för ${edit.sheetName}!${edit.range}: ${response.getContentText().slice(0, 300)}`);
  }
}

/**
 * Run once by hand (and again after changing MALKOLL_SPREADSHEETS): replaces this script's onEdit
 * triggers with one per configured spreadsheet. Idempotent; other triggers are left alone.
 */
export function installTriggers(): string {
  settings();
  const ids = [...new Set(property(PROPERTIES.spreadsheets).split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  if (ids.length === 0) {
    throw new Error(`Skriptegenskapen ${PROPERTIES.spreadsheets} saknas: ange kalkylarkens id:n, åtskilda med kommatecken.`);
  }
  const existing = ScriptApp.getProjectTriggers();
  const ours = existing.filter((t) => t.getHandlerFunction() === HANDLER && t.getEventType() === ScriptApp.EventType.ON_EDIT);
  const others = existing.length - ours.length;
  if (others + ids.length > MAX_TRIGGERS) {
    throw new Error(
      `För många kalkylark: ${ids.length} utlösare plus ${others} andra går över gränsen ${MAX_TRIGGERS} per användare och skript.`,
    );
  }
  for (const trigger of ours) ScriptApp.deleteTrigger(trigger);
  for (const id of ids) ScriptApp.newTrigger(HANDLER).forSpreadsheet(id).onEdit().create();
  const message = `Målkoll: ${ids.length} redigeringsutlösare installerade (${ours.length} äldre borttagna).`;
  console.log(message);
  return message;
}
