/**
 * `malkoll setup google [--demo] [--folder ID]`: run by a person with their own Application Default
 * Credentials. Creates the spreadsheets (shared/app/setup-google.ts) and prints, exactly, what is left
 * to do by hand: no API binds the trigger script or creates triggers.
 * @module
 */
import { parseArgs } from 'node:util';
import { ConfigError, ENV } from '../../config.ts';
import { GoogleApiError, SCOPES, createGoogleClients, type GoogleClients } from '../../adapters/sheets/index.ts';
import { parseSetupConfig, setupGoogle, SETUP_ENV, type SetupResult } from '../../app/setup-google.ts';
import { CliError } from '../cli-error.ts';
import type { CliConsole } from '../console.ts';

export interface SetupCommandDeps {
  env?: Record<string, string | undefined>;
  clients?: () => GoogleClients;
}

export const SETUP_USAGE = 'malkoll setup google [--demo] [--folder ID]';

export const ADC_LOGIN =
  'gcloud auth application-default login --scopes=https://www.googleapis.com/auth/cloud-platform,' + SCOPES.join(',');

const SA_PLACEHOLDER = 'malkoll@PROJEKT-ID.iam.gserviceaccount.com';

export async function setupCommand(args: string[], io: CliConsole, deps: SetupCommandDeps = {}): Promise<void> {
  const [target, ...rest] = args;
  if (target !== 'google') throw new UsageError(`'setup' stöder bara 'google': ${SETUP_USAGE}`);
  let values: { demo?: boolean; folder?: string };
  try {
    values = parseArgs({ args: rest, options: { demo: { type: 'boolean' }, folder: { type: 'string' } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${SETUP_USAGE}`);
  }
  let config;
  try {
    config = parseSetupConfig(deps.env ?? process.env, values.folder);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`${error.message}\n(eller ange --folder ID)`);
    throw error;
  }
  const clients = (deps.clients ?? (() => createGoogleClients({ scopes: SCOPES, rootUrl: config.googleApiRoot })))();
  io.out(`Skapar ${values.demo ? 'demo-arbetsböckerna' : 'en tom mall'} och sammanfattningen i Drive-mappen ${config.driveFolder} …`);
  let result: SetupResult;
  try {
    result = await setupGoogle(clients, { folderId: config.driveFolder, demo: values.demo ?? false });
  } catch (error) {
    throw new CliError(explain(error, config.driveFolder));
  }
  for (const wb of result.workbooks) io.out(`  skapad arbetsbok: ${wb.title}  ${wb.url}`);
  io.out(`  skapad sammanfattning: ${result.summary.title}  ${result.summary.url}`);
  io.out('');
  io.out(remainingSteps(result, config.serviceAccount));
}

/** Exit code 2 in app.ts: the command line itself was wrong. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function explain(error: unknown, folder: string): string {
  if (error instanceof GoogleApiError) {
    if (error.status === 401 || /credential|invalid_grant/i.test(error.message)) {
      return `Google godtog inte inloggningen (${error.message}). Logga in som person:\n  ${ADC_LOGIN}`;
    }
    if (error.status === 403 && error.reason === 'storageQuotaExceeded') {
      return `Drive vägrade skapa filen: inloggningen är ett tjänstekonto, som inte kan äga filer. Kör setup som person:\n  ${ADC_LOGIN}`;
    }
    if (error.status === 403 || error.status === 404) {
      return `Mappen ${folder} finns inte eller går inte att skriva i för den inloggade personen (${error.message}).`;
    }
    return `Google svarade ${error.status}: ${error.message}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/default credentials|Could not load the default credentials/i.test(message)) {
    return `Ingen inloggning hittades (Application Default Credentials). Logga in som person:\n  ${ADC_LOGIN}`;
  }
  return message;
}

/** The manual steps, in order, with every value filled in (Swedish, for the operator). */
export function remainingSteps(result: SetupResult, serviceAccount: string | null): string {
  const ids = result.workbooks.map((w) => w.id).join(',');
  const sa = serviceAccount ?? SA_PLACEHOLDER;
  const all = [...result.workbooks, result.summary];
  return [
    'Kvar att göra för hand (i den här ordningen):',
    '',
    '1. Sätt miljövariablerna för funktionerna (de används av npm run deploy):',
    `   export ${ENV.spreadsheets}=${ids}`,
    `   export ${ENV.summarySpreadsheet}=${result.summary.id}`,
    `   export ${ENV.shareDomains}=DIN-DOMÄN.se   # domäner sammanfattningen får delas med`,
    '',
    `2. Dela varje kalkylark med funktionens tjänstekonto ${sa} som Redigerare`,
    '   (Dela → lägg till adressen → Redigerare → avmarkera "Avisera personer"):',
    ...all.map((s) => `   - ${s.title}: ${s.url}`),
    ...(serviceAccount ? [] : [`   (Byt PROJEKT-ID mot ert projekt, eller sätt ${SETUP_ENV.serviceAccount} och kör setup igen.)`]),
    '',
    '3. Bygg och driftsätt funktionerna (se docs/google.md):',
    '   npm run build',
    '   npm run deploy -- --dry-run',
    '   npm run deploy',
    '',
    '4. Skapa redigeringsutlösarens Apps Script-projekt med clasp (som person):',
    '   npx @google/clasp login',
    '   npx @google/clasp create --type standalone --title "Målkoll – redigeringsutlösare" --rootDir dist/apps-script',
    '   npm run build   # återställer dist/apps-script/Code.gs och appsscript.json om clasp skrev över dem',
    '   npx @google/clasp push --force   # laddar upp dist/apps-script/Code.gs och appsscript.json',
    '',
    '5. Sätt skriptegenskaperna (script.google.com → projektet → Projektinställningar → Skriptegenskaper):',
    '   MALKOLL_SIGNING_SECRET = samma hemlighet som i Secret Manager (minst 32 tecken)',
    '   MALKOLL_ENDPOINT = adressen till onSheetEdit:',
    "     gcloud functions describe onSheetEdit --gen2 --region=europe-north2 --format='value(serviceConfig.uri)'",
    `   MALKOLL_SPREADSHEETS = ${ids}`,
    '',
    '6. Kör funktionen installTriggers en gång i skriptredigeraren och godkänn behörigheterna.',
    `   Kör den igen varje gång ${ENV.spreadsheets} ändras.`,
    '',
    '7. Prova: skriv ett utfall på bladet Mätetal; inom några sekunder fylls Utveckling och Förklaring i,',
    `   och sammanfattningen uppdateras: ${result.summary.url}`,
  ].join('\n');
}
