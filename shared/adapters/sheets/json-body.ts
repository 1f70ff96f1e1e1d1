/**
 * A request body serialised as it is sent: large arrays (a summary's thousands of rows, a first run's
 * twenty thousand cells) are written element by element into 64 KB chunks of a stream, so the whole JSON
 * text of a batchUpdate is never one string in memory. Same bytes as JSON.stringify.
 * @module
 */
import { Readable } from 'node:stream';

const CHUNK = 64 * 1024;
const SMALL_ARRAY = 32;

/** An array whose JSON is short enough to be one piece: a few numbers or strings, nothing nested. */
const flat = (value: unknown[]) => value.length <= SMALL_ARRAY && value.every((v) => v === null || typeof v !== 'object');

function* pieces(value: unknown): Generator<string> {
  // any array with something nested is walked: a batchUpdate's few requests hold the thousands of rows
  if (Array.isArray(value) && !flat(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* pieces(value[i] === undefined || typeof value[i] === 'function' ? null : value[i]);
    }
    yield ']';
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && (value as object).constructor === Object) {
    yield '{';
    let first = true;
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined || typeof child === 'function') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* pieces(child);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value);
}

/** The JSON of `value` as a stream of UTF-8 chunks (send with `content-type: application/json`). */
export function jsonBody(value: unknown): Readable {
  return Readable.from(
    (function* () {
      let buffer = '';
      for (const piece of pieces(value)) {
        buffer += piece;
        if (buffer.length >= CHUNK) {
          yield Buffer.from(buffer, 'utf8');
          buffer = '';
        }
      }
      if (buffer) yield Buffer.from(buffer, 'utf8');
    })(),
    { objectMode: false },
  );
}

/** The call options that go with a streamed JSON body. */
export const JSON_BODY_HEADERS = { 'content-type': 'application/json' };

/** `spreadsheets.batchUpdate` with its body streamed (a fresh stream per attempt: retries call this again). */
export function batchUpdateStreamed(
  sheets: import('@googleapis/sheets').sheets_v4.Sheets,
  spreadsheetId: string,
  requests: import('@googleapis/sheets').sheets_v4.Schema$Request[],
  options: { retry: false; timeout: number },
): Promise<unknown> {
  return sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: jsonBody({ requests }) as never }, { ...options, headers: JSON_BODY_HEADERS });
}
