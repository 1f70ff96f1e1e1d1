/**
 * Configuration of the functions and of `setup google` (domain.md §6), parsed once at the edge from the
 * environment into a plain object. Nothing below `parseConfig` reads `process.env`. Operators read the
 * error messages, so they name the variable and say what a good value looks like (Swedish).
 * @module
 */
import { z } from 'zod';
import { alertTarget, type AlertTarget } from './adapters/alerts/target.ts';
import { koladaRoot } from './adapters/kolada/root.ts';
import { ConfigError } from './config-error.ts';

export { ConfigError };

export interface Config {
  /** shared with the edit trigger; trimmed (a secret pasted with a trailing newline still matches) */
  signingSecret: string;
  /** the only workbooks the product may read or write, in the order given, without duplicates */
  spreadsheets: string[];
  summarySpreadsheet: string | null;
  /** a folder in a shared drive, where the function may create the summary (a service account owns no files) */
  driveFolder: string | null;
  /** lower-case e-mail domains the summary may be shared with; empty: shared with nobody */
  shareDomains: string[];
  /**
   * Cloud Tasks queue (`projects/P/locations/L/queues/Q`) that coalesces edit storms, and the URL of
   * `onSheetEdit` its tasks call back. Both or neither; null: every edit recalculates inline.
   */
  tasksQueue: string | null;
  functionUrl: string | null;
  /**
   * For tests and emulators only: the base URL every Sheets, Drive and Cloud Tasks call goes to instead of
   * Google's (normalised to end in `/`); null, Google's own hosts. Credentials still come from ADC.
   */
  googleApiRoot: string | null;
  /** MALKOLL_ALERT_WEBHOOK: where status changes are announced (domain.md §7); null: nowhere */
  alertTarget: AlertTarget | null;
  /** MALKOLL_KOLADA_URL: Kolada's API root without the version (default its public address) */
  koladaRoot: string;
}

export const ENV = {
  signingSecret: 'MALKOLL_SIGNING_SECRET',
  spreadsheets: 'MALKOLL_SPREADSHEETS',
  summarySpreadsheet: 'MALKOLL_SUMMARY_SPREADSHEET',
  driveFolder: 'MALKOLL_DRIVE_FOLDER',
  shareDomains: 'MALKOLL_SHARE_DOMAINS',
  tasksQueue: 'MALKOLL_TASKS_QUEUE',
  functionUrl: 'MALKOLL_FUNCTION_URL',
  googleApiRoot: 'MALKOLL_GOOGLE_API_ROOT',
} as const;

export const MIN_SECRET_LENGTH = 32;

/** Google Drive/Sheets ids: letters, digits, `-` and `_` (a pasted URL holds `/` and `:`). */
const GOOGLE_ID = /^[A-Za-z0-9_-]{1,200}$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const QUEUE = /^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/locations\/[a-z]+-[a-z]+\d+\/queues\/[A-Za-z0-9-]{1,100}$/;

const googleIdMessage = 'ska vara ett id ur adressen (bokstäver, siffror, - och _), inte hela adressen';

/** 127.0.0.0/8, ::1 and localhost: a plain-http address only these may have. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host);
}

/** https anywhere, or http to this machine (tests, emulators); nothing after the path. */
function httpsOrLoopback(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.protocol === 'https:') return url;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname) ? url : null;
}

/** The API root as the clients want it: origin and path, ending in `/`. */
export function parseGoogleApiRoot(value: string): string | null {
  const url = httpsOrLoopback(value.trim());
  if (!url) return null;
  return `${url.origin}${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}`;
}

export const GOOGLE_API_ROOT_MESSAGE =
  'ska vara en https-adress, eller http till den egna datorn (127.0.0.1, ::1, localhost), t.ex. http://127.0.0.1:9099/ – bara för tester och emulatorer';

/** Blank means unset: deploy tools often pass an empty string for a variable left out. */
function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

