import { readFileSync } from 'node:fs';
const mb = (n: number) => Math.round(n / 1e6);
let peak = 0;
const iv = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 1);
const mark = (what: string) => { const m = process.memoryUsage(); peak = Math.max(peak, m.rss); console.error(`${what.padEnd(12)} rss=${mb(m.rss)} heap=${mb(m.heapUsed)} ext=${mb(m.external)} ab=${mb(m.arrayBuffers)} peak=${mb(peak)}`); };
const { patchWorkbook } = await import('../shared/adapters/xlsx/patch-workbook.ts');
const { readWorkbookGrid } = await import('../shared/adapters/xlsx/read-grid.ts');
const bytes = readFileSync('/tmp/wbench/Klimat.orig.xlsx');
const cells = [];
for (let r = 2; r <= 10001; r++) { cells.push({ sheet: 'Mätetal', row: r, column: 20, value: { text: 'Positiv' }, look: { kind: 'palette', key: 'Positiv' } }); cells.push({ sheet: 'Mätetal', row: r, column: 21, value: { text: `Förklaring för rad ${r} med lite text som är ganska lång` }, look: { kind: 'palette', key: 'text', wrap: true } }); }
(globalThis as any).gc?.(); mark('before');
const t0 = performance.now();
const mode = process.argv[2];
if (mode === 'read') { const g = readWorkbookGrid(bytes, 'a.xlsx', 'a'); mark(`read ${Math.round(performance.now()-t0)}ms`); (globalThis as any).gc?.(); mark('read gc'); console.log(g.sheets.length); }
else { const out = patchWorkbook(bytes, { cells: cells as never, state: { written: {} } }); mark(`patch ${Math.round(performance.now()-t0)}ms`); (globalThis as any).gc?.(); mark('patch gc'); console.log(out.bytes.length); }
clearInterval(iv);
