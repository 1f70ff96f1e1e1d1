/**
 * Palette keys to Sheets cell formats: the one place that turns engine colours into CellData.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { PALETTE, type CellStyleKey } from '../../engine/index.ts';

/** The format fields the product owns in its cells; updates are masked to exactly these. */
export const PRODUCT_CELL_FIELDS =
  'userEnteredValue,userEnteredFormat.backgroundColor,userEnteredFormat.textFormat.foregroundColor,userEnteredFormat.textFormat.bold';

export function colour(hex: string): sheets_v4.Schema$Color {
  const n = (i: number) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 10_000) / 10_000;
  return { red: n(0), green: n(2), blue: n(4) };
}

export function hexOf(c: sheets_v4.Schema$Color | undefined | null): string | null {
  if (!c) return null;
  const part = (v: number | null | undefined) => Math.round((v ?? 0) * 255).toString(16).padStart(2, '0').toUpperCase();
  return part(c.red) + part(c.green) + part(c.blue);
}

export function styledCell(text: string, style: CellStyleKey): sheets_v4.Schema$CellData {
  const p = PALETTE[style];
  return {
    userEnteredValue: { stringValue: text },
    userEnteredFormat: {
      ...(p.fill ? { backgroundColor: colour(p.fill) } : {}),
      textFormat: { foregroundColor: colour(p.font), bold: p.bold ?? false },
    },
  };
}
