import { mkdtemp, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { fixtureWorkbook } from './workbook-fixture.ts';
const mode = process.argv[2];
const dir = process.argv[3]!;
if (mode === 'make') {
  await mkdir(dir, { recursive: true });
  const { writeTemplateWorkbook } = await import('../shared/adapters/xlsx/create-workbook.ts');
  await writeTemplateWorkbook(path.join(dir, 'Klimat.xlsx'), fixtureWorkbook('Klimat.xlsx', { metrics: 10000 }));
  process.exit(0);
}
const mb = (n: number) => Math.round(n / 1e6);
let peak = 0;
const t0 = performance.now();
const mark = (what: string) => { const m = process.memoryUsage(); peak = Math.max(peak, m.rss); console.error(`${what.padEnd(20)} t=${Math.round(performance.now()-t0)}ms rss=${mb(m.rss)} heap=${mb(m.heapUsed)}/${mb(m.heapTotal)} ext=${mb(m.external)} phase-peak=${mb(peak)}`); peak = 0; };
const iv = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
mark('start');
const { createXlsxWorkbookStore } = await import('../shared/adapters/xlsx/index.ts');
const { createXlsxSummaryStore } = await import('../shared/adapters/xlsx/summary-store.ts');
const { recalculate } = await import('../shared/engine/index.ts');
mark('imported');
const store = createXlsxWorkbookStore(dir);
const summary = createXlsxSummaryStore(dir);
const refs = await store.list();
const prev = await summary.readState();
mark('summary state');
const snap = await store.read(refs[0]!);
mark('read');
const now = new Date();
const result = recalculate([snap.grid], { today: now.toISOString().slice(0,10), changedAt: now.toISOString(), extraIssues: [], shareDomains: null, otherModels: [] });
mark('engine');
const plan = result.plans[0]!;
const out = await store.write(refs[0]!, plan, snap.version);
mark(`write ${out.kind} ${plan.writes.length}`);
if (prev?.contentHash !== result.summary.contentHash) {
  await summary.write(result.summary, { contentHash: result.summary.contentHash, changedAt: now.toISOString() }, plan.changes.map((change) => ({ at: now.toISOString(), change, cause: null })));
  mark('summary write');
}
clearInterval(iv);
console.error(`peak(sampled) ${mb(peak)} MB`);
