/**
 * `npm run deploy` as a process, with a gcloud stub on PATH that records every call
 * (test/functions/fixtures/gcloud-stub.mjs). A run without `--dry-run` needs `dist/`, which only the build test
 * makes: that run lives in test/functions/build.test.ts, after its build, so no test reads `dist/` while another
 * rewrites it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface DeployRun {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: { args: string[]; stdinBytes: number }[];
  lines: string[];
}

/** A scratch folder for the current test file (removed after it), and `deploy()` run with it. */
export function useDeployWork(): { deploy: (args: string[], env?: Record<string, string>, stub?: 'none' | 'all') => DeployRun } {
  const work = mkdtempSync(path.join(tmpdir(), 'malkoll-deploy-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A PATH holding node and, when asked, the gcloud stub as `gcloud`. */
  function pathWith(stub: boolean): string {
    const bin = path.join(work, stub ? 'stub-bin' : 'no-bin');
    mkdirSync(bin, { recursive: true });
    if (stub) {
      const target = path.join(bin, 'gcloud');
      copyFileSync(path.join(root, 'test/functions/fixtures/gcloud-stub.mjs'), target);
      chmodSync(target, 0o755);
    }
    return `${bin}:${path.dirname(process.execPath)}`;
  }

  function deploy(args: string[], env: Record<string, string> = {}, stub?: 'none' | 'all'): DeployRun {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MALKOLL_') && k !== 'GOOGLE_CLOUD_PROJECT' && k !== 'PATH'));
    const log = path.join(work, `calls-${Math.random().toString(36).slice(2)}.jsonl`);
    writeFileSync(log, '');
    const r = spawnSync(process.execPath, ['scripts/deploy.ts', ...args], {
      cwd: root,
      env: { ...clean, PATH: pathWith(stub !== undefined), GCLOUD_STUB: stub ?? '', GCLOUD_STUB_LOG: log, ...env },
      encoding: 'utf8',
    });
    const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as DeployRun['calls'][number]);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls, lines: r.stdout.split('\n') };
  }

  return { deploy };
}

export const ENV = { MALKOLL_SPREADSHEETS: '1A_x,1B-y', MALKOLL_SHARE_DOMAINS: 'region.se' };
export const READ_ONLY = /^(--version|services list|\S+ (\S+ )?(describe|get-iam-policy))/;
export const CHANGES = /^gcloud (services enable|iam service-accounts create|secrets (create|versions add|add-iam-policy-binding)|tasks queues (create|update|add-iam-policy-binding)|functions add-invoker-policy-binding|scheduler jobs (create|update))/;

/** Every resource deploy sets up, as the command that creates it when it is missing. */
export const FULL_LIST = [
  /^gcloud services enable .*cloudtasks\.googleapis\.com.*sheets\.googleapis\.com.*drive\.googleapis\.com/,
  /^gcloud iam service-accounts create malkoll '--display-name=Målkoll funktioner' --project=p$/,
  /^gcloud iam service-accounts create malkoll-scheduler /,
  /^gcloud secrets create malkoll-signing-secret --replication-policy=automatic --project=p$/,
  /\| gcloud secrets versions add malkoll-signing-secret --data-file=- --project=p$/,
  /^gcloud secrets add-iam-policy-binding malkoll-signing-secret --member=serviceAccount:malkoll@p\.iam\.gserviceaccount\.com --role=roles\/secretmanager\.secretAccessor/,
  /^gcloud tasks queues create malkoll-edits --location=europe-north1 --project=p --max-concurrent-dispatches=1 --max-dispatches-per-second=5 --max-attempts=10 --min-backoff=5s --max-backoff=60s --max-doublings=3 --max-retry-duration=240s$/,
  /^gcloud tasks queues add-iam-policy-binding malkoll-edits --location=europe-north1 --member=serviceAccount:malkoll@p\.iam\.gserviceaccount\.com --role=roles\/cloudtasks\.enqueuer/,
  /^gcloud functions deploy onSheetEdit .*--memory=\d+Mi --cpu=1 --timeout=120s .*--allow-unauthenticated$/,
  /^gcloud functions deploy recalculateAll .*--memory=\d+Mi --cpu=1 --timeout=540s .*--no-allow-unauthenticated$/,
  /^gcloud functions add-invoker-policy-binding recalculateAll --region=europe-north2 --project=p --member=serviceAccount:malkoll-scheduler@p\.iam\.gserviceaccount\.com$/,
  /^gcloud scheduler jobs create http malkoll-recalculate-all --location=europe-north2 --project=p '--schedule=0 5 \* \* \*' --time-zone=Europe\/Stockholm --http-method=POST --uri=https:\/\/europe-north2-p\.cloudfunctions\.net\/recalculateAll --oidc-service-account-email=malkoll-scheduler@p\.iam\.gserviceaccount\.com/,
];
export const commandLines = (lines: string[]) => lines.filter((l) => l.startsWith('gcloud ') || l.startsWith('printf '));

