/**
 * A built function served the way Cloud Run serves it: `functions-framework --source=<folder>
 * --target=<name>` in its own process (the project's copy of the framework, which the bundle imports).
 * Used by the end-to-end test and by the benchmark, which reads the process's peak memory from outside.
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface FunctionProcess {
  url: string;
  pid: number;
  /** stdout and stderr so far (the function's JSON log lines) */
  output(): string;
  /** VmHWM of the process (peak resident set, MB), read from /proc while it runs */
  peakRssMb(): number | null;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The environment without anything that would point the function at real credentials or settings. */
export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const keep = Object.entries(process.env).filter(
    ([k, v]) => v !== undefined && !k.startsWith('MALKOLL_') && !/^(GOOGLE_|GCLOUD_|CLOUDSDK_|GCE_METADATA|METADATA_SERVER|NODE_OPTIONS$)/i.test(k),
  ) as [string, string][];
  return { ...Object.fromEntries(keep), ...extra };
}

export function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export async function serveFunction(options: { source: string; target: string; env: Record<string, string>; nodeOptions?: string[]; port?: number }): Promise<FunctionProcess> {
  const port = options.port ?? (await freePort());
  // node itself runs the framework's CLI, so that the process measured is the function's, not a shell's
  const cli = path.join(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeOptions ?? []), cli, `--source=${options.source}`, `--target=${options.target}`, `--port=${port}`],
    { cwd: ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`functions-framework stopped (${child.exitCode}): ${output}`);
    try {
      await fetch(url, { method: 'OPTIONS' });
      break;
    } catch {
      if (i > 300) throw new Error(`functions-framework did not listen: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    peakRssMb: () => peakRssMb(child.pid!),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
