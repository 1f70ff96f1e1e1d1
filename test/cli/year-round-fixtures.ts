/** Shared by the year-round CLI tests: the demo set written to a folder, and a person's edit of one cell. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import XlsxPopulate from 'xlsx-populate';
import { writeTemplateWorkbook } from '../../shared/adapters/xlsx/create-workbook.ts';
import { demoWorkbooks, type DemoWorkbook } from '../../sheets-templates/demo/index.ts';

/** The demo workbooks (no archive: that is what `init` adds), each changed by `edit` when given. */
export async function writeDemoSet(dir: string, edit: (wb: DemoWorkbook) => DemoWorkbook = (wb) => wb): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const wb of demoWorkbooks()) await writeTemplateWorkbook(path.join(dir, wb.fileName), edit(wb));
}

/** A settings row replaced (or added), as a person would type it. */
export function withSetting(wb: DemoWorkbook, name: string, value: string | number | null): DemoWorkbook {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      if (s.name !== 'Inställningar') return s;
      const rows = s.rows.filter((r) => r[0] !== name);
      return { ...s, rows: value === null ? rows : [...rows, [name, value]] };
    }),
  };
}

/** A person opens the workbook, types `value` into `header` of the row whose `Mätetal` is `metric`, and saves. */
export async function typeInto(file: string, metric: string, header: string, value: string | number | null): Promise<void> {
  const wb = await XlsxPopulate.fromFileAsync(file);
  const sheet = wb.sheet('Mätetal')!;
  const find = (text: string) => {
    let col = 1;
    while (sheet.cell(1, col).value() !== text) {
      col++;
      if (col > 200) throw new Error(`no header ${text}`);
    }
    return col;
  };
  const nameCol = find('Mätetal');
  let row = 2;
  while (sheet.cell(row, nameCol).value() !== metric) {
    row++;
    if (row > 500) throw new Error(`no metric ${metric}`);
  }
  sheet.cell(row, find(header)).value(value ?? (undefined as never));
  await writeFile(file, (await wb.outputAsync()) as Buffer);
}

/** A settings value typed over (the row must exist). */
export async function typeSetting(file: string, name: string, value: string | null): Promise<void> {
  const wb = await XlsxPopulate.fromFileAsync(file);
  const sheet = wb.sheet('Inställningar')!;
  let row = 2;
  while (sheet.cell(row, 1).value() !== name) {
    row++;
    if (row > 200) throw new Error(`no setting ${name}`);
  }
  sheet.cell(row, 2).value(value ?? (undefined as never));
  await writeFile(file, (await wb.outputAsync()) as Buffer);
}
