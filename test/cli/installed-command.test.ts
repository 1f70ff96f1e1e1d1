/**
 * The installed `malkoll` command (bin/malkoll.js started without Node flags, as its first line starts it) runs
 * with the flags of package.json's `malkoll` script by starting itself once more, and passes on how that run
 * ends: its exit code, and a SIGTERM sent to it. Started with the flags, as `npm run malkoll` does, or under a
 * debugger, it is one process. Real processes; each Node process prints its flags through a preloaded module.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from '../../shared/adapters/xlsx/index.ts';
import { NODE } from './support/spawn-cli.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/malkoll.js');
const PRINT = join(import.meta.dirname, 'support/print-exec-argv.mjs');
const FLAGS = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { malkoll: string } }).scripts.malkoll
  .split(/\s+/)
  .filter((a) => a.startsWith('--'));

interface Started {
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  pid: number;
  stdout(): string;
  stderr(): string;
}

function start(nodeArgs: string[], args: string[]): Started {
  let stdout = '';
  let stderr = '';
  const child = spawn(NODE, [...nodeArgs, BIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: `--import=${PRINT}`, MALKOLL_NODE_FLAGS: '' },
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { done, pid: child.pid!, stdout: () => stdout, stderr: () => stderr };
}

function processes(stderr: string): { pid: number; execArgv: string[] }[] {
  return [...stderr.matchAll(/^exec-argv (.*)$/gm)].map((m) => JSON.parse(m[1]!) as { pid: number; execArgv: string[] });
}

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the installed command', () => {
  it('has flags to pass on', () => {
    expect(FLAGS).toEqual(expect.arrayContaining(['--expose-gc']));
    expect(FLAGS.some((f) => f.startsWith('--max-semi-space-size='))).toBe(true);
  });

  it('started without the flags runs the command in a Node started with them, and ends as it ends', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'malkoll-bin-'));
    try {
      const ran = await start([], ['demo', dir]).done;
      expect(ran.code).toBe(0);
      expect(existsSync(join(dir, 'Sammanfattning.xlsx'))).toBe(true);
      const [outer, inner, ...more] = processes(ran.stderr);
      expect(more).toEqual([]);
      expect(outer!.execArgv).not.toContain('--expose-gc');
      expect(inner!.execArgv).toEqual(expect.arrayContaining(FLAGS));

      const refused = await start([], ['recalc', join(dir, 'finns-inte')]).done;
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/finns inte/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('started with the flags, as npm run malkoll starts it, is one process', async () => {
    const ran = await start(FLAGS, ['--help']).done;
    expect(ran.code).toBe(0);
    expect(processes(ran.stderr)).toHaveLength(1);
  }, 60_000);

  it('started under a debugger, runs in the process the debugger is attached to', async () => {
    const ran = await start(['--inspect=127.0.0.1:0'], ['--help']).done;
    expect(ran.code).toBe(0);
    expect(ran.stderr).toMatch(/Debugger listening/);
    expect(processes(ran.stderr)).toHaveLength(1);
  }, 60_000);

  it('passes a SIGTERM on: a watch started without the flags ends, and so does the run it started', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'malkoll-bin-'));
    let inner: number | null = null;
    try {
      expect((await start([], ['init', dir]).done).code).toBe(0);
      const watch = start([], ['watch', dir]);
      await until(() => processes(watch.stderr()).length === 2 && /Bevakar /.test(watch.stdout()));
      inner = processes(watch.stderr())[1]!.pid;
      process.kill(watch.pid, 'SIGTERM');
      const ended = await watch.done;
      expect(ended.signal ?? ended.code).toBeTruthy();
      await until(() => !isProcessAlive(inner!), 10_000);
    } finally {
      // a watch left running by a failing test must not outlive it
      if (inner !== null && isProcessAlive(inner)) process.kill(inner, 'SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
