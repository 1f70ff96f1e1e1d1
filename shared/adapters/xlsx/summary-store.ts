/**
 * SummaryStore for a local folder: `Sammanfattning.xlsx` (created by us, so exceljs) and the printable
 * `Sammanfattning.html`. Ändringslogg rows already in the file are read back and kept; new ones are
 * appended. Both files are written to a temp name and renamed, so a reader never sees half a file.
 * @module
 */
import { existsSync } from 'node:fs';
import { copyFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { SummaryState, SummaryStore } from '../../ports.ts';
import { SHEETS, type SummaryDocument, type ChangeLogRow } from '../../engine/index.ts';
import { renderSummaryHtml } from '../../render/html-summary.ts';
import { buildSummaryWorkbook, CHANGE_LOG_COLUMNS, type LogValue } from './summary-workbook.ts';
import { openSummarySheets } from './open-summary-sheets.ts';

export const SUMMARY_FILE = 'Sammanfattning.xlsx';
export const SUMMARY_HTML = 'Sammanfattning.html';

export function createXlsxSummaryStore(dir: string): SummaryStore {
  const path = join(dir, SUMMARY_FILE);
  const htmlPath = join(dir, SUMMARY_HTML);

  return {
    async readState() {
      const wb = await open(path, [SHEETS.state]);
      return wb ? stateOf(wb) : null;
    },

    async write(doc: SummaryDocument, state: SummaryState, changeLog: ChangeLogRow[]) {
      let kept: LogValue[][] = [];
      if (existsSync(path)) {
        const old = await open(path, [SHEETS.changeLog]);
        if (old) kept = changeLogRows(old);
        // a file we cannot read would lose its change log on rewrite: keep a copy beside it
        else await copyFile(path, `${path}.bak`);
      }
      const wb = await buildSummaryWorkbook(doc, state, kept, changeLog);
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      await atomicWrite(path, buffer);
      await atomicWrite(htmlPath, renderSummaryHtml(doc));
    },

    location() {
      return path;
    },
  };
}

/** Only the sheets named: the rest of the file is never parsed (see open-summary-sheets.ts). */
async function open(path: string, sheets: string[]): Promise<ExcelJS.Workbook | null> {
  if (!existsSync(path)) return null;
  try {
    return await openSummarySheets(await readFile(path), sheets);
  } catch {
    return null;
  }
}

function stateOf(wb: ExcelJS.Workbook): SummaryState | null {
  const raw = wb.getWorksheet(SHEETS.state)?.getCell('A1').value;
  if (typeof raw !== 'string') return null;
  try {
    const parsed = JSON.parse(raw) as Partial<SummaryState>;
    return {
      contentHash: typeof parsed.contentHash === 'string' ? parsed.contentHash : null,
      changedAt: typeof parsed.changedAt === 'string' ? parsed.changedAt : null,
    };
  } catch {
    return null;
  }
}

/** every row under the header, as plain values (rich text and formulas flattened to what they show) */
function changeLogRows(wb: ExcelJS.Workbook): LogValue[][] {
  const ws = wb.getWorksheet(SHEETS.changeLog);
  if (!ws) return [];
  const rows: LogValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: LogValue[] = [];
    for (let c = 1; c <= Math.max(CHANGE_LOG_COLUMNS.length, row.cellCount); c++) values.push(plain(row.getCell(c)));
    while (values.length > CHANGE_LOG_COLUMNS.length && values.at(-1) === null) values.pop();
    rows.push(values);
  });
  return rows;
}

function plain(cell: ExcelJS.Cell): LogValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  return cell.text;
}

async function atomicWrite(path: string, data: Buffer | string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
