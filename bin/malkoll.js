#!/usr/bin/env node
// Målkoll runs its TypeScript directly on Node's type stripping (Node ≥ 22.18). Inside the project,
// `npm run malkoll` uses the Node 24 that the `node` devDependency installs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`Målkoll kräver Node 22.18 eller senare (du har ${process.versions.node}). Kör via "npm run malkoll -- <kommando>" i projektet.`);
  process.exit(1);
}

const flags = scriptFlags();
// Under a debugger the run stays in this process, the one the debugger is attached to: a second process would be
// given the same inspector flags and find their port taken.
const debugging = process.execArgv.some((flag) => /^--inspect(-brk|-wait)?(=|$)/.test(flag));
if (flags.length > 0 && !debugging && process.env.MALKOLL_NODE_FLAGS !== '1' && !flags.every((flag) => process.execArgv.includes(flag))) {
  startWithFlags(flags);
} else {
  // Node's compile cache keeps the type-stripped and compiled modules on disk (in the OS temp folder), so a run
  // after the first does not load the TypeScript stripper at all: less memory and a faster start (docs/performance.md).
  // This file is plain JavaScript so that nothing is stripped before the cache is on. A folder that cannot be
  // written only means no cache.
  module.enableCompileCache?.();
  await import('../shared/cli/main.ts');
}

/**
 * The Node flags of package.json's `malkoll` script (a small young generation, and `gc` for a full collection
 * between a run's phases): without them a large run peaks far higher (docs/performance.md). The script is their
 * one home; the installed `malkoll` command, started by the line above without them, reads them from there.
 */
function scriptFlags() {
  try {
    const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts ?? {};
    return String(scripts.malkoll ?? '').trim().split(/\s+/).filter((arg) => arg.startsWith('--'));
  } catch {
    return [];
  }
}

/**
 * V8 reads these flags only when it starts, so the command starts itself once more with them and passes on how
 * that run ends. Ctrl-C reaches both from the terminal: this process waits and `watch` answers it (cli/console.ts).
 * A SIGTERM or SIGHUP sent to this process alone is passed on.
 */
function startWithFlags(nodeFlags) {
  const entry = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, ...nodeFlags, entry, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, MALKOLL_NODE_FLAGS: '1' },
  });
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`malkoll: kunde inte starta Node (${error.message})`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
}
