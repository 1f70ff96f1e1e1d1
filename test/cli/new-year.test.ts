/**
 * `malkoll new-year DIR [ÅÅÅÅ]` on real files (domain.md §7): every workbook of the demo set gets `Utfall 2026` in
 * its first column right of the headers that is empty in every row — that header cell and nothing else, byte for
 * byte (an independent package reader compares every part; openpyxl reads the result) — the command says where,
 * a typed Redovisningsår stays as typed and is named, and a second run changes no byte.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { acquireFolderLock } from '../../shared/cli/folder-lock.ts';
import { writeTemplateWorkbook } from '../../shared/adapters/xlsx/create-workbook.ts';
import { demoWorkbooks } from '../../sheets-templates/demo/index.ts';
import { diffOutsideProductCells } from '../support/package-diff.ts';
import { inspectXlsx, rowValues, sheetOf, type InspectedWorkbook } from '../support/xlsx-inspect.ts';
import { openpyxlCells } from '../support/openpyxl.ts';

let root: string;
let dir: string;
const files = () => readdir(dir).then((all) => all.filter((f) => f.endsWith('.xlsx') && !f.startsWith('Sammanfattning')).sort());
const hashes = async () => Object.fromEntries(await Promise.all((await files()).map(async (f) => [f, createHash('sha256').update(await readFile(path.join(dir, f))).digest('hex')])));

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'malkoll-new-year-'));
  dir = path.join(root, 'set');
  await mkdir(dir);
  // the demo set with one workbook whose Redovisningsår is typed (2025)
  for (const wb of demoWorkbooks()) {
    const typed = wb.fileName === 'Social hållbarhet.xlsx';
    const sheets = typed
      ? wb.sheets.map((s) => (s.name === 'Inställningar' ? { ...s, rows: [...s.rows, ['Redovisningsår', 2025]] } : s))
      : wb.sheets;
    await writeTemplateWorkbook(path.join(dir, wb.fileName), { ...wb, sheets });
  }
  expect(await runCli(['recalc', dir], recordingConsole())).toBe(0);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('new-year DIR', () => {
  let before: Record<string, Buffer>;
  let after: Record<string, Buffer>;
  let out: string;
  beforeAll(async () => {
    before = Object.fromEntries(await Promise.all((await files()).map(async (f) => [f, await readFile(path.join(dir, f))])));
    const io = recordingConsole();
    expect(await runCli(['new-year', dir], io)).toBe(0);
    out = io.text();
    after = Object.fromEntries(await Promise.all((await files()).map(async (f) => [f, await readFile(path.join(dir, f))])));
  });

  it('chooses the year after the latest with an outcome, and says where each column went', () => {
    expect(out).toContain('Nytt år: Utfall 2026 (senaste året med utfall är 2025)');
    expect(out).toMatch(/\+ Miljöprogram: 'Utfall 2026' i kolumn [A-Z]+ på bladet Mätetal \(rubrik i [A-Z]+1\), första tomma kolumnen till höger om rubrikerna/);
    expect(out).toMatch(/\+ Social hållbarhet: 'Utfall 2026' i kolumn/);
    expect(out).toContain('Redovisningsår är inskrivet som 2025 i Social hållbarhet och ändras inte');
    expect(out).toContain('Ingen omräkning gjordes');
  });

  it('writes the header cell and nothing else: every other part and cell as it was, no recalculation flag', () => {
    for (const file of Object.keys(before)) {
      const wb = inspectXlsx(after[file]!);
      const metrics = sheetOf(wb, 'Mätetal');
      const headers = rowValues(metrics, 1);
      const column = headers.indexOf('Utfall 2026') + 1;
      expect(column, file).toBeGreaterThan(0);
      // right of every other header, and nothing below it
      expect(headers.slice(column).filter((h) => h !== null), file).toEqual([]);
      const letter = letterOf(column);
      expect([...metrics.cells.keys()].filter((ref) => ref.replace(/\d+$/, '') === letter), file).toEqual([`${letter}1`]);
      const diff = diffOutsideProductCells(before[file]!, after[file]!, (part) => (part === metrics.path ? new Set([`${letter}1`]) : null));
      expect(diff, file).toEqual({ changedEntries: [], missingEntries: [], sheetDifferences: [] });
      // the bookkeeping parts too: no style added (the header copies the last year's), no calcPr, no state
      for (const part of ['xl/workbook.xml', 'xl/styles.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels']) {
        expect(entry(after[file]!, part), `${file} ${part}`).toEqual(entry(before[file]!, part));
      }
    }
  });

  it('gives the header the look of the last year’s header', () => {
    const wb: InspectedWorkbook = inspectXlsx(after['Miljöprogram.xlsx']!);
    const metrics = sheetOf(wb, 'Mätetal');
    const headers = rowValues(metrics, 1);
    const cellAt = (header: string) => metrics.cells.get(`${letterOf(headers.indexOf(header) + 1)}1`);
    expect(cellAt('Utfall 2026')?.style).toBe(cellAt('Utfall 2025')?.style);
  });

  it('opens in openpyxl with the new header', async () => {
    const file = path.join(dir, 'Miljöprogram.xlsx');
    const headers = rowValues(sheetOf(inspectXlsx(await readFile(file)), 'Mätetal'), 1);
    const ref = `${letterOf(headers.indexOf('Utfall 2026') + 1)}1`;
    const read = await openpyxlCells([file], { Mätetal: [ref] });
    expect(read[file]!.error ?? null).toBeNull();
    expect(read[file]!.cells[`Mätetal!${ref}`]?.value).toBe('Utfall 2026');
  });

  it('run twice, the second run changes no byte', async () => {
    const first = await hashes();
    const io = recordingConsole();
    expect(await runCli(['new-year', dir], io)).toBe(0);
    expect(io.text()).toContain("har redan 'Utfall 2026' – inget ändrat");
    expect(io.text()).toContain('Inget ändrades.');
    expect(await hashes()).toEqual(first);
  });

  it('a given year is used as given; a bad one is a usage error', async () => {
    const copy = path.join(root, 'copy');
    await mkdir(copy);
    await copyFile(path.join(dir, 'Miljöprogram.xlsx'), path.join(copy, 'Miljöprogram.xlsx'));
    const io = recordingConsole();
    expect(await runCli(['new-year', copy, '2027'], io)).toBe(0);
    expect(io.text()).toContain('Nytt år: Utfall 2027 (angivet på kommandoraden)');
    const bad = recordingConsole();
    expect(await runCli(['new-year', copy, '27'], bad)).toBe(2);
    expect(bad.text()).toContain("'27' är inget år");
  });

  it('waits while another run holds the folder, saying so, and adds the column once it is free', async () => {
    const copy = path.join(root, 'låst');
    await mkdir(copy);
    for (const f of await files()) await copyFile(path.join(dir, f), path.join(copy, f));
    const other = await acquireFolderLock(copy, { command: 'recalc' });
    const io = recordingConsole();
    const running = runCli(['new-year', copy, '2028'], io);
    for (let i = 0; i < 100 && !io.text().includes('En annan körning av Målkoll (recalc'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(io.text()).toMatch(/En annan körning av Målkoll \(recalc .*\) pågår i .* sedan .*; väntar upp till 10 s/);
    expect(io.text()).not.toContain("'Utfall 2028' i kolumn");
    await other.release();
    expect(await running).toBe(0);
    expect(io.text()).toMatch(/\+ Miljöprogram: 'Utfall 2028' i kolumn/);
  });

  it('the next recalculation reads the new column, and the reporting year stays until outcomes come', async () => {
    const io = recordingConsole();
    expect(await runCli(['recalc', dir], io)).toBe(0);
    expect(io.text()).toMatch(/Redovisningsår: 2025/);
  });
});

/** A part's text (fflate, not the adapter's reader). */
function entry(bytes: Buffer, part: string): string | null {
  const files = unzipSync(bytes);
  return files[part] ? strFromU8(files[part]!) : null;
}

/** `A`, `Z`, `AB`: a 1-based column as a person names it. */
function letterOf(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
