/**
 * `npm run deploy [-- --dry-run]`: sets up everything the functions need, idempotently (scripts/deploy-plan.ts):
 * the APIs, the two service accounts, the signing secret in Secret Manager (generated when missing, never
 * shown), who may read it, the Cloud Tasks queue with its settings, who may queue tasks, both functions with
 * their memory and timeout, who may call `recalculateAll`, and the scheduler job. Each resource is looked at
 * first (read-only gcloud commands) and only what is missing or different is created or corrected, so a
 * second run creates nothing. `--dry-run` looks the same way and prints the commands instead of running them
 * (without gcloud it prints them all).
 *
 * Settings (flag, else environment, else default): --project (MALKOLL_PROJECT, GOOGLE_CLOUD_PROJECT),
 * --region (MALKOLL_REGION, europe-north2), --scheduler-region (MALKOLL_SCHEDULER_REGION, the region),
 * --queue-region (MALKOLL_QUEUE_REGION, europe-north1: Cloud Tasks in europe-north2 is unconfirmed),
 * --queue (MALKOLL_QUEUE, malkoll-edits), --service-account (MALKOLL_SERVICE_ACCOUNT, malkoll@<project>…),
 * --scheduler-service-account (MALKOLL_SCHEDULER_SERVICE_ACCOUNT, malkoll-scheduler@…), --secret
 * (MALKOLL_SECRET_NAME, malkoll-signing-secret), --schedule (MALKOLL_SCHEDULE, "0 5 * * *"), --runtime
 * (nodejs22). The functions' own configuration (MALKOLL_SPREADSHEETS, …) comes from the environment and is
 * validated as the functions will validate it. Memory and Node options: scripts/function-runtime.ts.
 * @module
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, ENV, MIN_SECRET_LENGTH, parseConfig } from '../shared/config.ts';
import { MEASURED_PEAK_MB, FUNCTION_MEMORY_MB, HEADROOM } from './function-runtime.ts';
import { SECRET_PLACEHOLDER, asUpdate, functionUrl, planSteps, type DeploySettings, type Step } from './deploy-plan.ts';

export { planSteps, type DeploySettings } from './deploy-plan.ts';

export class DeployError extends Error {}

export function readSettings(argv: string[], env: Record<string, string | undefined>): { dryRun: boolean; settings: DeploySettings } {
  const { values } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean', default: false },
      project: { type: 'string' },
      region: { type: 'string' },
      'scheduler-region': { type: 'string' },
      'queue-region': { type: 'string' },
      queue: { type: 'string' },
      'service-account': { type: 'string' },
      'scheduler-service-account': { type: 'string' },
      secret: { type: 'string' },
      schedule: { type: 'string' },
      runtime: { type: 'string' },
    },
    strict: true,
  });
  const project = values.project ?? env.MALKOLL_PROJECT ?? env.GOOGLE_CLOUD_PROJECT;
  if (!project) throw new DeployError('Ange Google Cloud-projektet: --project=ID (eller MALKOLL_PROJECT).');
  const region = values.region ?? env.MALKOLL_REGION ?? 'europe-north2';
  // The signing secret lives in Secret Manager, not here: validate the rest as the functions will.
  let config;
  try {
    config = parseConfig({ ...env, [ENV.signingSecret]: 'x'.repeat(MIN_SECRET_LENGTH) });
  } catch (err) {
    if (err instanceof ConfigError) throw new DeployError(err.message);
    throw err;
  }
  const envVars: Record<string, string> = { [ENV.spreadsheets]: config.spreadsheets.join(',') };
  if (config.summarySpreadsheet) envVars[ENV.summarySpreadsheet] = config.summarySpreadsheet;
  if (config.driveFolder) envVars[ENV.driveFolder] = config.driveFolder;
  if (config.shareDomains.length > 0) envVars[ENV.shareDomains] = config.shareDomains.join(',');
  return {
    dryRun: values['dry-run'] ?? false,
    settings: {
      project,
      region,
      schedulerRegion: values['scheduler-region'] ?? env.MALKOLL_SCHEDULER_REGION ?? region,
      queueRegion: values['queue-region'] ?? env.MALKOLL_QUEUE_REGION ?? 'europe-north1',
      queue: values.queue ?? env.MALKOLL_QUEUE ?? 'malkoll-edits',
      serviceAccount: values['service-account'] ?? env.MALKOLL_SERVICE_ACCOUNT ?? `malkoll@${project}.iam.gserviceaccount.com`,
      schedulerServiceAccount:
        values['scheduler-service-account'] ?? env.MALKOLL_SCHEDULER_SERVICE_ACCOUNT ?? `malkoll-scheduler@${project}.iam.gserviceaccount.com`,
      secret: values.secret ?? env.MALKOLL_SECRET_NAME ?? 'malkoll-signing-secret',
      schedule: values.schedule ?? env.MALKOLL_SCHEDULE ?? '0 5 * * *',
      runtime: values.runtime ?? 'nodejs22',
      envVars,
    },
  };
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
const line = (args: string[]) => args.map(shellQuote).join(' ');

function gcloud(args: string[], options: { capture: boolean; stdin?: string }): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(args[0]!, args.slice(1), { stdio: [options.stdin === undefined ? 'ignore' : 'pipe', options.capture ? 'pipe' : 'inherit', options.capture ? 'ignore' : 'inherit'] });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new DeployError('gcloud hittades inte. Installera Google Cloud CLI (https://cloud.google.com/sdk) och logga in med "gcloud auth login".') : err),
    );
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

/** What one step needs: nothing, its commands, or (exists but differs) an update. */
async function decide(step: Step, look: boolean): Promise<{ state: 'ok' | 'missing' | 'differs'; commands: Step['run'] }> {
  if (!step.check) return { state: 'missing', commands: step.run };
  if (!look) return { state: 'missing', commands: step.run };
  const { code, stdout } = await gcloud(step.check, { capture: true });
  const ok = step.ok ? step.ok(code, stdout) : code === 0;
  if (ok) return { state: 'ok', commands: [] };
  const first = step.run[0]!;
  if (code === 0 && first.args[3] === 'create') return { state: 'differs', commands: [{ args: asUpdate(first.args) }] };
  return { state: 'missing', commands: step.run };
}

