/**
 * What the user sees after a run, read from the pipeline's outputs: the product's cells per row (from the
 * write plan, i.e. what lands in the sheet) and the lines of the summary's Datakvalitet block.
 */
import { findSheet, normalizeName, type WorkbookGrid } from '../../shared/engine/model/grid.ts';
import type { WritePlan } from '../../shared/engine/model/model.ts';
import type { SummaryDocument } from '../../shared/engine/model/summary-model.ts';
import { PRODUCT_COLUMNS } from '../../shared/engine/model/template.ts';

export interface ProductRow {
  status: string | undefined;
  explanation: string | undefined;
}

function headerColumn(grid: WorkbookGrid, plan: WritePlan, sheetName: string, header: string): number | undefined {
  const headerRow = findSheet(grid, sheetName)?.rows[0] ?? [];
  const i = headerRow.findIndex((c) => typeof c?.value === 'string' && normalizeName(c.value) === normalizeName(header));
  if (i >= 0) return i + 1;
  return plan.writes.find((w) => normalizeName(w.sheet) === normalizeName(sheetName) && w.rowNumber === 1 && w.value === header)?.columnNumber;
}

/** Utveckling and Förklaring of every row the plan writes in a sheet. */
export function productRows(grid: WorkbookGrid, plan: WritePlan, sheetName: string): Map<number, ProductRow> {
  const dev = headerColumn(grid, plan, sheetName, 'Utveckling');
  const expl = headerColumn(grid, plan, sheetName, 'Förklaring');
  const rows = new Map<number, ProductRow>();
  for (const w of plan.writes) {
    if (normalizeName(w.sheet) !== normalizeName(sheetName) || w.rowNumber === 1) continue;
    const r = rows.get(w.rowNumber) ?? { status: undefined, explanation: undefined };
    if (w.columnNumber === dev) r.status = w.value;
    if (w.columnNumber === expl) r.explanation = w.value;
    rows.set(w.rowNumber, r);
  }
  return rows;
}

/** Writes that land outside the product's own columns (must be none). */
export function writesOutsideProductColumns(grid: WorkbookGrid, plan: WritePlan): string[] {
  return plan.writes
    .filter((w) => {
      const sheet = Object.keys(PRODUCT_COLUMNS).find((k) => normalizeName(k) === normalizeName(w.sheet));
      const owned = sheet ? PRODUCT_COLUMNS[sheet]! : [];
      return !owned.some((h) => headerColumn(grid, plan, w.sheet, h) === w.columnNumber);
    })
    .map((w) => `${w.sheet}!R${w.rowNumber}C${w.columnNumber}`);
}

/** Every Datakvalitet line as `workbook | sheet | row | subject | message`. */
export function qualityLines(summary: SummaryDocument): string[] {
  const start = summary.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Datakvalitet');
  if (start < 0) throw new Error('the summary has no Datakvalitet block');
  const lines: string[] = [];
  for (const b of summary.blocks.slice(start + 1)) {
    if (b.kind === 'heading' && b.level === 2) break;
    if (b.kind === 'table') lines.push(...b.rows.map((r) => r.map((c) => c.text).join(' | ')));
  }
  return lines;
}

/** The lines of a Datakvalitet block that match none of the expected patterns. */
export function unexpectedLines(lines: string[], expected: RegExp[]): string[] {
  return lines.filter((l) => !expected.some((re) => re.test(l)));
}

/** sv-SE formatting puts non-breaking spaces in numbers; patterns in the catalogue are written with plain ones. */
export function plain(text: string | undefined | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}
