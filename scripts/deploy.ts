/**
 * `npm run deploy [-- --dry-run]`: deploys both functions, lets the scheduler's service account invoke
 * `recalculateAll`, and creates (or updates) the Cloud Scheduler job. `--dry-run` prints the gcloud
 * commands as a shell script instead of running them.
 *
 *   onSheetEdit     public (--allow-unauthenticated): the HMAC signature of the edit call is its authentication
 *   recalculateAll  private (--no-allow-unauthenticated): Cloud Run IAM admits only callers with
 *                   roles/run.invoker, here Cloud Scheduler with an OIDC token of its service account
 *
 * Settings (flag, else environment, else default): --project (MALKOLL_PROJECT, GOOGLE_CLOUD_PROJECT),
 * --region (MALKOLL_REGION, europe-north2), --scheduler-region (MALKOLL_SCHEDULER_REGION, the region),
 * --service-account (MALKOLL_SERVICE_ACCOUNT, malkoll@<project>.iam.gserviceaccount.com),
 * --scheduler-service-account (MALKOLL_SCHEDULER_SERVICE_ACCOUNT, malkoll-scheduler@…),
 * --secret (MALKOLL_SECRET_NAME, malkoll-signing-secret: the Secret Manager secret holding
 * MALKOLL_SIGNING_SECRET), --schedule (MALKOLL_SCHEDULE, "0 5 * * *", Europe/Stockholm),
 * --runtime (nodejs22). The functions' own configuration (MALKOLL_SPREADSHEETS, …) is taken from the
 * environment and validated as the functions will validate it.
 * @module
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, ENV, MIN_SECRET_LENGTH, parseConfig } from '../shared/config.ts';

const JOB = 'malkoll-recalculate-all';
/** stands for the recalculateAll URL until it is known (dry run: a shell substitution) */
const URL_PLACEHOLDER = '\u0000URL\u0000';

export interface DeploySettings {
  project: string;
  region: string;
  schedulerRegion: string;
  serviceAccount: string;
  schedulerServiceAccount: string;
  secret: string;
  schedule: string;
  runtime: string;
  envVars: Record<string, string>;
}

export class DeployError extends Error {}