async function gcloudAvailable(): Promise<boolean> {
  try {
    return (await gcloud(['gcloud', '--version'], { capture: true })).code === 0;
  } catch {
    return false;
  }
}

export async function deploy(settings: DeploySettings, options: { dryRun: boolean; root: string; out: (text: string) => void }): Promise<{ ran: string[][] }> {
  const { out } = options;
  const look = await gcloudAvailable();
  if (!look && !options.dryRun) await gcloud(['gcloud', '--version'], { capture: true }); // throws the clear "gcloud hittades inte"
  if (!options.dryRun) {
    for (const target of ['onSheetEdit', 'recalculateAll']) {
      if (!existsSync(path.join(options.root, 'dist/functions', target, 'index.js'))) throw new DeployError(`dist/functions/${target} saknas: kör "npm run build" först.`);
    }
  }
  out(options.dryRun ? '# Målkoll: driftsättning (torrkörning: bara läsande gcloud-frågor har körts)' : '# Målkoll: driftsättning');
  if (!look) out('# gcloud finns inte här: allt visas som om inget fanns');
  out(`# minne: onSheetEdit ${FUNCTION_MEMORY_MB.onSheetEdit} MiB = uppmätt topp ${MEASURED_PEAK_MB} MB (npm run bench, function_peak_rss_mb_10000) × ${HEADROOM}, avrundat uppåt till en storlek Cloud Run har`);
  const ran: string[][] = [];
  for (const step of planSteps(settings)) {
    const { state, commands } = await decide(step, look);
    if (state === 'ok') {
      out(`# ${step.what}: finns redan, ändras inte`);
      continue;
    }
    out(`# ${step.what}${state === 'differs' ? ': finns men avviker, uppdateras' : step.check ? ': saknas, skapas' : ''}`);
    for (const command of commands) {
      const shown = command.stdin === 'secret' ? `printf '%s' "${SECRET_PLACEHOLDER}" | ${line(command.args)}` : line(command.args);
      out(shown);
      if (options.dryRun) continue;
      const stdin = command.stdin === 'secret' ? randomBytes(48).toString('base64') : undefined;
      const { code } = await gcloud(command.args, { capture: false, ...(stdin !== undefined ? { stdin } : {}) });
      ran.push(command.args);
      if (code !== 0) throw new DeployError(`Kommandot misslyckades (kod ${code}): ${command.args.slice(0, 4).join(' ')}`);
    }
  }
  out(
    [
      '# Kvar för en person (en gång): redigeringsutlösaren i Apps Script (README, Google Sheets). Skriptegenskaper:',
      `#   MALKOLL_ENDPOINT = ${functionUrl(settings)}`,
      `#   MALKOLL_SPREADSHEETS = ${settings.envVars.MALKOLL_SPREADSHEETS ?? ''}`,
      `#   MALKOLL_SIGNING_SECRET = det som skrivs ut av: gcloud secrets versions access latest --secret=${settings.secret} --project=${settings.project}`,
      '#   (klistras in direkt i skriptegenskapen; hemligheten visas aldrig av deploy och sparas ingen annanstans)',
    ].join('\n'),
  );
  return { ran };
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { dryRun, settings } = readSettings(process.argv.slice(2), process.env);
  process.chdir(root);
  await deploy(settings, { dryRun, root, out: (text) => console.log(text) });
  if (!dryRun) console.log('Klart: allt som funktionerna behöver finns och är som det ska.');
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof DeployError || err instanceof TypeError ? err.message : err);
    process.exitCode = 1;
  });
}