function list(value: string): string[] {
  return [...new Set(value.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}

const googleId = z.string().trim().regex(GOOGLE_ID, googleIdMessage);

const schema = z.object({
  [ENV.signingSecret]: z.preprocess(
    blankToUndefined,
    z
      .string({ error: `saknas; ange en hemlighet på minst ${MIN_SECRET_LENGTH} tecken, samma som redigeringsutlösaren använder` })
      .trim()
      .min(MIN_SECRET_LENGTH, `är för kort; den ska ha minst ${MIN_SECRET_LENGTH} tecken`),
  ),
  [ENV.spreadsheets]: z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'saknas; ange id:n för arbetsböckerna, åtskilda med kommatecken' })
      .transform(list)
      .pipe(
        z
          .array(z.string().regex(GOOGLE_ID, `innehåller ett ogiltigt id: ${googleIdMessage}`))
          .min(1, 'saknas; ange id:n för arbetsböckerna, åtskilda med kommatecken'),
      ),
  ),
  [ENV.summarySpreadsheet]: z.preprocess(blankToUndefined, googleId.optional()),
  [ENV.driveFolder]: z.preprocess(blankToUndefined, googleId.optional()),
  [ENV.shareDomains]: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((s) => list(s).map((d) => d.replace(/^@/, '').toLowerCase()))
      .pipe(z.array(z.string().regex(DOMAIN, 'innehåller en ogiltig domän (t.ex. region.se)')))
      .optional(),
  ),
  [ENV.tasksQueue]: z.preprocess(
    blankToUndefined,
    z.string().trim().regex(QUEUE, 'ska ha formen projects/PROJEKT/locations/REGION/queues/KÖ').optional(),
  ),
  [ENV.functionUrl]: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((v) => httpsOrLoopback(v) !== null, 'ska vara onSheetEdit-funktionens https-adress, t.ex. https://europe-north1-projekt.cloudfunctions.net/onSheetEdit')
      .optional(),
  ),
  [ENV.googleApiRoot]: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((v, ctx) => parseGoogleApiRoot(v) ?? (ctx.addIssue({ code: 'custom', message: GOOGLE_API_ROOT_MESSAGE }), z.NEVER))
      .optional(),
  ),
});

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse({
    [ENV.signingSecret]: env[ENV.signingSecret],
    [ENV.spreadsheets]: env[ENV.spreadsheets],
    [ENV.summarySpreadsheet]: env[ENV.summarySpreadsheet],
    [ENV.driveFolder]: env[ENV.driveFolder],
    [ENV.shareDomains]: env[ENV.shareDomains],
    [ENV.tasksQueue]: env[ENV.tasksQueue],
    [ENV.functionUrl]: env[ENV.functionUrl],
    [ENV.googleApiRoot]: env[ENV.googleApiRoot],
  });
  // the two optional service addresses have rules of their own (adapters/http/endpoint.ts); every fault at once
  const problems = result.success ? [] : result.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message }));
  const optional = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return fallback;
    }
  };
  const alerts = optional(() => alertTarget(env), null);
  const kolada = optional(() => koladaRoot(env), '');
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const v = result.data;
  const summarySpreadsheet = v[ENV.summarySpreadsheet] ?? null;
  if (summarySpreadsheet !== null && v[ENV.spreadsheets].includes(summarySpreadsheet)) {
    throw new ConfigError([
      {
        variable: ENV.summarySpreadsheet,
        message: `är också en arbetsbok i ${ENV.spreadsheets}; sammanfattningen ska ligga i ett eget kalkylark`,
      },
    ]);
  }
  const tasksQueue = v[ENV.tasksQueue] ?? null;
  const functionUrl = v[ENV.functionUrl] ?? null;
  if ((tasksQueue === null) !== (functionUrl === null)) {
    const missing = tasksQueue === null ? ENV.tasksQueue : ENV.functionUrl;
    const other = tasksQueue === null ? ENV.functionUrl : ENV.tasksQueue;
    throw new ConfigError([{ variable: missing, message: `saknas; den behövs när ${other} är satt (ange båda eller ingen)` }]);
  }
  return {
    signingSecret: v[ENV.signingSecret],
    spreadsheets: v[ENV.spreadsheets],
    summarySpreadsheet,
    driveFolder: v[ENV.driveFolder] ?? null,
    shareDomains: v[ENV.shareDomains] ?? [],
    tasksQueue,
    functionUrl,
    googleApiRoot: v[ENV.googleApiRoot] ?? null,
    alertTarget: alerts,
    koladaRoot: kolada,
  };
}
