import type { sheets_v4 } from '@googleapis/sheets';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGoogleFake, fakeClients } from '../../../shared/testing/google-fake/index.ts';

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

  describe('formatting requests keep their state', () => {
    const batch = (spreadsheetId: string, requests: sheets_v4.Schema$Request[]) => status(sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }));
    const rule: sheets_v4.Schema$DataValidationRule = { condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Öka' }, { userEnteredValue: 'Minska' }] }, strict: false, showCustomUi: true };

    it('setDataValidation puts the rule on every cell of the range and a rule-less one clears it', async () => {
      const id = fake.createSpreadsheet('X', [{ name: 'Blad1', rows: [['Riktning'], ['Öka']] }]);
      expect((await batch(id, [{ setDataValidation: { range: { sheetId: 0, startRowIndex: 1, endRowIndex: 4, startColumnIndex: 0, endColumnIndex: 1 }, rule } }])).status).toBe(200);
      expect([1, 2, 3, 4, 5].map((row) => fake.getCell(id, 'Blad1', row, 1)?.dataValidation ?? null)).toEqual([null, rule, rule, rule, null]);
      expect(fake.getCell(id, 'Blad1', 2, 1)?.userEnteredValue).toEqual({ stringValue: 'Öka' });
      const read = await sheets.spreadsheets.get({ spreadsheetId: id, fields: 'sheets.data.rowData.values.dataValidation' });
      expect(read.data.sheets?.[0]?.data?.[0]?.rowData?.[2]?.values?.[0]?.dataValidation).toEqual(rule);
      await batch(id, [{ setDataValidation: { range: { sheetId: 0, startRowIndex: 2, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 1 } } }]);
      expect([2, 3, 4].map((row) => fake.getCell(id, 'Blad1', row, 1)?.dataValidation ?? null)).toEqual([rule, null, rule]);
      expect(fake.validationErrors).toEqual([]);
    });

    it.each([
      { name: 'beyond the grid', request: { setDataValidation: { range: { sheetId: 0, startRowIndex: 1, endRowIndex: 1001 }, rule } }, message: /exceeds grid limits/ },
      { name: 'an unknown sheet', request: { setDataValidation: { range: { sheetId: 9 }, rule } }, message: /No grid with id: 9/ },
      { name: 'a list without values', request: { setDataValidation: { range: { sheetId: 0 }, rule: { condition: { type: 'ONE_OF_LIST' } } } }, message: /at least one value/ },
      { name: 'repeatCell without fields', request: { repeatCell: { range: { sheetId: 0 }, cell: {} } }, message: /At least one field/ },
      { name: 'columns beyond the grid', request: { updateDimensionProperties: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 27 }, properties: { pixelSize: 80 }, fields: 'pixelSize' } }, message: /exceeds grid limits/ },
    ])('answers 400 for $name and changes nothing', async ({ request, message }) => {
      const id = fake.createSpreadsheet('X', [{ name: 'Blad1', rows: [['a']] }]);
      const before = structuredClone(fake.getSpreadsheet(id));
      const res = await batch(id, [request as sheets_v4.Schema$Request]);
      expect(res.status).toBe(400);
      expect((res.data as { error: { message: string } }).error.message).toMatch(message);
      expect(fake.getSpreadsheet(id)).toEqual(before);
    });

    it('flags a misspelt field of a rule and a bad dimension field mask', async () => {
      const id = fake.createSpreadsheet('X', [{ name: 'Blad1', rows: [['a']] }]);
      await batch(id, [{ setDataValidation: { range: { sheetId: 0 }, rule: { ...rule, strikt: false } as never } }]);
      await batch(id, [{ updateDimensionProperties: { range: { sheetId: 0, dimension: 'COLUMNS' }, properties: { pixelSize: 80 }, fields: 'width' } }]);
      expect(fake.validationErrors).toEqual([
        'BatchUpdateSpreadsheetRequest.requests[0].setDataValidation.rule: unknown field "strikt"',
        'requests[0].updateDimensionProperties.fields: field mask "width" names no field of DimensionProperties',
      ]);
    });

    it('repeatCell writes the masked fields into every cell of the range and keeps the rest', async () => {
      const id = fake.createSpreadsheet('X', [{ name: 'Blad1', rows: [['a', 'b'], ['c', 'd']] }]);
      const bold = { textFormat: { bold: true } };
      await batch(id, [{ repeatCell: { range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 }, cell: { userEnteredFormat: bold, userEnteredValue: { stringValue: 'x' } }, fields: 'userEnteredFormat.textFormat.bold' } }]);
      expect(fake.getSheetValues(id, 'Blad1')).toEqual([['a', 'b'], ['c', 'd']]);
      expect([[1, 1], [1, 2], [1, 26], [2, 1]].map(([r, c]) => fake.getCell(id, 'Blad1', r!, c!)?.userEnteredFormat ?? null)).toEqual([bold, bold, bold, null]);
      expect(fake.getCell(id, 'Blad1', 1, 26)?.effectiveFormat).toEqual(bold);
    });

    it('updateDimensionProperties keeps column widths and hidden rows, and spreadsheets.get shows them', async () => {
      const id = fake.createSpreadsheet('X', [{ name: 'Blad1', rows: [['a'], ['b'], ['c']] }]);
      await batch(id, [
        { updateDimensionProperties: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 3 }, properties: { pixelSize: 240, hiddenByUser: true }, fields: 'pixelSize' } },
        { updateDimensionProperties: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 }, properties: { hiddenByUser: true, pixelSize: 40 }, fields: 'hiddenByUser,pixelSize' } },
      ]);
      const sheet = fake.getSpreadsheet(id).sheets[0]!;
      expect([...sheet.columnProperties]).toEqual([[1, { pixelSize: 240 }], [2, { pixelSize: 240 }]]);
      expect([...sheet.hiddenRows]).toEqual([1]);
      const read = await sheets.spreadsheets.get({ spreadsheetId: id, fields: 'sheets.data(rowMetadata,columnMetadata)' });
      const data = read.data.sheets?.[0]?.data?.[0];
      expect(data?.columnMetadata?.slice(0, 4)).toEqual([{ pixelSize: 100 }, { pixelSize: 240 }, { pixelSize: 240 }, { pixelSize: 100 }]);
      expect(data?.rowMetadata).toEqual([{ pixelSize: 21 }, { pixelSize: 40, hiddenByUser: true }, { pixelSize: 21 }]);
      await batch(id, [{ updateDimensionProperties: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 }, properties: {}, fields: 'hiddenByUser' } }]);
      expect([...fake.getSpreadsheet(id).sheets[0]!.hiddenRows]).toEqual([]);
    });

    it('addSheet keeps the frozen rows and columns it is given', async () => {
      const id = fake.createSpreadsheet('X', [{ name: 'Blad1', rows: [] }]);
      await batch(id, [{ addSheet: { properties: { title: 'Mätetal', gridProperties: { rowCount: 50, columnCount: 30, frozenRowCount: 1, frozenColumnCount: 3 } } } }]);
      expect(fake.getSpreadsheet(id).sheets[1]!.properties.gridProperties).toEqual({ rowCount: 50, columnCount: 30, frozenRowCount: 1, frozenColumnCount: 3 });
    });
  });

  it('reads values with values.batchGet and 400s an unknown sheet', async () => {
    const id = fake.createSpreadsheet('X', [{ name: 'Blad 1', rows: [['a', 1.5], [null, true]] }]);
    const res = await sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ["'Blad 1'!A:B"] });
    expect(res.data.valueRanges?.[0]?.values).toEqual([['a', '1,5'], ['', 'TRUE']]);
    const bad = await status(sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['Saknas!A:A'] }));
    expect(bad.status).toBe(400);
  });
});
