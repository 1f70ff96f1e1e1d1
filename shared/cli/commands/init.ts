import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_APPROVAL, demoWorkbooks } from '../../../sheets-templates/demo/index.ts';
import { TEMPLATE_FILE } from '../../../sheets-templates/template-spec.ts';
import { writeTemplateWorkbook } from '../../adapters/xlsx/index.ts';
import type { CliConsole } from '../console.ts';
import { TEMPLATE_FOLDER } from '../local-set.ts';

export { TEMPLATE_FOLDER };

/** Creates the empty template (in DIR/mall, outside the set) and the demo workbooks; never overwrites a file. */
export async function initCommand(dir: string, io: CliConsole): Promise<void> {
  const abs = path.resolve(dir);
  mkdirSync(path.join(abs, TEMPLATE_FOLDER), { recursive: true });
  const targets: { file: string; write: () => Promise<void> }[] = [
    { file: path.join(abs, TEMPLATE_FOLDER, TEMPLATE_FILE), write: () => writeTemplateWorkbook(path.join(abs, TEMPLATE_FOLDER, TEMPLATE_FILE)) },
    ...demoWorkbooks().map((wb) => ({
      file: path.join(abs, wb.fileName),
      write: () => writeTemplateWorkbook(path.join(abs, wb.fileName), wb),
    })),
  ];
  let created = 0;
  for (const target of targets) {
    if (existsSync(target.file)) {
      io.out(`  finns redan, lämnas orörd: ${target.file}`);
      continue;
    }
    await target.write();
    created++;
    io.out(`  skapad: ${target.file}`);
  }
  // the demo's approved 2025 report, archived as it stood before its one later correction
  if (created === targets.length) {
    const { archiveDemoApproval } = await import('../demo-approval.ts');
    io.out(`  skapad: ${await archiveDemoApproval(abs)} (den fastställda redovisningen för ${DEMO_APPROVAL.year})`);
  }
  io.out(`Klart. Räkna om med: malkoll recalc ${dir}`);
}
