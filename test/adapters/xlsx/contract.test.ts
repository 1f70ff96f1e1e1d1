/**
 * The store contracts of test/contracts/ against the local adapter: each set in a folder of its own, a person's
 * save made with xlsx-populate, and the folder's files (bytes and modification times) as the footprint.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import XlsxPopulate from 'xlsx-populate';
import { afterAll } from 'vitest';
import { createXlsxWorkbookStore, sha256, writeTemplateWorkbook } from '../../../shared/adapters/xlsx/index.ts';
import { runWorkbookStoreContract } from '../../contracts/workbook-store.case.test.ts';
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
