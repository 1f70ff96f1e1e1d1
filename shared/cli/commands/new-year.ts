/**
 * `malkoll new-year DIR [ÅÅÅÅ]` and `malkoll new-year google [ÅÅÅÅ]` (domain.md §6, §7): the next year's
 * `Utfall` column in every workbook of the set, printed workbook by workbook; nothing is recalculated.
 * @module
 */
import { createXlsxWorkbookStore } from '../../adapters/xlsx/index.ts';
import { addNewYear, NoYearError, type NewYearReport } from '../../app/new-year.ts';
import type { WorkbookStore } from '../../ports.ts';
import { CliError } from '../cli-error.ts';
import type { CliConsole } from '../console.ts';
import { requireWorkbooks, resolveFolder, underFolderLock } from '../local-set.ts';
import { UsageError } from './setup-google.ts';
import { googleWorkbookStore, type GoogleCommandDeps } from './google-set.ts';

export const NEW_YEAR_USAGE = 'malkoll new-year DIR [ÅÅÅÅ]  eller  malkoll new-year google [ÅÅÅÅ]';

/** `2026`: a year as the command line gives it; anything else is a usage error. */
export function yearArgument(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d{4}$/.test(text) || Number(text) < 1990 || Number(text) > 2100) {
    throw new UsageError(`'${text}' är inget år; skriv fyra siffror, t.ex. 2026: ${NEW_YEAR_USAGE}`);
  }
  return Number(text);
}

export async function newYearCommand(args: string[], io: CliConsole, google?: GoogleCommandDeps): Promise<void> {
  const [target, yearText, ...rest] = args;
  if (!target || rest.length > 0) throw new UsageError(`'new-year' behöver en mapp (eller google) och kan få ett år: ${NEW_YEAR_USAGE}`);
  const year = yearArgument(yearText);
  let store: WorkbookStore;
  let where: string;
  if (target === 'google') {
    const set = googleWorkbookStore(google);
    store = set.store;
    where = `de ${set.count} kalkylarken i MALKOLL_SPREADSHEETS`;
  } else {
    const abs = resolveFolder(target);
    store = createXlsxWorkbookStore(abs);
    await requireWorkbooks(store, abs);
    where = abs;
  }
  let report: NewYearReport;
  try {
    report = target === 'google' ? await addNewYear(store, year) : await underFolderLock(where, 'new-year', () => addNewYear(store, year), { say: (line) => io.out(line) });
  } catch (error) {
    if (error instanceof NoYearError) throw new CliError(error.message);
    throw error;
  }
  printNewYear(report, where, target, io);
}

function printNewYear(report: NewYearReport, where: string, target: string, io: CliConsole): void {
  io.out(`Nytt år: Utfall ${report.year} (${report.yearReason}) i ${where}`);
  for (const w of report.workbooks) io.out(`  ${w.outcome === 'added' ? '+' : w.outcome === 'exists' ? '=' : '!'} ${w.name}: ${w.text}`);
  for (const t of report.typedYears) {
    if (t.year === report.year) continue;
    io.out(`Redovisningsår är inskrivet som ${t.year} i ${t.workbook} och ändras inte – skriv ${report.year} i Inställningar när ${report.year} ska redovisas.`);
  }
  const added = report.workbooks.filter((w) => w.outcome === 'added').length;
  if (added === 0) io.out('Inget ändrades.');
  else {
    io.out(`Ingen omräkning gjordes. Skriv in utfallen för ${report.year}; nästa omräkning bedömer dem${target === 'google' ? ' (vid nästa redigering eller schemalagda körning).' : `: npm run malkoll -- recalc ${target}`}`);
  }
}
