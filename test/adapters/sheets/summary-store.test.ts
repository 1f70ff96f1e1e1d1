import { describe, expect, it } from 'vitest';
import { STORAGE_QUOTA_MESSAGE } from '../../../shared/testing/google-fake/index.ts';
import { useGoogleFake } from '../../support/use-google-fake.ts';
import { createSheetsSummaryStore } from '../../../shared/adapters/sheets/index.ts';
import { CHANGE_LOG_HEADERS } from '../../../shared/engine/index.ts';
import { GoogleApiError } from '../../../shared/adapters/sheets/retry.ts';
import { hexOf } from '../../../shared/adapters/sheets/cell-format.ts';
import { PALETTE } from '../../../shared/engine/model/palette.ts';
import type { SummaryDocument, ChangeLogRow } from '../../../shared/engine/model/summary-model.ts';
import { fastRetry } from './fixtures.ts';

const { fake, sheets, drive } = useGoogleFake({ fresh: true });

function doc(hash: string, overall: 'Positiv' | 'Negativ' = 'Positiv'): SummaryDocument {
  return {
    organisation: 'Region Exempel',
    year: 2025,
    contentHash: hash,
    builtFor: '2026-03-01',
    sources: [{ id: 'a', name: 'Klimat' }],
    blocks: [
      { kind: 'title', text: 'Hållbarhetsredovisning Region Exempel 2025' },
      { kind: 'keyValue', label: 'Samlad bedömning', value: { text: overall, style: overall } },
      {
        kind: 'table',
        caption: 'Samlad bedömning av måluppfyllelse',
        columns: ['Målområde', 'Hållbarhetsmål', 'Utveckling'],
        rows: [[{ text: 'Klimat' }, { text: 'Halvera utsläppen' }, { text: 'Negativ', style: 'Negativ', footnote: 1 }]],
      },
      {
        kind: 'chart',
        chart: {
          id: 'survey', type: 'stacked-bar', title: 'Självskattning', alt: 'Andelar per påstående', unit: '%',
          categories: ['Påstående 1', 'Påstående 2'],
          series: [{ name: 'Instämmer helt', values: [60, 40], colour: '005A1F' }, { name: 'Instämmer inte', values: [40, 60] }],
        },
      },
      { kind: 'chart', chart: { id: 'trend', type: 'line', title: 'Utsläpp', alt: 'Utsläpp per år', categories: ['2023', '2024', '2025'], series: [{ name: 'Ton', values: [10, null, 8] }] } },
      { kind: 'footnotes', items: [{ number: 1, text: 'Manuell bedömning: målvärdet hölls.' }] },
    ],
    actionPlan: { columns: ['Målområde', 'Aktivitet', 'Läge'], rows: [[{ text: 'Klimat' }, { text: 'Solceller' }, { text: 'Försenad', style: 'Försenad' }]] },
  };
}

const change = (to: string): ChangeLogRow => ({
  at: '2026-03-01T10:00:00Z',
  change: { workbookId: 'a', workbookName: 'Klimat', sheet: 'Mätetal', rowNumber: 2, subject: 'Utsläpp', from: 'Oförändrad', to },
  cause: null,
});

function summaryFile(): string {
  return fake.createSpreadsheet('Sammanfattning', [{ name: 'Blad1', rows: [] }]);
}

const storeFor = (id: string | null, folder: string | null = null) =>
  createSheetsSummaryStore({ sheets, drive, summarySpreadsheetId: id, driveFolderId: folder, shareDomains: ['region.se'], retry: fastRetry() });

