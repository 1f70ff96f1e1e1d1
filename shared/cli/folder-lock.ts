/**
 * One run per folder at a time. Two runs at once would each append the changes they saw to Ändringslogg from
 * the summary as it was when they started, so one's rows could be lost or doubled; `recalc`, `watch` and `demo`
 * therefore hold `DIR/.malkoll-lock` while they run (and `kolada` and `new-year` while they write workbooks). A
 * second run waits for it (a few seconds, saying so), then gives up with a Swedish message naming who holds it and
 * since when. A lock whose process is gone (same computer), or that its holder has not refreshed for a minute (a
 * process on another computer, a reused process id), is taken over. A folder nobody may write in gets no lock:
 * nothing can be written there anyway.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { CliError } from './cli-error.ts';
import { isProcessAlive } from '../adapters/xlsx/index.ts';

export const LOCK_FILE = '.malkoll-lock';

/** Another run holds the folder and did not finish within the wait. */
export class FolderBusyError extends CliError {
  override name = 'FolderBusyError';
}
/** how long a second run waits for the first */
export const LOCK_WAIT_MS = 10_000;
/** the holder refreshes the lock's time this often, and a lock not refreshed for STALE_MS is taken over */
const HEARTBEAT_MS = 5_000;
const STALE_MS = 60_000;
const POLL_MS = 200;

interface Holder {
  pid: number;
  host: string;
  user: string;
  /** ISO time the run started */
  since: string;
  command: string;
  token: string;
}

export interface FolderLock {
  /** null when the folder cannot hold a lock (not writable): the run goes on without one */
  readonly unavailable: string | null;
  release(): Promise<void>;
}

export interface LockOptions {
  command: string;
  waitMs?: number;
  /** told once when the run has to wait, with who holds the lock (Swedish) */
  onWait?: (message: string) => void;
}

export async function acquireFolderLock(dir: string, options: LockOptions): Promise<FolderLock> {
  const path = join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), user: userName(), since: new Date().toISOString(), command: options.command, token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
  let told = false;
  for (;;) {
    const created = await create(path, me);
    if (created === 'created') return held(path, me);
    if (created !== 'exists') return { unavailable: created, release: async () => {} };
    const found = await readHolder(path);
    if (found === 'gone') continue;
    if (isStale(found)) {
      await takeOver(path, found);
      continue;
    }
    const who = describe(found.holder, dir);
    if (Date.now() >= deadline) throw new FolderBusyError(`${who} – försök igen när den är klar.`);
    if (!told) {
      options.onWait?.(`${who}; väntar upp till ${Math.round((options.waitMs ?? LOCK_WAIT_MS) / 1000)} s på att den blir klar …`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** 'created', 'exists', or why the folder cannot hold a lock (Swedish). */
async function create(path: string, me: Holder): Promise<'created' | 'exists' | string> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'mappen går inte att skriva i (behörighet saknas)';
    if (code === 'ENOSPC' || code === 'EDQUOT') return 'disken är full';
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(me));
    await handle.close();
    return 'created';
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(path, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') return 'disken är full';
    throw error;
  }
}

function held(path: string, me: Holder): FolderLock {
  // the time of the lock says the holder is alive, for runs on other computers that cannot ask for its process
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    unavailable: null,
    async release() {
      clearInterval(heartbeat);
      const found = await readHolder(path);
      if (found !== 'gone' && found.holder?.token === me.token) await rm(path, { force: true });
    },
  };
}

interface Found {
  /** null when the file does not (yet) hold a whole holder: one being written, or not ours */
  holder: Holder | null;
  text: string;
  ageMs: number;
}

async function readHolder(path: string): Promise<Found | 'gone'> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { holder: parseHolder(text), text, ageMs: Date.now() - info.mtimeMs };
  } catch {
    return 'gone';
  }
}

function parseHolder(text: string): Holder | null {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string' || typeof h.token !== 'string') return null;
    return { pid: h.pid, host: h.host, user: String(h.user ?? ''), since: String(h.since ?? ''), command: String(h.command ?? ''), token: h.token };
  } catch {
    return null;
  }
}

function isStale(found: Found): boolean {
  if (found.ageMs > STALE_MS) return true;
  // a holder writes its lock within moments of creating it: an empty one this old was left by a killed run
  if (found.holder === null) return found.ageMs > 2 * HEARTBEAT_MS;
  return found.holder !== null && found.holder.host === hostname() && !isProcessAlive(found.holder.pid);
}

/**
 * Moves the stale lock aside and removes it, unless what was moved is no longer the lock judged stale (another
 * run took it over first and holds it now): that one goes back.
 */
async function takeOver(path: string, stale: Found): Promise<void> {
  const aside = `${path}.${randomBytes(6).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved !== null && moved !== stale.text) {
    await rename(aside, path).catch(() => {});
    return;
  }
  await rm(aside, { force: true });
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

const CLOCK = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' });

/** "En annan körning av Målkoll (recalc av anna, process 4242 på datorn x) pågår i DIR sedan 2026-03-01 10:02:03" */
function describe(holder: Holder | null, dir: string): string {
  if (!holder) return `En annan körning av Målkoll pågår i ${dir} (låsfilen ${LOCK_FILE} finns)`;
  const since = Number.isNaN(Date.parse(holder.since)) ? '' : ` sedan ${CLOCK.format(Date.parse(holder.since))}`;
  const who = [holder.command, holder.user ? `av ${holder.user}` : '', `process ${holder.pid} på datorn ${holder.host}`].filter(Boolean).join(' ');
  return `En annan körning av Målkoll (${who}) pågår i ${dir}${since}`;
}
