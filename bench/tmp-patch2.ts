import { readFileSync } from 'node:fs';
const mb = (n: number) => (n / 1e6).toFixed(1);
const m = (what: string) => { const u = process.memoryUsage(); console.error(what.padEnd(14), 'rss', mb(u.rss), 'heap', mb(u.heapUsed), 'ab', mb(u.arrayBuffers), 'ext', mb(u.external)); };
const { openPackage } = await import('../shared/adapters/xlsx/ooxml/package.ts');
const { patchSheet } = await import('../shared/adapters/xlsx/ooxml/sheet-patch.ts');
const { writeZip } = await import('../shared/adapters/xlsx/ooxml/zip-write.ts');
const bytes = readFileSync('/tmp/wbench/Klimat.orig.xlsx');
(globalThis as any).gc(); m('start');
const pkg = openPackage(bytes); m('open');
const part = pkg.sheets.find((s) => s.name === 'Mätetal')!.part!;
const xml = pkg.read(part); m('inflated');
const writes = [];
for (let r = 2; r <= 10001; r++) { writes.push({ row: r, column: 20, value: { text: 'Positiv' }, style: () => 3 }); writes.push({ row: r, column: 21, value: { text: `Förklaring ${r} med lite text som är ganska lång` }, style: () => 4 }); }
m('writes');
const res = patchSheet(xml, 'Mätetal', writes as never); m('patched');
(globalThis as any).gc(); m('patched gc');
const out = writeZip(pkg.zip, { replace: new Map([[part, res.xml]]), remove: new Set(), add: [] }); m('zipped');
(globalThis as any).gc(); m('zipped gc');
console.log(out.length);
