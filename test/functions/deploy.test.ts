import { describe, expect, it } from 'vitest';
import { asUpdate, planSteps } from '../../scripts/deploy-plan.ts';
import { CHANGES, commandLines, ENV, FULL_LIST, READ_ONLY, useDeployWork } from '../support/deploy-run.ts';

const { deploy } = useDeployWork();

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
    expect(edit).toContain(' --optimize-for-size;');
    expect(edit).toContain(';MALLOC_ARENA_MAX=1');
    expect(edit).toContain(';MALLOC_MMAP_THRESHOLD_=131072;MALLOC_TRIM_THRESHOLD_=131072');
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
