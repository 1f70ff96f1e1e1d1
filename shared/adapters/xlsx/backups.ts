/**
 * Copies of a workbook as it was before the product wrote it, in `DIR/.malkoll-backup/` (outside the set,
 * since list() does not recurse), the newest N kept.
 * @module
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const BACKUP_DIR = '.malkoll-backup';
export const DEFAULT_BACKUPS = 5;

/** `Name.2026-11-24T13-20-00-123Z.xlsx`: sorts by time as text; ':' is not allowed in Windows names. */
function backupName(fileName: string, at: Date): string {
  const stem = fileName.replace(/\.xlsx$/i, '');
  return `${stem}.${at.toISOString().replace(/[:.]/g, '-')}.xlsx`;
}

export async function backUp(dir: string, fileName: string, bytes: Uint8Array, keep: number, at = new Date()): Promise<string> {
  const folder = join(dir, BACKUP_DIR);
  await mkdir(folder, { recursive: true });
  let name = backupName(fileName, at);
  const existing = new Set(await readdir(folder));
  for (let n = 1; existing.has(name); n++) name = backupName(fileName, at).replace(/\.xlsx$/i, `-${n}.xlsx`);
  const path = join(folder, name);
  await writeFile(path, bytes);
  await prune(folder, fileName, keep);
  return path;
}

export async function listBackups(dir: string, fileName: string): Promise<string[]> {
  const folder = join(dir, BACKUP_DIR);
  const stem = fileName.replace(/\.xlsx$/i, '');
  const pattern = new RegExp(`^${escapeRegExp(stem)}\\.\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z(-\\d+)?\\.xlsx$`);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  return names.filter((n) => pattern.test(n)).sort(byTimeThenCounter);
}

async function prune(folder: string, fileName: string, keep: number): Promise<void> {
  const all = await listBackups(join(folder, '..'), fileName);
  const excess = all.slice(0, Math.max(0, all.length - Math.max(0, keep)));
  await Promise.all(excess.map((n) => rm(join(folder, n), { force: true })));
}

function byTimeThenCounter(a: string, b: string): number {
  const key = (n: string): [string, number] => {
    const m = /^(.*Z)(?:-(\d+))?\.xlsx$/.exec(n);
    return [m?.[1] ?? n, Number(m?.[2] ?? 0)];
  };
  const [ta, ca] = key(a);
  const [tb, cb] = key(b);
  return ta < tb ? -1 : ta > tb ? 1 : ca - cb;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
