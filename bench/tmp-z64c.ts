import { unzipSync } from 'fflate';
import { buildZip } from '../test/support/zip-builder.ts';
import { buildXlsx } from '../test/adapters/xlsx/build-xlsx.ts';
import { patchWorkbook } from '../shared/adapters/xlsx/patch-workbook.ts';
const book = buildXlsx([{ name: 'Mätetal', sheetData: '<row r="2"><c r="A2"><v>1</v></c></row>', tail: '' }], ['<si><t>Mätetal</t></si>'], { 164: '0.0%', 165: 'yyyy-mm-dd' }, [0, 164, 165]);
const bytes = buildZip(Object.entries(unzipSync(book)).map(([name, data]) => ({ name, data })), { zip64: true });
for (const [n, d] of Object.entries(unzipSync(bytes))) console.log('in', n, d.length);
const out = patchWorkbook(bytes, { cells: [{ sheet: 'Mätetal', row: 2, column: 2, value: { text: 'Positiv' }, look: { kind: 'palette', key: 'Positiv' } }], state: null }).bytes;
for (const [n, d] of Object.entries(unzipSync(out))) console.log('out', n, d.length);
