/**
 * The text of JSON.stringify(value) as a sequence of short pieces, for what would otherwise make one string of
 * megabytes: a request body sent as a stream (adapters/sheets/json-body.ts), a hash of a workbook's cells or of
 * a model (read-grid.ts gridVersion, app/model-cache.ts), which are the same bytes hashed piece by piece.
 * @module
 */

/** A value of at most this many parts (a row, a cell, a short list) is one piece; its JSON is short. */
const PIECE_PARTS = 512;

/** Whether `value` has at most `budget.left` parts (a long string counts as many); stops once it has more. */
function fewParts(value: unknown, budget: { left: number }): boolean {
  budget.left -= typeof value === 'string' ? 1 + (value.length >> 6) : 1;
  if (budget.left < 0) return false;
  if (value === null || typeof value !== 'object') return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) if (!fewParts(child, budget)) return false;
  return true;
}

/**
 * The text of JSON.stringify(value) in pieces: anything large is walked (a batchUpdate's few requests hold
 * thousands of rows), anything small is stringified whole.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (typeof value === 'object' && value !== null && !fewParts(value, { left: PIECE_PARTS })) {
    if (Array.isArray(value)) {
      yield '[';
      for (let i = 0; i < value.length; i++) {
        if (i > 0) yield ',';
        yield* jsonPieces(value[i] === undefined || typeof value[i] === 'function' ? null : value[i]);
      }
      yield ']';
      return;
    }
    if ((value as object).constructor === Object) {
      yield '{';
      let first = true;
      for (const [key, child] of Object.entries(value)) {
        if (child === undefined || typeof child === 'function') continue;
        yield `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        yield* jsonPieces(child);
      }
      yield '}';
      return;
    }
  }
  yield JSON.stringify(value);
}
