/**
 * Issue 17 B.8 through `malkoll recalc` on real files: a workbook caught in the middle of a slow save that writes
 * over the file in place. The read is retried for a couple of seconds; a save that ends meanwhile is read as
 * saved. One still unreadable keeps its last known results in the summary (its goal area stays), marked in
 * Datakvalitet with since when, and is not written; once readable it is back to normal. The retries are driven
 * through the run's seams where the test needs a save to end at a given retry, and by a real slow save in another
 * process where only the outcome matters.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import type { LocalRunOptions } from '../../shared/cli/local-set.ts';
import { inspectXlsx, sheetOf } from '../support/xlsx-inspect.ts';
import { expectEveryChangeOnce, flip, statusesOf, writeFlipSet } from './support/flip-set.ts';
import { NODE } from './support/spawn-cli.ts';

let dir: string;
let files: string[];
const klimat = () => path.join(dir, 'Klimat.xlsx');

async function recalc(local: LocalRunOptions = {}): Promise<string> {
  const io = recordingConsole();
  expect(await runCli(['recalc', dir], io, { local })).toBe(0);
  return io.text();
}

/** The texts of the summary workbook's Sammanfattning sheet. */
async function summaryTexts(): Promise<string[]> {
  const wb = inspectXlsx(await readFile(path.join(dir, 'Sammanfattning.xlsx')));
  return [...sheetOf(wb, 'Sammanfattning').cells.values()].map((c) => String(c.value ?? ''));
}

/** A save caught halfway: the first half of the new bytes over the old file, just written. */
async function halfSaved(): Promise<Buffer> {
  const full = await readFile(klimat());
  await writeFile(klimat(), full.subarray(0, Math.floor(full.length / 2)));
  return full;
}

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'malkoll-mid-save-'));
  dir = path.join(root, 'set');
  await mkdir(dir);
  files = await writeFlipSet(dir, ['Klimat', 'Resor']);
  await recalc();
});
afterAll(() => rm(path.dirname(dir), { recursive: true, force: true }));

describe('a workbook caught mid-save (B.8)', () => {
  it('is read again, and read as saved once the save ends during the retries', async () => {
    const before = statusesOf(await readFile(klimat())).get('Mätetal|2');
    await flip(dir, 'Klimat.xlsx');
    const full = await halfSaved();
    const retries: number[] = [];
    const out = await recalc({
      readRetryHook: async (file, retry) => {
        retries.push(retry);
        if (file === 'Klimat.xlsx' && retry === 2) await writeFile(klimat(), full);
      },
    });
    expect(retries).toEqual([1, 2]);
    expect(out).not.toMatch(/kunde inte/);
    expect(out).toMatch(/Klimat\s+.*uppdaterad/);
    expect(statusesOf(await readFile(klimat())).get('Mätetal|2')).not.toBe(before);
    expect(await summaryTexts()).toContain('Klimat');
    await expectEveryChangeOnce(dir, files);
  });

  it('one still unreadable keeps its last known results in the summary, marked with since when, and is not written', async () => {
    const full = await readFile(klimat());
    const lastKnown = statusesOf(full);
    const half = (await halfSaved()).subarray(0, Math.floor(full.length / 2));

    const out = await recalc({ readRetryDelaysMs: [10, 10] });
    const line = /! Klimat: Arbetsboken 'Klimat\.xlsx' kunde inte öppnas: filen är inte en giltig \.xlsx-fil – sammanfattningen visar dess senast kända resultat, från versionen som lästes \d{4}-\d\d-\d\d \d\d:\d\d; oläsbar sedan (\d{4}-\d\d-\d\d \d\d:\d\d)/;
    expect(out).toMatch(line);
    expect(out).toMatch(/Klimat\s+0\s+0\s+4\s+0\s+0\s+kunde inte läsas/);
    expect(await readFile(klimat())).toEqual(half);
    const texts = await summaryTexts();
    // the goal area is still there, with the results it had, and Datakvalitet says why
    expect(texts).toContain('Klimat');
    expect(texts.some((t) => t.includes('Klimat mätetal 1'))).toBe(true);
    expect(texts.some((t) => /senast kända resultat.*oläsbar sedan/.test(t))).toBe(true);
    expect(lastKnown.get('Mätetal|2')).toBe('Negativ');

    // a later run still shows it the same way, since the same time: nothing in the summary changes
    const again = await recalc({ readRetryDelaysMs: [10] });
    expect(again.match(line)?.[1]).toBe(out.match(line)?.[1]);
    expect(again).toMatch(/Sammanfattningen var redan aktuell/);

    // the save ends: back to normal
    await writeFile(klimat(), full);
    const normal = await recalc();
    expect(normal).not.toMatch(/kunde inte|senast kända/);
    expect((await summaryTexts()).some((t) => t.includes('senast kända'))).toBe(false);
    await expectEveryChangeOnce(dir, files);
  });

  it('while a real slow save runs in another process, the goal area never leaves the summary', { timeout: 120_000 }, async () => {
    const outcomes: string[] = [];
    for (let trial = 0; trial < 3; trial++) {
      await flip(dir, 'Klimat.xlsx');
      const source = path.join(path.dirname(dir), 'ny-version.xlsx');
      await writeFile(source, await readFile(klimat()));
      const marker = `${klimat()}.saving`;
      await rm(marker, { force: true });
      const saving = new Promise<number | null>((resolve, reject) => {
        const child = spawn(NODE, [path.join(import.meta.dirname, 'support/slow-save.ts'), klimat(), source, '8', String(150 + trial * 150)], { stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', (code) => resolve(code));
      });
      while (!existsSync(marker)) await new Promise((r) => setTimeout(r, 20));
      const out = await recalc();
      outcomes.push(/senast kända/.test(out) ? 'last known results' : /kunde inte/.test(out) ? 'dropped' : 'read after retries');
      expect(await summaryTexts()).toContain('Klimat');
      expect(await saving).toBe(0);
      await rm(marker, { force: true });
    }
    expect(outcomes).not.toContain('dropped');
    console.log(`slow saves: ${outcomes.join(', ')}`);
    await recalc();
    await expectEveryChangeOnce(dir, files);
  });
});
