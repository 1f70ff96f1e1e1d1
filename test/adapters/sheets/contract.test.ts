/**
 * The store contracts of test/contracts/ against the Google adapter, through the msw fake: each set its own
 * spreadsheets, a person's typing made in the fake's cells, and the stored spreadsheets plus every call as the
 * footprint (each call counts against Google's quota).
 */
import { createSheetsWorkbookStore } from '../../../shared/adapters/sheets/index.ts';
import { runWorkbookStoreContract } from '../../contracts/workbook-store.case.test.ts';
import { seedsOf, titleOf } from '../../integration/support/demo-seeds.ts';
import { useGoogleFake } from '../../support/use-google-fake.ts';
import { fastRetry } from './fixtures.ts';

const { fake, sheets } = useGoogleFake({ fresh: true });

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
