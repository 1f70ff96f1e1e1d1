import { describe, expect, it } from 'vitest';
import type { sheets_v4 } from '@googleapis/sheets';
import { useGoogleFake } from '../../support/use-google-fake.ts';
import { createSheetsWorkbookStore } from '../../../shared/adapters/sheets/index.ts';
import { GoogleApiError } from '../../../shared/adapters/sheets/retry.ts';
import { hexOf } from '../../../shared/adapters/sheets/cell-format.ts';
import { PALETTE } from '../../../shared/engine/model/palette.ts';
import { INPUT_COLUMNS, fastRetry, metricSheet, planFor } from './fixtures.ts';

const { fake, sheets } = useGoogleFake({ fresh: true });

const store = (ids: string[], slept: number[] = []) => createSheetsWorkbookStore({ sheets, spreadsheetIds: ids, retry: fastRetry(slept) });
const ref = (id: string) => ({ id, name: 'Klimat' });
const batchRequests = (): sheets_v4.Schema$Request[] =>
  fake.calls.requests.filter((r) => r.method === 'sheets.spreadsheets.batchUpdate').flatMap((r) => (r.body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest).requests ?? []);

describe('reading a workbook', () => {
  it('keeps no cells of sheets the template does not use (a person\'s own sheets), only their names', async () => {
    const id = fake.createSpreadsheet('Egna blad', [
      { name: 'Rådata', rows: Array.from({ length: 50 }, (_, i) => [`rad ${i}`, i, i * 2]) },
      { name: 'mätetal ', rows: [['Mätetal', 'Utfall 2025'], ['Resor', 12]] },
    ]);
    const snap = await store([id]).read(ref(id));
    expect(fake.calls.byMethod()).toEqual({ 'sheets.spreadsheets.get': 1 });
    expect(snap.grid.sheets.map((s) => [s.name, s.rows.length])).toEqual([['Rådata', 0], ['mätetal ', 2]]);
    expect(snap.grid.sheets[1]!.rows[1]).toEqual([{ value: 'Resor' }, { value: 12 }]);
  });

  it('fills the merged cells of each sheet (1-based, inclusive), in the same one call', async () => {
    const id = fake.createSpreadsheet('Sammanslaget', [
      { name: 'Mätetal', rows: [['Rubrik'], ['Målområde', 'Indikator']], merges: [{ top: 1, left: 1, bottom: 1, right: 4 }, { top: 5, left: 2, bottom: 7, right: 2 }] },
      { name: 'Inställningar', rows: [['Inställning', 'Värde']] },
    ]);
    const snap = await store([id]).read(ref(id));
    expect(fake.calls.byMethod()).toEqual({ 'sheets.spreadsheets.get': 1 });
    expect(snap.grid.sheets[0]!.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 5, left: 2, bottom: 7, right: 2 },
    ]);
    expect(snap.grid.sheets[1]).not.toHaveProperty('merges');
  });

  it('maps percent, dates, errors, formulas, hidden sheets and rows in one call', async () => {
    const id = fake.createSpreadsheet('Klimat 2025', [
      {
        name: 'Mätetal',
        rows: [
          ['Mätetal', 'Utfall 2025', 'Klart senast', 'Kvot', 'Summa'],
          ['Andel förnybart', { percent: 0.369 }, { date: '2026-06-30' }, { error: 'DIVIDE_BY_ZERO' }, { formula: '=1+2', value: 3 }],
          ['Text', '36,9 %', { date: '2025-01-15T12:00:00', time: true }, { error: 'REF', formula: '=#REF!' }, { formula: '=A1', value: null }],
        ],
        hiddenRows: [3],
      },
      { name: 'Handlingsplan', rows: [['x']], hidden: true },
    ]);
    const snap = await store([id]).read(ref(id));
    expect(fake.calls.byMethod()).toEqual({ 'sheets.spreadsheets.get': 1 });
    const [metrics, hidden] = snap.grid.sheets;
    expect(snap.grid.name).toBe('Klimat 2025');
    expect(snap.grid.state).toBeNull();
    expect(metrics!.rows[1]).toEqual([
      { value: 'Andel förnybart' },
      { value: 0.369, percent: true },
      { value: 46203, date: '2026-06-30' },
      { value: null, error: '#DIV/0!', formula: '=1/0' },
      { value: 3, formula: '=1+2' },
    ]);
    expect(metrics!.rows[2]).toEqual([
      { value: 'Text' },
      { value: '36,9 %' },
      { value: 45672.5, date: '2025-01-15' },
      { value: null, error: '#REF!', formula: '=#REF!' },
      { value: null, formula: '=A1' },
    ]);
    expect(metrics!.hiddenRows).toEqual([3]);
    expect(hidden).toEqual({ name: 'Handlingsplan', rows: [[{ value: 'x' }]], hidden: true });
    expect(snap.version).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['DIVIDE_BY_ZERO', '#DIV/0!'], ['VALUE', '#VALUE!'], ['REF', '#REF!'], ['NAME', '#NAME?'], ['NUM', '#NUM!'], ['N_A', '#N/A'], ['NULL_VALUE', '#NULL!'], ['ERROR', '#ERROR!'],
  ])('shows error %s as %s', async (type, text) => {
    const id = fake.createSpreadsheet('Fel', [{ name: 'Mätetal', rows: [['a'], [{ error: type }]] }]);
    const snap = await store([id]).read(ref(id));
    expect(snap.grid.sheets[0]!.rows[1]![0]!.error).toBe(text);
  });

  it('version changes when a cell changes and not otherwise', async () => {
    const a = fake.createSpreadsheet('A', [metricSheet(3)]);
    const b = fake.createSpreadsheet('B', [metricSheet(3)]);
    const c = fake.createSpreadsheet('C', [{ ...metricSheet(3), rows: metricSheet(3).rows.map((r, i) => (i === 2 ? [...r.slice(0, 6), 99] : r)) }]);
    const s = store([a, b, c]);
    const [va, vb, vc] = await Promise.all([a, b, c].map(async (id) => (await s.read(ref(id))).version));
    expect(va).toBe(vb);
    expect(vc).not.toBe(va);
  });
});

