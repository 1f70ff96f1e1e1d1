/**
 * Child process for kill-mid-write.test.ts: writes one plan into DIR/FILE through the store, marking
 * every metric row with MARK. Run: node kill-writer.ts DIR FILE MARK
 */
import { createXlsxWorkbookStore } from '../../../shared/adapters/xlsx/index.ts';
import type { CellWrite } from '../../../shared/engine/model/model.ts';

const [dir, file, mark] = process.argv.slice(2);
if (!dir || !file || !mark) throw new Error('usage: kill-writer.ts DIR FILE MARK');
const store = createXlsxWorkbookStore(dir, { backups: 2 });
const ref = { id: file, name: file.replace(/\.xlsx$/, '') };
const { grid, version } = await store.read(ref);
const rows = grid.sheets[0]?.rows.length ?? 0;
const writes: CellWrite[] = [];
for (let r = 2; r <= rows; r++) {
  writes.push({ sheet: 'Mätetal', rowNumber: r, columnNumber: 11, value: 'Positiv', style: 'Positiv' });
  writes.push({ sheet: 'Mätetal', rowNumber: r, columnNumber: 12, value: `${mark} rad ${r}`, style: 'text' });
}
const outcome = await store.write(ref, { workbookId: file, writes, state: { written: { mark } }, stateChanged: true, changes: [] }, version);
process.stdout.write(JSON.stringify(outcome));
