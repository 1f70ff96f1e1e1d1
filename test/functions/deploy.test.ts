import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { asUpdate, planSteps } from '../../scripts/deploy-plan.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(path.join(tmpdir(), 'malkoll-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A PATH holding node and, when asked, the gcloud stub (test/functions/fixtures/gcloud-stub.mjs) as `gcloud`. */
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

function deploy(args: string[], env: Record<string, string> = {}, stub?: 'none' | 'all') {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MALKOLL_') && k !== 'GOOGLE_CLOUD_PROJECT' && k !== 'PATH'));
  const log = path.join(work, `calls-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['scripts/deploy.ts', ...args], {
    cwd: root,
    env: { ...clean, PATH: pathWith(stub !== undefined), GCLOUD_STUB: stub ?? '', GCLOUD_STUB_LOG: log, ...env },
    encoding: 'utf8',
  });
  const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { args: string[]; stdinBytes: number });
  return { ...r, calls, lines: r.stdout.split('\n') };
}

const ENV = { MALKOLL_SPREADSHEETS: '1A_x,1B-y', MALKOLL_SHARE_DOMAINS: 'region.se' };
const READ_ONLY = /^(--version|services list|\S+ (\S+ )?(describe|get-iam-policy))/;
const CHANGES = /^gcloud (services enable|iam service-accounts create|secrets (create|versions add|add-iam-policy-binding)|tasks queues (create|update|add-iam-policy-binding)|functions add-invoker-policy-binding|scheduler jobs (create|update))/;

/** Every resource deploy sets up, as the command that creates it when it is missing. */
const FULL_LIST = [
  /^gcloud services enable .*cloudtasks\.googleapis\.com.*sheets\.googleapis\.com.*drive\.googleapis\.com/,
  /^gcloud iam service-accounts create malkoll '--display-name=Målkoll funktioner' --project=p$/,
  /^gcloud iam service-accounts create malkoll-scheduler /,
  /^gcloud secrets create malkoll-signing-secret --replication-policy=automatic --project=p$/,
  /\| gcloud secrets versions add malkoll-signing-secret --data-file=- --project=p$/,
  /^gcloud secrets add-iam-policy-binding malkoll-signing-secret --member=serviceAccount:malkoll@p\.iam\.gserviceaccount\.com --role=roles\/secretmanager\.secretAccessor/,
  /^gcloud tasks queues create malkoll-edits --location=europe-north1 --project=p --max-concurrent-dispatches=1 --max-dispatches-per-second=5 --max-attempts=10 --min-backoff=5s --max-backoff=60s --max-doublings=3 --max-retry-duration=240s$/,
  /^gcloud tasks queues add-iam-policy-binding malkoll-edits --location=europe-north1 --member=serviceAccount:malkoll@p\.iam\.gserviceaccount\.com --role=roles\/cloudtasks\.enqueuer/,
  /^gcloud functions deploy onSheetEdit .*--memory=\d+Mi --timeout=120s .*--allow-unauthenticated$/,
  /^gcloud functions deploy recalculateAll .*--memory=\d+Mi --timeout=540s .*--no-allow-unauthenticated$/,
  /^gcloud functions add-invoker-policy-binding recalculateAll --region=europe-north2 --project=p --member=serviceAccount:malkoll-scheduler@p\.iam\.gserviceaccount\.com$/,
  /^gcloud scheduler jobs create http malkoll-recalculate-all --location=europe-north2 --project=p '--schedule=0 5 \* \* \*' --time-zone=Europe\/Stockholm --http-method=POST --uri=https:\/\/europe-north2-p\.cloudfunctions\.net\/recalculateAll --oidc-service-account-email=malkoll-scheduler@p\.iam\.gserviceaccount\.com/,
];
const commandLines = (lines: string[]) => lines.filter((l) => l.startsWith('gcloud ') || l.startsWith('printf '));

describe('npm run deploy', () => {
  it('--dry-run against a project where nothing exists: every resource, in order, and only read-only questions asked', () => {
    const r = deploy(['--dry-run', '--project=p'], ENV, 'none');
    expect(r.status).toBe(0);
    const commands = commandLines(r.lines);
    expect(commands).toHaveLength(FULL_LIST.length);
    FULL_LIST.forEach((pattern, i) => expect(commands[i], String(pattern)).toMatch(pattern));
    expect(r.calls.every((c) => READ_ONLY.test(c.args.join(' ')))).toBe(true);
    const edit = commands.find((l) => l.startsWith('gcloud functions deploy onSheetEdit '))!;
    expect(edit).toContain("MALKOLL_SPREADSHEETS=1A_x,1B-y;MALKOLL_SHARE_DOMAINS=region.se;MALKOLL_TASKS_QUEUE=projects/p/locations/europe-north1/queues/malkoll-edits;MALKOLL_FUNCTION_URL=https://europe-north2-p.cloudfunctions.net/onSheetEdit;NODE_OPTIONS=--max-semi-space-size=1 --max-old-space-size=");
    for (const part of ['--gen2', '--runtime=nodejs22', '--source=dist/functions/onSheetEdit', '--entry-point=onSheetEdit', '--trigger-http', '--set-secrets=MALKOLL_SIGNING_SECRET=malkoll-signing-secret:latest']) expect(edit).toContain(part);
    expect(edit).toContain(';MALLOC_ARENA_MAX=1');
    expect(r.stdout).toMatch(/minne: onSheetEdit \d+ MiB = uppmätt topp \d+ MB .*× 1\.25/);
  });

  it('a second --dry-run, against a project where everything exists as wanted, changes nothing', () => {
    const r = deploy(['--dry-run', '--project=p'], ENV, 'all');
    expect(r.status).toBe(0);
    const commands = commandLines(r.lines);
    // only the functions' code is deployed again: no resource is created, enabled, bound or updated
    expect(commands.filter((l) => CHANGES.test(l))).toEqual([]);
    expect(commands.map((l) => l.split(' ').slice(0, 4).join(' '))).toEqual(['gcloud functions deploy onSheetEdit', 'gcloud functions deploy recalculateAll']);
    // every resource but the two functions (11 in all; the secret is created by two commands)
    expect(r.lines.filter((l) => l.endsWith('finns redan, ändras inte'))).toHaveLength(9);
  });

  it('runs: creates what is missing, the secret generated and piped, never printed; a second run creates nothing new', () => {
    const first = deploy(['--project=p'], ENV, 'none');
    expect(first.status).toBe(0);
    const ran = first.calls.filter((c) => !READ_ONLY.test(c.args.join(' ')));
    expect(ran.filter((c) => CHANGES.test(`gcloud ${c.args.join(' ')}`)).length).toBe(FULL_LIST.length - 2);
    const secret = ran.find((c) => c.args.slice(0, 3).join(' ') === 'secrets versions add')!;
    expect(secret.stdinBytes).toBe(64); // 48 random bytes in base64
    expect(first.stdout + first.stderr).not.toMatch(/[A-Za-z0-9+/]{64}/);
    const second = deploy(['--project=p'], ENV, 'all');
    expect(second.status).toBe(0);
    const changed = second.calls.filter((c) => !READ_ONLY.test(c.args.join(' '))).map((c) => c.args.slice(0, 3).join(' '));
    expect(changed).toEqual(['functions deploy onSheetEdit', 'functions deploy recalculateAll']);
  });

  it('a queue or job that exists with other settings is updated, not created', () => {
    const settings = { project: 'p', region: 'europe-north2', schedulerRegion: 'europe-north2', queueRegion: 'europe-north1', queue: 'malkoll-edits', serviceAccount: 'malkoll@p.iam.gserviceaccount.com', schedulerServiceAccount: 'malkoll-scheduler@p.iam.gserviceaccount.com', secret: 's', schedule: '0 5 * * *', runtime: 'nodejs22', envVars: {} };
    const queue = planSteps(settings).find((st) => st.what.startsWith('kön'))!;
    const other = JSON.stringify({ rateLimits: { maxConcurrentDispatches: 1000, maxDispatchesPerSecond: 500 }, retryConfig: { maxAttempts: 100 } });
    expect(queue.ok!(0, other)).toBe(false);
    expect(asUpdate(queue.run[0]!.args).slice(0, 5)).toEqual(['gcloud', 'tasks', 'queues', 'update', 'malkoll-edits']);
    const job = planSteps(settings).find((st) => st.what.startsWith('schemaläggarjobbet'))!;
    expect(job.ok!(0, JSON.stringify({ schedule: '0 6 * * *' }))).toBe(false);
    expect(asUpdate(job.run[0]!.args).slice(0, 5)).toEqual(['gcloud', 'scheduler', 'jobs', 'update', 'http']);
  });

  it('takes region, service accounts and runtime from flags or the environment', () => {
    const r = deploy(['--dry-run', '--region=europe-north1', '--runtime=nodejs24', '--scheduler-service-account=s@p.iam.gserviceaccount.com'], {
      MALKOLL_PROJECT: 'p', MALKOLL_SPREADSHEETS: '1A', MALKOLL_SCHEDULER_REGION: 'europe-west1',
    }, 'none');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--region=europe-north1');
    expect(r.stdout).toContain('--runtime=nodejs24');
    expect(r.stdout).toContain('--location=europe-west1');
    expect(r.stdout).toContain('--oidc-service-account-email=s@p.iam.gserviceaccount.com');
  });

  it('without gcloud, --dry-run prints every command as if nothing existed', () => {
    const r = deploy(['--dry-run', '--project=p'], ENV);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('gcloud finns inte här');
    expect(commandLines(r.lines)).toHaveLength(FULL_LIST.length);
  });

  it.each<{ name: string; args: string[]; env: Record<string, string>; says: string }>([
    { name: 'no project', args: ['--dry-run'], env: { MALKOLL_SPREADSHEETS: '1A' }, says: '--project' },
    { name: 'no spreadsheets', args: ['--dry-run', '--project=p'], env: {}, says: 'MALKOLL_SPREADSHEETS' },
  ])('fails clearly with $name', ({ args, env, says }) => {
    const r = deploy(args, env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(says);
  });

  it('without --dry-run, fails clearly when gcloud is missing', () => {
    const r = deploy(['--project=p'], { MALKOLL_SPREADSHEETS: '1A' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('gcloud hittades inte');
  });
});
