/**
 * Issue 17 B.5 through `malkoll recalc` on real files: Ändringslogg never loses a row and never doubles one,
 * whatever happens between a workbook's write and the summary's. Every status change a workbook is written with
 * waits in the workbook's own state until Ändringslogg has it, and one run per folder holds the folder at a time.
 * Checked after two runs at once, after a run killed (SIGKILL) at each step between reading and writing the
 * summary, and after a summary that could not be written, by walking each status cell's logged changes: one
 * unbroken chain from nothing to what the workbook shows (support/flip-set.ts).
 */
import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChangeLog } from '../../shared/adapters/xlsx/summary-read.ts';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { acquireFolderLock, LOCK_FILE } from '../../shared/cli/folder-lock.ts';
import { cellRows, expectEveryChangeOnce, flip, statusesOf, writeFlipSet } from './support/flip-set.ts';
import { printedChanges, spawnCli, startCli } from './support/spawn-cli.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'malkoll-changelog-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

let counter = 0;
/** A folder with two workbooks, recalculated once (every status logged as new). */
async function recalculatedSet(): Promise<{ dir: string; files: string[] }> {
  const dir = path.join(root, `set-${++counter}`);
  await import('node:fs/promises').then((fs) => fs.mkdir(dir));
  const files = await writeFlipSet(dir, ['Klimat', 'Resor']);
  expect(await runCli(['recalc', dir], recordingConsole())).toBe(0);
  await expectEveryChangeOnce(dir, files);
  return { dir, files };
}

async function recalcInProcess(dir: string): Promise<{ code: number; out: string }> {
  const io = recordingConsole();
  const code = await runCli(['recalc', dir], io);
  return { code, out: io.text() };
}

const logRows = async (dir: string) => cellRows(readChangeLog(await readFile(path.join(dir, 'Sammanfattning.xlsx')))).length;

/** Nothing an interrupted run leaves may outlive the next one: temp files, journals, the lock. */
async function expectNoLeftovers(dir: string): Promise<void> {
  const names = [...(await readdir(dir)), ...(await readdir(path.join(dir, '.malkoll-backup')).catch(() => []))];
  expect(names.filter((n) => n.startsWith('.malkoll-tmp-') || n.endsWith('.malkoll-journal') || n.startsWith(LOCK_FILE) || n.endsWith('.tmp'))).toEqual([]);
}

describe('two recalcs at once (B.5)', () => {
  it('every change either run printed is in Ändringslogg exactly once', { timeout: 240_000 }, async () => {
    const { dir, files } = await recalculatedSet();
    let printed = await logRows(dir);
    for (let trial = 1; trial <= 3; trial++) {
      for (const file of files) await flip(dir, file);
      // the first run stops with its workbooks written and the summary not yet; meanwhile a person saves again and
      // a second run starts
      const go = path.join(root, `go-${counter}-${trial}`);
      const first = startCli(['recalc', dir], { holdAt: 'summary:Sammanfattning.xlsx:temp-written', holdUntil: go });
      await until(() => existsSync(`${go}.reached`), 60_000);
      for (const file of files) await flip(dir, file);
      const second = startCli(['recalc', dir], { lockWaitMs: 120_000 });
      await until(() => second.stdout().includes('En annan körning av Målkoll (recalc') || first.stdout().includes('Sammanfattningen'), 60_000);
      await writeFile(go, '');
      const runs = await Promise.all([first.done, second.done]);
      for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0, signal: null });
      // the second run waited for the first, said so, and then made its own changes
      expect(runs[1]!.stdout).toMatch(/En annan körning av Målkoll \(recalc .*\) pågår i .* sedan .*; väntar upp till 120 s/);
      expect(printedChanges(runs[1]!.stdout)).toBeGreaterThan(0);
      printed += runs.reduce((n, r) => n + printedChanges(r.stdout), 0);
      expect(await expectEveryChangeOnce(dir, files)).toBe(printed);
    }
    await expectNoLeftovers(dir);
  });
});

describe('a run killed between a workbook write and the summary write (B.5, B.6, C.11)', () => {
  it.each([
    ['while writing a workbook’s temp file', 'workbook:temp-written'],
    ['with the workbook moved aside', 'workbook:moved-aside'],
    ['right after the new workbook took its name', 'workbook:linked'],
    ['with the workbooks written and the summary not', 'summary:Sammanfattning.xlsx:temp-written'],
    ['with Sammanfattning.xlsx written and the page not', 'summary:Sammanfattning.xlsx:renamed'],
  ])('%s: the next run logs every change once and leaves both summary files current', { timeout: 120_000 }, async (_, killAt) => {
    const { dir, files } = await recalculatedSet();
    const before = await Promise.all(files.map(async (f) => statusesOf(await readFile(path.join(dir, f)))));
    for (const file of files) await flip(dir, file);
    const killed = await spawnCli(['recalc', dir], { killAt });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    if (killAt.startsWith('summary:')) {
      // the workbooks carry the new statuses; their changes wait in them
      const after = statusesOf(await readFile(path.join(dir, files[0]!)));
      expect(after.get('Mätetal|2')).not.toBe(before[0]!.get('Mätetal|2'));
    }

    const next = await recalcInProcess(dir);
    expect(next.code, next.out).toBe(0);
    expect(next.out).toMatch(/Sammanfattningen uppdaterad/);
    await expectEveryChangeOnce(dir, files);
    await expectSummaryFilesAgree(dir);
    await expectNoLeftovers(dir);
    // and a run after that finds everything current
    expect((await recalcInProcess(dir)).out).toMatch(/Sammanfattningen var redan aktuell/);
  });
});

