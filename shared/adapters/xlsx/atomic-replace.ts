/**
 * Replaces a workbook so that no version is ever lost, not even one a person saves while the product writes:
 *
 * 1. a journal in the backup folder names the files involved and the versions before and after;
 * 2. the new bytes go to a hidden temp file in the same folder, with the workbook's mode (and its owner and
 *    group where the process may set them), flushed to disk;
 * 3. the workbook is moved aside into the backup folder with a rename: that *is* its backup, and it is exactly
 *    the file that was there at that instant, whoever wrote it;
 * 4. the temp file is hard-linked to the workbook's name, which fails rather than replace a file a person's
 *    save put there in between;
 * 5. what was moved aside is checked against the version the run read: when it is another (a person saved
 *    after the run's last look), it is put back over the product's file and the outcome is a conflict, so the
 *    run reads it again and recomputes;
 * 6. temp name and journal are removed.
 *
 * Between 3 and 4 the name is missing for the time of two system calls. A process killed anywhere in between
 * leaves the journal; the next run (`recoverInterruptedReplaces`, at list time) puts back what was moved aside
 * unless the new file had fully taken its place from a checked version. Folders whose file system has no hard
 * links fall back to a rename after checking that the name is free.
 * @module
 */
import { existsSync, linkSync, renameSync, statSync, type Stats } from 'node:fs';
import { open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BACKUP_DIR, newBackupPath } from './backups.ts';
import { sha256 } from './content-version.ts';
import { isTempNameOf, syncDir, tempNameFor } from './atomic-write.ts';
import { derivedName } from './file-names.ts';
import { isProcessAlive } from './process-alive.ts';

const JOURNAL_SUFFIX = '.malkoll-journal';

/** The moments of a replace, for tests to act at (a person's save, a kill); never used by the product. */
export type ReplaceStep = 'journal-written' | 'temp-written' | 'moved-aside' | 'linked';
export type ReplaceHook = (step: ReplaceStep) => void | Promise<void>;

export type ReplaceOutcome = { kind: 'replaced'; backup: string } | { kind: 'conflict' } | { kind: 'skipped'; reason: string };

export interface ReplaceRequest {
  dir: string;
  fileName: string;
  bytes: Uint8Array;
  /** the sha256 of the version the new bytes were made from */
  expectedVersion: string;
  /** the workbook as stat'ed before: its mode, owner and group are given to the new file */
  original: Stats;
  /** checked again just before the rename: a reason not to write now (the file was opened), or null */
  stillWritable: () => Promise<string | null>;
  hook?: ReplaceHook;
}

interface Journal {
  fileName: string;
  temp: string;
  aside: string;
  version: string;
  /** the sha256 of the new bytes, to tell the product's file from one someone else put at the name */
  newVersion: string;
  pid: number;
  host: string;
}

export async function replaceWorkbook(request: ReplaceRequest): Promise<ReplaceOutcome> {
  const { dir, fileName, hook } = request;
  const path = join(dir, fileName);
  const temp = join(dir, tempNameFor(fileName));
  const journalPath = join(dir, BACKUP_DIR, derivedName('.', fileName, `.${randomBytes(4).toString('hex')}${JOURNAL_SUFFIX}`));
  const cleanUp = async () => {
    await rm(temp, { force: true });
    await rm(journalPath, { force: true });
  };
  try {
    const aside = await newBackupPath(dir, fileName);
    const journal: Journal = {
      fileName,
      temp: basename(temp),
      aside: basename(aside),
      version: request.expectedVersion,
      newVersion: sha256(request.bytes),
      pid: process.pid,
      host: hostname(),
    };
    await writeDurably(journalPath, JSON.stringify(journal));
    await hook?.('journal-written');
    await writeTemp(temp, request.bytes, request.original);
    const ours = identityOf(temp);
    await hook?.('temp-written');

    const reason = await request.stillWritable();
    if (reason !== null) {
      await cleanUp();
      return { kind: 'skipped', reason };
    }
    try {
      renameSync(path, aside);
    } catch (error) {
      await cleanUp();
      if (codeOf(error) === 'ENOENT') return { kind: 'conflict' };
      throw error;
    }
    const step = hook?.('moved-aside');
    if (step) await step;
    if (!putInPlace(temp, path)) {
      // a person's save created the name in between: theirs stays, what was moved aside is a backup
      await cleanUp();
      return { kind: 'conflict' };
    }
    await hook?.('linked');
    if (sha256(await readFile(aside)) !== request.expectedVersion) {
      if (identityOf(path) === ours) renameSync(aside, path);
      await cleanUp();
      await syncDirs(dir);
      return { kind: 'conflict' };
    }
    await cleanUp();
    await syncDirs(dir);
    return { kind: 'replaced', backup: aside };
  } catch (error) {
    const reason = writeFailure(error, fileName);
    if (reason === null) throw error;
    await cleanUp().catch(() => {});
    return { kind: 'skipped', reason };
  }
}

