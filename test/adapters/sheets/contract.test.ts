/**
 * The store contracts of test/contracts/ against the Google adapter, through the msw fake: each set its own
 * spreadsheets, a person's typing made in the fake's cells, and the stored spreadsheets plus every call as a
 * workbook store's footprint (each call counts against Google's quota), the summary plus every write call as what
 * the summary store left.
 */
import { createSheetsSummaryStore, createSheetsWorkbookStore } from '../../../shared/adapters/sheets/index.ts';
import { WRITE_METHODS } from '../../../shared/testing/google-fake/index.ts';
import { runSummaryStoreContract } from '../../contracts/summary-store.case.test.ts';
import { runWorkbookStoreContract } from '../../contracts/workbook-store.case.test.ts';
import { seedsOf, titleOf } from '../../integration/support/demo-seeds.ts';
import { useGoogleFake } from '../../support/use-google-fake.ts';
import { fastRetry } from './fixtures.ts';

const { fake, sheets, drive } = useGoogleFake({ fresh: true });

runWorkbookStoreContract({
  detectsConflicts: false,
  async create(workbooks) {
    const ids = workbooks.map((w) => fake.createSpreadsheet(titleOf(w), seedsOf(w)));
    return {
      store: createSheetsWorkbookStore({ sheets, spreadsheetIds: ids, retry: fastRetry() }),
      ids,
      missing: { id: 'finns-inte', name: 'finns-inte' },
      type: async (id, sheet, rowNumber, columnNumber, value) => fake.typeCell(id, sheet, rowNumber, columnNumber, value),
      footprint: async () => ({ calls: fake.calls.count(), spreadsheets: ids.map((id) => JSON.stringify(fake.getSpreadsheet(id))) }),
    };
  },
});

runSummaryStoreContract({
  keepsLastRun: false,
  async create(workbookIds) {
    const id = fake.createSpreadsheet('Sammanfattning', [{ name: 'Blad1', rows: [] }]);
    return {
      store: () => createSheetsSummaryStore({ sheets, drive, summarySpreadsheetId: id, driveFolderId: null, shareDomains: [], workbookIds, retry: fastRetry() }),
      sheets: async () => fake.getSpreadsheet(id).sheets.map((s) => ({ name: s.properties.title, hidden: s.properties.hidden === true })),
      rows: async (name) => fake.getSheetValues(id, name).map((r) => r.map((v) => (v === null ? '' : String(v)))),
      stored: async () => ({ writes: fake.calls.requests.filter((r) => WRITE_METHODS.test(r.method)).length, spreadsheet: JSON.stringify(fake.getSpreadsheet(id)) }),
    };
  },
});