describe('a summary that cannot be written (B.5)', () => {
  it('the run says so in Swedish and exits 1; the changes wait in the workbooks and reach Ändringslogg once at the next good run', async () => {
    const { dir, files } = await recalculatedSet();
    const summary = path.join(dir, 'Sammanfattning.xlsx');
    const rowsBefore = await logRows(dir);
    const bytesBefore = await readFile(summary);
    await chmod(summary, 0o444);
    for (const file of files) await flip(dir, file);

    const failed = await recalcInProcess(dir);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain("! Sammanfattningen skrevs inte: 'Sammanfattning.xlsx' är skrivskyddad och skrevs inte");
    expect(failed.out).toMatch(/Statusändringar: \d+/);
    expect(failed.out).not.toMatch(/\n\s+at /);
    expect(await readFile(summary)).toEqual(bytesBefore);
    expect(await logRows(dir)).toBe(rowsBefore);

    // still read-only: the next run tries again rather than calling the summary current
    const again = await recalcInProcess(dir);
    expect(again.code).toBe(1);
    expect(again.out).toContain('! Sammanfattningen skrevs inte');

    await chmod(summary, 0o644);
    const good = await recalcInProcess(dir);
    expect(good.code, good.out).toBe(0);
    expect(good.out).toMatch(/Sammanfattningen uppdaterad/);
    expect(await expectEveryChangeOnce(dir, files)).toBe(rowsBefore + printedChanges(failed.out));
  });
});

describe('one run per folder (B.5)', () => {
  it('a second run waits a few seconds, saying who runs since when, then gives up in Swedish and writes nothing', async () => {
    const { dir, files } = await recalculatedSet();
    for (const file of files) await flip(dir, file);
    const bytes = await Promise.all(files.map((f) => readFile(path.join(dir, f))));
    const held = await acquireFolderLock(dir, { command: 'recalc' });
    try {
      const io = recordingConsole();
      expect(await runCli(['recalc', dir], io, { local: { lockWaitMs: 500 } })).toBe(1);
      const text = io.text();
      expect(text).toMatch(new RegExp(`En annan körning av Målkoll \\(recalc av \\S+ process ${process.pid} på datorn \\S+\\) pågår i ${escape(dir)} sedan \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d; väntar upp till 1 s`));
      expect(text).toMatch(/malkoll recalc: En annan körning .* – försök igen när den är klar\./);
      expect(await Promise.all(files.map((f) => readFile(path.join(dir, f))))).toEqual(bytes);
    } finally {
      await held.release();
    }
    expect((await recalcInProcess(dir)).code).toBe(0);
    await expectEveryChangeOnce(dir, files);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('a lock left by a process that is gone is taken over at once', async () => {
    const { dir, files } = await recalculatedSet();
    for (const file of files) await flip(dir, file);
    // a run killed while it held the folder (its lock names its process, which no longer exists)
    const killed = await spawnCli(['recalc', dir], { killAt: 'summary:Sammanfattning.xlsx:temp-written' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    const next = await recalcInProcess(dir);
    expect(next.code, next.out).toBe(0);
    expect(next.out).not.toMatch(/En annan körning/);
    await expectEveryChangeOnce(dir, files);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('watch respects the lock: its run waits for the other one and then runs', { timeout: 60_000 }, async () => {
    const { dir, files } = await recalculatedSet();
    for (const file of files) await flip(dir, file);
    const held = await acquireFolderLock(dir, { command: 'recalc' });
    const io = recordingConsole();
    const watching = runCli(['watch', dir], io, { local: { lockWaitMs: 300 } });
    try {
      await until(() => io.text().includes('försöker igen om en stund'));
    } finally {
      await held.release();
    }
    await until(() => io.text().includes('Sammanfattningen uppdaterad'));
    io.stop();
    expect(await watching).toBe(0);
    await expectEveryChangeOnce(dir, files);
  });
});

/** The page carries the content hash the summary workbook's state holds. */
async function expectSummaryFilesAgree(dir: string): Promise<void> {
  const { readSummaryState } = await import('../../shared/adapters/xlsx/summary-read.ts');
  const state = readSummaryState(await readFile(path.join(dir, 'Sammanfattning.xlsx')));
  const html = await readFile(path.join(dir, 'Sammanfattning.html'), 'utf8');
  expect(state?.contentHash).toBeTruthy();
  expect(html).toContain(`<meta name="malkoll-content-hash" content="${state!.contentHash}">`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
