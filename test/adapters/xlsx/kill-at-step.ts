/**
 * Child process for write-safety.test.ts: writes one plan into DIR/FILE through the store and kills itself
 * with SIGKILL at STEP of the replace (atomic-replace.ts). Run: node kill-at-step.ts DIR FILE STEP
 */
import { createXlsxWorkbookStore } from '../../../shared/adapters/xlsx/index.ts';

const [dir, file, step] = process.argv.slice(2);
if (!dir || !file || !step) throw new Error('usage: kill-at-step.ts DIR FILE STEP');
const store = createXlsxWorkbookStore(dir, {
  replaceHook: (at) => {
    if (at !== step) return;
    process.kill(process.pid, 'SIGKILL');
    // nothing more may happen in this process
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
  },
});
const ref = { id: file, name: file.replace(/\.xls[xm]$/, '') };
const { version } = await store.read(ref);
const plan = { workbookId: file, writes: [{ sheet: 'Mätetal', rowNumber: 2, columnNumber: 8, value: 'Positiv', style: 'Positiv' as const }], state: { written: { mark: 'ny' } }, stateChanged: true, changes: [] };
await store.write(ref, plan, version);
process.stdout.write('finished');
