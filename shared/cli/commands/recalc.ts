import type { CliConsole } from '../console.ts';
import { recalcFolder, resolveFolder } from '../local-set.ts';
import { printReport } from '../print-report.ts';

export async function recalcCommand(dir: string, io: CliConsole): Promise<void> {
  const abs = resolveFolder(dir);
  io.out(`Räknar om arbetsböckerna i ${abs} …`);
  printReport(await recalcFolder(abs), io);
}
