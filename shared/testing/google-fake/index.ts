/**
 * An HTTP-boundary fake of the Google Sheets v4 and Drive v3 REST APIs, for tests that run the REAL
 * clients (@googleapis/sheets, @googleapis/drive) through msw (v3).
 *
 * ```ts
 * const fake = createGoogleFake();          // server not yet listening
 * beforeAll(() => fake.listen());            // = fake.server.listen({ onUnhandledFrame: 'error' })
 * afterAll(() => fake.close());
 * afterEach(() => expect(fake.validationErrors).toEqual([]));
 *
 * const id = fake.createSpreadsheet('Klimat', [{ name: 'Mätetal', rows: [['Målområde', …], …] }]);
 * const { sheets, drive } = fakeClients();   // real clients with an offline OAuth2 token
 * fake.getSheetValues(id, 'Mätetal');         // effective values: number | string | boolean | null ('#DIV/0!' for errors); trailing empties trimmed
 * fake.getCell(id, 'Mätetal', 2, 5);          // the stored CellData (1-based row and column), colours and all
 * fake.getSpreadsheet(id);                    // the whole stored model (sheets, protected ranges, charts …)
 * fake.calls.count('sheets.spreadsheets.get'); fake.calls.count(); fake.calls.requests; fake.calls.reset();
 * fake.inject({ method: 'sheets.spreadsheets.batchUpdate', status: 429, retryAfter: 1, times: 1 });
 * fake.inject({ reset: true });  fake.inject({ delayMs: 50 });  fake.inject({ status: 503, times: 10 });
 * fake.drive.addFolder('Delad mapp', { sharedDrive: true });  fake.drive.notifications;
 * ```
 *
 * Every request is checked against Google's discovery documents (method, query parameters, JSON body
 * fields and enums, update field masks). A mismatch answers 400 AND is recorded in `validationErrors`,
 * which tests assert is empty. Responses honour the `fields` parameter, as Google's do. Errors use
 * Google's body shape `{error:{code,message,status,errors:[…]}}`. Calls need a Bearer token (401 otherwise).
 * Method names are discovery ids: `sheets.spreadsheets.get`, `sheets.spreadsheets.batchUpdate`,
 * `sheets.spreadsheets.values.batchGet`, `drive.files.create`, `drive.permissions.list|create|delete` …
 * @module
 */
import { http, HttpResponse, delay } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { sheets as sheetsClient, auth, type sheets_v4 } from '@googleapis/sheets';
import { drive as driveClient, type drive_v3 } from '@googleapis/drive';
import { resolveMethod, validateBody, validateQuery, type ResolvedMethod } from './discovery.ts';
import { applyFieldMask, maskSelects, parseFieldMask } from './field-mask.ts';
import { FakeGoogleError, badRequest, notFound, rateLimited } from './errors.ts';
import { seedSpreadsheet, spreadsheetResource, valueRanges, parseA1, type FakeSpreadsheet, type SheetSeed, type CellData } from './sheets-state.ts';
import { applyBatch } from './sheets-batch.ts';
import { FakeDrive, SPREADSHEET_MIME } from './drive-state.ts';

export type { SheetSeed, CellSeed, FakeSpreadsheet, CellData } from './sheets-state.ts';
export { STORAGE_QUOTA_MESSAGE } from './errors.ts';

export interface Fault {
  /** discovery id to match; all methods when absent */
  method?: string;
  status?: 429 | 500 | 503 | number;
  /** seconds, sent as the Retry-After header */
  retryAfter?: number;
  /** drop the connection (HttpResponse.error()) */
  reset?: boolean;
  delayMs?: number;
  /** how many matching requests it hits (default 1) */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  httpMethod: string;
  url: URL;
  body: unknown;
}

export interface GoogleFake {
  server: SetupServer;
  listen(): void;
  close(): void;
  createSpreadsheet(title: string, sheets: SheetSeed[], options?: { id?: string }): string;
  getSpreadsheet(id: string): FakeSpreadsheet;
  getSheetValues(id: string, sheetName: string): (string | number | boolean | null)[][];
  getCell(id: string, sheetName: string, rowNumber: number, columnNumber: number): CellData | undefined;
  drive: FakeDrive;
  calls: { count(method?: string): number; byMethod(): Record<string, number>; requests: RecordedRequest[]; reset(): void };
  validationErrors: string[];
  inject(fault: Fault): void;
  clearFaults(): void;
}

