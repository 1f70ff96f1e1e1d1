/**
 * Replaces a file the product owns (the summary) so that a reader, or a crash, only ever sees the old or the
 * new bytes: write a hidden temp file in the same folder, flush it, check a last condition, rename over the
 * original. Users' workbooks go through atomic-replace.ts, which also keeps what it replaces.
 * @module
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fittedFileName, NAME_MAX_BYTES } from './file-names.ts';

/** Hidden temp files start with this; list() skips every dot file. */
export const TEMP_PREFIX = '.malkoll-tmp-';
/** the prefix, 12 hex digits and a dash before the file's own (fitted) name */
const TEMP_TAG_LENGTH = TEMP_PREFIX.length + 13;

export function isTempFileName(fileName: string): boolean {
  return fileName.startsWith(TEMP_PREFIX);
}

/** A new temp name for `fileName`, within a file name's length however long `fileName` is. */
export function tempNameFor(fileName: string): string {
  return `${TEMP_PREFIX}${randomBytes(6).toString('hex')}-${fittedFileName(fileName, NAME_MAX_BYTES - TEMP_TAG_LENGTH)}`;
}

/** True for a temp file `tempNameFor(fileName)` made. */
export function isTempNameOf(name: string, fileName: string): boolean {
  return isTempFileName(name) && name.slice(TEMP_TAG_LENGTH) === fittedFileName(fileName, NAME_MAX_BYTES - TEMP_TAG_LENGTH);
}

/**
 * Writes `bytes` to `path` atomically. `stillValid` runs after the temp file is durable and just before
 * the rename; when it says no, the temp file is removed and false returned.
 */
export async function writeAtomically(
  path: string,
  bytes: Uint8Array | string | Iterable<string>,
  stillValid: () => Promise<boolean> = async () => true,
): Promise<boolean> {
  const temp = join(dirname(path), tempNameFor(basename(path)));
  try {
    const handle = await open(temp, 'wx');
    try {
      if (typeof bytes === 'string' || bytes instanceof Uint8Array) await handle.writeFile(bytes);
      // text in parts (the printable summary): gathered into writes of about a megabyte
      else {
        let pending = '';
        for (const part of bytes) {
          pending += part;
          if (pending.length >= 1 << 20) {
            await handle.write(pending);
            pending = '';
          }
        }
        if (pending) await handle.write(pending);
      }
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

/** Makes a rename durable; some platforms (Windows) cannot open a folder, which is fine. */
export async function syncDir(dir: string): Promise<void> {
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
