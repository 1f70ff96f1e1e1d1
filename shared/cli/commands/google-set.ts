/**
 * The configured Google workbooks for a command run by a person or an operator (`new-year google`): only
 * `MALKOLL_SPREADSHEETS` and, for tests and emulators, `MALKOLL_GOOGLE_API_ROOT` are needed; credentials come
 * from Application Default Credentials.
 * @module
 */
import { ENV, GOOGLE_API_ROOT_MESSAGE, parseGoogleApiRoot } from '../../config.ts';
import { createGoogleClients, createSheetsWorkbookStore, type GoogleClients } from '../../adapters/sheets/index.ts';
import type { WorkbookStore } from '../../ports.ts';
import { CliError } from '../cli-error.ts';

export interface GoogleCommandDeps {
  env?: Record<string, string | undefined>;
  clients?: () => GoogleClients;
}

const GOOGLE_ID = /^[A-Za-z0-9_-]{1,200}$/;

export function googleWorkbookStore(deps: GoogleCommandDeps = {}): { store: WorkbookStore; count: number } {
  const env = deps.env ?? process.env;
  const ids = [...new Set((env[ENV.spreadsheets] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  if (ids.length === 0) throw new CliError(`${ENV.spreadsheets} saknas; ange id:n för arbetsböckerna, åtskilda med kommatecken`);
  const bad = ids.find((id) => !GOOGLE_ID.test(id));
  if (bad !== undefined) throw new CliError(`${ENV.spreadsheets} innehåller ett ogiltigt id: ska vara ett id ur adressen, inte hela adressen`);
  const rawRoot = env[ENV.googleApiRoot]?.trim();
  const rootUrl = rawRoot ? parseGoogleApiRoot(rawRoot) : null;
  if (rawRoot && rootUrl === null) throw new CliError(`${ENV.googleApiRoot} ${GOOGLE_API_ROOT_MESSAGE}`);
  const clients = (deps.clients ?? (() => createGoogleClients({ rootUrl })))();
  return { store: createSheetsWorkbookStore({ sheets: clients.sheets, spreadsheetIds: ids }), count: ids.length };
}