const FAULT_MESSAGES: Record<number, string> = {
  403: 'The caller does not have permission',
  404: 'Requested entity was not found.',
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

const WRITE_METHODS = /batchUpdate|create|delete|append|clear|update/i;

export function createGoogleFake(): GoogleFake {
  const books = new Map<string, FakeSpreadsheet>();
  const drive = new FakeDrive();
  const requests: RecordedRequest[] = [];
  const validationErrors: string[] = [];
  let faults: (Fault & { left: number })[] = [];

  const book = (id: string): FakeSpreadsheet => {
    const found = books.get(id);
    if (!found) throw notFound();
    return found;
  };

  const dispatch = (m: ResolvedMethod, q: URLSearchParams, body: any): { status?: number; json?: unknown } => {
    const id = m.pathParams.spreadsheetId ?? '';
    const allDrives = q.get('supportsAllDrives') === 'true';
    switch (m.id) {
      case 'sheets.spreadsheets.get': {
        const b = book(id);
        const fields = q.get('fields');
        const withData = fields ? maskSelects(parseFieldMask(fields), 'sheets.data') : q.get('includeGridData') === 'true';
        const resource = spreadsheetResource(b, withData);
        const ranges = q.getAll('ranges');
        if (ranges.length) {
          const titles = new Set(ranges.map((r) => parseA1(b, r).sheet.properties.title));
          resource.sheets = resource.sheets?.filter((s) => titles.has(s.properties?.title ?? ''));
        }
        return { json: resource };
      }
      case 'sheets.spreadsheets.batchUpdate': {
        const result = applyBatch(book(id), body?.requests ?? []);
        if (result.maskErrors.length) {
          validationErrors.push(...result.maskErrors);
          throw badRequest(result.maskErrors.join('; '));
        }
        books.set(id, result.book);
        return { json: { spreadsheetId: id, replies: result.replies } };
      }
      case 'sheets.spreadsheets.values.batchGet':
        return { json: valueRanges(book(id), q.getAll('ranges')) };
      case 'drive.files.create': {
        const file = drive.create(body ?? {}, allDrives);
        if (file.mimeType === SPREADSHEET_MIME) books.set(file.id, seedSpreadsheet(file.id, file.name, []));
        return { json: { kind: 'drive#file', id: file.id, name: file.name, mimeType: file.mimeType } };
      }
      case 'drive.files.get': {
        const file = drive.files.get(m.pathParams.fileId ?? '');
        if (!file || (file.driveId && !allDrives)) throw notFound(`File not found: ${m.pathParams.fileId}.`);
        return { json: { kind: 'drive#file', id: file.id, name: file.name, mimeType: file.mimeType, parents: file.parents, ...(file.driveId ? { driveId: file.driveId } : {}) } };
      }
      case 'drive.permissions.list':
        return { json: drive.listPermissions(m.pathParams.fileId ?? '', allDrives, Number(q.get('pageSize') ?? 100), q.get('pageToken')) };
      case 'drive.permissions.create':
        return {
          json: drive.createPermission(m.pathParams.fileId ?? '', body ?? {}, {
            supportsAllDrives: allDrives,
            sendNotificationEmail: q.get('sendNotificationEmail') !== 'false',
          }),
        };
      case 'drive.permissions.delete':
        drive.deletePermission(m.pathParams.fileId ?? '', m.pathParams.permissionId ?? '', allDrives);
        return { status: 204 };
      default:
        throw new FakeGoogleError(501, `The Google fake does not implement ${m.id}`, { status: 'UNIMPLEMENTED' });
    }
  };

  const respondError = (e: FakeGoogleError, headers: Record<string, string> = {}): Response =>
    HttpResponse.json(e.body, { status: e.code, headers });

  const handler = http.all(/^https:\/\/(sheets|www)\.googleapis\.com\//, async ({ request }) => {
    const url = new URL(request.url);
    const method = resolveMethod(request.method, url);
    const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return respondError(badRequest('Invalid JSON payload received.'));
    }
    requests.push({ method: method?.id ?? `unknown ${request.method} ${url.pathname}`, httpMethod: request.method, url, body });
    if (!method) {
      validationErrors.push(`no Google method answers ${request.method} ${url.pathname}`);
      return respondError(notFound(`Method not found: ${request.method} ${url.pathname}`));
    }
    if (!/^Bearer \S+/.test(request.headers.get('authorization') ?? '')) {
      return respondError(new FakeGoogleError(401, 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.'));
    }
    const fault = faults.find((f) => f.left > 0 && (!f.method || f.method === method.id));
    if (fault) {
      fault.left--;
      if (fault.delayMs) await delay(fault.delayMs);
      if (fault.reset) return HttpResponse.error();
      if (fault.status) {
        const error =
          fault.status === 429
            ? rateLimited(method.api, WRITE_METHODS.test(method.id))
            : new FakeGoogleError(fault.status, FAULT_MESSAGES[fault.status] ?? 'Internal error encountered.');
        return respondError(error, fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {});
      }
    }
    const problems = [...validateQuery(method, url.searchParams), ...validateBody(method, body)];
    if (problems.length) {
      validationErrors.push(...problems);
      return respondError(badRequest(`Invalid request: ${problems.join('; ')}`));
    }
    try {
      const out = dispatch(method, url.searchParams, body);
      if (out.status === 204) return new HttpResponse(null, { status: 204 });
      const fields = url.searchParams.get('fields');
      let json = out.json;
      if (fields) {
        try {
          json = applyFieldMask(json, parseFieldMask(fields));
        } catch (e) {
          validationErrors.push(`${method.id}: ${(e as Error).message}`);
          return respondError(badRequest((e as Error).message));
        }
      }
      return HttpResponse.json(json as Record<string, unknown>, { status: out.status ?? 200 });
    } catch (e) {
      if (e instanceof FakeGoogleError) return respondError(e);
      throw e;
    }
  });

  const server = setupServer(handler);
  return {
    server,
    listen: () => server.listen({ onUnhandledFrame: 'error' }),
    close: () => server.close(),
    createSpreadsheet(title, seeds, options = {}) {
      const id = options.id ?? `ss-${drive.newId('')}-${title.replace(/\W+/g, '').slice(0, 12)}`;
      books.set(id, seedSpreadsheet(id, title, seeds));
      drive.addPersonOwnedFile(id, title);
      return id;
    },
    getSpreadsheet: (id) => book(id),
    getSheetValues(id, sheetName) {
      const sheet = book(id).sheets.find((s) => s.properties.title === sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName} in ${id}`);
      const rows = sheet.rows.map((row) => {
        const values = Array.from(row, (c) => {
          const v = c?.effectiveValue;
          if (!v) return null;
          if (v.errorValue) return c?.formattedValue ?? '#ERROR!';
          return v.numberValue ?? v.stringValue ?? v.boolValue ?? null;
        });
        while (values.length && values[values.length - 1] === null) values.pop();
        return values;
      });
      while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
      return rows;
    },
    getCell(id, sheetName, rowNumber, columnNumber) {
      const sheet = book(id).sheets.find((s) => s.properties.title === sheetName);
      return sheet?.rows[rowNumber - 1]?.[columnNumber - 1];
    },
    drive,
    calls: {
      count: (m) => (m ? requests.filter((r) => r.method === m).length : requests.length),
      byMethod: () => requests.reduce<Record<string, number>>((acc, r) => ((acc[r.method] = (acc[r.method] ?? 0) + 1), acc), {}),
      requests,
      reset: () => void requests.splice(0),
    },
    validationErrors,
    inject: (fault) => void faults.push({ ...fault, left: fault.times ?? 1 }),
    clearFaults: () => void (faults = []),
  };
}

/** Real clients that talk to the fake: an OAuth2 client with a fixed token never touches the network. */
export function fakeClients(): { sheets: sheets_v4.Sheets; drive: drive_v3.Drive } {
  const oauth = new auth.OAuth2();
  oauth.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
  return {
    sheets: sheetsClient({ version: 'v4', auth: oauth, retry: false }),
    drive: driveClient({ version: 'v3', auth: oauth as never, retry: false }),
  };
}
