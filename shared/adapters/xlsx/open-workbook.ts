/**
 * Opens .xlsx bytes with xlsx-populate, turning every failure into UnreadableWorkbookError with a
 * Swedish reason that names the file.
 * @module
 */
import XlsxPopulate, { type Workbook } from 'xlsx-populate';
import { UnreadableWorkbookError } from '../../ports.ts';
import { keepFormulaResults } from './keep-formula-results.ts';

/** An OLE compound file: what Excel makes of a password-protected .xlsx (and what an old .xls is). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b];

export async function openWorkbook(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  keepFormulaResults();
  const ref = { id: fileName, name: fileName.replace(/\.xlsx$/i, '') };
  const fail = (why: string): UnreadableWorkbookError =>
    new UnreadableWorkbookError(ref, `Arbetsboken '${fileName}' kunde inte öppnas: ${why}`);
  if (startsWith(bytes, CFB_MAGIC)) {
    throw fail('filen är lösenordsskyddad eller en äldre .xls-fil – spara den som .xlsx utan lösenord');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw fail('filen är inte en giltig .xlsx-fil');
  try {
    const wb = await XlsxPopulate.fromDataAsync(bytes);
    wb.sheets();
    return wb;
  } catch {
    throw fail('filen är inte en giltig .xlsx-fil');
  }
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
