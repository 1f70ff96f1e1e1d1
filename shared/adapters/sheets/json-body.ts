/**
 * A request body serialised as it is sent: large arrays (a summary's thousands of rows, a first run's
 * twenty thousand cells) are written element by element into 64 KB chunks of a stream, so the whole JSON
 * text of a batchUpdate is never one string in memory. Same bytes as JSON.stringify.
 * @module
 */
import { Readable } from 'node:stream';
import { jsonPieces } from '../../json-pieces.ts';

const CHUNK = 64 * 1024;
/** The text of JSON.stringify(value) in pieces of about 64 K characters (never one cut inside a string). */
export function* jsonText(value: unknown): Generator<string> {
  let buffer = '';
  for (const piece of jsonPieces(value)) {
    buffer += piece;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** The JSON of `value` as a stream of UTF-8 chunks (send with `content-type: application/json`). */
export function jsonBody(value: unknown): Readable {
  return Readable.from(
    (function* () {
      for (const text of jsonText(value)) yield Buffer.from(text, 'utf8');
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
