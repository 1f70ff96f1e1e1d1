/**
 * One workbook and its summary on the Google fake, run as the functions run them: the production wiring, onSheetEdit,
 * and the edit trigger's signed call. Shared by the fault matrix and the change-log tests.
 */
import type { GoogleFake, SheetSeed } from '../../shared/testing/google-fake/index.ts';
import { parseConfig } from '../../shared/config.ts';
import { createProductionRecalc, type ProductionDeps } from '../../shared/app/production.ts';
import { createOnSheetEdit } from '../../functions/on-sheet-edit.ts';
import { computeSignature } from '../../functions/signature.ts';
import type { LogEntry } from '../../functions/types.ts';
import { METRIC_SHEET, NOW, seeds } from './interleaving-fixtures.ts';

export interface RegionOptions {
  secret: string;
  clients: Pick<ProductionDeps, 'sheets' | 'drive'>;
  retry: ProductionDeps['retry'];
  log?: (entry: LogEntry) => void;
}

/** The workbook of interleaving-fixtures.ts, shared with the leadership at region.se. */
function settingsWithSharing(): SheetSeed[] {
  return seeds().map((s) => (s.name !== 'Inställningar' ? s : { ...s, rows: [...s.rows, ['Sammanfattning delas med', 'ledning@region.se']] }));
}

export function regionOnFake(fake: GoogleFake, options: RegionOptions) {
  const book = fake.createSpreadsheet('Klimat', settingsWithSharing());
  const summary = fake.createSpreadsheet('Sammanfattning', [{ name: 'Blad1', rows: [] }]);
  const config = parseConfig({ MALKOLL_SIGNING_SECRET: options.secret, MALKOLL_SPREADSHEETS: book, MALKOLL_SUMMARY_SPREADSHEET: summary, MALKOLL_SHARE_DOMAINS: 'region.se' });
  const production = createProductionRecalc(config, { ...options.clients, now: () => NOW, ...(options.retry ? { retry: options.retry } : {}) });
  const handler = createOnSheetEdit({ config, recalculate: (id, edit) => production.recalculate(id, edit), log: options.log ?? (() => {}), now: () => NOW.getTime() });
  /** the trigger's signed call for an edit of Mätetal!G2 made at `editedAt` */
  const signedEdit = (editedAt: Date) => {
    const body = JSON.stringify({ spreadsheetId: book, sheetName: METRIC_SHEET, range: 'G2', editedAt: editedAt.toISOString() });
    const ts = String(Math.floor(NOW.getTime() / 1000));
    return { headers: { 'content-type': 'application/json', 'x-malkoll-timestamp': ts, 'x-malkoll-signature': computeSignature(options.secret, ts, body) }, body };
  };
  return { book, summary, production, handler, signedEdit };
}
