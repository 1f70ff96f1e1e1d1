/**
 * The local set (domain.md §3 "A set of workbooks"): every .xlsx and .xlsm (the same package with macros)
 * directly in the folder except the summary, lock files (Excel's `~$`, LibreOffice's `.~lock.…#`),
 * hidden/temp files and the product's backups (kept in a subfolder).
 * @module
 */
import { readdir } from 'node:fs/promises';
import type { WorkbookRef } from '../../ports.ts';
import { isLockFileName } from './lock-files.ts';
import { SUMMARY_FILE } from './summary-store.ts';


const collator = new Intl.Collator('sv-SE');
const WORKBOOK_EXTENSION = /\.xls[xm]$/i;

export function isWorkbookFileName(fileName: string): boolean {
  if (!WORKBOOK_EXTENSION.test(fileName)) return false;
  if (fileName.startsWith('.')) return false;
  if (isLockFileName(fileName)) return false;
  return fileName.toLocaleLowerCase('sv-SE') !== SUMMARY_FILE.toLocaleLowerCase('sv-SE');
}

/** The name a person knows the workbook by: the file name without `.xlsx`/`.xlsm`. */
export function workbookNameOf(fileName: string): string {
  return fileName.replace(WORKBOOK_EXTENSION, '');
}

export async function listWorkbooks(dir: string): Promise<WorkbookRef[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && isWorkbookFileName(e.name))
    .map((e) => e.name)
    .sort(collator.compare)
    .map((file) => ({ id: file, name: workbookNameOf(file) }));
}
