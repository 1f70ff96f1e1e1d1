/**
 * The embedded default: a folder of .xlsx workbooks and its Sammanfattning.xlsx/.html.
 * @module
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createXlsxSummaryStore, createXlsxWorkbookStore } from '../adapters/xlsx/index.ts';
import { recalcSet } from '../app/recalc-set.ts';
import type { RecalcReport } from '../app/report.ts';
import { CliError } from './cli-error.ts';
import { codeVersion } from './code-version.ts';

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
): Promise<RecalcReport> {
  const store = createXlsxWorkbookStore(abs, onWritten ? { onWritten } : {});
  if ((await store.list()).length === 0) {
    throw new CliError(`det finns inga arbetsböcker (.xlsx eller .xlsm) i ${abs}. Skapa mallen och demodata med: malkoll init ${abs}`);
  }
  return recalcSet({ store, summary: createXlsxSummaryStore(abs), now: () => new Date(), cause, codeVersion: await codeVersion() });
}
