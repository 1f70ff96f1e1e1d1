/**
 * The store contracts of test/contracts/ against the local adapter: each set in a folder of its own, a person's
 * save made with xlsx-populate, the summary read back with the independent reader (test/support/xlsx-inspect.ts),
 * and the folder's files (bytes and modification times) as what the store left.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import XlsxPopulate from 'xlsx-populate';
import { afterAll } from 'vitest';
import { SUMMARY_FILE, createXlsxSummaryStore, createXlsxWorkbookStore, sha256, writeTemplateWorkbook } from '../../../shared/adapters/xlsx/index.ts';
import { runSummaryStoreContract } from '../../contracts/summary-store.case.test.ts';
import { runWorkbookStoreContract } from '../../contracts/workbook-store.case.test.ts';
import { inspectXlsx, rowValues, sheetOf, type InspectedSheet } from '../../support/xlsx-inspect.ts';
import { tempDir } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function folder(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  return dir;
}

/** Every file below `dir`, with the hash of its bytes and its modification time: a write shows, even of the same bytes. */
async function files(dir: string): Promise<[string, string, number][]> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = await Promise.all(
    entries.map(async (e) => {
      const path = join(e.parentPath, e.name);
      return [relative(dir, path), sha256(await readFile(path)), (await stat(path)).mtimeMs] as [string, string, number];
    }),
  );
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/** A sheet's rows as texts, '' for an empty cell. */
function texts(sheet: InspectedSheet): string[][] {
  const last = Math.max(0, ...[...sheet.cells.keys()].map((address) => Number(/\d+$/.exec(address)![0])));
  return Array.from({ length: last }, (_, i) => rowValues(sheet, i + 1).map((v) => (v === null ? '' : String(v))));
}

runWorkbookStoreContract({
  detectsConflicts: true,
  async create(workbooks) {
    const dir = await folder();
    for (const workbook of workbooks) await writeTemplateWorkbook(join(dir, workbook.fileName), workbook);
    return {
      store: createXlsxWorkbookStore(dir),
      ids: workbooks.map((w) => w.fileName),
      missing: { id: 'Borta.xlsx', name: 'Borta' },
      async type(id, sheet, rowNumber, columnNumber, value) {
        const book = await XlsxPopulate.fromFileAsync(join(dir, id));
        book.sheet(sheet)!.cell(rowNumber, columnNumber).value(value);
        await book.toFileAsync(join(dir, id));
      },
      footprint: () => files(dir),
    };
  },
});

runSummaryStoreContract({
  // column 5 is 'Avser' on Google (reported; the two adapters have not been made to agree yet)
  keepsLastRun: true,
  async create() {
    const dir = await folder();
    const summary = async () => inspectXlsx(await readFile(join(dir, SUMMARY_FILE)));
    return {
      store: () => createXlsxSummaryStore(dir),
      sheets: async () => (await summary()).sheets.map((s) => ({ name: s.name, hidden: s.state !== 'visible' })),
      rows: async (name) => texts(sheetOf(await summary(), name)),
      stored: () => files(dir),
    };
  },
});
