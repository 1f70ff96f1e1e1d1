/**
 * The `malkoll` command in a process of its own, for what needs real signals and real concurrency: two runs at
 * once, a run killed at a chosen step, a watch that gets Ctrl-C twice while it writes. Run:
 *   node cli-child.ts '<options as JSON>' <command> <args…>
 * Options: `killAt` ("workbook:<replace step>" or "summary:<file>:<step>") kills the process there with SIGKILL;
 * `interruptAt` (same form) sends it SIGINT twice there, then lets the write go on; `holdAt` (same form) creates
 * `<holdUntil>.reached` there and waits until the file `holdUntil` exists; `lockWaitMs`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { runCli } from '../../../shared/cli/app.ts';
import { processConsole } from '../../../shared/cli/console.ts';
import type { LocalRunOptions } from '../../../shared/cli/local-set.ts';

interface ChildOptions {
  killAt?: string;
  interruptAt?: string;
  holdAt?: string;
  holdUntil?: string;
  lockWaitMs?: number;
}

const [json, ...args] = process.argv.slice(2);
const options = JSON.parse(json ?? '{}') as ChildOptions;

const act = async (at: string) => {
  if (at === options.killAt) {
    process.kill(process.pid, 'SIGKILL');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
  }
  if (at === options.holdAt && options.holdUntil) {
    options.holdAt = undefined;
    writeFileSync(`${options.holdUntil}.reached`, '');
    while (!existsSync(options.holdUntil)) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (at === options.interruptAt) {
    options.interruptAt = undefined;
    process.kill(process.pid, 'SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(process.pid, 'SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const local: LocalRunOptions = {
  replaceHook: (step) => act(`workbook:${step}`),
  summaryHook: (file, step) => act(`summary:${file}:${step}`),
  ...(options.lockWaitMs !== undefined ? { lockWaitMs: options.lockWaitMs } : {}),
};
process.exitCode = await runCli(args, processConsole(), { local });
