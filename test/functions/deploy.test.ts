import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function deploy(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MALKOLL_') && k !== 'GOOGLE_CLOUD_PROJECT'));
  return spawnSync(process.execPath, ['scripts/deploy.ts', ...args], { cwd: root, env: { ...clean, ...env }, encoding: 'utf8' });
}

describe('npm run deploy -- --dry-run', () => {
  it('prints the gcloud commands without running them', () => {
    const r = deploy(['--dry-run', '--project=malkoll-prod'], { MALKOLL_SPREADSHEETS: '1A_x,1B-y', MALKOLL_SHARE_DOMAINS: 'region.se' });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    const edit = lines.find((l) => l.startsWith('gcloud functions deploy onSheetEdit '))!;
    for (const part of ['--gen2', '--runtime=nodejs22', '--region=europe-north2', '--source=dist/functions/onSheetEdit', '--entry-point=onSheetEdit', '--trigger-http', '--allow-unauthenticated', '--set-secrets=MALKOLL_SIGNING_SECRET=malkoll-signing-secret:latest', '--project=malkoll-prod']) {
      expect(edit.split(' ')).toContain(part);
    }
    expect(edit).toContain("'--set-env-vars=^;^MALKOLL_SPREADSHEETS=1A_x,1B-y;MALKOLL_SHARE_DOMAINS=region.se'");
    const all = lines.find((l) => l.startsWith('gcloud functions deploy recalculateAll '))!;
    expect(all.split(' ')).toContain('--no-allow-unauthenticated');
    expect(all.split(' ')).not.toContain('--allow-unauthenticated');
    expect(lines.some((l) => l.startsWith('gcloud functions add-invoker-policy-binding recalculateAll') && l.includes('--member=serviceAccount:malkoll-scheduler@malkoll-prod.iam.gserviceaccount.com'))).toBe(true);
    const job = lines.find((l) => l.startsWith('gcloud scheduler jobs create http malkoll-recalculate-all'))!;
    expect(job).toContain('--oidc-service-account-email=malkoll-scheduler@malkoll-prod.iam.gserviceaccount.com');
    expect(job).toContain('--http-method=POST');
    expect(job).toContain('--uri="$RECALCULATE_ALL_URL"');
  });

  it('takes region, service accounts and runtime from flags or the environment', () => {
    const r = deploy(['--dry-run', '--region=europe-north1', '--runtime=nodejs24', '--scheduler-service-account=s@p.iam.gserviceaccount.com'], {
      MALKOLL_PROJECT: 'p', MALKOLL_SPREADSHEETS: '1A', MALKOLL_SCHEDULER_REGION: 'europe-west1',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--region=europe-north1');
    expect(r.stdout).toContain('--runtime=nodejs24');
    expect(r.stdout).toContain('--location=europe-west1');
    expect(r.stdout).toContain('--oidc-service-account-email=s@p.iam.gserviceaccount.com');
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
    const r = deploy(['--project=p'], { MALKOLL_SPREADSHEETS: '1A', PATH: path.dirname(process.execPath) });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('gcloud hittades inte');
  });
});
