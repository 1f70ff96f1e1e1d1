/**
 * Issue 17, A.3, A.4 and the lock files: a person's save that lands while the product replaces a workbook is
 * never lost; a read-only workbook is not written and the run says so; a written one keeps its mode, owner and
 * group; a workbook open in LibreOffice is left alone like one open in Excel. Through the CLI where the case
 * can be set up on real files; the save during the replace goes through the store's replace hook (a seam of
 * atomic-replace.ts), the way `recalc` wires the store.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createXlsxWorkbookStore, listBackups, BACKUP_DIR, sha256 } from '../../../shared/adapters/xlsx/index.ts';
import { createXlsxSummaryStore } from '../../../shared/adapters/xlsx/summary-store.ts';
import type { ReplaceStep } from '../../../shared/adapters/xlsx/atomic-replace.ts';
import { recalcSet } from '../../../shared/app/recalc-set.ts';
import { runCli } from '../../../shared/cli/app.ts';
import { recordingConsole } from '../../../shared/cli/console.ts';
import { inspectXlsx, sheetOf } from '../../support/xlsx-inspect.ts';
import { generatedWorkbook, SIMPLE } from './generated-workbook.ts';
import { tempDir } from './helpers.ts';

const FILE = 'Arbetsbok.xlsx';
const now = () => new Date('2026-03-01T09:00:00Z');

/** The same workbook with another outcome, as a person would save it. */
const edited = (b: number) => generatedWorkbook({ ...SIMPLE, metrics: SIMPLE.metrics.map((m, i) => (i === 1 ? { ...m, b } : m)) });

async function withWorkbook(fn: (dir: string, path: string) => Promise<void>, bytes = generatedWorkbook(SIMPLE)): Promise<void> {
  const { dir, cleanup } = await tempDir();
  try {
    const path = join(dir, FILE);
    await writeFile(path, bytes);
    await chmod(path, 0o644);
    await fn(dir, path);
  } finally {
    await cleanup();
  }
}

/** A save the way Excel and LibreOffice do it: a new file renamed over the old name. */
async function personSaves(dir: string, bytes: Uint8Array): Promise<void> {
  await writeFile(join(dir, '.sparar.tmp'), bytes);
  await rename(join(dir, '.sparar.tmp'), join(dir, FILE));
}

const statusOf = (bytes: Uint8Array, row: number) => sheetOf(inspectXlsx(bytes), 'Mätetal').cells.get(`H${row}`)?.value;
const outcomeOf = (bytes: Uint8Array, row: number) => sheetOf(inspectXlsx(bytes), 'Mätetal').cells.get(`G${row}`)?.value;

describe('a save that lands while the product replaces the workbook (A.3)', () => {
  it.each<ReplaceStep>(['temp-written', 'journal-written'])('at %s: the person\'s version is never lost, and the run recomputes from it', (step) =>
    withWorkbook(async (dir, path) => {
      const theirs = edited(80);
      let saved = false;
      const store = createXlsxWorkbookStore(dir, {
        replaceHook: async (at) => {
          if (at !== step || saved) return;
          saved = true;
          await personSaves(dir, theirs);
        },
      });
      const report = await recalcSet({ store, summary: createXlsxSummaryStore(dir), now });
      expect(saved).toBe(true);
      expect(report.workbooks.map((w) => w.outcome)).toEqual(['written']);
      const after = await readFile(path);
      // their outcome is there, assessed: 100 → 80 in a Minska metric is Positiv
      expect(outcomeOf(after, 3)).toBe('80');
      expect(statusOf(after, 3)).toBe('Positiv');
      // what the product replaced was their version, and it is the backup
      const backups = await listBackups(dir, FILE);
      expect(await Promise.all(backups.map(async (b) => sha256(await readFile(join(dir, BACKUP_DIR, b)))))).toContain(sha256(theirs));
      expect((await readdir(dir)).filter((n) => n.startsWith('.malkoll'))).toEqual(['.malkoll-backup']);
    }),
  );

  it('a save between moving the workbook aside and putting the new one in place is kept; the moved file is the backup', () =>
    withWorkbook(async (dir, path) => {
      const ours = await readFile(path);
      const theirs = edited(70);
      const store = createXlsxWorkbookStore(dir, {
        replaceHook: async (at) => {
          if (at === 'moved-aside') await writeFile(path, theirs);
        },
      });
      const { version } = await store.read({ id: FILE, name: 'Arbetsbok' });
      const plan = { workbookId: FILE, writes: [{ sheet: 'Mätetal', rowNumber: 2, columnNumber: 8, value: 'Positiv', style: 'Positiv' as const }], state: { written: {} }, stateChanged: true, changes: [] };
      expect(await store.write({ id: FILE, name: 'Arbetsbok' }, plan, version)).toEqual({ kind: 'conflict' });
      expect(sha256(await readFile(path))).toBe(sha256(theirs));
      const backups = await listBackups(dir, FILE);
      expect(backups).toHaveLength(1);
      expect(sha256(await readFile(join(dir, BACKUP_DIR, backups[0]!)))).toBe(sha256(ours));
      expect((await readdir(join(dir, BACKUP_DIR))).filter((n) => n.endsWith('journal'))).toEqual([]);
    }));
});

