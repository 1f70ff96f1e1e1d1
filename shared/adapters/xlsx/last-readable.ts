/**
 * The last version of each workbook that could be read, in `.malkoll-backup/last-read/`. A workbook caught in a
 * slow save that writes over the file in place cannot be read until the save ends; when it still cannot after the
 * read's retries, the run recomputes its last known results from this copy instead of dropping its goal areas
 * from the summary. One copy per workbook, replaced when a run reads a new version, written from the very bytes
 * the run read (the file itself may already be changing again). Keeping it costs the disk one more copy of each
 * workbook and nothing in memory.
 * @module
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_DIR } from './backups.ts';
import { tempNameFor } from './atomic-write.ts';
import { fittedFileName, NAME_MAX_BYTES } from './file-names.ts';

export const LAST_READ_DIR = join(BACKUP_DIR, 'last-read');

/** 16 hex digits of the version and a dash before the workbook's (fitted) name */
const TAG_LENGTH = 17;

const copyName = (fileName: string, version: string) => `${version.slice(0, 16)}-${fittedFileName(fileName, NAME_MAX_BYTES - TAG_LENGTH)}`;
const isCopyOf = (name: string, fileName: string) =>
  /^[0-9a-f]{16}-/.test(name) && name.slice(TAG_LENGTH) === fittedFileName(fileName, NAME_MAX_BYTES - TAG_LENGTH);

/**
 * Keeps `bytes` (version `version`) as the workbook's last readable version, unless it is already kept. Best
 * effort: a folder the product cannot write in keeps nothing, and the run goes on.
 */
export async function keepLastReadable(dir: string, fileName: string, bytes: Uint8Array, version: string): Promise<void> {
  const folder = join(dir, LAST_READ_DIR);
  const name = copyName(fileName, version);
  try {
    const existing = await readdir(folder).catch(() => [] as string[]);
    if (existing.includes(name)) return;
    await mkdir(folder, { recursive: true });
    const temp = join(folder, tempNameFor(name));
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, join(folder, name));
    for (const other of existing) if (other !== name && isCopyOf(other, fileName)) await rm(join(folder, other), { force: true });
  } catch {
    // not kept: a workbook caught mid-save then has no last known results, as before
  }
}

/**
 * Drops the copies of workbooks no longer in the set (renamed, moved, deleted), once they are an hour old: a
 * workbook missing for the instant of a save by rename keeps its copy.
 */
export async function pruneLastReadable(dir: string, fileNames: readonly string[], olderThanMs = 3_600_000): Promise<void> {
  const folder = join(dir, LAST_READ_DIR);
  const kept = new Set(fileNames.map((f) => fittedFileName(f, NAME_MAX_BYTES - TAG_LENGTH)));
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{16}-/.test(name) || kept.has(name.slice(TAG_LENGTH))) continue;
    const info = await stat(join(folder, name)).catch(() => null);
    if (info && Date.now() - info.mtimeMs > olderThanMs) await rm(join(folder, name), { force: true }).catch(() => {});
  }
}

/** The workbook's last readable bytes and when they were read, or null when none is kept. */
export async function lastReadable(dir: string, fileName: string): Promise<{ bytes: Buffer; readAt: Date } | null> {
  const folder = join(dir, LAST_READ_DIR);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => isCopyOf(n, fileName));
  for (const name of names) {
    try {
      const path = join(folder, name);
      const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
      return { bytes, readAt: info.mtime };
    } catch {
      // gone meanwhile: try the next
    }
  }
  return null;
}
