/**
 * The product's own state (engine/grid.ts ProductState) in the hidden sheet `_malkoll`: A1 a label for
 * the curious, then the JSON in chunks down column A (a cell holds at most 32 767 characters).
 * @module
 */
import type { Workbook } from 'xlsx-populate';
import { SHEETS, type ProductState } from '../../engine/index.ts';

export const STATE_LABEL = 'Målkoll: produktens interna tillstånd – ändra inte i detta blad';
export const STATE_CHUNK = 30_000;

export function readStateSheet(wb: Workbook): ProductState | null {
  const sheet = wb.sheet(SHEETS.state);
  if (!sheet) return null;
  let json = '';
  for (let r = 2; ; r++) {
    const row = sheet.row(r);
    if (!row.hasCell(1)) break;
    const value = row.cell(1).value();
    if (typeof value !== 'string' || value === '') break;
    json += value;
  }
  return parseState(json);
}

export function parseState(json: string): ProductState | null {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object') return null;
    const written = (parsed as { written?: unknown }).written;
    if (!written || typeof written !== 'object') return null;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(written)) if (typeof v === 'string') out[k] = v;
    return { written: out };
  } catch {
    return null;
  }
}

export function writeStateSheet(wb: Workbook, state: ProductState): void {
  const sheet = wb.sheet(SHEETS.state) ?? wb.addSheet(SHEETS.state);
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += STATE_CHUNK) chunks.push(json.slice(i, i + STATE_CHUNK));
  sheet.cell(1, 1).value(STATE_LABEL);
  chunks.forEach((chunk, i) => sheet.cell(i + 2, 1).value(chunk));
  // Clear leftover chunks from a longer earlier state.
  for (let r = chunks.length + 2; sheet.row(r).hasCell(1); r++) {
    if (sheet.cell(r, 1).value() === undefined) break;
    sheet.cell(r, 1).value(null);
  }
  if (sheet.hidden() === false) sheet.hidden(true);
}
