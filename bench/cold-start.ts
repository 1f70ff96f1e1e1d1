/**
 * Time to import the bundled functions (dist/index.js) in a fresh node process: module evaluation and
 * configuration parsing, no request. Median of 5 runs. Builds dist/ first when it is missing or was
 * built from the test stub.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './engine.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist/index.js');

export interface ColdStartResult {
  medianMs: number;
  runs: number[];
  bundleKb: number;
  rebuilt: boolean;
}

export function measureColdStart(runs = 5): ColdStartResult {
  let rebuilt = false;
  if (!existsSync(BUNDLE) || readFileSync(BUNDLE, 'utf8').includes('production-stub')) {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.ts')], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`bench: build failed: ${build.stderr}`);
    rebuilt = true;
  }
  const env = {
    ...process.env,
    MALKOLL_SIGNING_SECRET: 'bench-secret-0123456789-abcdefghijklmnop',
    MALKOLL_SPREADSHEETS: '1BenchBook_abc',
  };
  const script = `const t = performance.now(); await import(${JSON.stringify(BUNDLE)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`bench: importing dist/index.js failed: ${child.stderr}`);
    times.push(Number(child.stdout.trim().split('\n').pop()));
  }
  return { medianMs: median(times), runs: times, bundleKb: readFileSync(BUNDLE).byteLength / 1024, rebuilt };
}
