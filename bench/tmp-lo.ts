import { writeFile, readFile } from 'node:fs/promises';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { generatedWorkbook } from '../test/adapters/xlsx/generated-workbook.ts';
import { SIMPLE } from '../test/adapters/xlsx/generated-workbook.ts';
import { runCli } from '../shared/cli/app.ts';
import { recordingConsole } from '../shared/cli/console.ts';
import { mkdir, rm } from 'node:fs/promises';
const dir = '/tmp/wbench/lo/set';
await rm(dir, { recursive: true, force: true }); await mkdir(dir, { recursive: true });
await writeFile(`${dir}/A.xlsx`, generatedWorkbook(SIMPLE));
await runCli(['recalc', dir], recordingConsole());
const parts = unzipSync(await readFile(`${dir}/A.xlsx`));
const wbXml = strFromU8(parts['xl/workbook.xml']!);
const variants: Record<string, (p: Record<string, Uint8Array>) => void> = {
  flag: () => {},
  noflag: (p) => { p['xl/workbook.xml'] = strToU8(wbXml.replace(' fullCalcOnLoad="1"', '')); },
  force: (p) => { p['xl/workbook.xml'] = strToU8(wbXml.replace(' fullCalcOnLoad="1"', ' fullCalcOnLoad="1" forceFullCalc="1"')); },
  calcmode: (p) => { p['xl/workbook.xml'] = strToU8(wbXml.replace('<calcPr ', '<calcPr calcMode="auto" ')); },
  nocalcid: (p) => { p['xl/workbook.xml'] = strToU8(wbXml.replace(' calcId="191029"', '')); },
};
for (const [name, f] of Object.entries(variants)) { const p = { ...parts }; f(p); await writeFile(`/tmp/wbench/lo/${name}.xlsx`, zipSync(p)); }
console.log(wbXml);
