import { describe, expect, it } from 'vitest';
import { resolveMethod, validateBody, validateFieldMask, validateQuery, validateValue } from '../../../shared/testing/google-fake/discovery.ts';

const method = (httpMethod: string, url: string) => {
  const m = resolveMethod(httpMethod, new URL(url));
  if (!m) throw new Error(`no method for ${url}`);
  return m;
};

describe('discovery validator', () => {
  it.each([
    ['GET', 'https://sheets.googleapis.com/v4/spreadsheets/abc', 'sheets.spreadsheets.get', { spreadsheetId: 'abc' }],
    ['POST', 'https://sheets.googleapis.com/v4/spreadsheets/abc:batchUpdate', 'sheets.spreadsheets.batchUpdate', { spreadsheetId: 'abc' }],
    ['GET', 'https://sheets.googleapis.com/v4/spreadsheets/abc/values:batchGet', 'sheets.spreadsheets.values.batchGet', { spreadsheetId: 'abc' }],
    ['GET', 'https://sheets.googleapis.com/v4/spreadsheets/abc/values/Blad1!A1', 'sheets.spreadsheets.values.get', { spreadsheetId: 'abc', range: 'Blad1!A1' }],
    ['POST', 'https://www.googleapis.com/drive/v3/files', 'drive.files.create', {}],
    ['DELETE', 'https://www.googleapis.com/drive/v3/files/f1/permissions/p9', 'drive.permissions.delete', { fileId: 'f1', permissionId: 'p9' }],
  ])('%s %s resolves to %s', (verb, url, id, params) => {
    const m = method(verb, url);
    expect(m.id).toBe(id);
    expect(m.pathParams).toEqual(params);
  });

  it('knows no method for a made-up path', () => {
    expect(resolveMethod('GET', new URL('https://sheets.googleapis.com/v4/spreadsheetz/abc'))).toBeNull();
    expect(resolveMethod('PUT', new URL('https://sheets.googleapis.com/v4/spreadsheets/abc:batchUpdate'))).toBeNull();
  });

  it('accepts method and standard query parameters, rejects unknown ones and bad values', () => {
    const get = method('GET', 'https://sheets.googleapis.com/v4/spreadsheets/abc');
    expect(validateQuery(get, new URLSearchParams('includeGridData=true&ranges=A&ranges=B&fields=sheets&prettyPrint=false&$.xgafv=2'))).toEqual([]);
    expect(validateQuery(get, new URLSearchParams('includeGridDta=true'))).toEqual(['sheets.spreadsheets.get: unknown query parameter "includeGridDta"']);
    expect(validateQuery(get, new URLSearchParams('includeGridData=yes'))).toHaveLength(1);
    expect(validateQuery(get, new URLSearchParams('spreadsheetId=abc'))).toHaveLength(1);
    const batchGet = method('GET', 'https://sheets.googleapis.com/v4/spreadsheets/abc/values:batchGet');
    expect(validateQuery(batchGet, new URLSearchParams('valueRenderOption=RAW_VALUE'))).toHaveLength(1);
    expect(validateQuery(batchGet, new URLSearchParams('valueRenderOption=UNFORMATTED_VALUE'))).toEqual([]);
  });

  it('accepts a correct batchUpdate body', () => {
    const m = method('POST', 'https://sheets.googleapis.com/v4/spreadsheets/abc:batchUpdate');
    const body = {
      requests: [
        { addSheet: { properties: { sheetId: 5, title: '_malkoll', hidden: true, gridProperties: { rowCount: 10, columnCount: 1 } } } },
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 1, columnIndex: 4 },
            rows: [{ values: [{ userEnteredValue: { stringValue: 'Positiv' }, userEnteredFormat: { backgroundColor: { red: 0.8, green: 0.9, blue: 0.8 }, textFormat: { bold: true } } }] }],
            fields: 'userEnteredValue,userEnteredFormat.backgroundColor',
          },
        },
        { addProtectedRange: { protectedRange: { range: { sheetId: 0, startColumnIndex: 4, endColumnIndex: 6 }, warningOnly: true, description: 'Fylls i av Målkoll' } } },
      ],
    };
    expect(validateBody(m, body)).toEqual([]);
  });

  it.each([
    ['a misspelt field', { requests: [{ updateCells: { start: { sheetId: 0 }, rows: [{ values: [{ userEnteredValu: { stringValue: 'x' } }] }], fields: '*' } }] }, 'unknown field "userEnteredValu"'],
    ['a misspelt request kind', { requests: [{ addSheets: {} }] }, 'unknown field "addSheets"'],
    ['a bad enum', { requests: [{ appendDimension: { sheetId: 0, dimension: 'COLS', length: 2 } }] }, '"COLS" is not one of'],
    ['a wrong type', { requests: [{ deleteSheet: { sheetId: 'one' } }] }, 'expected an integer'],
    ['a string where an object belongs', { requests: ['addSheet'] }, 'expected an object'],
  ])('rejects %s', (_label, body, message) => {
    const m = method('POST', 'https://sheets.googleapis.com/v4/spreadsheets/abc:batchUpdate');
    const errors = validateBody(m, body);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it('validates Drive bodies and a GET with a body', () => {
    const create = method('POST', 'https://www.googleapis.com/drive/v3/permissions'.replace('permissions', 'files/f/permissions'));
    expect(validateBody(create, { role: 'reader', type: 'user', emailAddress: 'a@region.se' })).toEqual([]);
    expect(validateBody(create, { role: 'reader', type: 'user', email: 'a@region.se' })).toEqual(['Permission: unknown field "email"']);
    expect(validateBody(method('GET', 'https://sheets.googleapis.com/v4/spreadsheets/abc'), { a: 1 })).toHaveLength(1);
  });

  it('checks maps (additionalProperties) and int64 strings', () => {
    expect(validateValue('drive', { $ref: 'File' }, { appProperties: { a: 'b' }, size: '123' }, 'File')).toEqual([]);
    expect(validateValue('drive', { $ref: 'File' }, { appProperties: { a: 5 } }, 'File')).toHaveLength(1);
  });

  it('checks update field masks against the schema', () => {
    expect(validateFieldMask('sheets', 'CellData', 'userEnteredValue,userEnteredFormat.textFormat.foregroundColor', 'f')).toEqual([]);
    expect(validateFieldMask('sheets', 'CellData', 'userEnteredFormat.textFormat.foregroundColour', 'f')).toHaveLength(1);
  });
});
