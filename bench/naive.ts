/**
 * What a region would otherwise write: read and write cell by cell, one API call per cell (one read per
 * non-empty input cell, one write per product cell the engine decided to write). Run for real against
 * the Google fake for the small workbook (reads: a `values.batchGet` of one cell each; writes: a
 * `batchUpdate` of one cell each — the fake implements those, and either is one call per cell); for the
 * large one the calls are COUNTED from the same engine plan, not sent.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { recalculate } from '../shared/engine/index.ts';
import { createGoogleEnv } from './google-env.ts';
import { columnLetter } from './sheets-calls.ts';
import { fixtureSheets, inputCellCount, toGrid } from './workbook-fixture.ts';

/** the region's per-user Sheets quota: 60 reads and 60 writes per minute */
export const QUOTA_PER_MINUTE = 60;

export interface NaiveResult {
  metrics: number;
  calls: number;
  reads: number;
  writes: number;
  /** true: sent to the fake; false: counted from the plan */
  ran: boolean;
  /** calls one after another at 300 ms each */
  modelledSeconds: number;
  /** minutes of the per-user quota (60 reads + 60 writes a minute) the run needs at the least */
  quotaMinutes: number;
}

export async function measureNaive(metrics: number, options: { run: boolean; latencyMs?: number }): Promise<NaiveResult> {
  const sheets = fixtureSheets({ metrics });
  const plan = recalculate([toGrid('naive', sheets)], { today: '2026-03-02', changedAt: '2026-03-02T00:00:00Z' }).plans[0]!;
  let reads = inputCellCount(sheets);
  let writes = plan.writes.length;
  if (options.run) {
    const env = createGoogleEnv([{ title: 'Naiv', sheets }]);
    try {
      const id = env.workbookIds[0]!;
      const api = env.clients.sheets;
      for (const s of sheets) {
        const rows = [s.headers, ...s.rows];
        for (const [r, row] of rows.entries()) {
          for (const [c, cell] of row.entries()) {
            if (cell === null || cell === '') continue;
            await api.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: [`'${s.name}'!${columnLetter(c + 1)}${r + 1}`] });
          }
        }
      }
      const sheetIds = new Map(env.fake.getSpreadsheet(id).sheets.map((s) => [s.properties.title, s.properties.sheetId]));
      for (const w of plan.writes) {
        const cell: sheets_v4.Schema$CellData = { userEnteredValue: { stringValue: String(w.value ?? '') } };
        const request: sheets_v4.Schema$Request = {
          updateCells: {
            start: { sheetId: sheetIds.get(w.sheet)!, rowIndex: w.rowNumber - 1, columnIndex: w.columnNumber - 1 },
            rows: [{ values: [cell] }],
            fields: 'userEnteredValue',
          },
        };
        await api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [request] } });
      }
      reads = env.fake.calls.count('sheets.spreadsheets.values.batchGet');
      writes = env.fake.calls.count('sheets.spreadsheets.batchUpdate');
      if (env.fake.validationErrors.length) throw new Error(`bench: the fake refused naive calls: ${env.fake.validationErrors[0]}`);
    } finally {
      env.close();
    }
  }
  const calls = reads + writes;
  return {
    metrics,
    calls,
    reads,
    writes,
    ran: options.run,
    modelledSeconds: (calls * (options.latencyMs ?? 300)) / 1000,
    quotaMinutes: Math.max(reads, writes) / QUOTA_PER_MINUTE,
  };
}