describe('writing a plan', () => {
  it.each([10, 10_000])('with %i rows: one read and one batchUpdate, coloured cells, inputs untouched', async (rows) => {
    const id = fake.createSpreadsheet('Klimat', [metricSheet(rows)]);
    const s = store([id]);
    const snap = await s.read(ref(id));
    const outcome = await s.write(ref(id), planFor(id, rows, ['Positiv', 'Negativ', 'Fel']), snap.version);
    expect(outcome).toEqual({ kind: 'written' });
    expect(fake.calls.byMethod()).toEqual({ 'sheets.spreadsheets.get': 1, 'sheets.spreadsheets.batchUpdate': 1 });

    const cell = (r: number, c: number) => fake.getCell(id, 'Mätetal', r, c);
    for (const [r, status] of [[2, 'Positiv'], [3, 'Negativ'], [4, 'Fel']] as const) {
      expect(cell(r, 8)?.userEnteredValue).toEqual({ stringValue: status });
      expect(hexOf(cell(r, 8)?.userEnteredFormat?.backgroundColor)).toBe(PALETTE[status].fill);
      expect(hexOf(cell(r, 8)?.userEnteredFormat?.textFormat?.foregroundColor)).toBe(PALETTE[status].font);
    }
    expect(cell(4, 8)?.userEnteredFormat?.textFormat?.bold).toBe(true);
    expect(cell(rows + 1, 9)?.userEnteredValue).toEqual({ stringValue: `Förklaring ${rows + 1}` });
    // input values are as seeded
    expect(fake.getSheetValues(id, 'Mätetal')[rows]!.slice(0, INPUT_COLUMNS)).toEqual(['Klimat', 'Utsläpp', `Mätetal ${rows}`, '%', 'Minska', 40 + rows - 1, 38 + rows - 1]);

    const requests = batchRequests();
    const metricsSheetId = fake.getSpreadsheet(id).sheets.find((x) => x.properties.title === 'Mätetal')!.properties.sheetId;
    for (const r of requests) {
      const start = r.updateCells?.start;
      if (start?.sheetId === metricsSheetId) expect(start.columnIndex).toBeGreaterThanOrEqual(INPUT_COLUMNS);
      expect(r.updateCells?.range?.sheetId ?? -1).not.toBe(metricsSheetId);
      if (r.addProtectedRange) expect(r.addProtectedRange.protectedRange?.range?.startColumnIndex).toBeGreaterThanOrEqual(INPUT_COLUMNS);
    }
    expect(requests.filter((r) => r.updateCells?.start?.sheetId === metricsSheetId).length).toBeLessThanOrEqual(3);
  });

  it('adds the hidden _malkoll sheet first, stores the state, and protects the product columns once', async () => {
    const id = fake.createSpreadsheet('Klimat', [metricSheet(5)]);
    const s = store([id]);
    const first = await s.read(ref(id));
    await s.write(ref(id), planFor(id, 5), first.version);
    const requests = batchRequests();
    expect(Object.keys(requests[0]!)).toEqual(['addSheet']);
    expect(requests[0]!.addSheet!.properties).toMatchObject({ title: '_malkoll', hidden: true });
    const stateSheet = fake.getSpreadsheet(id).sheets.find((x) => x.properties.title === '_malkoll')!;
    expect(stateSheet.properties.hidden).toBe(true);
    const protections = fake.getSpreadsheet(id).sheets[0]!.protectedRanges;
    expect(protections).toEqual([
      expect.objectContaining({ description: 'Fylls i av Målkoll', warningOnly: true, range: { sheetId: 0, startColumnIndex: 7, endColumnIndex: 9 } }),
    ]);

    const second = await s.read(ref(id));
    expect(second.grid.state).toEqual({ written: planFor(id, 5).state.written });
    expect(second.grid.sheets.map((x) => x.name)).toEqual(['Mätetal']);
    fake.calls.reset();
    await s.write(ref(id), planFor(id, 5, ['Negativ']), second.version);
    const again = batchRequests();
    expect(again.some((r) => r.addSheet || r.addProtectedRange)).toBe(false);
    expect(fake.getSpreadsheet(id).sheets[0]!.protectedRanges).toHaveLength(1);
    expect((await s.read(ref(id))).grid.state?.written['Mätetal!2!Utveckling']).toBe('Negativ');
  });

  it('grows the grid when a new product column lies beyond it', async () => {
    const id = fake.createSpreadsheet('Smal', [metricSheet(2, 7)]);
    const book = fake.getSpreadsheet(id);
    book.sheets[0]!.properties.gridProperties.columnCount = 7;
    const s = store([id]);
    const snap = await s.read(ref(id));
    expect(await s.write(ref(id), planFor(id, 2), snap.version)).toEqual({ kind: 'written' });
    expect(fake.getCell(id, 'Mätetal', 2, 9)?.userEnteredValue).toEqual({ stringValue: 'Förklaring 2' });
  });
});

