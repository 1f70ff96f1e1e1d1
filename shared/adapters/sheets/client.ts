/**
 * Clients for production: Application Default Credentials (the function's service account on Cloud
 * Run, `gcloud auth application-default login` on a laptop). `auth` comes from @googleapis/sheets,
 * which is google-auth-library itself, so its version matches what the generated clients expect.
 * @module
 */
import { sheets, auth, type sheets_v4 } from '@googleapis/sheets';
import { drive, type drive_v3 } from '@googleapis/drive';

export const SCOPES = ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/drive'];

export interface GoogleClients {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
}

export interface ClientOptions {
  scopes?: string[];
  /**
   * MALKOLL_GOOGLE_API_ROOT (tests and emulators): every call goes to this base URL. Left out, the
   * clients get no root option at all and use Google's own hosts.
   */
  rootUrl?: string | null;
}

export function createGoogleClients(options: ClientOptions = {}): GoogleClients {
  const credentials = new auth.GoogleAuth({ scopes: options.scopes ?? SCOPES });
  const root = options.rootUrl ? { rootUrl: options.rootUrl } : {};
  // retries are ours (retry.ts); gaxios' would double them
  return {
    sheets: sheets({ version: 'v4', auth: credentials, retry: false, ...root }),
    drive: drive({ version: 'v3', auth: credentials as never, retry: false, ...root }),
  };
}

export { withRetry, GoogleApiError, DEFAULT_RETRY, type RetryPolicy } from './retry.ts';
