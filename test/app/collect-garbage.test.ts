/**
 * The full collections a run asks for (RecalcDeps.collectGarbage): once the workbooks are read, and once they are
 * written and let go, before the summary is written; none in a run that finds nothing changed. Through recalcSet
 * with the real local stores, each wrapped only to record when it is called. And the CLI's collector exists only
 * in a Node started with `--expose-gc`, as the `start` and `malkoll` scripts start it.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createXlsxWorkbookStore } from '../../shared/adapters/xlsx/index.ts';
import { createXlsxSummaryStore } from '../../shared/adapters/xlsx/summary-store.ts';
import { recalcSet } from '../../shared/app/recalc-set.ts';
import type { SummaryStore, WorkbookStore } from '../../shared/ports.ts';
import { generatedWorkbook, SIMPLE } from '../adapters/xlsx/generated-workbook.ts';
import { tempDir } from '../adapters/xlsx/helpers.ts';

const ROOT = join(import.meta.dirname, '../..');

async function runRecording(dir: string, events: string[]) {
  const store: WorkbookStore = createXlsxWorkbookStore(dir);
  const summary: SummaryStore = createXlsxSummaryStore(dir);
  const recorded: WorkbookStore = {
    ...store,
    list: () => store.list(),
    read: async (ref) => {
      events.push('read');
      return store.read(ref);
    },
    write: async (...args) => {
      events.push('write');
      return store.write(...args);
    },
    versions: store.versions!.bind(store),
  };
  const recordedSummary: SummaryStore = {
    ...summary,
    readState: (...args) => summary.readState(...args),
    write: async (...args) => {
      events.push('summary');
      return summary.write(...args);
    },
    location: () => summary.location(),
  };
  return recalcSet({
    store: recorded,
    summary: recordedSummary,
    now: () => new Date('2026-03-02T09:00:00Z'),
    codeVersion: 'kod-1',
    collectGarbage: () => events.push('gc'),
  });
}

describe('full collections between a run\'s phases', () => {
  it('come after the reads and after the writes, before the summary; none when nothing changed', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, 'Arbetsbok.xlsx'), generatedWorkbook(SIMPLE));
      await writeFile(join(dir, 'Andra.xlsx'), generatedWorkbook(SIMPLE));
      const first: string[] = [];
      const report = await runRecording(dir, first);
      expect(report.workbooks.map((w) => w.outcome)).toEqual(['written', 'written']);
      expect(first).toEqual(['read', 'read', 'gc', 'write', 'write', 'gc', 'summary']);
      const again: string[] = [];
      await runRecording(dir, again);
      expect(again).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it('the CLI has a collector only when Node exposes gc, and the scripts users run expose it', () => {
    const probe = "const { fullCollection } = await import('./shared/cli/full-collection.ts'); const c = fullCollection(); c?.(); console.log(typeof c);";
    const run = (flags: string[]) => execFileSync(process.execPath, [...flags, '--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(run([])).toBe('undefined');
    expect(run(['--expose-gc'])).toBe('function');
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['start', 'malkoll']) expect(scripts[name]!.split(/\s+/)).toContain('--expose-gc');
  });
});
