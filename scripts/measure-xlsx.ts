/**
 * Measures the local xlsx adapter: does an xlsx-populate load+save keep every zip part (the two foreign
 * fixtures and a generated 10 000-row workbook), and how long do read+write take compared with a plain
 * load+save. Run: node scripts/measure-xlsx.ts
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import XlsxPopulate from 'xlsx-populate';
import { createXlsxWorkbookStore } from '../shared/adapters/xlsx/index.ts';
import type { CellWrite } from '../shared/engine/index.ts';
import { largeWorkbook } from '../shared/testing/large-workbook.ts';

const FOREIGN = join(import.meta.dirname, '../test/fixtures/foreign');

function compareParts(label: string, before: Uint8Array, after: Uint8Array): void {
  const a = unzipSync(before);
  const b = unzipSync(after);
  const missing = Object.keys(a).filter((k) => !(k in b));
  const added = Object.keys(b).filter((k) => !(k in a));
  const identical = Object.keys(a).filter((k) => k in b && Buffer.from(a[k]!).equals(Buffer.from(b[k]!)));
  console.log(`${label}: ${Object.keys(a).length} parts, missing [${missing.join(', ')}], added [${added.join(', ')}], byte-identical ${identical.length} (${identical.filter((k) => /charts|drawings|media|comments/.test(k)).join(', ')})`);
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

const dir = await mkdtemp(join(tmpdir(), 'malkoll-measure-'));
try {
  for (const f of ['mall-openpyxl.xlsx', 'mall-libreoffice.xlsx']) {
    const bytes = await readFile(join(FOREIGN, f));
    const out = await (await XlsxPopulate.fromDataAsync(bytes)).outputAsync();
    compareParts(`xlsx-populate load+save ${f}`, bytes, out);
  }
  const big = await largeWorkbook(10_000);
  const path = join(dir, 'Stor.xlsx');
  await writeFile(path, big);
  await (await XlsxPopulate.fromDataAsync(big)).outputAsync(); // warm-up, so neither side pays for JIT
  const [plainOut, plainMs] = await time(async () => (await XlsxPopulate.fromDataAsync(big)).outputAsync());
  compareParts('xlsx-populate load+save 10 000 rows', big, plainOut);

  const store = createXlsxWorkbookStore(dir);
  const ref = { id: 'Stor.xlsx', name: 'Stor' };
  const [snap, readMs] = await time(() => store.read(ref));
  const writes: CellWrite[] = [];
  for (let r = 2; r <= 10_001; r++) {
    writes.push({ sheet: 'Mätetal', rowNumber: r, columnNumber: 11, value: 'Oförändrad', style: 'Oförändrad' });
    writes.push({ sheet: 'Mätetal', rowNumber: r, columnNumber: 12, value: `1 000 (2025) mot 1 010 (2024): −1,0 % → rad ${r}`, style: 'text' });
  }
  const [outcome, writeMs] = await time(() => store.write(ref, { workbookId: ref.id, writes, state: { written: {} }, stateChanged: true, changes: [] }, snap.version));
  compareParts('store write 10 000 rows', big, await readFile(path));
  console.log(`10 000 rows × 12 columns: plain xlsx-populate load+save ${plainMs.toFixed(0)} ms; store.read ${readMs.toFixed(0)} ms; store.write (20 000 cells, backup, atomic rename) ${writeMs.toFixed(0)} ms → ${outcome.kind}`);

} finally {
  await rm(dir, { recursive: true, force: true });
}
