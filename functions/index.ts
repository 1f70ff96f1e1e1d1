/**
 * The package's `main`: registers every target (domain.md §6), so `npx functions-framework
 * --target=onSheetEdit` (or `recalculateAll`) serves it, locally and in a source deploy.
 *
 * Configuration is parsed when this module loads (the instance's cold start): a missing or invalid
 * variable stops the process with a message naming it, before any request is served. The Google
 * clients are created lazily, on the first request that needs them, so start-up does no I/O.
 * @module
 */
import * as functions from '@google-cloud/functions-framework';
import { ConfigError, parseConfig, type Config } from '../shared/config.ts';
import { createProductionRecalc } from '../shared/app/production.ts';
import { relaxFrameworkJsonParsing } from './framework-json.ts';
import { createOnSheetEdit, signRunRequest } from './on-sheet-edit.ts';
import { createEditQueue, createTasksClient, tasksEndpoint, type EditQueue } from '../shared/adapters/tasks/index.ts';
import { createRecalculateAll } from './recalculate-all.ts';
import { jsonLogger } from './types.ts';

function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      jsonLogger({ severity: 'ERROR', message: err.message, variables: err.variables });
    }
    throw err;
  }
}

const config = loadConfig();
relaxFrameworkJsonParsing(jsonLogger);

let production: ReturnType<typeof createProductionRecalc> | undefined;
const app = (): ReturnType<typeof createProductionRecalc> => (production ??= createProductionRecalc(config));

/** The edit-storm queue (docs/reliability.md), when MALKOLL_TASKS_QUEUE and MALKOLL_FUNCTION_URL are set. */
function editQueue(): EditQueue | null {
  const { tasksQueue, functionUrl, signingSecret } = config;
  if (tasksQueue === null || functionUrl === null) return null;
  let client: ReturnType<typeof createTasksClient> | undefined;
  return createEditQueue({
    // lazily, like the Sheets clients: start-up does no I/O
    client: { request: (options) => (client ??= createTasksClient()).request(options) },
    queue: tasksQueue,
    functionUrl,
    signRun: (rawBody, atMs, kind) => signRunRequest(signingSecret, rawBody, atMs, kind),
    endpoint: tasksEndpoint(config.googleApiRoot),
  });
}

const queue = editQueue();
functions.http(
  'onSheetEdit',
  createOnSheetEdit({
    config,
    queue,
    recalculate: (spreadsheetId, edit) => app().recalculate(spreadsheetId, edit),
    // with the queue, the summary has a run of its own (at most one per 30 s) instead of one per edit
    summaryRun: queue
      ? { recalculateWorkbook: (spreadsheetId, edit) => app().recalculateWorkbook(spreadsheetId, edit), rebuildSummary: () => app().rebuildSummary() }
      : null,
  }),
);
functions.http('recalculateAll', createRecalculateAll({ recalculateAll: () => app().recalculateAll() }));
