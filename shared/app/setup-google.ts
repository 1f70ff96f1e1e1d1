/**
 * `malkoll setup google`: creates the template workbooks (or the demo set) and the summary spreadsheet
 * in a Drive folder, as a PERSON (a service account can own no Drive files). Per workbook: one Drive
 * `files.create` and one `spreadsheets.batchUpdate` that lays out every sheet as
 * sheets-templates/sheet-layout.ts says (headers, header notes, dropdowns, frozen row, product columns
 * marked and protected warning-only), so the workbook needs no read at all.
 * @module
 */
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import { z } from 'zod';
import { ConfigError, ENV, GOOGLE_API_ROOT_MESSAGE, parseGoogleApiRoot } from '../config.ts';
import { SHEETS } from '../engine/index.ts';
import { VALIDATED_ROWS, type TemplateCell } from '../../sheets-templates/template-spec.ts';
import {
  COMPUTED_HEADER_FILL,
  emptyTemplate,
  sheetLayout,
  type HeaderLayout,
  type ListValidation,
  type SheetLayout,
} from '../../sheets-templates/sheet-layout.ts';
import { demoWorkbooks, type DemoSheet } from '../../sheets-templates/demo/index.ts';
import { PROTECTION_DESCRIPTION, SPREADSHEET_MIME, colour, withRetry } from '../adapters/sheets/index.ts';

export const TEMPLATE_TITLE = 'Målkoll-mall';
export const SUMMARY_TITLE = 'Målkoll – Sammanfattning';
export { COMPUTED_HEADER_FILL };
const PERCENT_FORMAT = { type: 'PERCENT', pattern: '0.0%' };
const DATE_FORMAT = { type: 'DATE', pattern: 'yyyy-mm-dd' };
const MIN_ROWS = VALIDATED_ROWS.last;
const MIN_COLUMNS = 26;

/** Setup's own variables (domain.md §6): the signing secret is not needed to create spreadsheets. */
export interface SetupConfig {
  driveFolder: string;
  /** the functions' service account, for the printed sharing step; a placeholder is printed when unset */
  serviceAccount: string | null;
  /** MALKOLL_GOOGLE_API_ROOT (tests, emulators); null: Google's own hosts */
  googleApiRoot: string | null;
}

export const SETUP_ENV = { driveFolder: ENV.driveFolder, serviceAccount: 'MALKOLL_SERVICE_ACCOUNT', googleApiRoot: ENV.googleApiRoot } as const;

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
  [SETUP_ENV.googleApiRoot]: z
    .string()
    .transform((v, ctx) => parseGoogleApiRoot(v) ?? (ctx.addIssue({ code: 'custom', message: GOOGLE_API_ROOT_MESSAGE }), z.NEVER))
    .optional(),
});

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

/** `--folder` wins over MALKOLL_DRIVE_FOLDER; errors name the variable, as parseConfig's do. */
export function parseSetupConfig(env: Record<string, string | undefined>, folderFlag?: string): SetupConfig {
  const result = setupSchema.safeParse({
    [SETUP_ENV.driveFolder]: blank(folderFlag) ?? blank(env[SETUP_ENV.driveFolder]),
    [SETUP_ENV.serviceAccount]: blank(env[SETUP_ENV.serviceAccount]),
    [SETUP_ENV.googleApiRoot]: blank(env[SETUP_ENV.googleApiRoot]),
  });
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })));
  }
  return {
    driveFolder: result.data[SETUP_ENV.driveFolder],
    serviceAccount: result.data[SETUP_ENV.serviceAccount] ?? null,
    googleApiRoot: result.data[SETUP_ENV.googleApiRoot] ?? null,
  };
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

