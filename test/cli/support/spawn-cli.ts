/** Runs the `malkoll` command in a child process (cli-child.ts) and collects what it printed and how it ended. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');
export const NODE = join(ROOT, 'node_modules/.bin/node');
const CHILD = join(import.meta.dirname, 'cli-child.ts');
const GUARD_MS = 150_000;

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ChildOptions {
  killAt?: string;
  interruptAt?: string;
  /** at this step the child creates `<holdUntil>.reached` and waits until `holdUntil` exists */
  holdAt?: string;
  holdUntil?: string;
  lockWaitMs?: number;
}

export interface RunningChild {
  done: Promise<ChildRun>;
  /** what it printed so far */
  stdout(): string;
}

export function startCli(args: string[], options: ChildOptions = {}, spawnOptions: { uid?: number; gid?: number } = {}): RunningChild {
  let stdout = '';
  let stderr = '';
  const done = new Promise<ChildRun>((resolve, reject) => {
    const child = spawn(NODE, [CHILD, JSON.stringify(options), ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
    // a child that hangs (a test failing half-way) must not outlive the test run
    const guard = setTimeout(() => child.kill('SIGKILL'), GUARD_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { done, stdout: () => stdout };
}

export function spawnCli(args: string[], options: ChildOptions = {}, spawnOptions: { uid?: number; gid?: number } = {}): Promise<ChildRun> {
  return startCli(args, options, spawnOptions).done;
}

/** The count the run printed ("Statusändringar: N"), 0 when it printed none. */
export function printedChanges(output: string): number {
  return Number(/Statusändringar: (\d+)/.exec(output)?.[1] ?? 0);
}
