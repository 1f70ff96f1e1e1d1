/**
 * What a run stopped by Ctrl-C or a kill leaves behind: temp files (`.malkoll-tmp-…`, also in the backup folder
 * and its last-read copies), an earlier version's `Sammanfattning.xlsx.<pid>.<x>.tmp`, and a folder lock that was
 * being taken over. Removed at the start of the next run, which holds the folder lock (cli/folder-lock.ts), so no
 * run of the product can still be writing them. Journals of interrupted replaces are finished or undone by the
 * store's list() (atomic-replace.ts), which needs them.
 * @module
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isTempFileName } from './atomic-write.ts';
import { BACKUP_DIR } from './backups.ts';
import { LAST_READ_DIR } from './last-readable.ts';

/** `Sammanfattning.xlsx.4242.k3j2h1.tmp`: how versions before the patching writer named their temp files */
const LEGACY_TEMP = /\.(xlsx|xlsm|html)\.\d+\.[0-9a-z]+\.tmp$/i;
/** `.malkoll-lock.<hex>`: a stale lock moved aside to be removed */
const LOCK_ASIDE = /^\.malkoll-lock\.[0-9a-f]+$/;

export async function removeLeftovers(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of [dir, join(dir, BACKUP_DIR), join(dir, LAST_READ_DIR)]) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (!isTempFileName(name) && !LEGACY_TEMP.test(name) && !(folder === dir && LOCK_ASIDE.test(name))) continue;
      try {
        await rm(join(folder, name), { force: true });
        removed.push(name);
      } catch {
        // left for a run that may remove it
      }
    }
  }
  return removed;
}
