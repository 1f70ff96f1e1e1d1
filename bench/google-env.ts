/**
 * The production wiring on the tests' Google fake: real @googleapis clients, real adapters, real
 * recalcSet through createProductionRecalc, with msw answering at the HTTP boundary. One per measurement.
 * @module
 */
import type { DemoSheet } from '../sheets-templates/demo/types.ts';
import { createGoogleFake, fakeClients, type GoogleFake, type RecordedRequest } from '../shared/testing/google-fake/index.ts';
import { cellFromSeed } from '../shared/testing/google-fake/sheets-state.ts';
import { createProductionRecalc, type ProductionRecalc } from '../shared/app/production.ts';
import { parseConfig, type Config } from '../shared/config.ts';
import { toSeeds } from './workbook-fixture.ts';

export const SIGNING_SECRET = 'bench-secret-0123456789-abcdefghijklmnop';
/** a fixed day, so every run assesses the same reporting year */
export const BENCH_NOW = new Date('2026-03-02T09:00:00Z');
const WRITE = /batchUpdate|create|delete|append|clear|update/i;

export interface GoogleEnv {
  fake: GoogleFake;
  config: Config;
  workbookIds: string[];
  summaryId: string;
  clients: ReturnType<typeof fakeClients>;
  production(now?: () => Date): ProductionRecalc;
  /** sets one cell of a workbook in the fake, as a person typing would (1-based row and column) */
  type(id: string, sheet: string, rowNumber: number, columnNumber: number, value: string | number | null): void;
  close(): void;
}

/** `env`: further configuration (e.g. the Cloud Tasks queue), as the function's environment would hold it */
export function createGoogleEnv(
  workbooks: { title: string; sheets: DemoSheet[] }[],
  options: { listen?: 'error' | 'bypass'; env?: Record<string, string> } = {},
): GoogleEnv {
  const { listen = 'error', env = {} } = options;
  const fake = createGoogleFake();
  fake.server.listen({ onUnhandledFrame: listen });
  const workbookIds = workbooks.map((w) => fake.createSpreadsheet(w.title, toSeeds(w.sheets)));
  const summaryId = fake.createSpreadsheet('Sammanfattning', [{ name: 'Blad1', rows: [] }]);
  const config = parseConfig({ MALKOLL_SIGNING_SECRET: SIGNING_SECRET, MALKOLL_SPREADSHEETS: workbookIds.join(','), MALKOLL_SUMMARY_SPREADSHEET: summaryId, ...env });
  const clients = fakeClients();
  return {
    fake,
    config,
    workbookIds,
    summaryId,
    clients,
    production: (now = () => BENCH_NOW) => createProductionRecalc(config, { ...clients, now }),
    type(id, sheet, rowNumber, columnNumber, value) {
      const target = fake.getSpreadsheet(id).sheets.find((s) => s.properties.title === sheet);
      if (!target) throw new Error(`no sheet ${sheet}`);
      const row = (target.rows[rowNumber - 1] ??= []);
      row[columnNumber - 1] = cellFromSeed(value);
    },
    close: () => fake.close(),
  };
}

/** Calls split by what they touched: the given spreadsheet, or anything else (summary, Drive). */
export function countCalls(requests: RecordedRequest[], spreadsheetId: string) {
  const touches = (r: RecordedRequest) => r.url.pathname.includes(`/${spreadsheetId}`);
  const mine = requests.filter(touches);
  return {
    total: requests.length,
    workbook: mine.length,
    workbookReads: mine.filter((r) => !WRITE.test(r.method)).length,
    workbookWrites: mine.filter((r) => WRITE.test(r.method)).length,
    other: requests.length - mine.length,
    writes: requests.filter((r) => WRITE.test(r.method)).length,
    byMethod: requests.reduce<Record<string, number>>((acc, r) => ((acc[r.method] = (acc[r.method] ?? 0) + 1), acc), {}),
  };
}