export function readSettings(argv: string[], env: Record<string, string | undefined>): { dryRun: boolean; settings: DeploySettings } {
  const { values } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean', default: false },
      project: { type: 'string' },
      region: { type: 'string' },
      'scheduler-region': { type: 'string' },
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

/** gcloud splits --set-env-vars on commas; `^;^` switches the delimiter so lists survive. */
function envVarsFlag(vars: Record<string, string>): string {
  return `--set-env-vars=^;^${Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(';')}`;
}

export interface DeployPlan {
  deploy: string[][];
  describeUrl: string[];
  describeJob: string[];
  /** arguments of the scheduler job; URL_PLACEHOLDER stands for the recalculateAll URL */
  schedulerJob: (verb: 'create' | 'update') => string[];
}

export function planDeploy(s: DeploySettings): DeployPlan {
  const common = (target: string): string[] => [
    'gcloud', 'functions', 'deploy', target,
    '--gen2', `--runtime=${s.runtime}`, `--region=${s.region}`, `--project=${s.project}`,
    `--source=dist/functions/${target}`, `--entry-point=${target}`, '--trigger-http',
    `--service-account=${s.serviceAccount}`, envVarsFlag(s.envVars),
  ];
  return {
    deploy: [
      [...common('onSheetEdit'), '--allow-unauthenticated', `--set-secrets=MALKOLL_SIGNING_SECRET=${s.secret}:latest`, '--timeout=120s'],
      [...common('recalculateAll'), '--no-allow-unauthenticated', `--set-secrets=MALKOLL_SIGNING_SECRET=${s.secret}:latest`, '--timeout=540s'],
      [
        'gcloud', 'functions', 'add-invoker-policy-binding', 'recalculateAll', `--region=${s.region}`, `--project=${s.project}`,
        `--member=serviceAccount:${s.schedulerServiceAccount}`,
      ],
    ],
    describeUrl: [
      'gcloud', 'functions', 'describe', 'recalculateAll', '--gen2', `--region=${s.region}`, `--project=${s.project}`,
      '--format=value(serviceConfig.uri)',
    ],
    describeJob: ['gcloud', 'scheduler', 'jobs', 'describe', JOB, `--location=${s.schedulerRegion}`, `--project=${s.project}`],
    schedulerJob: (verb) => [
      'gcloud', 'scheduler', 'jobs', verb, 'http', JOB, `--location=${s.schedulerRegion}`, `--project=${s.project}`,
      `--schedule=${s.schedule}`, '--time-zone=Europe/Stockholm', '--http-method=POST', `--uri=${URL_PLACEHOLDER}`,
      `--oidc-service-account-email=${s.schedulerServiceAccount}`, `--oidc-token-audience=${URL_PLACEHOLDER}`,
    ],
  };
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function renderDryRun(plan: DeployPlan): string {
  const line = (args: string[]): string => args.map(shellQuote).join(' ');
  const url = `"$RECALCULATE_ALL_URL"`;
  return [
    '# Målkoll: driftsättning (torrkörning, inget har körts)',
    ...plan.deploy.map(line),
    `RECALCULATE_ALL_URL="$(${line(plan.describeUrl)})"`,
    '# finns jobbet redan: byt "create" mot "update"',
    line(plan.schedulerJob('create')).split(shellQuote(`--uri=${URL_PLACEHOLDER}`)).join(`--uri=${url}`)
      .split(shellQuote(`--oidc-token-audience=${URL_PLACEHOLDER}`)).join(`--oidc-token-audience=${url}`),
  ].join('\n');
}

function run(args: string[], capture = false): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const [cmd, ...rest] = args;
    const child = spawn(cmd!, rest, { stdio: ['inherit', capture ? 'pipe' : 'inherit', 'inherit'] });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new DeployError('gcloud hittades inte. Installera Google Cloud CLI (https://cloud.google.com/sdk) och logga in med "gcloud auth login".')
          : err,
      ),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

async function runPlan(plan: DeployPlan, root: string): Promise<void> {
  await run(['gcloud', '--version'], true); // throws the clear "gcloud hittades inte" before anything else
  for (const target of ['onSheetEdit', 'recalculateAll']) {
    if (!existsSync(path.join(root, 'dist/functions', target, 'index.js'))) {
      throw new DeployError(`dist/functions/${target} saknas: kör "npm run build" först.`);
    }
  }
  const must = async (args: string[]): Promise<string> => {
    console.log(`$ ${args.join(' ')}`);
    const { code, stdout } = await run(args, args === plan.describeUrl);
    if (code !== 0) throw new DeployError(`Kommandot misslyckades (kod ${code}): ${args.slice(0, 4).join(' ')}`);
    return stdout.trim();
  };
  for (const args of plan.deploy) await must(args);
  const url = await must(plan.describeUrl);
  if (!/^https:\/\//.test(url)) throw new DeployError(`Fick ingen adress till recalculateAll (${url || 'tom'}).`);
  const exists = (await run(plan.describeJob, true)).code === 0;
  await must(plan.schedulerJob(exists ? 'update' : 'create').map((a) => a.replace(URL_PLACEHOLDER, url)));
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { dryRun, settings } = readSettings(process.argv.slice(2), process.env);
  const plan = planDeploy(settings);
  if (dryRun) {
    console.log(renderDryRun(plan));
    return;
  }
  process.chdir(root);
  await runPlan(plan, root);
  console.log('Klart: onSheetEdit och recalculateAll är driftsatta och schemalagda.');
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof DeployError || err instanceof TypeError ? err.message : err);
    process.exitCode = 1;
  });
}
