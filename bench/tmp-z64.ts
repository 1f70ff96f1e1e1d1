import { unzipSync } from 'fflate';
import { buildZip } from '../test/support/zip-builder.ts';
import { buildXlsx } from '../test/adapters/xlsx/build-xlsx.ts';
import { patchWorkbook } from '../shared/adapters/xlsx/patch-workbook.ts';
const book = buildXlsx([{ name: 'Mätetal', sheetData: '<row r="2"><c r="A2"><v>1</v></c></row>', tail: '' }], ['<si><t>Mätetal</t></si>'], { 164: '0.0%', 165: 'yyyy-mm-dd' }, [0, 164, 165]);
const bytes = buildZip(Object.entries(unzipSync(book)).map(([name, data]) => ({ name, data })), { zip64: true });
console.log(Object.keys(unzipSync(bytes)).length);
const out = patchWorkbook(bytes, { cells: [{ sheet: 'Mätetal', row: 2, column: 2, value: { text: 'Positiv' }, look: { kind: 'palette', key: 'Positiv' } }], state: null }).bytes;
console.log('patched', out.length);
try { console.log(Object.keys(unzipSync(out))); } catch (e) { console.log('fflate out', (e as Error).message); }
import { inspectXlsx } from '../test/support/xlsx-inspect.ts';
const t0 = Date.now();
try { console.log(inspectXlsx(out).sheets.map(s => s.name)); } catch (e) { console.log('inspect', (e as Error).message, Date.now() - t0); }
import { strFromU8 } from 'fflate';
console.log(strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']!));
