import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGoogleFake, fakeClients } from './index.ts';

const fake = createGoogleFake();
const { sheets, drive } = fakeClients();
beforeAll(() => fake.listen());
afterAll(() => fake.close());
beforeEach(() => {
  fake.calls.reset();
  fake.clearFaults();
  fake.validationErrors.splice(0);
});

const status = async (p: Promise<unknown>) => {
  try {
    await p;
    return { status: 200, data: null };
  } catch (e) {
    const err = e as { response?: { status: number; data: unknown } };
    return { status: err.response?.status ?? 0, data: err.response?.data };
  }
};

describe('google fake', () => {
  it('answers a misspelt body field with 400 and records it', async () => {
    const id = fake.createSpreadsheet('X', [{ name: 'Blad1', rows: [['a']] }]);
    const res = await status(
      sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ updateCells: { start: { sheetId: 0 }, rows: [{ values: [{ userEnteredValu: {} } as never] }], fields: '*' } }] } }),
    );
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT', errors: [{ reason: 'badRequest', domain: 'global' }] } });
    expect(fake.validationErrors).toEqual(['BatchUpdateSpreadsheetRequest.requests[0].updateCells.rows[0].values[0]: unknown field "userEnteredValu"']);
    expect(fake.getCell(id, 'Blad1', 1, 1)?.userEnteredValue).toEqual({ stringValue: 'a' });
  });

  it('rejects a bad update field mask and an unknown query parameter', async () => {
    const id = fake.createSpreadsheet('X', [{ name: 'Blad1', rows: [['a']] }]);
    await status(sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ updateCells: { start: { sheetId: 0 }, rows: [], fields: 'userEnteredFormat.colour' } }] } }));
    await status(sheets.spreadsheets.get({ spreadsheetId: id, includeGridDta: true } as never));
    expect(fake.validationErrors).toHaveLength(2);
  });

  it('is atomic: a failing sub-request leaves the spreadsheet unchanged', async () => {
    const id = fake.createSpreadsheet('X', [{ name: 'Blad1', rows: [['a']] }]);
    const res = await status(
      sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ updateCells: { start: { sheetId: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'b' } }] }], fields: 'userEnteredValue' } }, { deleteSheet: { sheetId: 42 } }] },
      }),
    );
    expect(res.status).toBe(400);
    expect((res.data as { error: { message: string } }).error.message).toBe('Invalid requests[1].deleteSheet: No grid with id: 42');
    expect(fake.getSheetValues(id, 'Blad1')).toEqual([['a']]);
    expect(fake.validationErrors).toEqual([]);
  });

  it('honours the fields mask in responses', async () => {
    const id = fake.createSpreadsheet('Titel', [{ name: 'Blad1', rows: [['a']] }]);
    const res = await sheets.spreadsheets.get({ spreadsheetId: id, fields: 'properties.title' });
    expect(res.data).toEqual({ properties: { title: 'Titel' } });
  });

  it('requires a token', async () => {
    const id = fake.createSpreadsheet('X', []);
    const res = await fetch(`https://sheets.googleapis.com/v4/spreadsheets/${id}`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { status: string } }).error.status).toBe('UNAUTHENTICATED');
  });

  it('injects faults per method, with Retry-After and counts, then recovers', async () => {
    const id = fake.createSpreadsheet('X', []);
    fake.inject({ method: 'sheets.spreadsheets.get', status: 429, retryAfter: 7, times: 2 });
    const first = await fetch(`https://sheets.googleapis.com/v4/spreadsheets/${id}`, { headers: { authorization: 'Bearer t' } });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(((await first.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]!.reason).toBe('rateLimitExceeded');
    expect((await status(sheets.spreadsheets.get({ spreadsheetId: id }))).status).toBe(429);
    expect((await status(sheets.spreadsheets.get({ spreadsheetId: id }))).status).toBe(200);
    expect(fake.calls.count('sheets.spreadsheets.get')).toBe(3);
    fake.inject({ reset: true });
    await expect(fetch(`https://sheets.googleapis.com/v4/spreadsheets/${id}`, { headers: { authorization: 'Bearer t' } })).rejects.toThrow();
  });

  it('answers 404 with Google’s body for an unknown spreadsheet and an unknown method', async () => {
    expect((await status(sheets.spreadsheets.get({ spreadsheetId: 'nope' }))).data).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND', errors: [{ message: 'Requested entity was not found.', domain: 'global', reason: 'notFound' }] },
    });
    const res = await fetch('https://sheets.googleapis.com/v4/spreadsheets/x:frobnicate', { method: 'POST', headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(404);
    expect(fake.validationErrors).toHaveLength(1);
  });

  it('keeps shared-drive items invisible without supportsAllDrives', async () => {
    const folder = fake.drive.addFolder('Delad', { sharedDrive: true });
    const res = await status(drive.files.create({ requestBody: { name: 'x', mimeType: 'application/vnd.google-apps.spreadsheet', parents: [folder] } }));
    expect(res.status).toBe(404);
    const ok = await drive.files.create({ supportsAllDrives: true, requestBody: { name: 'x', mimeType: 'application/vnd.google-apps.spreadsheet', parents: [folder] } });
    expect(fake.getSpreadsheet(ok.data.id!).sheets.map((s) => s.properties.title)).toEqual(['Blad1']);
  });

  it('reads values with values.batchGet and 400s an unknown sheet', async () => {
    const id = fake.createSpreadsheet('X', [{ name: 'Blad 1', rows: [['a', 1.5], [null, true]] }]);
    const res = await sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ["'Blad 1'!A:B"] });
    expect(res.data.valueRanges?.[0]?.values).toEqual([['a', '1,5'], ['', 'TRUE']]);
    const bad = await status(sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Saknas!A:A'] }));
    expect(bad.status).toBe(400);
  });
});
