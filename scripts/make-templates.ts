/**
 * Regenerates the committed empty template `sheets-templates/Målkoll-mall.xlsx`.
 * `node scripts/make-templates.ts --demo DIR` also writes the demo set (Region Exempelland) into DIR.
 * @module
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTemplateWorkbook } from '../shared/adapters/xlsx/create-workbook.ts';
import { demoWorkbooks } from '../sheets-templates/demo/index.ts';
import { TEMPLATE_FILE } from '../sheets-templates/template-spec.ts';


const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv: string[]): Promise<void> {
  const templatePath = join(root, 'sheets-templates', TEMPLATE_FILE);
  await writeTemplateWorkbook(templatePath);
  console.log(`Skrev ${templatePath}`);
  const demoAt = argv.indexOf('--demo');
  if (demoAt >= 0) {
    const dir = argv[demoAt + 1];
    if (!dir) throw new Error('--demo kräver en mapp');
    await mkdir(dir, { recursive: true });
    for (const workbook of demoWorkbooks()) {
      const path = join(dir, workbook.fileName);
      await writeTemplateWorkbook(path, workbook);
      console.log(`Skrev ${path}`);
    }
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
