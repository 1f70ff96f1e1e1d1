/**
 * `recalc DIR` of a local 10,000-metric workbook as a child process (whole process wall time and peak
 * RSS from /usr/bin/time -v, else from the child's own resource usage), beside a plain xlsx-populate
 * load + save of the same file (the yardstick the targets are ratios of; xlsx-populate is a devDependency for
 * this and no longer the product's). The first run writes every status and Förklaring and the summary; the
 * second finds nothing changed. The CLI runs with a compile cache of the bench's own, filled by a run on a small
 * set first, as every run is after a machine's first (bin/malkoll.js); one more first run with an empty cache
 * says what the run after installing or updating costs.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTemplateWorkbook } from '../shared/adapters/xlsx/create-workbook.ts';
import { fixtureWorkbook } from './workbook-fixture.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TIME = '/usr/bin/time';

export interface ProcessRun {
  wallMs: number;
  peakRssMb: number | null;
  exitCode: number;
}

export interface LocalRecalcResult {
  metrics: number;
  fileMb: number;
  /** the first recalc: every status and Förklaring written, summary made */
  firstRecalc: ProcessRun;
  /** again, nothing changed: nothing written */
  unchangedRecalc: ProcessRun;
  /** a first run of another copy with an empty compile cache: every module type-stripped and compiled */
  coldCacheRecalc: ProcessRun;
  plainLoadSave: ProcessRun;
  /** one more first run, in process, timed phase by phase (bench/child/recalc-phases.ts) */
  phases: RecalcPhases;
  /** how peak RSS was measured */
  rssSource: 'time -v' | 'none';
}

/** Where a first run's wall time goes, in milliseconds from the process's start. */
export interface RecalcPhases {
  /** Node's start, the modules, the stores and the code's version, until the run begins */
  startMs: number;
  /** reading the workbooks (to grids) */
  readMs: number;
  /** from the last read to the first write: the engine's pass, collections left out */
  engineMs: number;
  /** patching and replacing the workbooks */
  workbookWriteMs: number;
  /** Sammanfattning.xlsx and Sammanfattning.html */
  summaryMs: number;
  /** the full collections between the phases */
  gcMs: number;
  /** the rest: listing, the summary's state, the report */
  otherMs: number;
  totalMs: number;
}

/** Runs `node args…` in the project root and measures it from outside; `compileCache` is Node's NODE_COMPILE_CACHE. */
export function runNode(args: string[], options: { compileCache?: string } = {}): ProcessRun & { stdout: string } {
  const withTime = existsSync(TIME);
  const command = withTime ? TIME : process.execPath;
  const argv = withTime ? ['-v', process.execPath, ...args] : args;
  const env = options.compileCache ? { ...process.env, NODE_COMPILE_CACHE: options.compileCache } : process.env;
  const started = performance.now();
  const child = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`bench: node ${args.join(' ')} exited ${child.status}: ${child.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? '');
  return { wallMs, peakRssMb: rss ? Number(rss[1]) / 1024 : null, exitCode: child.status ?? -1, stdout: child.stdout };
}

/**
 * Node's flags and the entry script of `npm run malkoll` (package.json), so the bench starts the CLI exactly
 * as users do (bin/malkoll.js turns on the compile cache; the script sets the young generation's size).
 */
export function malkollCommand(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [node, ...args] = (scripts.malkoll ?? '').trim().split(/\s+/);
  if (node !== 'node' || args.length === 0) throw new Error(`bench: the malkoll script is not 'node … ENTRY': ${scripts.malkoll}`);
  return args;
}

const processRun = ({ wallMs, peakRssMb, exitCode }: ProcessRun): ProcessRun => ({ wallMs, peakRssMb, exitCode });

export async function measureLocalRecalc(metrics: number): Promise<LocalRecalcResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'malkoll-bench-'));
  try {
    const source = path.join(dir, 'källa.xlsx.orig');
    await writeTemplateWorkbook(source, fixtureWorkbook('Klimat.xlsx', { metrics }));
    const set = path.join(dir, 'set');
    await mkdir(set);
    await copyFile(source, path.join(set, 'Klimat.xlsx'));
    const { size } = await stat(source);
    const cli = malkollCommand();
    const compileCache = path.join(dir, 'compile-cache');
    const small = path.join(dir, 'small');
    await mkdir(small);
    await writeTemplateWorkbook(path.join(small, 'Klimat.xlsx'), fixtureWorkbook('Klimat.xlsx', { metrics: 10 }));
    runNode([...cli, 'recalc', small], { compileCache });
    const firstRecalc = runNode([...cli, 'recalc', set], { compileCache });
    const unchangedRecalc = runNode([...cli, 'recalc', set], { compileCache });
    const cold = path.join(dir, 'cold');
    await mkdir(cold);
    await copyFile(source, path.join(cold, 'Klimat.xlsx'));
    const coldCacheRecalc = runNode([...cli, 'recalc', cold], { compileCache: path.join(dir, 'empty-compile-cache') });
    const plainLoadSave = runNode([path.join(ROOT, 'bench/child/xlsx-plain.ts'), source, path.join(dir, 'plain.xlsx')]);
    const timedSet = path.join(dir, 'phases');
    await mkdir(timedSet);
    await copyFile(source, path.join(timedSet, 'Klimat.xlsx'));
    const nodeFlags = cli.filter((arg) => arg.startsWith('--'));
    const timed = runNode([...nodeFlags, path.join(ROOT, 'bench/child/recalc-phases.ts'), timedSet], { compileCache });
    const phases = JSON.parse(timed.stdout.trim().split('\n').pop()!) as RecalcPhases;
    return {
      metrics,
      fileMb: size / 1e6,
      firstRecalc: processRun(firstRecalc),
      unchangedRecalc: processRun(unchangedRecalc),
      coldCacheRecalc: processRun(coldCacheRecalc),
      plainLoadSave: processRun(plainLoadSave),
      phases,
      rssSource: existsSync(TIME) ? 'time -v' : 'none',
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
