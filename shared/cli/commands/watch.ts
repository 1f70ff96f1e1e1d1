import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliConsole } from '../console.ts';
import { recalcFolder, resolveFolder } from '../local-set.ts';
import { printReport } from '../print-report.ts';
import { isSetWorkbookName } from '../../adapters/xlsx/index.ts';

/** Quiet time after the last save before recalculating: Excel and LibreOffice save in several steps. */
export const DEBOUNCE_MS = 1500;

/**
 * Recalculates when a workbook in DIR is saved. The product's own writes also change the files; the store
 * reports the hash of each file it writes, so those saves are recognised and trigger no further run, while a
 * person's save during a run (other content) still does.
 */
export async function watchCommand(dir: string, io: CliConsole): Promise<void> {
  const abs = resolveFolder(dir);
  // only `watch` needs a file watcher: a recalc never loads it
  const { watch } = await import('chokidar');
  // what the product itself last wrote, by file name: a change event with this content is our own save
  const ours = new Map<string, string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const changed = new Set<string>();

  const run = async (cause: string | null) => {
    try {
      printReport(await recalcFolder(abs, cause, (file, version) => ours.set(file, version)), io);
    } catch (error) {
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
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const names = [...changed];
      changed.clear();
      io.out(`Ändrad: ${names.join(', ')} – räknar om …`);
      running = running.then(() => run(`Sparad: ${names.join(', ')}`));
    }, DEBOUNCE_MS);
  };
  watcher.on('add', onFile).on('change', onFile);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  io.out(`Bevakar ${abs} – spara en arbetsbok så räknas den om. Ctrl-C avslutar.`);
  await run(null);
  await io.interrupted();
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
