/**
 * The product's own summaries among a folder's .xlsx files, recognised by their hidden state and not by their
 * name (domain.md §3, issue 17 B.7): the live `Sammanfattning.xlsx`, a copy of it (`Sammanfattning - Kopia.xlsx`,
 * Explorer's copy name, or any other), and the approved archives. Their `_malkoll` sheet holds the summary's
 * state, JSON from A1, where a workbook of the set holds a label in A1 and its own state below. They are never
 * read as workbooks of the set and never written: their `Handlingsplan` overview is not counted again.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHEETS } from '../../engine/index.ts';
import type { WorkbookRef } from '../../ports.ts';
import { openPackage } from './ooxml/package.ts';
import { PackageError } from './ooxml/package-error.ts';
import { XmlError } from './ooxml/xml-scan.ts';
import { isStateSheet, sheetKey } from './read-grid.ts';
import { readSummaryState } from './summary-read.ts';

export type SummaryKind = 'summary' | 'archive';

/** 'summary' or 'archive' for the product's own summary files; null for anything else (workbooks included). */
export function summaryKindOf(bytes: Uint8Array): SummaryKind | null {
  try {
    const pkg = openPackage(bytes);
    if (!pkg.sheets.some((s) => isStateSheet(s.name))) return null;
    // a workbook of the set has Mätetal; only a file without it is worth reading the state of
    if (pkg.sheets.some((s) => sheetKey(s.name) === sheetKey(SHEETS.metrics))) return null;
    const state = readSummaryState(bytes) as ({ archive?: unknown } & object) | null;
    if (!state) return null;
    return state.archive ? 'archive' : 'summary';
  } catch (error) {
    // not a package we can read: the reader reports it as a workbook that could not be opened
    if (error instanceof PackageError || error instanceof XmlError || error instanceof RangeError) return null;
    throw error;
  }
}

/** The refs that are not the product's own summaries. A file that cannot be read now is kept (its read reports it). */
export async function withoutOwnSummaries(dir: string, refs: WorkbookRef[]): Promise<WorkbookRef[]> {
  const kept: WorkbookRef[] = [];
  for (const ref of refs) {
    const bytes = await readFile(join(dir, ref.id)).catch(() => null);
    if (bytes === null || summaryKindOf(bytes) === null) kept.push(ref);
  }
  return kept;
}
