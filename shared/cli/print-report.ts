/**
 * The short result a person reads in the terminal after a recalculation.
 * @module
 */
import path from 'node:path';
import type { RecalcReport } from '../app/report.ts';
import type { CliConsole } from './console.ts';

const STATUSES = ['Positiv', 'Oförändrad', 'Negativ', 'Inget värde', 'Fel'] as const;
const OUTCOMES: Record<string, string> = {
  written: 'uppdaterad',
  unchanged: 'oförändrad',
  skipped: 'hoppades över',
  conflict: 'ändrades under körningen',
  unreadable: 'kunde inte läsas',
};
const MAX_ISSUES = 12;

export function printReport(report: RecalcReport, io: CliConsole): void {
  const header = ['Arbetsbok', ...STATUSES, 'Resultat'];
  const rows = report.workbooks.map((w) => [w.name, ...STATUSES.map((s) => String(w.counts[s])), OUTCOMES[w.outcome] ?? w.outcome]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  io.out('');
  io.out(line(header));
  io.out(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) io.out(line(r));
  io.out('');
  for (const w of report.workbooks.filter((w) => w.reason)) io.out(`! ${w.name}: ${w.reason}`);
  for (const w of report.workbooks) for (const added of w.columnsAdded ?? []) io.out(`+ ${w.name}: ${added}`);
  for (const f of report.notRead ?? []) io.out(`– Läses inte: ${f.reason}`);
  io.out(`Redovisningsår: ${report.year ?? '–'} (${report.yearReason})`);
  io.out(`Samlad bedömning: ${report.organisation ?? '–'}`);
  for (const line of report.highlights ?? []) io.out(line);
  const problems = report.issues.filter((i) => i.kind !== 'override');
  if (problems.length > 0) {
    io.out(`Datakvalitet: ${problems.length} anmärkningar (alla finns i sammanfattningen):`);
    for (const issue of problems.slice(0, MAX_ISSUES)) io.out(`  • ${issue.text}`);
    if (problems.length > MAX_ISSUES) io.out(`  … och ${problems.length - MAX_ISSUES} till`);
  }
  if (report.changes > 0) io.out(`Statusändringar: ${report.changes} (se bladet Ändringslogg)`);
  printYearRound(report, io);
  const where = report.summaryLocation;
  const html = path.join(path.dirname(where), 'Sammanfattning.html');
  if (report.summary === 'failed') {
    io.out(`! Sammanfattningen skrevs inte: ${report.summaryReason ?? 'okänt fel'}`);
    io.out('  Statusändringarna väntar i arbetsböckerna och förs in i Ändringslogg nästa gång sammanfattningen kan skrivas.');
    return;
  }
  io.out(report.summary === 'written' ? `Sammanfattningen uppdaterad:` : `Sammanfattningen var redan aktuell:`);
  io.out(`  ${where}`);
  io.out(`  ${html}`);
}

/** The announcement of status changes (domain.md §7: the CLI prints it too) and the approved years archived. */
function printYearRound(report: RecalcReport, io: CliConsole): void {
  const round = report.yearRound;
  if (!round) return;
  const alert = round.alert;
  if (alert?.message) {
    io.out('');
    for (const line of alert.message.text.split('\n')) io.out(line);
    if (alert.delivery?.ok) io.out('(meddelandet skickades till MALKOLL_ALERT_WEBHOOK)');
    else if (alert.delivery) io.out(`(meddelandet kunde inte skickas till MALKOLL_ALERT_WEBHOOK: ${alert.delivery.reason}; det skickas med nästa körnings ändringar)`);
    io.out('');
  }
  for (const a of round.archived) {
    io.out(`Fastställd redovisning för ${a.year} ${a.adopted ? 'fanns redan arkiverad' : 'arkiverad'}: ${a.location}${a.location.endsWith('.xlsx') ? ` (och ${a.location.replace(/\.xlsx$/, '.html')})` : ''}`);
  }
  for (const note of round.notes) io.out(`! ${note}`);
}