/** Hard link (never replaces an existing name); on a file system without links, a rename once the name is free. */
function putInPlace(temp: string, path: string): boolean {
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    if (existsSync(path)) return false;
    renameSync(temp, path);
    return true;
  }
}

/** `device:inode` of a file, or null when there is none. */
function identityOf(path: string): string | null {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

async function writeTemp(temp: string, bytes: Uint8Array, original: Stats): Promise<void> {
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.chmod(original.mode & 0o7777);
    await handle.chown(original.uid, original.gid).catch(() => handle.chown(-1, original.gid)).catch(() => {});
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeDurably(path: string, text: string): Promise<void> {
  await writeFile(path, text, { flag: 'wx' });
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirs(dir: string): Promise<void> {
  await syncDir(dir);
  await syncDir(join(dir, BACKUP_DIR));
}

/**
 * Finishes or undoes what a killed run left between moving a workbook aside and removing its journal: the
 * journals in the backup folder whose process is gone. Run at the start of every run.
 */
export async function recoverInterruptedReplaces(dir: string): Promise<void> {
  const folder = join(dir, BACKUP_DIR);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith(JOURNAL_SUFFIX))) {
    try {
      await recoverOne(dir, join(folder, name));
    } catch (error) {
      // a folder the product may not write in keeps its journal for a run that may; the run itself goes on
      if (codeOf(error) === undefined) throw error;
    }
  }
}

async function recoverOne(dir: string, journalPath: string): Promise<void> {
  const folder = join(dir, BACKUP_DIR);
  const journal = parseJournal(await readFile(journalPath, 'utf8').catch(() => ''));
  if (journal === null) {
    await rm(journalPath, { force: true });
    return;
  }
  if (journal.host === hostname() && isProcessAlive(journal.pid)) return;
  const path = join(dir, journal.fileName);
  const temp = join(dir, journal.temp);
  const aside = join(folder, journal.aside);
  if (existsSync(aside)) {
    // moved aside but not replaced: back it goes; replaced from a version the run had not read: the same
    if (!existsSync(path)) renameSync(aside, path);
    else if (sha256(await readFile(path)) === journal.newVersion && sha256(await readFile(aside)) !== journal.version) renameSync(aside, path);
  }
  await rm(temp, { force: true });
  await rm(journalPath, { force: true });
}

function parseJournal(text: string): Journal | null {
  try {
    const j = JSON.parse(text) as Partial<Journal>;
    const names = [j.fileName, j.temp, j.aside];
    if (names.some((n) => typeof n !== 'string' || n === '' || basename(n) !== n) || typeof j.version !== 'string' || typeof j.newVersion !== 'string') return null;
    return { fileName: j.fileName!, temp: j.temp!, aside: j.aside!, version: j.version, newVersion: j.newVersion, pid: Number(j.pid), host: String(j.host) };
  } catch {
    return null;
  }
}

/** A writer killed between temp file and rename leaves its temp file behind; clear those older than an hour. */
export async function removeStaleTempFiles(dir: string, fileName: string, olderThanMs = 3_600_000): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!isTempNameOf(name, fileName)) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (info && now - info.mtimeMs > olderThanMs) await rm(join(dir, name), { force: true });
  }
}

export function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** `writeFailure`'s reason, or for any other file-system error one naming its code. */
export function anyWriteFailure(error: unknown, fileName: string): string {
  return writeFailure(error, fileName) ?? `'${fileName}' kunde inte skrivas (${codeOf(error)})`;
}

/** A Swedish reason for a file-system failure while writing, or null for anything else. */
export function writeFailure(error: unknown, fileName: string): string | null {
  switch (codeOf(error)) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `'${fileName}' kunde inte skrivas: behörighet saknas i mappen`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `'${fileName}' kunde inte skrivas: disken är full`;
    case 'EBUSY':
      return `'${fileName}' kunde inte skrivas: filen används av ett annat program – stäng den och kör igen`;
    default:
      return null;
  }
}
