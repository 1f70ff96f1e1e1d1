/**
 * Reads back what a later run needs from `Sammanfattning.xlsx`: the state in the hidden `_malkoll` sheet and the
 * rows of `Ändringslogg`. Only those two sheets are scanned (read-grid.ts's reader), never the one-row-per-metric
 * Sammanfattning sheet; a file written by an earlier version (exceljs, shared strings) reads the same way.
 * @module
 */
import { CHANGE_LOG_HEADERS, SHEETS, type CellInput } from '../../engine/index.ts';
import type { SummaryState } from '../../ports.ts';
import { readSheet } from './read-grid.ts';
import { numberKinds } from './cell-input.ts';
import { readNumberFormats } from './ooxml/number-format-table.ts';
import { openPackage, type XlsxPackage } from './ooxml/package.ts';
import { readSharedStrings } from './ooxml/strings.ts';
import type { LogValue } from './summary-workbook.ts';

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** The summary's state: column A of `_malkoll` from the top, joined (older files hold it all in A1). */
export function readSummaryState(bytes: Uint8Array): SummaryState | null {
  const rows = sheetRows(openPackage(bytes), SHEETS.state);
  if (!rows) return null;
  let json = '';
  for (const row of rows) {
    const v = row[0]?.value;
    if (typeof v !== 'string' || v === '') break;
    json += v;
  }
  try {
    const parsed = JSON.parse(json) as Partial<SummaryState> | null;
    if (!parsed || typeof parsed !== 'object') return null;
    return {
      ...parsed,
      contentHash: typeof parsed.contentHash === 'string' ? parsed.contentHash : null,
      changedAt: typeof parsed.changedAt === 'string' ? parsed.changedAt : null,
    };
  } catch {
    return null;
  }
}

/** Every Ändringslogg row under the header, as plain values (formulas as their results, dates as dates). */
export function readChangeLog(bytes: Uint8Array): LogValue[][] {
  const rows = sheetRows(openPackage(bytes), SHEETS.changeLog);
  if (!rows) return [];
  const out: LogValue[][] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((c) => c === null || c === undefined)) continue;
    const values: LogValue[] = [];
    for (let c = 0; c < Math.max(CHANGE_LOG_HEADERS.length, row.length); c++) values.push(plain(row[c]));
    while (values.length > CHANGE_LOG_HEADERS.length && values.at(-1) === null) values.pop();
    out.push(values);
  }
  return out;
}

function sheetRows(pkg: XlsxPackage, sheetName: string): (CellInput | null | undefined)[][] | null {
  const entry = pkg.sheets.find((s) => s.name === sheetName && s.part !== null);
  if (!entry) return null;
  const strings = pkg.related('sharedStrings');
  const styles = pkg.related('styles');
  return readSheet(pkg.read(entry.part!), entry.name, {
    sharedStrings: strings?.target ? readSharedStrings(pkg.read(strings.target)) : [],
    kindOf: numberKinds(readNumberFormats(styles?.target ? pkg.read(styles.target) : null)),
    date1904: pkg.date1904,
  }).rows;
}

function plain(cell: CellInput | null | undefined): LogValue {
  if (!cell) return null;
  if (cell.error) return cell.error;
  if (cell.date !== undefined && typeof cell.value === 'number') return new Date(EPOCH_1900 + cell.value * DAY_MS);
  if (typeof cell.value === 'boolean') return cell.value ? 'SANT' : 'FALSKT';
  return cell.value;
}
