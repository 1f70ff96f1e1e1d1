/**
 * What `npm run deploy` sets up, as data: every resource with how to see whether it exists (and is as
 * wanted) and the commands that create or correct it. deploy.ts asks gcloud about each resource and runs
 * only what is missing or different, so a second run creates nothing; `--dry-run` asks the same questions
 * (read-only) and prints the commands instead of running them.
 * @module
 */
import { FUNCTION_CPU, FUNCTION_ENV, FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT_S, nodeOptionsFor } from './function-runtime.ts';

export interface DeploySettings {
  project: string;
  region: string;
  schedulerRegion: string;
  queueRegion: string;
  queue: string;
  serviceAccount: string;
  schedulerServiceAccount: string;
  secret: string;
  schedule: string;
  runtime: string;
  envVars: Record<string, string>;
}

/** The queue's settings (docs/reliability.md): one run at a time, retries inside the signature's 5-minute window. */
export const QUEUE_SETTINGS = {
  maxConcurrentDispatches: 1,
  maxDispatchesPerSecond: 5,
  maxAttempts: 10,
  minBackoff: '5s',
  maxBackoff: '60s',
  maxDoublings: 3,
  maxRetryDuration: '240s',
} as const;

export const APIS = [
  'cloudfunctions.googleapis.com', 'run.googleapis.com', 'cloudbuild.googleapis.com', 'artifactregistry.googleapis.com',
  'secretmanager.googleapis.com', 'cloudscheduler.googleapis.com', 'cloudtasks.googleapis.com', 'iam.googleapis.com',
  'logging.googleapis.com', 'sheets.googleapis.com', 'drive.googleapis.com',
];

export const JOB = 'malkoll-recalculate-all';
/** stands for the secret's value in a printed command: it is generated and piped, never shown */
export const SECRET_PLACEHOLDER = '<genererad hemlighet, 48 slumpbyte i base64, skickas på stdin och skrivs aldrig ut>';

/** One thing deploy makes sure of. `check` is a read-only gcloud command; `ok` reads its answer. */
export interface Step {
  /** what it is, in the printed plan (Swedish) */
  what: string;
  /** a read-only question; absent: the step always runs (deploying the functions' code) */
  check?: string[];
  /** the answer means the resource is there and as wanted (exit code 0 and stdout) */
  ok?: (code: number, stdout: string) => boolean;
  /** the commands when it is not; `stdin: 'secret'` pipes a freshly generated secret */
  run: { args: string[]; stdin?: 'secret' }[];
}

const sa = (email: string) => `serviceAccount:${email}`;
const hasBinding = (member: string, role: string) => (code: number, out: string) => {
  if (code !== 0) return false;
  try {
    const policy = JSON.parse(out) as { bindings?: { role: string; members?: string[] }[] };
    return (policy.bindings ?? []).some((b) => b.role === role && (b.members ?? []).includes(member));
  } catch {
    return false;
  }
};

/** gcloud splits --set-env-vars on commas; `^;^` switches the delimiter so lists survive. */
function envVarsFlag(vars: Record<string, string>): string {
  return `--set-env-vars=^;^${Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(';')}`;
}

/** The onSheetEdit URL the queue's tasks call back (gen2 functions answer at the cloudfunctions.net address too). */
export function functionUrl(s: DeploySettings): string {
  return `https://${s.region}-${s.project}.cloudfunctions.net/onSheetEdit`;
}

export function queuePath(s: DeploySettings): string {
  return `projects/${s.project}/locations/${s.queueRegion}/queues/${s.queue}`;
}

