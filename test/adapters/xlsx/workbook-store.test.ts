/**
 * Acceptance (issue, 3): atomic write with backups, lock files, unreadable files, the set. What every WorkbookStore
 * does (an empty plan, a state alone, a long state, a conflict) is in the contract: contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createXlsxWorkbookStore, listBackups, BACKUP_DIR, sha256 } from '../../../shared/adapters/xlsx/index.ts';
import { writeAtomically } from '../../../shared/adapters/xlsx/atomic-write.ts';
import { UnreadableWorkbookError } from '../../../shared/ports.ts';
import { findSheet } from '../../../shared/engine/model/grid.ts';
import { copyFixture, plan, tempDir } from './helpers.ts';
import { inspectXlsx, sheetOf } from '../../support/xlsx-inspect.ts';
import { utimes } from 'node:fs/promises';

const FILE = 'mall-libreoffice.xlsx';
const REF = { id: FILE, name: 'mall-libreoffice' };
const write = (value: string) => plan([{ sheet: 'Mätetal', rowNumber: 2, columnNumber: 11, value, style: 'Positiv' }], { written: { k: value } });

async function withFixture(fn: (dir: string, path: string) => Promise<void>): Promise<void> {
  const { dir, cleanup } = await tempDir();
  try {
    await fn(dir, await copyFixture(FILE, dir));
  } finally {
    await cleanup();
  }
}

describe('write', () => {
  it('keeps the newest N backups, each the file as it was before a write', () =>
    withFixture(async (dir, path) => {
      const store = createXlsxWorkbookStore(dir, { backups: 2 });
      const versions: Buffer[] = [];
      for (const word of ['Positiv', 'Negativ', 'Oförändrad', 'Inget värde']) {
        const { version } = await store.read(REF);
        versions.push(await readFile(path));
        expect(await store.write(REF, write(word), version)).toEqual({ kind: 'written', version: sha256(await readFile(path)) });
      }
      const backups = await listBackups(dir, FILE);
      expect(backups).toHaveLength(2);
      const kept = await Promise.all(backups.map((b) => readFile(join(dir, BACKUP_DIR, b))));
      expect(kept.map((b) => sha256(b))).toEqual(versions.slice(-2).map((b) => sha256(b)));
      expect(findSheet((await store.read(REF)).grid, 'Mätetal')?.rows[1]?.[10]?.value).toBe('Inget värde');
      expect((await store.list()).map((r) => r.id)).toEqual([FILE]);
    }));

  it('the last check before the rename drops the temp file and leaves the original', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = join(dir, 'a.xlsx');
      await writeFile(path, 'old');
      expect(await writeAtomically(path, new TextEncoder().encode('new'), async () => false)).toBe(false);
      expect(await readFile(path, 'utf8')).toBe('old');
      expect(await readdir(dir)).toEqual(['a.xlsx']);
      expect(await writeAtomically(path, new TextEncoder().encode('new'), async () => true)).toBe(true);
      expect(await readFile(path, 'utf8')).toBe('new');
      expect(await readdir(dir)).toEqual(['a.xlsx']);
    } finally {
      await cleanup();
    }
  });

  it('skips a workbook open in Excel, but still reads it', () =>
    withFixture(async (dir, path) => {
      await writeFile(join(dir, `~$${FILE}`), 'owner');
      const store = createXlsxWorkbookStore(dir);
      const { version } = await store.read(REF);
      const before = await readFile(path);
      expect(await store.write(REF, write('Positiv'), version)).toEqual({
        kind: 'skipped',
        reason: "'mall-libreoffice.xlsx' är öppen i Excel (låsfilen ~$mall-libreoffice.xlsx finns) – stäng filen och kör igen",
      });
      expect(sha256(await readFile(path))).toBe(sha256(before));
    }));

  it('refuses a ref outside the folder', () =>
    withFixture(async (dir) => {
      const store = createXlsxWorkbookStore(dir);
      await expect(store.read({ id: '../mall.xlsx', name: 'x' })).rejects.toThrow(/inte en arbetsbok/);
    }));
});

describe('unreadable workbooks', () => {
  it.each([
    ['not a zip', new TextEncoder().encode('hej, detta är text'), "Arbetsboken 'Trasig.xlsx' kunde inte öppnas: filen är inte en giltig .xlsx-fil"],
    ['a truncated zip', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "Arbetsboken 'Trasig.xlsx' kunde inte öppnas: filen är inte en giltig .xlsx-fil"],
    ['password-protected (OLE container)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /lösenordsskyddad/],
  ])('%s → UnreadableWorkbookError naming the file', async (_what, bytes, reason) => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, 'Trasig.xlsx'), bytes);
      const store = createXlsxWorkbookStore(dir);
      const error = await store.read({ id: 'Trasig.xlsx', name: 'Trasig' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreadableWorkbookError);
      expect((error as UnreadableWorkbookError).ref).toEqual({ id: 'Trasig.xlsx', name: 'Trasig' });
      if (typeof reason === 'string') expect((error as UnreadableWorkbookError).reason).toBe(reason);
      else expect((error as UnreadableWorkbookError).reason).toMatch(reason);
    } finally {
      await cleanup();
    }
  });

  it('a file that vanished → UnreadableWorkbookError', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const error = await createXlsxWorkbookStore(dir).read({ id: 'Borta.xlsx', name: 'Borta' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreadableWorkbookError);
      expect((error as Error).message).toBe("Arbetsboken 'Borta.xlsx' kunde inte öppnas: filen finns inte");
    } finally {
      await cleanup();
    }
  });
});

describe('list', () => {
  it('is every .xlsx in the folder but the summary, lock files, temp files and backups, in Swedish order', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const names = ['Ängel.xlsx', 'Zeta.xlsx', 'Åsa.xlsx', 'apa.xlsx', 'Sammanfattning.xlsx', '~$Zeta.xlsx', '.malkoll-tmp-ab12-Zeta.xlsx', '.~lock.Zeta.xlsx#', 'notes.txt', 'Gammal.xls'];
      for (const n of names) await writeFile(join(dir, n), 'x');
      await mkdir(join(dir, BACKUP_DIR));
      await writeFile(join(dir, BACKUP_DIR, 'Zeta.2026-01-01T00-00-00-000Z.xlsx'), 'x');
      await mkdir(join(dir, 'under.xlsx'));
      const refs = await createXlsxWorkbookStore(dir).list();
      expect(refs).toEqual([
        { id: 'apa.xlsx', name: 'apa' },
        { id: 'Zeta.xlsx', name: 'Zeta' },
        { id: 'Åsa.xlsx', name: 'Åsa' },
        { id: 'Ängel.xlsx', name: 'Ängel' },
      ]);
    } finally {
      await cleanup();
    }
  });

  it('drops the last-read copies of workbooks no longer in the set once they are an hour old (B.8)', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, 'Kvar.xlsx'), 'x');
      const folder = join(dir, BACKUP_DIR, 'last-read');
      await mkdir(folder, { recursive: true });
      const copies = ['0123456789abcdef-Kvar.xlsx', '0123456789abcdef-Borta.xlsx', 'fedcba9876543210-Nyss borta.xlsx'];
      for (const c of copies) await writeFile(join(folder, c), 'x');
      const old = new Date(Date.now() - 2 * 3_600_000);
      await utimes(join(folder, copies[0]!), old, old);
      await utimes(join(folder, copies[1]!), old, old);
      await createXlsxWorkbookStore(dir).list();
      expect((await readdir(folder)).sort()).toEqual([copies[0], copies[2]].sort());
    } finally {
      await cleanup();
    }
  });
});

describe('the change log (17 B.5)', () => {
  it('keeps the change log written with the statuses (17 B.5), packed in the state sheet and read back as it was', () =>
    withFixture(async (dir) => {
      const store = createXlsxWorkbookStore(dir);
      expect(store.keepsChangeLog).toBe(true);
      const change = (rowNumber: number, from: string | null, to: string) => ({ workbookId: FILE, workbookName: 'mall-libreoffice', sheet: 'Mätetal', rowNumber, subject: `Mätetal ${rowNumber}`, from, to });
      const changeLog = {
        epoch: '2026-03-01T09:00:00.000Z~abcd1234',
        seq: 3,
        pending: [
          { seq: 1, at: '2026-03-01T09:00:00.000Z', cause: null, change: change(2, null, 'Positiv') },
          { seq: 2, at: '2026-03-01T09:00:00.000Z', cause: null, change: change(3, null, 'Negativ') },
          { seq: 3, at: '2026-03-02T10:00:00.000Z', cause: 'Sparad: mall-libreoffice.xlsx', change: change(2, 'Positiv', 'Oförändrad') },
        ],
      };
      const { version } = await store.read(REF);
      expect((await store.write(REF, plan([], { written: { a: 'b' }, changeLog }), version)).kind).toBe('written');
      expect((await store.read(REF)).grid.state).toEqual({ written: { a: 'b' }, changeLog });
      // stored a run at a time: time, cause and workbook once, each change as a short row
      const json = [...sheetOf(inspectXlsx(await readFile(join(dir, FILE))), '_malkoll').cells.entries()].filter(([a]) => a !== 'A1').map(([, c]) => c.value).join('');
      expect(JSON.parse(json).changeLog.runs).toEqual([
        { at: '2026-03-01T09:00:00.000Z', cause: null, workbookId: FILE, workbookName: 'mall-libreoffice', rows: [[1, 'Mätetal', 2, 'Mätetal 2', null, 'Positiv'], [2, 'Mätetal', 3, 'Mätetal 3', null, 'Negativ']] },
        { at: '2026-03-02T10:00:00.000Z', cause: 'Sparad: mall-libreoffice.xlsx', workbookId: FILE, workbookName: 'mall-libreoffice', rows: [[3, 'Mätetal', 2, 'Mätetal 2', 'Positiv', 'Oförändrad']] },
      ]);
    }));
});