export async function setupGoogle(deps: SetupDeps, options: { folderId: string; demo: boolean }): Promise<SetupResult> {
  const contents = options.demo
    ? demoWorkbooks().map((wb) => ({ title: wb.fileName.replace(/\.xlsx$/i, ''), sheets: wb.sheets }))
    : [{ title: TEMPLATE_TITLE, sheets: emptyTemplate() }];
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
function sheetProperties(layout: SheetLayout, sheetId: number, index: number): sheets_v4.Schema$SheetProperties {
  return {
    sheetId,
    title: layout.name,
    index,
    gridProperties: {
      rowCount: Math.max(MIN_ROWS, layout.rows.length + 1),
      columnCount: Math.max(MIN_COLUMNS, layout.headers.length, ...layout.rows.map((r) => r.length)),
      frozenRowCount: 1,
      frozenColumnCount: layout.frozenColumns,
    },
  };
}

const SHEET_FIELDS = 'title,index,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount,gridProperties.frozenColumnCount';

export function workbookRequests(content: DemoSheet[]): sheets_v4.Schema$Request[] {
  const requests: sheets_v4.Schema$Request[] = [];
  content.forEach((sheet, index) => {
    const layout = sheetLayout(sheet);
    const sheetId = index === 0 ? 0 : 100 + index;
    const properties = sheetProperties(layout, sheetId, index);
    requests.push(index === 0 ? { updateSheetProperties: { properties, fields: SHEET_FIELDS } } : { addSheet: { properties } });
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: [{ values: layout.headers.map(headerCell) }, ...layout.rows.map((r, i) => rowData(layout, i + 2, r))],
        fields: 'userEnteredValue,userEnteredFormat,note',
      },
    });
    requests.push(...layout.headers.map((h) => columnWidth(sheetId, h)));
    requests.push(...layout.validations.map((v) => listValidation(sheetId, v)));
    requests.push(...protections(layout, sheetId));
  });
  return requests;
}

/** The template's column width (Excel character units, as in the .xlsx template) in the pixels Sheets wants. */
function columnWidth(sheetId: number, h: HeaderLayout): sheets_v4.Schema$Request {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: h.column - 1, endIndex: h.column },
      properties: { pixelSize: Math.round(h.width * 7 + 5) },
      fields: 'pixelSize',
    },
  };
}

function headerCell(h: HeaderLayout): sheets_v4.Schema$CellData {
  return {
    userEnteredValue: { stringValue: h.header },
    userEnteredFormat: {
      textFormat: { bold: true },
      wrapStrategy: 'WRAP',
      verticalAlignment: 'TOP',
      ...(h.computed ? { backgroundColor: colour(COMPUTED_HEADER_FILL) } : {}),
    },
    ...(h.note !== null ? { note: h.note } : {}),
  };
}

function rowData(layout: SheetLayout, rowNumber: number, row: TemplateCell[]): sheets_v4.Schema$RowData {
  return {
    values: row.map((value, c) => {
      const cell = valueCell(value);
      const note = layout.notes.find((n) => n.row === rowNumber && n.column === c + 1);
      if (note) cell.note = note.text;
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
function listValidation(sheetId: number, v: ListValidation): sheets_v4.Schema$Request {
  return {
    setDataValidation: {
      range: { sheetId, startRowIndex: v.firstRow - 1, endRowIndex: v.lastRow, startColumnIndex: v.column - 1, endColumnIndex: v.column },
      rule: {
        condition: { type: 'ONE_OF_LIST', values: v.list.map((item) => ({ userEnteredValue: item })) },
        inputMessage: `Välj något av: ${v.list.join(', ')}.`,
        strict: false,
        showCustomUi: true,
      },
    },
  };
}

/** The same warning-only protection the workbook store adds (it recognises these and adds none again). */
function protections(layout: SheetLayout, sheetId: number): sheets_v4.Schema$Request[] {
  return layout.headers
    .filter((h) => h.computed)
    .map((h) => ({
      addProtectedRange: {
        protectedRange: { range: { sheetId, startColumnIndex: h.column - 1, endColumnIndex: h.column }, description: PROTECTION_DESCRIPTION, warningOnly: true },
      },
    }));
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
