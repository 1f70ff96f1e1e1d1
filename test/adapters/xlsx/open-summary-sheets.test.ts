import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openSummarySheets } from '../../../shared/adapters/xlsx/open-summary-sheets.ts';
import { createXlsxSummaryStore } from '../../../shared/adapters/xlsx/summary-store.ts';
import { buildSummary } from '../../../shared/engine/summary/build.ts';
import { SHEETS } from '../../../shared/engine/model/template.ts';
import { demoSet, settings, SOURCES } from '../../engine/set-fixtures.ts';

/** every cell of a sheet as exceljs reads it: value and the text it shows */
function cellsOf(wb: ExcelJS.Workbook, name: string) {
  const out: unknown[] = [];
  wb.getWorksheet(name)!.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => out.push([r, c, cell.value, cell.text])),
  );
  return out;
}

async function fullLoad(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe('openSummarySheets', () => {
  let dir: string;
  let bytes: Buffer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'malkoll-open-summary-'));
    const store = createXlsxSummaryStore(dir);
    const doc = buildSummary(demoSet(), settings(), { sources: SOURCES, today: '2026-03-14', changedAt: '2026-03-14T09:22:00Z' });
    const change = { workbookId: 'klimat.xlsx', workbookName: 'Klimat', sheet: 'Mätetal', rowNumber: 4, subject: 'Energi & "lokaler" <1>', from: null, to: 'Negativ' };
    await store.write(doc, { contentHash: doc.contentHash, changedAt: '2026-03-14T09:22:00Z' }, [
      { at: '2026-03-14T09:22:00Z', change, cause: 'Redigering av Mätetal!F7' },
      { at: '2026-03-14T09:22:00Z', change: { ...change, rowNumber: 5, from: 'Positiv' }, cause: null },
    ]);
    bytes = readFileSync(join(dir, 'Sammanfattning.xlsx'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([[[SHEETS.state]], [[SHEETS.changeLog]], [[SHEETS.state, SHEETS.changeLog]]])(
    'reads %j exactly as a full load does, without parsing the Sammanfattning sheet',
    async (wanted) => {
      const full = await fullLoad(bytes);
      const partial = await openSummarySheets(bytes, wanted);
      expect(partial.getWorksheet(SHEETS.summary)).toBeUndefined();
      for (const name of wanted) {
        expect(partial.getWorksheet(name)!.state).toBe(full.getWorksheet(name)!.state);
        expect(cellsOf(partial, name)).toEqual(cellsOf(full, name));
      }
    },
  );

  it('reads the whole file when a wanted sheet is not there, or the package cannot be scanned', async () => {
    const zip = await JSZip.loadAsync(bytes);
    zip.remove('xl/_rels/workbook.xml.rels');
    const unscannable = await zip.generateAsync({ type: 'nodebuffer' });
    const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => ws.name);
    const expected = await fullLoad(unscannable).then(names, (error: Error) => error.message);
    expect(await openSummarySheets(unscannable, [SHEETS.state]).then(names, (error: Error) => error.message)).toEqual(expected);

    const noLog = await openSummarySheets(bytes, ['Finns inte']);
    expect(noLog.worksheets.map((ws) => ws.name)).toEqual((await fullLoad(bytes)).worksheets.map((ws) => ws.name));
  });

  it('rejects bytes that are no package at all, as a full load does (the store reads that as no state)', async () => {
    await expect(openSummarySheets(Buffer.from('inte en arbetsbok'), [SHEETS.state])).rejects.toThrow();
  });
});
