/**
 * The lock files a spreadsheet program keeps beside an open workbook: Excel's owner file `~$Name.xlsx` and
 * LibreOffice's `.~lock.Name.xlsx#`. The saved file stays consistent while it is open, so reading is fine;
 * writing would be overwritten (or refused) when the person saves.
 * @module
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';

const PROGRAMS = [
  { program: 'Excel', lockFile: (fileName: string) => `~$${fileName}` },
  { program: 'LibreOffice', lockFile: (fileName: string) => `.~lock.${fileName}#` },
] as const;

export function isLockFileName(fileName: string): boolean {
  return fileName.startsWith('~$') || (fileName.startsWith('.~lock.') && fileName.endsWith('#'));
}

/** Why the workbook must not be written now (Swedish), or null when no program has it open. */
export async function openElsewhereReason(dir: string, fileName: string): Promise<string | null> {
  for (const { program, lockFile } of PROGRAMS) {
    const lock = lockFile(fileName);
    if (await exists(join(dir, lock))) return `'${fileName}' är öppen i ${program} (låsfilen ${lock} finns) – stäng filen och kör igen`;
  }
  return null;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
