/**
 * The local set (domain.md §3 "A set of workbooks"): every .xlsx directly in the folder except the
 * summary, Excel's lock files, hidden/temp files and the product's backups (kept in a subfolder).
 * @module
 */
import { readdir } from 'node:fs/promises';
import type { WorkbookRef } from '../../ports.ts';
import { isLockFileName } from './lock-files.ts';
import { SUMMARY_FILE } from './summary-store.ts';


const collator = new Intl.Collator('sv-SE');

export function isWorkbookFileName(fileName: string): boolean {
  if (!/\.xlsx$/i.test(fileName)) return false;
  if (fileName.startsWith('.')) return false;
  if (isLockFileName(fileName)) return false;
  return fileName.toLocaleLowerCase('sv-SE') !== SUMMARY_FILE.toLocaleLowerCase('sv-SE');
}

export async function listWorkbooks(dir: string): Promise<WorkbookRef[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && isWorkbookFileName(e.name))
    .map((e) => e.name)
    .sort(collator.compare)
    .map((file) => ({ id: file, name: file.replace(/\.xlsx$/i, '') }));
}
