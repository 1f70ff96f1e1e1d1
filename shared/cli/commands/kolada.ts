/**
 * `malkoll kolada DIR` (domain.md §6, §7): outcomes from Kolada into the empty `Utfall` cells of rows with a
 * `Kolada-KPI`, printed row by row, then a recalculation when anything was written. Kolada unreachable: says so,
 * changes nothing, exit 1.
 * @module
 */
import { ConfigError } from '../../config-error.ts';
import { createXlsxWorkbookStore } from '../../adapters/xlsx/index.ts';
import { fetchKolada, koladaRoot, KoladaError } from '../../adapters/kolada/index.ts';
import { fetchKoladaOutcomes, type KoladaReport } from '../../app/kolada.ts';
import { isoDateInStockholm } from '../../app/recalc-set.ts';
import type { KoladaDecision } from '../../engine/index.ts';
import { CliError } from '../cli-error.ts';
import type { CliConsole } from '../console.ts';
import { recalcFolder, requireWorkbooks, resolveFolder, underFolderLock } from '../local-set.ts';
import { printReport } from '../print-report.ts';

export async function koladaCommand(dir: string, io: CliConsole, env: Record<string, string | undefined> = process.env): Promise<void> {
  const abs = resolveFolder(dir);
  let root: string;
  try {
    root = koladaRoot(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  const store = createXlsxWorkbookStore(abs);
  await requireWorkbooks(store, abs);
  io.out(`Hämtar utfall från Kolada (${root}) till arbetsböckerna i ${abs} …`);
  let report: KoladaReport;
  try {
    report = await underFolderLock(abs, 'kolada', () =>
      fetchKoladaOutcomes({ store, fetch: (query) => fetchKolada({ root }, query), today: isoDateInStockholm(new Date()) }),
      { say: (line) => io.out(line) },
    );
  } catch (error) {
    if (error instanceof KoladaError) throw new CliError(`${error.message}. Inget ändrades.`);
    throw error;
  }
  // key figures without the Kolada-id to ask for them: the command could not run
  if (report.nothingToFetch && report.kpis.length > 0) throw new CliError(`inget hämtades: ${report.nothingToFetch}.`);
  printKolada(report, io);
  if (report.workbooks.some((w) => w.outcome === 'written')) {
    io.out('');
    io.out(`Räknar om arbetsböckerna i ${abs} …`);
    printReport(await recalcFolder(abs, 'Utfall hämtade från Kolada', undefined, { say: (line) => io.out(line) }), io);
  }
}

function printKolada(report: KoladaReport, io: CliConsole): void {
  if (report.nothingToFetch) {
    io.out(`Inget hämtades: ${report.nothingToFetch}.`);
    return;
  }
  const years = report.years.length > 1 ? `${report.years[0]}–${report.years.at(-1)}` : String(report.years[0]);
  io.out(`Kolada-id ${report.municipality}, ${report.kpis.length === 1 ? '1 nyckeltal' : `${report.kpis.length} nyckeltal`} (${report.kpis.join(', ')}), åren ${years}: ${report.requests} anrop`);
  for (const f of report.failures) io.out(`! ${f.kpi} kunde inte hämtas: ${f.reason}`);
  let wrote = 0;
  for (const w of report.workbooks) {
    for (const row of w.rows) {
      const said = describe(row.decisions);
      wrote += row.decisions.filter((d) => d.action === 'write').length;
      io.out(`  ${w.name}, rad ${row.rowNumber} ${row.subject} (${row.kpi}): ${said}`);
    }
    if (w.outcome === 'written') io.out(`  → ${w.name} uppdaterad`);
    else if (w.reason) io.out(`! ${w.name}: ${w.reason}`);
  }
  io.out(wrote === 0 ? 'Inga nya utfall: arbetsböckerna har redan Koladas värden (eller egna inskrivna).' : `${wrote} utfall ifyllda från Kolada.`);
}

function describe(decisions: KoladaDecision[]): string {
  if (decisions.length === 0) return 'Kolada har inga värden för åren';
  const groups: Record<string, number[]> = {};
  for (const d of decisions) (groups[d.action] ??= []).push(d.year);
  const parts: string[] = [];
  if (groups.write) parts.push(`ifyllt ${groups.write.join(', ')}`);
  if (groups.leave) parts.push(`redan samma ${groups.leave.join(', ')}`);
  if (groups.conflict) parts.push(`inskrivet värde skiljer sig ${groups.conflict.join(', ')} (behålls, se Datakvalitet)`);
  if (groups['no-column']) parts.push(`ingen kolumn för ${groups['no-column'].join(', ')}`);
  return parts.join('; ');
}