export function planSteps(s: DeploySettings): Step[] {
  const p = `--project=${s.project}`;
  const queueFlags = [
    `--max-concurrent-dispatches=${QUEUE_SETTINGS.maxConcurrentDispatches}`, `--max-dispatches-per-second=${QUEUE_SETTINGS.maxDispatchesPerSecond}`,
    `--max-attempts=${QUEUE_SETTINGS.maxAttempts}`, `--min-backoff=${QUEUE_SETTINGS.minBackoff}`, `--max-backoff=${QUEUE_SETTINGS.maxBackoff}`,
    `--max-doublings=${QUEUE_SETTINGS.maxDoublings}`, `--max-retry-duration=${QUEUE_SETTINGS.maxRetryDuration}`,
  ];
  const queueAsWanted = (code: number, out: string) => {
    if (code !== 0) return false;
    try {
      const q = JSON.parse(out) as { rateLimits?: Record<string, unknown>; retryConfig?: Record<string, unknown> };
      const r = q.rateLimits ?? {};
      const t = q.retryConfig ?? {};
      return Number(r.maxConcurrentDispatches) === QUEUE_SETTINGS.maxConcurrentDispatches && Number(r.maxDispatchesPerSecond) === QUEUE_SETTINGS.maxDispatchesPerSecond &&
        Number(t.maxAttempts) === QUEUE_SETTINGS.maxAttempts && t.minBackoff === QUEUE_SETTINGS.minBackoff && t.maxBackoff === QUEUE_SETTINGS.maxBackoff &&
        Number(t.maxDoublings) === QUEUE_SETTINGS.maxDoublings && t.maxRetryDuration === QUEUE_SETTINGS.maxRetryDuration;
    } catch {
      return false;
    }
  };
  const env = (target: 'onSheetEdit' | 'recalculateAll') => ({
    ...s.envVars,
    MALKOLL_TASKS_QUEUE: queuePath(s),
    MALKOLL_FUNCTION_URL: functionUrl(s),
    NODE_OPTIONS: nodeOptionsFor(target),
    ...FUNCTION_ENV,
  });
  const deploy = (target: 'onSheetEdit' | 'recalculateAll', access: string): Step => ({
    what: `funktionen ${target} (${FUNCTION_MEMORY_MB[target]} MiB, ${FUNCTION_CPU[target]} vCPU, ${FUNCTION_TIMEOUT_S[target]} s)`,
    run: [{
      args: [
        'gcloud', 'functions', 'deploy', target, '--gen2', `--runtime=${s.runtime}`, `--region=${s.region}`, p,
        `--source=dist/functions/${target}`, `--entry-point=${target}`, '--trigger-http',
        `--service-account=${s.serviceAccount}`, `--memory=${FUNCTION_MEMORY_MB[target]}Mi`, `--cpu=${FUNCTION_CPU[target]}`,
        `--timeout=${FUNCTION_TIMEOUT_S[target]}s`,
        envVarsFlag(env(target)), `--set-secrets=MALKOLL_SIGNING_SECRET=${s.secret}:latest`, access,
      ],
    }],
  });
  const account = (email: string, id: string, name: string): Step => ({
    what: `tjänstekontot ${email}`,
    check: ['gcloud', 'iam', 'service-accounts', 'describe', email, p, '--format=value(email)'],
    run: [{ args: ['gcloud', 'iam', 'service-accounts', 'create', id, `--display-name=${name}`, p] }],
  });
  const jobArgs = (verb: 'create' | 'update', uri: string) => [
    'gcloud', 'scheduler', 'jobs', verb, 'http', JOB, `--location=${s.schedulerRegion}`, p,
    `--schedule=${s.schedule}`, '--time-zone=Europe/Stockholm', '--http-method=POST', `--uri=${uri}`,
    `--oidc-service-account-email=${s.schedulerServiceAccount}`, `--oidc-token-audience=${uri}`,
  ];
  const allUrl = `https://${s.region}-${s.project}.cloudfunctions.net/recalculateAll`;
  return [
    {
      what: `API:erna (${APIS.length})`,
      check: ['gcloud', 'services', 'list', '--enabled', p, '--format=value(config.name)'],
      ok: (code, out) => code === 0 && APIS.every((api) => out.split(/\s+/).includes(api)),
      run: [{ args: ['gcloud', 'services', 'enable', ...APIS, p] }],
    },
    account(s.serviceAccount, s.serviceAccount.split('@')[0]!, 'Målkoll funktioner'),
    account(s.schedulerServiceAccount, s.schedulerServiceAccount.split('@')[0]!, 'Målkoll schemaläggare'),
    {
      what: `hemligheten ${s.secret} (genereras om den saknas; visas aldrig)`,
      check: ['gcloud', 'secrets', 'describe', s.secret, p, '--format=value(name)'],
      run: [
        { args: ['gcloud', 'secrets', 'create', s.secret, '--replication-policy=automatic', p] },
        { args: ['gcloud', 'secrets', 'versions', 'add', s.secret, '--data-file=-', p], stdin: 'secret' },
      ],
    },
    {
      what: `läsrätt till hemligheten för ${s.serviceAccount}`,
      check: ['gcloud', 'secrets', 'get-iam-policy', s.secret, p, '--format=json'],
      ok: hasBinding(sa(s.serviceAccount), 'roles/secretmanager.secretAccessor'),
      run: [{ args: ['gcloud', 'secrets', 'add-iam-policy-binding', s.secret, `--member=${sa(s.serviceAccount)}`, '--role=roles/secretmanager.secretAccessor', p] }],
    },
    {
      what: `kön ${s.queue} i ${s.queueRegion} (en körning åt gången, omförsök inom 4 min)`,
      check: ['gcloud', 'tasks', 'queues', 'describe', s.queue, `--location=${s.queueRegion}`, p, '--format=json'],
      ok: queueAsWanted,
      run: [{ args: ['gcloud', 'tasks', 'queues', 'create', s.queue, `--location=${s.queueRegion}`, p, ...queueFlags] }],
    },
    {
      what: `rätten att köa uppgifter för ${s.serviceAccount}`,
      check: ['gcloud', 'tasks', 'queues', 'get-iam-policy', s.queue, `--location=${s.queueRegion}`, p, '--format=json'],
      ok: hasBinding(sa(s.serviceAccount), 'roles/cloudtasks.enqueuer'),
      run: [{ args: ['gcloud', 'tasks', 'queues', 'add-iam-policy-binding', s.queue, `--location=${s.queueRegion}`, `--member=${sa(s.serviceAccount)}`, '--role=roles/cloudtasks.enqueuer', p] }],
    },
    deploy('onSheetEdit', '--allow-unauthenticated'),
    deploy('recalculateAll', '--no-allow-unauthenticated'),
    {
      what: `rätten för ${s.schedulerServiceAccount} att anropa recalculateAll`,
      check: ['gcloud', 'functions', 'get-iam-policy', 'recalculateAll', '--gen2', `--region=${s.region}`, p, '--format=json'],
      ok: hasBinding(sa(s.schedulerServiceAccount), 'roles/run.invoker'),
      run: [{ args: ['gcloud', 'functions', 'add-invoker-policy-binding', 'recalculateAll', `--region=${s.region}`, p, `--member=${sa(s.schedulerServiceAccount)}`] }],
    },
    {
      what: `schemaläggarjobbet ${JOB} (${s.schedule}, Europe/Stockholm)`,
      check: ['gcloud', 'scheduler', 'jobs', 'describe', JOB, `--location=${s.schedulerRegion}`, p, '--format=json'],
      ok: (code, out) => {
        if (code !== 0) return false;
        try {
          const job = JSON.parse(out) as { schedule?: string; timeZone?: string; httpTarget?: { uri?: string; oidcToken?: { serviceAccountEmail?: string } } };
          return job.schedule === s.schedule && job.timeZone === 'Europe/Stockholm' && job.httpTarget?.uri === allUrl && job.httpTarget?.oidcToken?.serviceAccountEmail === s.schedulerServiceAccount;
        } catch {
          return false;
        }
      },
      // a job that exists but differs is updated; one that is missing is created (deploy.ts picks by the check's exit code)
      run: [{ args: jobArgs('create', allUrl) }],
    },
  ];
}

/** The job's command when it exists and differs: `update` instead of `create`. */
export function asUpdate(args: string[]): string[] {
  return args.map((a, i) => (i === 3 && a === 'create' ? 'update' : a));
}
