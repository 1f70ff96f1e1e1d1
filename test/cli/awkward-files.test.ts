/**
 * Issue 17 C.9–C.11 through `malkoll` on real files: one awkward file never stops or silently shrinks the run.
 * A name of 240 bytes, a folder nobody may write in (a child process as an unprivileged user), a full disk (the
 * write fails with ENOSPC through the run's seams), a workbook given instead of a folder; files beside the set
 * that are not read (.xls, .xlsb, .ods, a link, sub-folders) named in the report and in Datakvalitet; what an
 * interrupted run leaves behind cleared by the next; a second Ctrl-C in `watch` waiting for the write.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_DIR, listBackups } from '../../shared/adapters/xlsx/index.ts';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { LOCK_FILE } from '../../shared/cli/folder-lock.ts';
import type { LocalRunOptions } from '../../shared/cli/local-set.ts';
import { inspectXlsx, sheetOf } from '../support/xlsx-inspect.ts';
import { expectEveryChangeOnce, flip, statusesOf, writeFlipSet } from './support/flip-set.ts';
import { NODE, spawnCli } from './support/spawn-cli.ts';

let root: string;
let counter = 0;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'malkoll-awkward-files-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function newSet(goalAreas = ['Klimat', 'Resor']): Promise<{ dir: string; files: string[] }> {
  const dir = path.join(root, `set-${++counter}`);
  await mkdir(dir);
  return { dir, files: await writeFlipSet(dir, goalAreas) };
}

async function recalc(dir: string, local: LocalRunOptions = {}): Promise<{ code: number; out: string }> {
  const io = recordingConsole();
  const code = await runCli(['recalc', dir], io, { local });
  return { code, out: io.text() };
}

const summaryTexts = async (dir: string) =>
  [...sheetOf(inspectXlsx(await readFile(path.join(dir, 'Sammanfattning.xlsx'))), 'Sammanfattning').cells.values()].map((c) => String(c.value ?? ''));
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:|ENOENT|EACCES|ENOSPC|ENAMETOOLONG/);
const fsError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code, syscall: 'write' });

describe('a workbook whose name is 240 bytes (C.9)', () => {
  it('is written, backed up and summarised like the others, and the workbooks after it too', async () => {
    const long = `Mål ${'Ö'.repeat(115)}`;
    expect(Buffer.byteLength(`${long}.xlsx`)).toBe(240);
    const { dir, files } = await newSet(['Klimat', long, 'Resor']);
    const first = await recalc(dir);
    expect(first.code, first.out).toBe(0);
    noStackTrace(first.out);
    for (const file of files) await flip(dir, file);
    const second = await recalc(dir);
    expect(second.code, second.out).toBe(0);
    for (const name of ['Klimat', long, 'Resor']) expect(second.out).toMatch(new RegExp(`${name}\\s+(\\d+\\s+){5}uppdaterad`));
    expect(await listBackups(dir, `${long}.xlsx`)).toHaveLength(2);
    expect(await summaryTexts(dir)).toContain(long);
    await expectEveryChangeOnce(dir, files);
  });
});

describe('a workbook named instead of a folder (C.9)', () => {
  it.each([
    ['recalc', 'Klimat.xlsx', /'.*Klimat\.xlsx' är en fil, inte en mapp: 'recalc' arbetar på alla arbetsböcker i en mapp, t\.ex\. malkoll recalc /],
    ['watch', 'Klimat.xlsx', /är en fil, inte en mapp: 'watch'/],
    ['init', 'Klimat.xlsx', /är en fil, inte en mapp: 'init'/],
    ['demo', 'Klimat.xlsx', /är en fil, inte en mapp: 'demo'/],
    ['init', 'Ny.xlsx', /'.*Ny\.xlsx' finns inte och ser ut som en fil: 'init' behöver mappen som arbetsböckerna ligger i/],
    ['recalc', 'Saknas.xlsm', /finns inte och ser ut som en fil: 'recalc'/],
  ])('%s %s is a usage error: exit 2, in Swedish, nothing written', async (command, file, message) => {
    const { dir } = await newSet(['Klimat']);
    const before = await readdir(dir);
    const bytes = await readFile(path.join(dir, 'Klimat.xlsx'));
    const io = recordingConsole();
    expect(await runCli([command, path.join(dir, file)], io)).toBe(2);
    expect(io.text()).toMatch(message);
    expect(io.text()).toContain('Användning: malkoll');
    noStackTrace(io.text());
    expect(await readdir(dir)).toEqual(before);
    expect(await readFile(path.join(dir, 'Klimat.xlsx'))).toEqual(bytes);
  });
});

describe('a folder nobody running the command may write in (C.9)', () => {
  it('every workbook is read and reported, each refusal is in Swedish naming its file, and the run exits 1', { timeout: 60_000 }, async () => {
    const { dir } = await newSet();
    for (const name of await readdir(dir)) await chmod(path.join(dir, name), 0o666);
    await chmod(root, 0o755);
    const asRoot = process.getuid?.() === 0;
    // root writes anywhere: the command runs as the unprivileged user `nobody`, for whom the folder is read-only
    if (!asRoot) await chmod(dir, 0o555);
    const run = await spawnCli(['recalc', dir], {}, asRoot ? { uid: 65534, gid: 65534 } : {});
    if (!asRoot) await chmod(dir, 0o755);
    const text = `${run.stdout}\n${run.stderr}`;
    expect(run.code, text).toBe(1);
    expect(text).toContain(`! ${dir}: mappen går inte att skriva i (behörighet saknas) – arbetsböckerna räknas om, men inget kan skrivas`);
    expect(text).toMatch(/Klimat\s+0\s+0\s+0\s+0\s+0\s+hoppades över|Klimat\s+4\s+0\s+0\s+0\s+0\s+hoppades över/);
    expect(text).toContain("! Klimat: 'Klimat.xlsx' kunde inte skrivas: behörighet saknas i mappen");
    expect(text).toContain("! Resor: 'Resor.xlsx' kunde inte skrivas: behörighet saknas i mappen");
    expect(text).toContain("! Sammanfattningen skrevs inte: 'Sammanfattning.xlsx' kunde inte skrivas: behörighet saknas i mappen");
    expect(text).toContain("malkoll recalc: sammanfattningen skrevs inte: 'Sammanfattning.xlsx' kunde inte skrivas: behörighet saknas i mappen");
    noStackTrace(text);
    expect((await readdir(dir)).sort()).toEqual(['Klimat.xlsx', 'Resor.xlsx']);
  });
});

describe('a full disk (C.9)', () => {
  it('the workbook that cannot be written and the summary say so in Swedish; the others are written; the next run catches up', async () => {
    const { dir, files } = await newSet(['Klimat', 'Resor']);
    expect((await recalc(dir)).code).toBe(0);
    for (const file of files) await flip(dir, file);
    let workbookWrites = 0;
    const full = await recalc(dir, {
      // the first workbook's temp file and the summary's run out of space
      replaceHook: (step) => {
        if (step === 'temp-written' && ++workbookWrites === 1) throw fsError('ENOSPC');
      },
      summaryHook: (file, step) => {
        if (file === 'Sammanfattning.xlsx' && step === 'temp-written') throw fsError('ENOSPC');
      },
    });
    expect(full.code).toBe(1);
    expect(full.out).toContain("! Klimat: 'Klimat.xlsx' kunde inte skrivas: disken är full");
    expect(full.out).toMatch(/Resor\s+(\d+\s+){5}uppdaterad/);
    expect(full.out).toContain("! Sammanfattningen skrevs inte: 'Sammanfattning.xlsx' kunde inte skrivas: disken är full");
    noStackTrace(full.out);
    expect((await readdir(dir)).filter((n) => n.startsWith('.malkoll-tmp-'))).toEqual([]);

    const next = await recalc(dir);
    expect(next.code, next.out).toBe(0);
    expect(next.out).toMatch(/Klimat\s+(\d+\s+){5}uppdaterad/);
    await expectEveryChangeOnce(dir, files);
  });
});

describe('files beside the set that are not read (C.10)', () => {
  it('are named with why in the run’s report and in Datakvalitet; the product’s own files are not', async () => {
    const { dir, files } = await newSet(['Klimat', 'Resor']);
    const klimat = path.join(dir, 'Klimat.xlsx');
    await copyFile(klimat, path.join(dir, 'Gamla siffror.xls'));
    await writeFile(path.join(dir, 'Enkät.ods'), 'ods');
    await writeFile(path.join(dir, 'Binär.xlsb'), 'xlsb');
    await symlink(klimat, path.join(dir, 'Länk till Klimat.xlsx'));
    await mkdir(path.join(dir, 'arkiv', '2024'), { recursive: true });
    await copyFile(klimat, path.join(dir, 'arkiv', 'Resor 2024.xlsx'));
    await copyFile(klimat, path.join(dir, 'arkiv', '2024', 'Gammal.xls'));
    // the product's own and a program's files: never listed
    await mkdir(path.join(dir, 'mall'));
    await copyFile(klimat, path.join(dir, 'mall', 'Målkoll-mall.xlsx'));
    await writeFile(path.join(dir, '~$Annan.xlsx'), 'lås');
    await writeFile(path.join(dir, 'Anteckningar.txt'), 'text');
    expect((await recalc(dir)).code).toBe(0);
    for (const file of files) await flip(dir, file);

    const { code, out } = await recalc(dir);
    expect(code, out).toBe(0);
    const listed = out.split('\n').filter((l) => l.startsWith('– Läses inte: '));
    expect(listed).toEqual([
      "– Läses inte: 'Binär.xlsb': binära Excel-arbetsböcker (.xlsb) läses inte – spara den som .xlsx så tas den med",
      "– Läses inte: 'Enkät.ods': OpenDocument-kalkylblad (.ods) läses inte – spara den som .xlsx i LibreOffice så tas den med",
      "– Läses inte: 'Gamla siffror.xls': det äldre Excel-formatet (.xls) läses inte – spara den som .xlsx (Arkiv → Spara som) så tas den med",
      "– Läses inte: 'Länk till Klimat.xlsx' är en länk och läses inte: Målkoll skriver bara i vanliga filer (att skriva genom länken skulle ersätta den med en fil) – lägg arbetsboken själv i mappen",
      "– Läses inte: 'arkiv/2024/Gammal.xls' ligger i undermappen 'arkiv/2024' och läses inte: bara arbetsböcker direkt i mappen räknas om – flytta den dit så tas den med",
      "– Läses inte: 'arkiv/Resor 2024.xlsx' ligger i undermappen 'arkiv' och läses inte: bara arbetsböcker direkt i mappen räknas om – flytta den dit så tas den med",
    ]);
    // backups and last-read copies exist by now, and are not listed
    expect((await readdir(path.join(dir, BACKUP_DIR))).length).toBeGreaterThan(0);
    const texts = await summaryTexts(dir);
    expect(texts).toContain('Filer i mappen som inte läses (6)');
    expect(texts).toContain('arkiv/Resor 2024.xlsx');
    expect(texts.some((t) => t.includes('Gamla siffror.xls') && t.includes('.xls'))).toBe(true);
    expect(texts.some((t) => t.includes('Målkoll-mall') || t.includes('Annan') || t.includes('Anteckningar') || t.includes(BACKUP_DIR))).toBe(false);
    expect((await lstat(path.join(dir, 'Länk till Klimat.xlsx'))).isSymbolicLink()).toBe(true);

    // nothing changed: the shortcut reports the last run, the left-out files included
    expect((await recalc(dir)).out).toContain("– Läses inte: 'Gamla siffror.xls'");
    // a new one beside an unchanged set is a change: named, and the summary says so
    await writeFile(path.join(dir, 'Ny.xls'), 'xls');
    const withNew = await recalc(dir);
    expect(withNew.out).toContain("– Läses inte: 'Ny.xls'");
    expect(withNew.out).toMatch(/Sammanfattningen uppdaterad/);
    expect(await summaryTexts(dir)).toContain('Filer i mappen som inte läses (7)');
  });
});

describe('what an interrupted run leaves behind (C.11)', () => {
  it('temp files, an earlier version’s temp names and a dead run’s lock are cleared at the next run', async () => {
    const { dir, files } = await newSet();
    expect((await recalc(dir)).code).toBe(0);
    const dead = await deadPid();
    const leftovers = [
      '.malkoll-tmp-0123456789ab-Klimat.xlsx',
      '.malkoll-tmp-abcdefabcdef-Sammanfattning.xlsx',
      '.malkoll-tmp-abcdefabcdef-Sammanfattning.html',
      'Sammanfattning.xlsx.4242.k3j2h1.tmp',
      'Sammanfattning.html.4242.k3j2h1.tmp',
      `${LOCK_FILE}.0a1b2c3d4e5f`,
      path.join(BACKUP_DIR, '.malkoll-tmp-0123456789ab-x-Klimat.xlsx'),
      path.join(BACKUP_DIR, 'last-read', '.malkoll-tmp-0123456789ab-abc-Klimat.xlsx'),
    ];
    for (const name of leftovers) await writeFile(path.join(dir, name), 'halv');
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), user: 'anna', since: '2026-03-01T09:00:00Z', command: 'recalc', token: 'x' }));
    for (const file of files) await flip(dir, file);

    const { code, out } = await recalc(dir);
    expect(code, out).toBe(0);
    expect(out).not.toMatch(/En annan körning/);
    for (const name of [...leftovers, LOCK_FILE]) expect(existsSync(path.join(dir, name)), name).toBe(false);
    await expectEveryChangeOnce(dir, files);
  });
});

describe('Ctrl-C twice in watch while it writes (C.11)', () => {
  it('finishes the write, then exits 0: both workbooks and the summary written, nothing left behind', { timeout: 90_000 }, async () => {
    const { dir, files } = await newSet();
    expect((await recalc(dir)).code).toBe(0);
    const before = statusesOf(await readFile(path.join(dir, 'Resor.xlsx'))).get('Mätetal|2');
    for (const file of files) await flip(dir, file);
    // the first workbook's new file is written when both Ctrl-C arrive
    const run = await spawnCli(['watch', dir], { interruptAt: 'workbook:temp-written' });
    expect(run.signal, run.stderr).toBeNull();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Avslutar när omräkningen som pågår är klar');
    expect(run.stderr).toContain('Målkoll avslutar så snart det som skrivs nu är skrivet – vänta.');
    expect(run.stdout).toMatch(/Sammanfattningen uppdaterad/);
    expect(statusesOf(await readFile(path.join(dir, 'Resor.xlsx'))).get('Mätetal|2')).not.toBe(before);
    await expectEveryChangeOnce(dir, files);
    const names = [...(await readdir(dir)), ...(await readdir(path.join(dir, BACKUP_DIR)))];
    expect(names.filter((n) => n.startsWith('.malkoll-tmp-') || n.endsWith('.malkoll-journal') || n.startsWith(LOCK_FILE))).toEqual([]);
  });
});

/** The id of a process that has ended. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['-e', '0']);
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid!));
  });
}
