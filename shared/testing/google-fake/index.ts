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
 * fake.typeCell(id, 'Mätetal', 2, 7, '36,9 %'); // what a person types (1-based), as the Sheets UI stores it: no API call
 * fake.calls.count('sheets.spreadsheets.get'); fake.calls.count(); fake.calls.requests; fake.calls.reset();
 * fake.inject({ method: 'sheets.spreadsheets.batchUpdate', status: 429, retryAfter: 1, times: 1 });
 * fake.inject({ reset: true });  fake.inject({ delayMs: 50 });  fake.inject({ status: 503, times: 10 });
 * fake.inject({ method: 'sheets.spreadsheets.batchUpdate', target: id, afterApply: true });  // applied, answer lost
 * fake.drive.addFolder('Delad mapp', { sharedDrive: true });  fake.drive.notifications;
 * createGoogleFake({ now, sleep, latencyMs: 300, quota: SHEETS_QUOTAS });  // a clock, latency, Google's quotas
 * ```
 *
 * `fake.handle(request)` answers one web Request; msw calls it here, and shared/testing/google-server serves
 * the same fake over HTTP in its own process (for the built functions, through MALKOLL_GOOGLE_API_ROOT).
 *
 * Every request is checked against Google's discovery documents (method, query parameters, JSON body
 * fields and enums, update field masks). A mismatch answers 400 AND is recorded in `validationErrors`,
 * which tests assert is empty. Responses honour the `fields` parameter, as Google's do. Errors use
 * Google's body shape `{error:{code,message,status,errors:[…]}}`. Calls need a Bearer token (401 otherwise).
 * Method names are discovery ids: `sheets.spreadsheets.get`, `sheets.spreadsheets.batchUpdate`,
 * `sheets.spreadsheets.values.batchGet`, `drive.files.create`, `drive.permissions.list|create|delete` …
 * @module
 */
import { http } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { sheets as sheetsClient, auth, type sheets_v4 } from '@googleapis/sheets';
import { drive as driveClient, type drive_v3 } from '@googleapis/drive';
import { cellFromSeed, seedSpreadsheet, type CellData, type CellSeed, type FakeSpreadsheet, type SheetSeed } from './sheets-state.ts';
import { FakeDrive } from './drive-state.ts';
import { book, type FakeState } from './dispatch.ts';
import { handleGoogleRequest, type Fault, type HandleContext, type RecordedRequest } from './handle.ts';
import { QuotaCounter, type QuotaLimits, type QuotaKind } from './quota.ts';

export type { SheetSeed, CellSeed, FakeSpreadsheet, CellData } from './sheets-state.ts';
export type { Fault, RecordedRequest } from './handle.ts';
export { WRITE_METHODS } from './handle.ts';
export { SHEETS_QUOTAS, type QuotaLimits } from './quota.ts';
export { STORAGE_QUOTA_MESSAGE } from './errors.ts';

export interface GoogleFakeOptions {
  /** the fake's clock (ms): request times and quota windows (default Date.now) */
  now?: () => number;
  /** how latency and fault delays wait (default a real timer) */
  sleep?: (ms: number) => Promise<void>;
  /** latency of every answered request, or per discovery id (default none) */
  latencyMs?: number | ((method: string) => number);
  /** Google's per-minute Sheets quotas, enforced with Google's 429 (default: not enforced) */
  quota?: QuotaLimits | null;
}

export interface GoogleFake {
  server: SetupServer;
  listen(): void;
  close(): void;
  /** one request → its answer; what msw and the fake's own HTTP server both call */
  handle(request: Request): Promise<Response>;
  /** `parent`: a folder (fake.drive.addFolder) the spreadsheet lives in */
  createSpreadsheet(title: string, sheets: SheetSeed[], options?: { id?: string; parent?: string }): string;
  getSpreadsheet(id: string): FakeSpreadsheet;
  getSheetValues(id: string, sheetName: string): (string | number | boolean | null)[][];
  getCell(id: string, sheetName: string, rowNumber: number, columnNumber: number): CellData | undefined;
  /** a person types `value` into a cell (1-based): the cell as the seed describes it, nothing else changes, no call */
  typeCell(id: string, sheetName: string, rowNumber: number, columnNumber: number, value: CellSeed): void;
  drive: FakeDrive;
  calls: { count(method?: string): number; byMethod(): Record<string, number>; requests: RecordedRequest[]; reset(): void };
  /** requests answered 429 because a quota was used up */
  quotaRefusals: { method: string; at: number; kind: QuotaKind; scope: 'user' | 'project' }[];
  validationErrors: string[];
  inject(fault: Fault): void;
  clearFaults(): void;
}

export function createGoogleFake(options: GoogleFakeOptions = {}): GoogleFake {
  const state: FakeState = { books: new Map(), drive: new FakeDrive(), validationErrors: [] };
  const latency = options.latencyMs ?? 0;
  const ctx: HandleContext = {
    state,
    requests: [],
    faults: [],
    now: options.now ?? Date.now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    latencyMs: typeof latency === 'number' ? () => latency : latency,
    quota: options.quota ? { counter: new QuotaCounter(options.quota), limits: options.quota } : null,
    refused: [],
  };
  const handle = (request: Request) => handleGoogleRequest(ctx, request);
  const server = setupServer(http.all(/^https:\/\/(sheets|www)\.googleapis\.com\//, ({ request }) => handle(request)));
  const sheetOf = (id: string, sheetName: string) => book(state, id).sheets.find((s) => s.properties.title === sheetName);
  return {
    server,
    listen: () => server.listen({ onUnhandledFrame: 'error' }),
    close: () => server.close(),
    handle,
    createSpreadsheet(title, seeds, opts = {}) {
      const id = opts.id ?? `ss-${state.drive.newId('')}-${title.replace(/\W+/g, '').slice(0, 12)}`;
      state.books.set(id, seedSpreadsheet(id, title, seeds));
      state.drive.addPersonOwnedFile(id, title, opts.parent);
      return id;
    },
    getSpreadsheet: (id) => book(state, id),
    getSheetValues(id, sheetName) {
      const sheet = sheetOf(id, sheetName);
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
    getCell: (id, sheetName, rowNumber, columnNumber) => sheetOf(id, sheetName)?.rows[rowNumber - 1]?.[columnNumber - 1],
    typeCell(id, sheetName, rowNumber, columnNumber, value) {
      const sheet = sheetOf(id, sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName} in ${id}`);
      while (sheet.rows.length < rowNumber) sheet.rows.push([]);
      const row = (sheet.rows[rowNumber - 1] ??= []);
      while (row.length < columnNumber) row.push(undefined);
      row[columnNumber - 1] = cellFromSeed(value);
    },
    drive: state.drive,
    calls: {
      count: (m) => (m ? ctx.requests.filter((r) => r.method === m).length : ctx.requests.length),
      byMethod: () => ctx.requests.reduce<Record<string, number>>((acc, r) => ((acc[r.method] = (acc[r.method] ?? 0) + 1), acc), {}),
      requests: ctx.requests,
      reset: () => void ctx.requests.splice(0),
    },
    quotaRefusals: ctx.refused,
    validationErrors: state.validationErrors,
    inject: (fault) => void ctx.faults.push({ ...fault, left: fault.times ?? 1 }),
    clearFaults: () => void ctx.faults.splice(0),
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