describe('retries', () => {
  it('retries a 429 on the read, honouring Retry-After', async () => {
    const id = fake.createSpreadsheet('Klimat', [metricSheet(2)]);
    fake.inject({ method: 'sheets.spreadsheets.get', status: 429, retryAfter: 3 });
    const slept: number[] = [];
    await store([id], slept).read(ref(id));
    expect(fake.calls.count('sheets.spreadsheets.get')).toBe(2);
    expect(slept).toEqual([3000]);
  });

  it('retries a 429 without Retry-After and a reset connection on the batchUpdate (a POST)', async () => {
    const id = fake.createSpreadsheet('Klimat', [metricSheet(2)]);
    const slept: number[] = [];
    const s = store([id], slept);
    const snap = await s.read(ref(id));
    fake.inject({ method: 'sheets.spreadsheets.batchUpdate', status: 429 });
    fake.inject({ method: 'sheets.spreadsheets.batchUpdate', reset: true });
    expect(await s.write(ref(id), planFor(id, 2), snap.version)).toEqual({ kind: 'written' });
    expect(fake.calls.count('sheets.spreadsheets.batchUpdate')).toBe(3);
    expect(slept).toEqual([500, 1000]);
    expect(fake.getCell(id, 'Mätetal', 2, 8)?.userEnteredValue).toEqual({ stringValue: 'Positiv' });
  });

  it('gives up on 503 after the bounded retries with a clear error', async () => {
    const id = fake.createSpreadsheet('Klimat', [metricSheet(2)]);
    fake.inject({ method: 'sheets.spreadsheets.get', status: 503, times: 100 });
    const error = await store([id]).read(ref(id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiError);
    expect((error as Error).message).toBe('sheets.spreadsheets.get misslyckades med HTTP 503 (backendError) efter 5 försök: The service is currently unavailable.');
    expect(fake.calls.count('sheets.spreadsheets.get')).toBe(5);
  });

  it('retries a call that timed out', async () => {
    const id = fake.createSpreadsheet('Klimat', [metricSheet(2)]);
    fake.inject({ method: 'sheets.spreadsheets.get', delayMs: 400 });
    const s = createSheetsWorkbookStore({ sheets, spreadsheetIds: [id], retry: { ...fastRetry(), timeoutMs: 100 } });
    expect((await s.read(ref(id))).grid.sheets[0]!.name).toBe('Mätetal');
    expect(fake.calls.count('sheets.spreadsheets.get')).toBe(2);
  });

  it('does not retry a 400', async () => {
    const id = fake.createSpreadsheet('Klimat', [metricSheet(2)]);
    fake.inject({ method: 'sheets.spreadsheets.get', status: 400 });
    await expect(store([id]).read(ref(id))).rejects.toThrow(/HTTP 400/);
    expect(fake.calls.count()).toBe(1);
  });

  it('reports a workbook it may not write as skipped', async () => {
    const id = fake.createSpreadsheet('Klimat', [metricSheet(2)]);
    const s = store([id]);
    const snap = await s.read(ref(id));
    fake.inject({ method: 'sheets.spreadsheets.batchUpdate', status: 403 });
    expect(await s.write(ref(id), planFor(id, 2), snap.version)).toEqual({ kind: 'skipped', reason: expect.stringContaining('behörighet') });
  });
});
