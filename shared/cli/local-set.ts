/**
 * The embedded default: a folder of .xlsx workbooks and its Sammanfattning.xlsx/.html. A run holds the folder's
 * lock (folder-lock.ts) from before it reads until after it wrote the summary, and clears what an interrupted run
 * left behind before it starts.
 * @module
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createXlsxSummaryStore, createXlsxWorkbookStore } from '../adapters/xlsx/index.ts';
import { recalcSet, type RecalcDeps } from '../app/recalc-set.ts';
import { fullCollection } from './full-collection.ts';
import type { RecalcReport } from '../app/report.ts';
import type { WorkbookStore } from '../ports.ts';
import { CliError } from './cli-error.ts';
import { codeVersion } from './code-version.ts';
import { localYearRound } from './local-year-round.ts';

import { removeLeftovers, type ReplaceHook, type SummaryWriteHook } from '../adapters/xlsx/index.ts';
import { TEMPLATE_FILE } from '../../sheets-templates/template-spec.ts';
import { acquireFolderLock } from './folder-lock.ts';

/** Where `init` puts the empty template: inside the folder, outside the set. */
export const TEMPLATE_FOLDER = 'mall';

/** How a local run is carried out; the seams are for tests (a kill, a full disk, a save that ends meanwhile). */
export interface LocalRunOptions {
  /** the command that runs, named to a second run that has to wait */
  command?: string;
  /** how long to wait for another run in the same folder (default folder-lock.ts's LOCK_WAIT_MS) */
  lockWaitMs?: number;
  /** a line for the person while the run waits for another, or cannot lock the folder */
  say?: (line: string) => void;
  replaceHook?: ReplaceHook;
  summaryHook?: SummaryWriteHook;
  readRetryDelaysMs?: readonly number[];
  readRetryHook?: (fileName: string, retry: number) => void | Promise<void>;
}

export function resolveFolder(dir: string): string {
  const abs = path.resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new CliError(`mappen ${abs} finns inte. Skapa mallen och demodata med: malkoll init ${dir}`);
  }
  return abs;
}

export async function recalcFolder(
  abs: string,
  cause: string | null = null,
  onWritten?: (fileName: string, version: string) => void,
  options: LocalRunOptions = {},
): Promise<RecalcReport> {
  const lock = await lockFolder(abs, options.command ?? 'recalc', options);
  try {
    if (lock.unavailable) options.say?.(`! ${abs}: ${lock.unavailable} – arbetsböckerna räknas om, men inget kan skrivas`);
    else await removeLeftovers(abs);
    return await recalcSet(await localRecalcDeps(abs, cause, onWritten, options));
  } finally {
    await lock.release();
  }
}

/**
 * What `recalcSet` works through for a folder: its stores, its year round and, when Node allows one, a full
 * collection between the phases. The bench times the phases of a run built from the same (bench/child/recalc-phases.ts).
 */
export async function localRecalcDeps(
  abs: string,
  cause: string | null,
  onWritten?: (fileName: string, version: string) => void,
  options: LocalRunOptions = {},
): Promise<RecalcDeps> {
  const store = createXlsxWorkbookStore(abs, {
    productFiles: [`${TEMPLATE_FOLDER}/${TEMPLATE_FILE}`],
    ...(onWritten ? { onWritten } : {}),
    ...(options.replaceHook ? { replaceHook: options.replaceHook } : {}),
    ...(options.readRetryDelaysMs ? { readRetryDelaysMs: options.readRetryDelaysMs } : {}),
    ...(options.readRetryHook ? { readRetryHook: options.readRetryHook } : {}),
  });
  await requireWorkbooks(store, abs, `. Skapa mallen och demodata med: malkoll init ${abs}`);
  const summary = createXlsxSummaryStore(abs, options.summaryHook ? { writeHook: options.summaryHook } : {});
  const collectGarbage = fullCollection();
  return {
    store,
    summary,
    now: () => new Date(),
    cause,
    codeVersion: await codeVersion(),
    yearRound: localYearRound(abs),
    ...(collectGarbage ? { collectGarbage } : {}),
  };
}

/** A command over a folder without any workbook could not run: says so (`hint`: what to do about it). */
export async function requireWorkbooks(store: WorkbookStore, abs: string, hint = ''): Promise<void> {
  if ((await store.list()).length === 0) throw new CliError(`det finns inga arbetsböcker (.xlsx eller .xlsm) i ${abs}${hint}`);
}

/**
 * Runs `work` (a command that writes the set's workbooks without recalculating them: `kolada`, `new-year`) while
 * holding the folder's lock, so a `recalc` or `watch` in the same folder waits for it instead of reading half of it.
 */
export async function underFolderLock<T>(abs: string, command: string, work: () => Promise<T>, options: LocalRunOptions = {}): Promise<T> {
  const lock = await lockFolder(abs, command, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

function lockFolder(abs: string, command: string, options: LocalRunOptions) {
  return acquireFolderLock(abs, {
    command,
    ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}),
    ...(options.say ? { onWait: options.say } : {}),
  });
}
