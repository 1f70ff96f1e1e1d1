import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliConsole } from '../console.ts';
import { FolderBusyError } from '../folder-lock.ts';
import { recalcFolder, resolveFolder, type LocalRunOptions } from '../local-set.ts';
import { printReport } from '../print-report.ts';
import { isSetWorkbookName } from '../../adapters/xlsx/index.ts';

/** Quiet time after the last save before recalculating: Excel and LibreOffice save in several steps. */
export const DEBOUNCE_MS = 1500;

/**
 * Recalculates when a workbook in DIR is saved. The product's own writes also change the files; the store
 * reports the hash of each file it writes, so those saves are recognised and trigger no further run, while a
 * person's save during a run (other content) still does. Ctrl-C stops it once the run that is writing has
 * written (a second Ctrl-C does not cut a write short); a run that finds another one going on (a `recalc` in the
 * same folder) is tried again later.
 */
export async function watchCommand(dir: string, io: CliConsole, local: LocalRunOptions = {}): Promise<void> {
  const abs = resolveFolder(dir);
  // only `watch` needs a file watcher: a recalc never loads it
  const { watch } = await import('chokidar');
  // from here on Ctrl-C asks to stop rather than ending the process, so a run is never cut off mid-write
  let stopping = false;
  const stop = io.interrupted().then(() => {
    stopping = true;
    io.out('Avslutar när omräkningen som pågår är klar …');
  });
  // what the product itself last wrote, by file name: a change event with this content is our own save
  const ours = new Map<string, string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const changed = new Set<string>();

  const schedule = (delayMs: number) => {
    if (stopping) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const names = [...changed];
      changed.clear();
      io.out(names.length > 0 ? `Ändrad: ${names.join(', ')} – räknar om …` : 'Räknar om …');
      running = running.then(() => run(names.length > 0 ? `Sparad: ${names.join(', ')}` : null, names));
    }, delayMs);
  };

  const run = async (cause: string | null, names: string[] = []) => {
    if (stopping) return;
    try {
      const report = await recalcFolder(abs, cause, (file, version) => ours.set(file, version), { say: (line) => io.out(line), ...local, command: 'watch' });
      printReport(report, io);
    } catch (error) {
      if (error instanceof FolderBusyError) {
        io.err(`${error.message.replace(/ – försök igen när den är klar\.$/, '')} – försöker igen om en stund.`);
        for (const name of names) changed.add(name);
        schedule(DEBOUNCE_MS);
        return;
      }
      io.err(`Omräkningen misslyckades: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const watcher = watch(abs, {
    depth: 0,
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 400, pollInterval: 100 },
  });
  const onFile = (file: string) => {
    const name = path.basename(file);
    if (!isSetWorkbookName(name)) return;
    if (ours.get(name) === hashOf(file)) return;
    changed.add(name);
    schedule(DEBOUNCE_MS);
  };
  watcher.on('add', onFile).on('change', onFile);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  io.out(`Bevakar ${abs} – spara en arbetsbok så räknas den om. Ctrl-C avslutar.`);
  running = run(null);
  await running;
  await stop;
  if (timer) clearTimeout(timer);
  await running;
  await watcher.close();
}

function hashOf(file: string): string {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return '';
  }
}
