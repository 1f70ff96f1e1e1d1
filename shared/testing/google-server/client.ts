/**
 * Starts the Google fake in its own process (main.ts) and drives it through its control API. Tests and
 * the benchmark use it to run the built functions as deployed: functions-framework in one process, Google
 * in another, reached through MALKOLL_GOOGLE_API_ROOT and the metadata server.
 *
 * ```ts
 * const google = await spawnGoogleServer({ queues: [QUEUE] });
 * const id = await google.createSpreadsheet('Klimat', seeds);
 * spawn('functions-framework', [...], { env: { ...google.functionEnv(), MALKOLL_SPREADSHEETS: id, … } });
 * await google.values(id, 'Mätetal'); await google.calls(); await google.dispatchTasks();
 * await google.close();
 * ```
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CellData, CellSeed, Fault, FakeSpreadsheet, SheetSeed } from '../google-fake/index.ts';
import type { FakeTask } from '../tasks-fake/index.ts';
import type { FakeFile } from '../google-fake/drive-state.ts';
import type { CallRecord } from './control.ts';

const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');

export interface GoogleServerProcess {
  url: string;
  pid: number;
  /**
   * What a function process needs to reach the fake as deployed code reaches Google: the API root, and
   * Application Default Credentials from the fake metadata server (no key file: an empty gcloud config
   * directory, GOOGLE_APPLICATION_CREDENTIALS removed by the caller's env filter).
   */
  functionEnv(): Record<string, string>;
  createSpreadsheet(title: string, sheets: SheetSeed[], options?: { id?: string }): Promise<string>;
  spreadsheet(id: string): Promise<FakeSpreadsheet>;
  values(id: string, sheet: string): Promise<(string | number | boolean | null)[][]>;
  cell(id: string, sheet: string, row: number, column: number): Promise<CellData | null>;
  type(id: string, sheet: string, row: number, column: number, value: CellSeed): Promise<void>;
  file(id: string): Promise<FakeFile | null>;
  calls(): Promise<CallRecord[]>;
  resetCalls(): Promise<void>;
  state(): Promise<{ validationErrors: string[]; quotaRefusals: unknown[]; tokensIssued: number; tasksValidationErrors: string[] }>;
  inject(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  tasks(): Promise<{ pending: FakeTask[]; created: string[]; requests: { name: string; status: number }[] }>;
  /** delivers every task due at `at` (default now) to its URL, one at a time */
  dispatchTasks(at?: number): Promise<{ task: string; status: number }[]>;
  close(): Promise<void>;
}

/** Environment variables that would make google-auth-library look anywhere but the fake. */
export const CREDENTIAL_VARIABLES = ['GOOGLE_APPLICATION_CREDENTIALS', 'google_application_credentials', 'CLOUDSDK_CONFIG', 'GCE_METADATA_HOST', 'GCE_METADATA_IP', 'METADATA_SERVER_DETECTION', 'GOOGLE_CLOUD_UNIVERSE_DOMAIN'];

export async function spawnGoogleServer(options: { queues?: string[] } = {}): Promise<GoogleServerProcess> {
  const args = ['--no-warnings', MAIN, ...(options.queues ?? []).map((q) => `--queue=${q}`)];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`the Google fake stopped (${code}): ${stderr}`)));
  });
  const { url } = JSON.parse(first) as { url: string };
  const gcloudConfig = mkdtempSync(path.join(tmpdir(), 'malkoll-no-adc-'));
  const host = new URL(url).host;

  const call = async <T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}__fake/${route}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const value = (await res.json()) as T;
    if (!res.ok) throw new Error(`fake control ${route}: ${res.status} ${JSON.stringify(value)}`);
    return value;
  };
  const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

  return {
    url,
    pid: child.pid!,
    functionEnv: () => ({
      MALKOLL_GOOGLE_API_ROOT: url,
      GCE_METADATA_HOST: host,
      METADATA_SERVER_DETECTION: 'assume-present',
      CLOUDSDK_CONFIG: gcloudConfig,
    }),
    createSpreadsheet: async (title, sheets, opts = {}) => (await call<{ id: string }>('POST', 'spreadsheets', { title, sheets, ...opts })).id,
    spreadsheet: (id) => call('GET', `spreadsheets/${encodeURIComponent(id)}`),
    values: (id, sheet) => call('GET', `spreadsheets/${encodeURIComponent(id)}/values?${q({ sheet })}`),
    cell: (id, sheet, row, column) => call('GET', `spreadsheets/${encodeURIComponent(id)}/cell?${q({ sheet, row, column })}`),
    type: async (id, sheet, row, column, value) => void (await call('POST', `spreadsheets/${encodeURIComponent(id)}/cell`, { sheet, row, column, value })),
    file: (id) => call('GET', `files/${encodeURIComponent(id)}`),
    calls: () => call('GET', 'calls'),
    resetCalls: async () => void (await call('POST', 'calls', {})),
    state: () => call('GET', 'state'),
    inject: async (fault) => void (await call('POST', 'faults', fault)),
    clearFaults: async () => void (await call('POST', 'clear-faults', {})),
    tasks: () => call('GET', 'tasks'),
    dispatchTasks: (at) => call('POST', 'tasks', at === undefined ? {} : { at }),
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(gcloudConfig, { recursive: true, force: true });
    },
  };
}
