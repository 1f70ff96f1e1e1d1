/**
 * Sheets+Drive calls of one edit's recalculation (production path: createProductionRecalc → recalcSet
 * with scope [id] → the Sheets workbook and summary stores), counted by the Google fake.
 * @module
 */
import { countCalls, createGoogleEnv } from './google-env.ts';
import { LAST_YEAR, fixtureSheets, metricHeaders } from './workbook-fixture.ts';
import { columnLetter } from '../shared/engine/index.ts';

export { columnLetter };

export interface SheetsCallsResult {
  metrics: number;
  /** calls on the edited workbook: the target is 1 read + 1 write */
  workbookCalls: number;
  workbookReads: number;
  workbookWrites: number;
  /** the summary spreadsheet and Drive (summary state read + rewrite) */
  summaryCalls: number;
  totalCalls: number;
  /** writes of any kind when a second, identical recalculation finds nothing changed */
  writesWhenUnchanged: number;
  callsWhenUnchanged: number;
  /** the very first run (no `_malkoll` yet, summary laid out for the first time) */
  firstRunCalls: number;
  /** wall time of the edit's recalculation against the fake, no injected latency */
  recalcMs: number;
  byMethod: Record<string, number>;
}

export async function measureSheetsCalls(metrics: number, years = 10): Promise<SheetsCallsResult> {
  const sheets = fixtureSheets({ metrics, years });
  const env = createGoogleEnv([{ title: 'Klimat', sheets }]);
  try {
    const id = env.workbookIds[0]!;
    const edit = (range: string) => ({ spreadsheetId: id, sheetName: 'Mätetal', range, editedAt: new Date().toISOString() });
    await env.production().recalculate(id, edit('A1'));
    const firstRunCalls = env.fake.calls.count();

    // a person lowers metric 1's latest outcome below its target: its status changes
    const column = metricHeaders(years).indexOf(`Utfall ${LAST_YEAR}`) + 1;
    env.type(id, 'Mätetal', 2, column, 500);
    env.fake.calls.reset();
    const started = performance.now();
    const report = await env.production().recalculate(id, edit(`${columnLetter(column)}2`));
    const recalcMs = performance.now() - started;
    if (report.workbooks[0]?.outcome !== 'written') throw new Error(`bench: the edit changed nothing (${report.workbooks[0]?.outcome})`);
    const edited = countCalls(env.fake.calls.requests, id);

    env.fake.calls.reset();
    await env.production().recalculate(id, edit(`${columnLetter(column)}2`));
    const unchanged = countCalls(env.fake.calls.requests, id);
    if (env.fake.validationErrors.length) throw new Error(`bench: the fake refused requests: ${env.fake.validationErrors.join('; ')}`);

    return {
      metrics,
      workbookCalls: edited.workbook,
      workbookReads: edited.workbookReads,
      workbookWrites: edited.workbookWrites,
      summaryCalls: edited.other,
      totalCalls: edited.total,
      writesWhenUnchanged: unchanged.writes,
      callsWhenUnchanged: unchanged.total,
      firstRunCalls,
      recalcMs,
      byMethod: edited.byMethod,
    };
  } finally {
    env.close();
  }
}
