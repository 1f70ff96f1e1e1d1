/**
 * Issue 17 B.6 through `malkoll recalc` on real files: Sammanfattning.xlsx and Sammanfattning.html both carry the
 * content hash, and a run that finds either one missing, or the page not carrying the workbook's hash (a run
 * stopped between the two writes), writes them again, even when no workbook changed (the no-change shortcut
 * included). A kill between the two writes is in change-log-local.test.ts; here the files are left as such a
 * stop leaves them.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChangeLog, readSummaryState } from '../../shared/adapters/xlsx/summary-read.ts';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { flip, writeFlipSet } from './support/flip-set.ts';

let dir: string;
let files: string[];
const xlsx = () => path.join(dir, 'Sammanfattning.xlsx');
const html = () => path.join(dir, 'Sammanfattning.html');

async function recalc(): Promise<string> {
  const io = recordingConsole();
  expect(await runCli(['recalc', dir], io)).toBe(0);
  return io.text();
}

/** The page carries the workbook's hash, and shows the statuses the workbooks have now. */
async function expectCurrent(): Promise<void> {
  const state = readSummaryState(await readFile(xlsx()));
  expect(await readFile(html(), 'utf8')).toContain(`<meta name="malkoll-content-hash" content="${state!.contentHash}">`);
}

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'malkoll-summary-files-'));
  dir = path.join(root, 'set');
  await mkdir(dir);
  files = await writeFlipSet(dir, ['Klimat', 'Resor']);
  expect(await recalc()).toMatch(/Sammanfattningen uppdaterad/);
});
afterAll(() => rm(path.dirname(dir), { recursive: true, force: true }));

describe('both summary files are current after every run (B.6)', () => {
  it('a page left from before the last change (the run stopped between the two files) is written again', async () => {
    await copyFile(html(), `${html()}.gammal`);
    for (const file of files) await flip(dir, file);
    expect(await recalc()).toMatch(/Sammanfattningen uppdaterad/);
    const rows = readChangeLog(await readFile(xlsx())).length;
    await copyFile(`${html()}.gammal`, html());
    await rm(`${html()}.gammal`);

    // nothing changed in the workbooks since: the page alone is behind
    const out = await recalc();
    expect(out).toMatch(/Sammanfattningen uppdaterad/);
    await expectCurrent();
    expect(readChangeLog(await readFile(xlsx())).length).toBe(rows);
    expect(await recalc()).toMatch(/Sammanfattningen var redan aktuell/);
  });

  it('a missing page is written again', async () => {
    await rm(html());
    expect(await recalc()).toMatch(/Sammanfattningen uppdaterad/);
    await expectCurrent();
  });

  it('a missing summary workbook is written again, with its Ändringslogg started afresh', async () => {
    await rm(xlsx());
    expect(await recalc()).toMatch(/Sammanfattningen uppdaterad/);
    await expectCurrent();
    expect(await recalc()).toMatch(/Sammanfattningen var redan aktuell/);
  });
});
