import { unzipSync, strFromU8 } from 'fflate';
import { buildXlsx } from '../test/adapters/xlsx/build-xlsx.ts';
import { patchWorkbook } from '../shared/adapters/xlsx/patch-workbook.ts';
import { parseXml } from '../test/support/xlsx-inspect.ts';
const book = buildXlsx([{ name: 'Mätetal', sheetData: '<row r="2"><c r="A2"><v>1</v></c></row>', tail: '' }], ['<si><t>Mätetal</t></si>'], { 164: '0.0%', 165: 'yyyy-mm-dd' }, [0, 164, 165]);
const out = patchWorkbook(book, { cells: [{ sheet: 'Mätetal', row: 2, column: 2, value: { text: 'Positiv' }, look: { kind: 'palette', key: 'Positiv' } }], state: null }).bytes;
const parts = unzipSync(out);
for (const [name, data] of Object.entries(parts)) { const t0 = Date.now(); try { parseXml(strFromU8(data)); console.log(name, Date.now()-t0); } catch (e) { console.log(name, (e as Error).message); } }
console.log(strFromU8(parts['xl/workbook.xml']!));