describe('summary spreadsheet', () => {
  it('writes sheets, colours and native charts in one batchUpdate, and reads its state back with one batchGet', async () => {
    const id = summaryFile();
    const store = storeFor(id);
    expect(await store.readState()).toBeNull();
    await store.write(doc('h1'), { contentHash: 'h1', changedAt: '2026-03-01T10:00:00Z' }, [change('Negativ')]);
    expect(fake.calls.byMethod()).toEqual({ 'sheets.spreadsheets.values.batchGet': 1, 'sheets.spreadsheets.get': 1, 'sheets.spreadsheets.batchUpdate': 1 });

    const book = fake.getSpreadsheet(id);
    expect(book.sheets.map((s) => s.properties.title)).toEqual(['Sammanfattning', 'Handlingsplan', 'Ändringslogg', 'Blad1', '_malkoll']);
    const values = fake.getSheetValues(id, 'Sammanfattning');
    expect(values.filter((r) => r[0] === 'Samlad bedömning')).toEqual([['Samlad bedömning', 'Positiv']]);
    const overall = values.findIndex((r) => r[0] === 'Samlad bedömning') + 1;
    expect(hexOf(fake.getCell(id, 'Sammanfattning', overall, 2)?.userEnteredFormat?.backgroundColor)).toBe(PALETTE.Positiv.fill);
    expect(values.some((r) => r[2] === 'Negativ ¹')).toBe(true);
    const charts = book.sheets[0]!.charts;
    expect(charts.map((c) => [c.spec?.basicChart?.chartType, c.spec?.basicChart?.stackedType ?? null])).toEqual([['BAR', 'STACKED'], ['LINE', null]]);
    // the chart is fed from numbers written in the sheet
    const source = charts[0]!.spec!.basicChart!.series![0]!.series!.sourceRange!.sources![0]!;
    expect(values.slice(source.startRowIndex!, source.endRowIndex!).map((r) => r[source.startColumnIndex!])).toEqual(['Instämmer helt', 60, 40]);
    expect(fake.getSheetValues(id, 'Handlingsplan')[1]).toEqual(['Klimat', 'Solceller', 'Försenad']);
    expect(fake.getSheetValues(id, 'Ändringslogg')).toEqual([CHANGE_LOG_HEADERS, ['2026-03-01T10:00:00Z', 'Klimat', 'Mätetal', '2', 'Utsläpp', 'Oförändrad', 'Negativ']]);
    expect(book.sheets.find((s) => s.properties.title === '_malkoll')!.properties.hidden).toBe(true);

    fake.calls.reset();
    const again = storeFor(id);
    expect(await again.readState()).toEqual({ contentHash: 'h1', changedAt: '2026-03-01T10:00:00Z' });
    await again.write(doc('h2', 'Negativ'), { contentHash: 'h2', changedAt: '2026-03-02T10:00:00Z' }, [change('Positiv')]);
    // the remembered layout spares the read: one batchGet + one batchUpdate
    expect(fake.calls.byMethod()).toEqual({ 'sheets.spreadsheets.values.batchGet': 1, 'sheets.spreadsheets.batchUpdate': 1 });
    expect(fake.getSpreadsheet(id).sheets[0]!.charts).toHaveLength(2);
    expect(fake.getSheetValues(id, 'Ändringslogg')).toHaveLength(3); // appended, never rewritten
    expect(fake.getSheetValues(id, 'Sammanfattning').filter((r) => r[0] === 'Samlad bedömning')).toEqual([['Samlad bedömning', 'Negativ']]);
  });

  it('recovers when a person deleted a chart the state remembers', async () => {
    const id = summaryFile();
    await storeFor(id).write(doc('h1'), { contentHash: 'h1', changedAt: null }, []);
    fake.getSpreadsheet(id).sheets[0]!.charts.pop();
    const store = storeFor(id);
    await store.readState();
    fake.calls.reset();
    await store.write(doc('h2'), { contentHash: 'h2', changedAt: null }, []);
    // refused (400): it first reads its state back (was an earlier attempt of this batch applied?), then the sheet list
    expect(fake.calls.byMethod()).toEqual({ 'sheets.spreadsheets.batchUpdate': 2, 'sheets.spreadsheets.values.batchGet': 1, 'sheets.spreadsheets.get': 1 });
    expect(fake.getSpreadsheet(id).sheets[0]!.charts).toHaveLength(2);
  });
});

describe('creating the summary', () => {
  it('creates it in a shared-drive folder, replacing the blank first sheet', async () => {
    const folder = fake.drive.addFolder('Målkoll', { sharedDrive: true });
    const store = storeFor(null, folder);
    const id = await store.ensureSpreadsheet();
    expect(store.location()).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    await store.write(doc('h'), { contentHash: 'h', changedAt: null }, []);
    expect(fake.getSpreadsheet(id).sheets.map((s) => s.properties.title)).toEqual(['Sammanfattning', 'Handlingsplan', 'Ändringslogg', '_malkoll']);
  });

  it('fails with storageQuotaExceeded, unretried, in a folder outside a shared drive', async () => {
    const folder = fake.drive.addFolder('Min mapp');
    const error = await storeFor(null, folder).ensureSpreadsheet().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiError);
    expect((error as GoogleApiError).reason).toBe('storageQuotaExceeded');
    expect((error as Error).message).toContain(STORAGE_QUOTA_MESSAGE);
    expect((error as Error).message).toContain('delad enhet');
    expect(fake.calls.count('drive.files.create')).toBe(1);
  });

  it('says what to do when there is neither a summary nor a folder', async () => {
    await expect(storeFor(null, null).ensureSpreadsheet()).rejects.toThrow(/MALKOLL_DRIVE_FOLDER/);
    expect(fake.calls.count()).toBe(0);
  });
});

describe('sharing', () => {
  it('grants reader once, refuses other domains, and revokes only its own grants', async () => {
    const id = summaryFile();
    const store = storeFor(id);
    const first = await store.share(['Anna@region.se', 'grupp:ledning@region.se', 'x@gmail.com', 'strateg@region.se'], true);
    expect(first).toEqual({ granted: ['Anna@region.se', 'grupp:ledning@region.se'], revoked: [], refused: ['x@gmail.com'] });
    const perms = fake.drive.files.get(id)!.permissions;
    expect(perms.filter((p) => p.role === 'reader').map((p) => [p.type, p.emailAddress])).toEqual([['user', 'anna@region.se'], ['group', 'ledning@region.se']]);
    expect(fake.drive.notifications.map((n) => n.emailAddress)).toEqual(['anna@region.se', 'ledning@region.se']);

    const fresh = storeFor(id); // state comes back from _malkoll
    expect(await fresh.share(['anna@region.se', 'grupp:ledning@region.se'], true)).toEqual({ granted: [], revoked: [], refused: [] });
    expect(fake.drive.files.get(id)!.permissions).toHaveLength(3);
    expect(fake.drive.notifications).toHaveLength(2);

    // the owner (strateg@, not granted by Målkoll) stays when removed from the list
    expect(await storeFor(id).share(['grupp:ledning@region.se'], true)).toEqual({ granted: [], revoked: ['anna@region.se'], refused: [] });
    expect(fake.drive.files.get(id)!.permissions.map((p) => p.emailAddress)).toEqual(['strateg@region.se', 'ledning@region.se']);
    expect(fake.calls.requests.filter((r) => r.method === 'drive.permissions.create').every((r) => (r.body as { role: string }).role === 'reader')).toBe(true);
  });

  it('grants and revokes nothing while the settings disagree', async () => {
    const id = summaryFile();
    const result = await storeFor(id).share(['anna@region.se', 'x@gmail.com'], false);
    expect(result).toEqual({ granted: [], revoked: [], refused: ['x@gmail.com'] });
    expect(fake.calls.count('drive.permissions.create')).toBe(0);
  });
});
