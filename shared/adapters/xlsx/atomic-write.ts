/**
 * Replaces a file so that a reader (or a crash) only ever sees the old or the new bytes: write a hidden
 * temp file in the same folder, flush it, check a last condition, rename over the original.
 * @module
 */
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Hidden temp files start with this; list() skips every dot file. */
export const TEMP_PREFIX = '.malkoll-tmp-';

export function isTempFileName(fileName: string): boolean {
  return fileName.startsWith(TEMP_PREFIX);
}

/**
 * Writes `bytes` to `path` atomically. `stillValid` runs after the temp file is durable and just before
 * the rename; when it says no, the temp file is removed and false returned.
 */
export async function writeAtomically(path: string, bytes: Uint8Array, stillValid: () => Promise<boolean>): Promise<boolean> {
  const temp = join(dirname(path), `${TEMP_PREFIX}${randomBytes(6).toString('hex')}-${basename(path)}`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (!(await stillValid())) {
      await rm(temp, { force: true });
      return false;
    }
    await rename(temp, path);
    await syncDir(dirname(path));
    return true;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Makes the rename itself durable; some platforms (Windows) cannot open a folder, which is fine. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not supported here
  }
}

/** A writer killed between temp file and rename leaves its temp file behind; clear those older than an hour. */
export async function removeStaleTempFiles(dir: string, fileName: string, olderThanMs = 3_600_000): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!isTempFileName(name) || !name.endsWith(`-${fileName}`)) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (info && now - info.mtimeMs > olderThanMs) await rm(join(dir, name), { force: true });
  }
}
