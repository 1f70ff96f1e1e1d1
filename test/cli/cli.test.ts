/**
 * The `malkoll` command inside the test process (recording console): usage, exit codes, init, recalc
 * twice (the second writes nothing), and watch (a saved workbook is recalculated; our own writes are not
 * taken for a person's).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import XlsxPopulate from 'xlsx-populate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { inspectXlsx, sheetOf } from '../support/xlsx-inspect.ts';

const hash = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'malkoll-cli-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('usage and exit codes', () => {
  it.each([
    [[], 2, /Användning/],
    [['frobnicate', 'x'], 2, /Okänt kommando 'frobnicate'/],
    [['recalc'], 2, /behöver exakt en mapp/],
    [['recalc', 'a', 'b'], 2, /behöver exakt en mapp/],
  ])('%j → exit %i', async (args, code, message) => {
    const io = recordingConsole();
    expect(await runCli(args as string[], io)).toBe(code);
    expect(io.text()).toMatch(message);
  });

  it('recalc of a folder that does not exist cannot run: exit 1, saying why', async () => {
    const io = recordingConsole();
    expect(await runCli(['recalc', path.join(root, 'saknas')], io)).toBe(1);
    expect(io.text()).toMatch(/finns inte.*malkoll init/s);
  });

  it('recalc of a folder without workbooks cannot run: exit 1, saying why', async () => {
    const empty = path.join(root, 'tom');
    await mkdir(empty);
    const io = recordingConsole();
    expect(await runCli(['recalc', empty], io)).toBe(1);
    expect(io.text()).toMatch(/inga arbetsböcker/);
  });
});

describe('init and recalc', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(root, 'demo');
    expect(await runCli(['init', dir], recordingConsole())).toBe(0);
  });

  it('init writes the template outside the set, the demo workbooks and the demo’s approved 2025 report', async () => {
    expect(existsSync(path.join(dir, 'mall', 'Målkoll-mall.xlsx'))).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith('.xlsx')).sort()).toEqual([
      'Hälso- och sjukvården.xlsx',
      'Miljöprogram.xlsx',
      'Sammanfattning 2025 fastställd.xlsx',
      'Social hållbarhet.xlsx',
    ]);
  });

  it('init never overwrites a file', async () => {
    const file = path.join(dir, 'Miljöprogram.xlsx');
    const before = await hash(file);
    const io = recordingConsole();
    expect(await runCli(['init', dir], io)).toBe(0);
    expect(io.text()).toMatch(/finns redan, lämnas orörd/);
    expect(await hash(file)).toBe(before);
  });

  it('recalc writes the statuses and both summary files, and prints where they are', async () => {
    const io = recordingConsole();
    expect(await runCli(['recalc', dir], io)).toBe(0);
    const out = io.text();
    expect(out).toMatch(/Miljöprogram\s+\d+\s+\d+\s+\d+\s+\d+\s+1\s+uppdaterad/);
    expect(out).toMatch(/Samlad bedömning: (Positiv|Oförändrad|Negativ)/);
    expect(out).toMatch(/12 \/ 15/);
    expect(out).toContain(path.join(dir, 'Sammanfattning.xlsx'));
    expect(out).toContain(path.join(dir, 'Sammanfattning.html'));
    expect(existsSync(path.join(dir, 'Sammanfattning.html'))).toBe(true);
    const summary = inspectXlsx(await readFile(path.join(dir, 'Sammanfattning.xlsx')));
    expect(summary.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Sammanfattning', 'Ändringslogg', 'Handlingsplan']));
  });

  it('a second recalc changes no byte of any file', async () => {
    const files = ['Miljöprogram.xlsx', 'Social hållbarhet.xlsx', 'Sammanfattning.xlsx', 'Sammanfattning.html'].map((f) => path.join(dir, f));
    const before = await Promise.all(files.map(hash));
    const io = recordingConsole();
    expect(await runCli(['recalc', dir], io)).toBe(0);
    expect(io.text()).toMatch(/Sammanfattningen var redan aktuell/);
    expect(await Promise.all(files.map(hash))).toEqual(before);
  });
});

describe('watch', () => {
  it('recalculates a saved workbook once, and not again for its own writes', async () => {
    const dir = path.join(root, 'watch');
    expect(await runCli(['init', dir], recordingConsole())).toBe(0);
    const io = recordingConsole();
    const running = runCli(['watch', dir], io);
    await until(() => io.text().includes('Sammanfattningen'), 30_000);

    // a person types a new 2025 outcome for the broken row and saves
    const file = path.join(dir, 'Miljöprogram.xlsx');
    const wb = await XlsxPopulate.fromFileAsync(file);
    const sheet = wb.sheet('Mätetal')!;
    const headers = sheet.row(1);
    let col = 1;
    while (headers.cell(col).value() !== 'Utfall 2025') col++;
    let row = 2;
    while (sheet.cell(row, col).value() !== '12 / 15') row++;
    sheet.cell(row, col).value('75 %');
    await writeFile(file, (await wb.outputAsync()) as Buffer);

    await until(() => io.text().includes('Ändrad: Miljöprogram.xlsx'), 30_000);
    await until(() => (io.text().match(/Sammanfattningen/g) ?? []).length >= 2, 30_000);
    await new Promise((r) => setTimeout(r, 4000)); // long enough for a loop on our own write to show
    io.stop();
    expect(await running).toBe(0);
    expect((io.text().match(/Ändrad:/g) ?? []).length).toBe(1);

    const after = sheetOf(inspectXlsx(await readFile(file)), 'Mätetal');
    const texts = [...after.cells.values()].map((c) => c.value);
    expect(texts).toContain('75 %');
    expect(texts.some((t) => t?.includes('12 / 15'))).toBe(false);
  }, 90_000);
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
