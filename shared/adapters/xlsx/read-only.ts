/**
 * A file a person made read-only, or one this user may not write, is left as it is: why, in Swedish, for the
 * run's report. Both the workbooks and the summary files ask before they write.
 * @module
 */
import { access, constants } from 'node:fs/promises';

/**
 * The reason `fileName` (at `path`, with permission bits `mode`) is not written, or null when it may be. `remedy`
 * ends the read-only reason: what the person can do about it.
 */
export async function readOnlyReason(path: string, fileName: string, mode: number, remedy: string): Promise<string | null> {
  if ((mode & 0o222) === 0) return `'${fileName}' är skrivskyddad och skrevs inte – ${remedy}`;
  try {
    await access(path, constants.W_OK);
    return null;
  } catch {
    return `'${fileName}' skrevs inte: du saknar behörighet att ändra filen – be filens ägare om skrivrätt`;
  }
}
