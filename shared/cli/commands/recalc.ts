import type { CliConsole } from '../console.ts';
import { CliError } from '../cli-error.ts';
import { recalcFolder, resolveFolder, type LocalRunOptions } from '../local-set.ts';
import { printReport } from '../print-report.ts';

/** Exit 1 when the summary could not be written: the workbooks were, but leadership's summary is behind. */
export async function recalcCommand(dir: string, io: CliConsole, local: LocalRunOptions = {}): Promise<void> {
  const abs = resolveFolder(dir);
  io.out(`Räknar om arbetsböckerna i ${abs} …`);
  const report = await recalcFolder(abs, null, undefined, { say: (line) => io.out(line), ...local });
  printReport(report, io);
  if (report.summary === 'failed') throw new CliError(`sammanfattningen skrevs inte: ${report.summaryReason ?? 'okänt fel'}`);
}
