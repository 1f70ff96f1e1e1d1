/**
 * A run that finds every workbook as the last complete run left it, on the same day, with the same code,
 * reports that run without reading a workbook; anything else runs in full. Through recalcSet with the real
 * local stores, the workbook store wrapped only to count its reads.
 */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createXlsxWorkbookStore } from '../../shared/adapters/xlsx/index.ts';
import { createXlsxSummaryStore } from '../../shared/adapters/xlsx/summary-store.ts';
import { recalcSet } from '../../shared/app/recalc-set.ts';
import type { WorkbookStore } from '../../shared/ports.ts';
import { generatedWorkbook, SIMPLE } from '../adapters/xlsx/generated-workbook.ts';
import { tempDir } from '../adapters/xlsx/helpers.ts';

const DAY = new Date('2026-03-02T09:00:00Z');
const NEXT_DAY = new Date('2026-03-03T09:00:00Z');

function counting(store: WorkbookStore): WorkbookStore & { reads: number } {
  const counted = {
    reads: 0,
    list: () => store.list(),
    read: (ref: Parameters<WorkbookStore['read']>[0]) => {
      counted.reads++;
      return store.read(ref);
    },
    write: store.write.bind(store),
    versions: store.versions!.bind(store),
  };
  return counted;
}

async function run(dir: string, options: { at?: Date; code?: string } = {}) {
  const store = counting(createXlsxWorkbookStore(dir));
  const report = await recalcSet({ store, summary: createXlsxSummaryStore(dir), now: () => options.at ?? DAY, codeVersion: options.code ?? 'kod-1' });
  return { report, reads: store.reads };
}

async function withSet(fn: (dir: string) => Promise<void>): Promise<void> {
  const { dir, cleanup } = await tempDir();
  try {
    await writeFile(join(dir, 'Arbetsbok.xlsx'), generatedWorkbook(SIMPLE));
    await fn(dir);
  } finally {
    await cleanup();
  }
}

describe('nothing changed since the last complete run', () => {
  it('reads no workbook and reports what the last run found', () =>
    withSet(async (dir) => {
      const first = await run(dir);
      expect(first.report.workbooks.map((w) => w.outcome)).toEqual(['written']);
      const summary = await readFile(join(dir, 'Sammanfattning.xlsx'));
      const second = await run(dir);
      expect(second.reads).toBe(0);
      expect(second.report).toEqual({ ...first.report, summary: 'unchanged', changes: 0, workbooks: first.report.workbooks.map((w) => ({ ...w, outcome: 'unchanged', cellsWritten: 0 })) });
      expect((await readFile(join(dir, 'Sammanfattning.xlsx'))).equals(summary)).toBe(true);
    }));

  it.each([
    ['a workbook changed', async (dir: string) => {
      await writeFile(join(dir, 'Arbetsbok.xlsx'), generatedWorkbook({ ...SIMPLE, metrics: SIMPLE.metrics.map((m) => ({ ...m, b: 999 })) }));
      return {};
    }],
    ['it is another day', async () => ({ at: NEXT_DAY })],
    ['the code changed', async () => ({ code: 'kod-2' })],
    ['a workbook was added', async (dir: string) => {
      await writeFile(join(dir, 'Ny.xlsx'), generatedWorkbook(SIMPLE));
      return {};
    }],
  ])('runs in full when %s', (_what, change) =>
    withSet(async (dir) => {
      await run(dir);
      const options = await change(dir);
      expect((await run(dir, options)).reads).toBeGreaterThan(0);
    }));

  it('runs in full after a run that could not write a workbook (open in Excel), until it has', () =>
    withSet(async (dir) => {
      await writeFile(join(dir, '~$Arbetsbok.xlsx'), 'låst');
      expect((await run(dir)).report.workbooks.map((w) => w.outcome)).toEqual(['skipped']);
      expect((await run(dir)).reads).toBe(1);
      const { rm } = await import('node:fs/promises');
      await rm(join(dir, '~$Arbetsbok.xlsx'));
      expect((await run(dir)).report.workbooks.map((w) => w.outcome)).toEqual(['written']);
      expect((await run(dir)).reads).toBe(0);
    }));

  it('remembers a run whose summary did not change, by updating only the summary\'s state', () =>
    withSet(async (dir) => {
      await run(dir);
      // new code that finds the same results: nothing to write but the memory of this run
      const third = await run(dir, { code: 'kod-3' });
      expect(third.reads).toBe(1);
      expect(third.report.summary).toBe('unchanged');
      expect((await run(dir, { code: 'kod-3' })).reads).toBe(0);
    }));
});
