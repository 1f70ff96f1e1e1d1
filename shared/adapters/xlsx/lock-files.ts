/**
 * Excel's owner file `~$Name.xlsx` beside an open workbook. Excel keeps the saved file consistent while
 * it is open, so reading is fine; writing would be overwritten (or refused) when the person saves.
 * @module
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';

export function lockFileName(fileName: string): string {
  return `~$${fileName}`;
}

export function isLockFileName(fileName: string): boolean {
  return fileName.startsWith('~$');
}

export async function isOpenInExcel(dir: string, fileName: string): Promise<boolean> {
  try {
    await access(join(dir, lockFileName(fileName)));
    return true;
  } catch {
    return false;
  }
}

export function openInExcelReason(fileName: string): string {
  return `'${fileName}' är öppen i Excel (låsfilen ${lockFileName(fileName)} finns) – stäng filen och kör igen`;
}