describe('a run killed at any step of the replace', () => {
  const NODE = join(import.meta.dirname, '../../../node_modules/.bin/node');
  it.each<[ReplaceStep, 'old' | 'new']>([
    ['journal-written', 'old'],
    ['temp-written', 'old'],
    ['moved-aside', 'old'],
    ['linked', 'new'],
  ])('at %s: the next run finds the %s version in place, opening, and nothing left over', (step, expected) =>
    withWorkbook(async (dir, path) => {
      const old = await readFile(path);
      const child = spawnSync(NODE, [join(import.meta.dirname, 'kill-at-step.ts'), dir, FILE, step], { encoding: 'utf8' });
      expect(child.signal, child.stderr).toBe('SIGKILL');
      if (step === 'moved-aside') expect(existsSync(path)).toBe(false);
      // the next run starts by listing the set
      expect((await createXlsxWorkbookStore(dir).list()).map((r) => r.id)).toEqual([FILE]);
      const now = await readFile(path);
      if (expected === 'old') expect(sha256(now)).toBe(sha256(old));
      else expect(statusOf(now, 2)).toBe('Positiv');
      expect((await createXlsxWorkbookStore(dir).read({ id: FILE, name: 'Arbetsbok' })).grid.state).toEqual(expected === 'old' ? null : { written: { mark: 'ny' } });
      expect((await readdir(dir)).filter((n) => n.startsWith('.malkoll-tmp'))).toEqual([]);
      expect((await readdir(join(dir, BACKUP_DIR))).filter((n) => n.endsWith('journal'))).toEqual([]);
      if (expected === 'new') expect(await listBackups(dir, FILE)).toHaveLength(1);
    }),
  );
});

describe('permissions (A.4)', () => {
  it('a read-only workbook is not written, and the run says so in Swedish', () =>
    withWorkbook(async (dir, path) => {
      await chmod(path, 0o444);
      const before = await readFile(path);
      const io = recordingConsole();
      expect(await runCli(['recalc', dir], io)).toBe(0);
      expect(io.text()).toContain(`! Arbetsbok: '${FILE}' är skrivskyddad och skrevs inte`);
      expect(sha256(await readFile(path))).toBe(sha256(before));
      expect((await stat(path)).mode & 0o777).toBe(0o444);
      expect(await listBackups(dir, FILE)).toEqual([]);
    }));

  it('a group-shared workbook keeps its mode, owner and group', () =>
    withWorkbook(async (dir, path) => {
      await chmod(path, 0o664);
      const asRoot = process.getuid?.() === 0;
      if (asRoot) await chown(path, 1234, 2345);
      const before = await stat(path);
      const io = recordingConsole();
      expect(await runCli(['recalc', dir], io)).toBe(0);
      expect(io.text()).toMatch(/Arbetsbok .* uppdaterad/);
      const after = await stat(path);
      expect(after.ino).not.toBe(before.ino);
      expect(after.mode & 0o7777).toBe(0o664);
      expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
      if (asRoot) expect([after.uid, after.gid]).toEqual([1234, 2345]);
      expect(statusOf(await readFile(path), 2)).toBe('Positiv');
    }));
});

describe('lock files', () => {
  it.each([
    ['LibreOffice', `.~lock.${FILE}#`],
    ['Excel', `~$${FILE}`],
  ])('a workbook open in %s is read but not written, and the run says why', (program, lock) =>
    withWorkbook(async (dir, path) => {
      await writeFile(join(dir, lock), 'låst');
      const before = await readFile(path);
      const io = recordingConsole();
      expect(await runCli(['recalc', dir], io)).toBe(0);
      expect(io.text()).toContain(`! Arbetsbok: '${FILE}' är öppen i ${program} (låsfilen ${lock} finns) – stäng filen och kör igen`);
      expect(sha256(await readFile(path))).toBe(sha256(before));
      // besides the summary only the backup folder, which holds the copy of the version read (no backup: nothing replaced)
      expect((await readdir(dir)).sort()).toEqual([lock, FILE, 'Sammanfattning.html', 'Sammanfattning.xlsx', BACKUP_DIR].sort());
      expect(await listBackups(dir, FILE)).toEqual([]);
    }));
});
