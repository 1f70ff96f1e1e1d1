/**
 * Earlier versions of a workbook, in `DIR/.malkoll-backup/` (outside the set, since list() does not recurse),
 * the newest N kept. A backup is the replaced file itself, moved there by the atomic replace
 * (atomic-replace.ts), so it is exactly what was on disk, owner and permissions included.
 * @module
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fittedFileName, NAME_MAX_BYTES } from './file-names.ts';

export const BACKUP_DIR = '.malkoll-backup';
export const DEFAULT_BACKUPS = 5;

/** Room a backup's name needs beyond the workbook's: `.`, the 24-character time and a counter up to `-999`. */
const STAMP_BYTES = 1 + 24 + 4;

/** The workbook's name split for its backups' names, shortened when a long name and the time would not fit. */
function split(fileName: string): { stem: string; ext: string } {
  const fitted = fittedFileName(fileName, NAME_MAX_BYTES - STAMP_BYTES);
  const m = /^(.*)(\.[^.]+)$/.exec(fitted);
  return m ? { stem: m[1]!, ext: m[2]! } : { stem: fitted, ext: '' };
}

/** `Name.2026-11-24T13-20-00-123Z.xlsx`: sorts by time as text; ':' is not allowed in Windows names. */
function backupName(fileName: string, at: Date, counter: number): string {
  const { stem, ext } = split(fileName);
  return `${stem}.${at.toISOString().replace(/[:.]/g, '-')}${counter ? `-${counter}` : ''}${ext}`;
}

/** A path in the backup folder (created when missing) that no backup has yet. */
export async function newBackupPath(dir: string, fileName: string, at = new Date()): Promise<string> {
  const folder = join(dir, BACKUP_DIR);
  await mkdir(folder, { recursive: true });
  const existing = new Set(await readdir(folder));
  let counter = 0;
  while (existing.has(backupName(fileName, at, counter))) counter++;
  return join(folder, backupName(fileName, at, counter));
}

export async function listBackups(dir: string, fileName: string): Promise<string[]> {
  const folder = join(dir, BACKUP_DIR);
  const { stem, ext } = split(fileName);
  const pattern = new RegExp(`^${escapeRegExp(stem)}\\.\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z(-\\d+)?${escapeRegExp(ext)}$`);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  return names.filter((n) => pattern.test(n)).sort(byTimeThenCounter);
}

export async function pruneBackups(dir: string, fileName: string, keep: number): Promise<void> {
  const all = await listBackups(dir, fileName);
  const excess = all.slice(0, Math.max(0, all.length - Math.max(0, keep)));
  await Promise.all(excess.map((n) => rm(join(dir, BACKUP_DIR, n), { force: true })));
}

function byTimeThenCounter(a: string, b: string): number {
  const key = (n: string): [string, number] => {
    const m = /^(.*Z)(?:-(\d+))?\.[^.]+$/.exec(n);
    return [m?.[1] ?? n, Number(m?.[2] ?? 0)];
  };
  const [ta, ca] = key(a);
  const [tb, cb] = key(b);
  return ta < tb ? -1 : ta > tb ? 1 : ca - cb;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
