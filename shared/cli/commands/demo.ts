import path from 'node:path';
import type { CliConsole } from '../console.ts';
import type { LocalRunOptions } from '../local-set.ts';
import { createXlsxWorkbookStore } from '../../adapters/xlsx/index.ts';
import { initCommand } from './init.ts';
import { recalcCommand } from './recalc.ts';

/** What `npm start` runs: the demo set in DIR (created once), recalculated, and where to look. */
export async function demoCommand(dir: string, io: CliConsole, local: LocalRunOptions = {}): Promise<void> {
  const abs = path.resolve(dir);
  const hasWorkbooks = await createXlsxWorkbookStore(abs)
    .list()
    .then((refs) => refs.length > 0)
    .catch(() => false);
  if (!hasWorkbooks) {
    io.out(`Skapar demo-arbetsböcker för Region Exempelland i ${abs} …`);
    await initCommand(dir, io);
  }
  await recalcCommand(dir, io, { command: 'demo', ...local });
  io.out('');
  io.out(`Öppna arbetsböckerna i ${abs} i Excel eller LibreOffice, ändra ett utfall och kör igen:`);
  io.out(`  npm run malkoll -- recalc ${dir}     (eller: npm run malkoll -- watch ${dir})`);
  io.out('');
  io.out('Nästa år: lägg till kolumnen Utfall 2026 i varje arbetsbok (ingen omräkning görs; kör igen så ändras inget):');
  io.out(`  npm run malkoll -- new-year ${dir}`);
  io.out(`Sammanfattningen visar vad som ändrats sedan den fastställda redovisningen för 2025 (${path.join(abs, 'Sammanfattning 2025 fastställd.xlsx')}).`);
  io.out(`Utfall från Kolada för mätetal med Kolada-KPI: npm run malkoll -- kolada ${dir}`);
}
