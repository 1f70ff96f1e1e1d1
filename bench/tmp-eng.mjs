import module from 'node:module';
module.enableCompileCache?.();
const { createXlsxWorkbookStore } = await import('../shared/adapters/xlsx/index.ts');
const { recalculate } = await import('../shared/engine/index.ts');
const store = createXlsxWorkbookStore(process.argv[2]);
const [ref] = await store.list();
const snap = await store.read(ref);
if (process.argv[3] === 'engine') {
  const now = new Date();
  const r = recalculate([snap.grid], { today: '2026-03-01', changedAt: now.toISOString(), extraIssues: [], shareDomains: null, otherModels: [] });
  console.log(r.plans[0].writes.length);
}
