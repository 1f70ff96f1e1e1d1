/**
 * `malkoll setup google`: creates the template workbooks (or the demo set) and the summary spreadsheet
 * in a Drive folder, as a PERSON (a service account can own no Drive files). Per workbook: one Drive
 * `files.create` and one `spreadsheets.batchUpdate` that lays out every sheet from
 * sheets-templates/template-spec.ts (headers, header notes, dropdowns, frozen row, product columns
 * marked and protected warning-only), so the workbook needs no read at all.
 * @module
 */
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import { z } from 'zod';
import { ConfigError, ENV } from '../config.ts';
import { SETTINGS_HEADERS, SHEETS } from '../engine/template.ts';
import {
  COMPUTED_NOTE,
  COMPUTED_PLAN_NOTE,
  VALIDATED_ROWS,
  defaultSettings,
  findColumnSpec,
  findSettingSpec,
  templateSheets,
  type ColumnSpec,
  type TemplateCell,
} from '../../sheets-templates/template-spec.ts';
import { demoWorkbooks, type DemoSheet } from '../../sheets-templates/demo/index.ts';
import { colour } from '../adapters/sheets/cell-format.ts';
import { PROTECTION_DESCRIPTION } from '../adapters/sheets/protection.ts';
import { withRetry } from '../adapters/sheets/retry.ts';

export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const TEMPLATE_TITLE = 'Målkoll-mall';
export const SUMMARY_TITLE = 'Målkoll – Sammanfattning';
/** The same grey-blue as the local template's product headers (shared/adapters/xlsx/create-workbook.ts). */
export const COMPUTED_HEADER_FILL = 'D6DCE4';
const PERCENT_FORMAT = { type: 'PERCENT', pattern: '0.0%' };
const DATE_FORMAT = { type: 'DATE', pattern: 'yyyy-mm-dd' };
const MIN_ROWS = VALIDATED_ROWS.last;
const MIN_COLUMNS = 26;

/** Setup's own variables (domain.md §6): the signing secret is not needed to create spreadsheets. */
export interface SetupConfig {
  driveFolder: string;
  /** the functions' service account, for the printed sharing step; a placeholder is printed when unset */
  serviceAccount: string | null;
}

export const SETUP_ENV = { driveFolder: ENV.driveFolder, serviceAccount: 'MALKOLL_SERVICE_ACCOUNT' } as const;

const setupSchema = z.object({
  [SETUP_ENV.driveFolder]: z
    .string({ error: 'saknas; ange id:t för Drive-mappen där kalkylarken ska skapas (ur mappens adress)' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'ska vara ett id ur adressen (bokstäver, siffror, - och _), inte hela adressen'),
  [SETUP_ENV.serviceAccount]: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+\.iam\.gserviceaccount\.com$/, 'ska vara ett tjänstekontos adress (…@PROJEKT.iam.gserviceaccount.com)')
    .optional(),
});

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

/** `--folder` wins over MALKOLL_DRIVE_FOLDER; errors name the variable, as parseConfig's do. */
export function parseSetupConfig(env: Record<string, string | undefined>, folderFlag?: string): SetupConfig {
  const result = setupSchema.safeParse({
    [SETUP_ENV.driveFolder]: blank(folderFlag) ?? blank(env[SETUP_ENV.driveFolder]),
    [SETUP_ENV.serviceAccount]: blank(env[SETUP_ENV.serviceAccount]),
  });
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })));
  }
  return { driveFolder: result.data[SETUP_ENV.driveFolder], serviceAccount: result.data[SETUP_ENV.serviceAccount] ?? null };
}

export interface CreatedSpreadsheet {
  id: string;
  title: string;
  url: string;
}

export interface SetupResult {
  workbooks: CreatedSpreadsheet[];
  summary: CreatedSpreadsheet;
}

export interface SetupDeps {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
}

/** The empty template as content: headers only, plus the default rows of `Inställningar`. */
export function emptyTemplateSheets(): DemoSheet[] {
  return templateSheets().map((spec) => ({
    name: spec.name,
    headers: spec.columns.map((c) => c.header),
    rows: spec.name === SHEETS.settings ? defaultSettings().map((s) => [s.name, s.value]) : [],
  }));
}

