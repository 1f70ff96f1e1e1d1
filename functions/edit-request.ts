/**
 * The body of the edit call (domain.md §6), strict: a field not in the contract is refused.
 * @module
 */
import { z } from 'zod';

const GOOGLE_ID = /^[A-Za-z0-9_-]{1,200}$/;
const CELL = String.raw`\$?[A-Z]{1,3}\$?[1-9]\d{0,6}`;
const COLUMN = String.raw`\$?[A-Z]{1,3}`;
const ROW = String.raw`\$?[1-9]\d{0,6}`;
/** `F7`, `A1:C3`, `A:C`, `3:5`, `A5:A`; no sheet name (`Mätetal!F7` is refused). */
export const A1_RANGE = new RegExp(`^(?:${CELL}(?::${CELL})?|${COLUMN}:${COLUMN}|${ROW}:${ROW}|${CELL}:${COLUMN})$`, 'i');

export const editRequestSchema = z.strictObject({
  spreadsheetId: z.string().regex(GOOGLE_ID, 'spreadsheetId ska vara ett kalkylarks-id'),
  sheetName: z.string().min(1, 'sheetName saknas').max(100, 'sheetName är för långt'),
  range: z.string().regex(A1_RANGE, 'range ska vara A1-notation utan bladnamn, t.ex. F7'),
  editedAt: z.iso.datetime({ offset: true, error: 'editedAt ska vara en ISO 8601-tidpunkt, t.ex. 2025-03-01T10:15:00Z' }),
});

export type EditRequest = z.infer<typeof editRequestSchema>;

export type EditParse = { ok: true; edit: EditRequest } | { ok: false; reason: string };

/** Parses the raw bytes (the signed ones, not the framework's parsed body). */
export function parseEditRequest(rawBody: Uint8Array): EditParse {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(rawBody));
  } catch {
    return { ok: false, reason: 'kroppen är inte giltig JSON (UTF-8)' };
  }
  const result = editRequestSchema.safeParse(json);
  if (result.success) return { ok: true, edit: result.data };
  const reason = result.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return { ok: false, reason };
}