export async function setupGoogle(deps: SetupDeps, options: { folderId: string; demo: boolean }): Promise<SetupResult> {
  const contents = options.demo
    ? demoWorkbooks().map((wb) => ({ title: wb.fileName.replace(/\.xlsx$/i, ''), sheets: wb.sheets }))
    : [{ title: TEMPLATE_TITLE, sheets: emptyTemplateSheets() }];
  const workbooks: CreatedSpreadsheet[] = [];
  for (const content of contents) {
    const id = await createSpreadsheet(deps.drive, options.folderId, content.title);
    await batch(deps.sheets, id, workbookRequests(content.sheets));
    workbooks.push(created(id, content.title));
  }
  const summaryId = await createSpreadsheet(deps.drive, options.folderId, SUMMARY_TITLE);
  await batch(deps.sheets, summaryId, summaryRequests());
  return { workbooks, summary: created(summaryId, SUMMARY_TITLE) };
}

const created = (id: string, title: string): CreatedSpreadsheet => ({ id, title, url: `https://docs.google.com/spreadsheets/d/${id}/edit` });

async function createSpreadsheet(drive: drive_v3.Drive, folderId: string, name: string): Promise<string> {
  const res = await withRetry('drive.files.create', (o) =>
    drive.files.create({ supportsAllDrives: true, fields: 'id', requestBody: { name, mimeType: SPREADSHEET_MIME, parents: [folderId] } }, o),
  );
  if (!res.data.id) throw new Error(`Drive skapade ${name} men gav inget id.`);
  return res.data.id;
}

async function batch(sheets: sheets_v4.Sheets, spreadsheetId: string, requests: sheets_v4.Schema$Request[]): Promise<void> {
  await withRetry('sheets.spreadsheets.batchUpdate', (o) => sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }, o));
}

/** A spreadsheet Drive creates has one sheet with id 0: it becomes the first sheet, the rest are added. */
function sheetProperties(sheet: DemoSheet, sheetId: number, index: number): sheets_v4.Schema$SheetProperties {
  const frozenColumns = templateSheets([]).find((s) => s.name === sheet.name)?.frozenColumns ?? 0;
  return {
    sheetId,
    title: sheet.name,
    index,
    gridProperties: {
      rowCount: Math.max(MIN_ROWS, sheet.rows.length + 1),
      columnCount: Math.max(MIN_COLUMNS, sheet.headers.length, ...sheet.rows.map((r) => r.length)),
      frozenRowCount: 1,
      frozenColumnCount: frozenColumns,
    },
  };
}

const SHEET_FIELDS = 'title,index,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount,gridProperties.frozenColumnCount';

export function workbookRequests(content: DemoSheet[]): sheets_v4.Schema$Request[] {
  const requests: sheets_v4.Schema$Request[] = [];
  content.forEach((sheet, index) => {
    const sheetId = index === 0 ? 0 : 100 + index;
    const properties = sheetProperties(sheet, sheetId, index);
    requests.push(index === 0 ? { updateSheetProperties: { properties, fields: SHEET_FIELDS } } : { addSheet: { properties } });
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: [{ values: sheet.headers.map((h) => headerCell(sheet.name, h)) }, ...sheet.rows.map((r) => rowData(sheet, r))],
        fields: 'userEnteredValue,userEnteredFormat,note',
      },
    });
    sheet.headers.forEach((header, c) => {
      const spec = findColumnSpec(sheet.name, header);
      if (spec?.list) requests.push(listValidation(sheetId, VALIDATED_ROWS.first, VALIDATED_ROWS.last, c, spec.list));
    });
    if (sheet.name === SHEETS.settings) requests.push(...settingValidations(sheet, sheetId));
    requests.push(...protections(sheet, sheetId));
  });
  return requests;
}

function headerNote(sheetName: string, spec: ColumnSpec): string {
  if (!spec.computed) return spec.note;
  return `${sheetName === SHEETS.actionPlan ? COMPUTED_PLAN_NOTE : COMPUTED_NOTE}.\n\n${spec.note}`;
}

function headerCell(sheetName: string, header: string): sheets_v4.Schema$CellData {
  const spec = findColumnSpec(sheetName, header);
  return {
    userEnteredValue: { stringValue: header },
    userEnteredFormat: {
      textFormat: { bold: true },
      wrapStrategy: 'WRAP',
      verticalAlignment: 'TOP',
      ...(spec?.computed ? { backgroundColor: colour(COMPUTED_HEADER_FILL) } : {}),
    },
    ...(spec ? { note: headerNote(sheetName, spec) } : {}),
  };
}

function rowData(sheet: DemoSheet, row: TemplateCell[]): sheets_v4.Schema$RowData {
  const nameIndex = sheet.name === SHEETS.settings ? sheet.headers.indexOf(SETTINGS_HEADERS.name) : -1;
  return {
    values: row.map((value, c) => {
      const cell = valueCell(value);
      if (c === nameIndex && typeof value === 'string') {
        const spec = findSettingSpec(value);
        if (spec) cell.note = spec.note;
      }
      return cell;
    }),
  };
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Input cells get what a person's typing would give: a value, and a number format for % and dates. */
export function valueCell(value: TemplateCell | undefined): sheets_v4.Schema$CellData {
  if (value === null || value === undefined) return {};
  if (typeof value === 'string') return { userEnteredValue: { stringValue: value } };
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  if ('format' in value) return { userEnteredValue: { numberValue: value.value }, userEnteredFormat: { numberFormat: PERCENT_FORMAT } };
  const serial = (Date.parse(`${value.date}T00:00:00Z`) - SERIAL_EPOCH) / 86_400_000;
  return { userEnteredValue: { numberValue: serial }, userEnteredFormat: { numberFormat: DATE_FORMAT } };
}

/** A dropdown that warns instead of refusing (`strict: false`): `Positivt` or `öka` are accepted words. */
function listValidation(sheetId: number, firstRow: number, lastRow: number, column: number, list: readonly string[]): sheets_v4.Schema$Request {
  return {
    setDataValidation: {
      range: { sheetId, startRowIndex: firstRow - 1, endRowIndex: lastRow, startColumnIndex: column, endColumnIndex: column + 1 },
      rule: {
        condition: { type: 'ONE_OF_LIST', values: list.map((v) => ({ userEnteredValue: v })) },
        inputMessage: `Välj något av: ${list.join(', ')}.`,
        strict: false,
        showCustomUi: true,
      },
    },
  };
}

function settingValidations(sheet: DemoSheet, sheetId: number): sheets_v4.Schema$Request[] {
  const nameIndex = sheet.headers.indexOf(SETTINGS_HEADERS.name);
  const valueIndex = sheet.headers.indexOf(SETTINGS_HEADERS.value);
  if (nameIndex < 0 || valueIndex < 0) return [];
  return sheet.rows.flatMap((row, r) => {
    const name = row[nameIndex];
    const spec = typeof name === 'string' ? findSettingSpec(name) : undefined;
    return spec?.list ? [listValidation(sheetId, r + 2, r + 2, valueIndex, spec.list)] : [];
  });
}

/** The same warning-only protection the workbook store adds (it recognises these and adds none again). */
function protections(sheet: DemoSheet, sheetId: number): sheets_v4.Schema$Request[] {
  return sheet.headers.flatMap((header, c) =>
    findColumnSpec(sheet.name, header)?.computed
      ? [{ addProtectedRange: { protectedRange: { range: { sheetId, startColumnIndex: c, endColumnIndex: c + 1 }, description: PROTECTION_DESCRIPTION, warningOnly: true } } }]
      : [],
  );
}

/** The summary's first sheet gets its final name, so the function's first write reuses it. */
export function summaryRequests(): sheets_v4.Schema$Request[] {
  return [
    { updateSheetProperties: { properties: { sheetId: 0, title: SHEETS.summary, index: 0 }, fields: 'title,index' } },
    {
      updateCells: {
        start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
        rows: [{ values: [{ userEnteredValue: { stringValue: 'Sammanfattningen skrivs av Målkoll vid första omräkningen.' } }] }],
        fields: 'userEnteredValue',
      },
    },
  ];
}
