/**
 * Local .xlsx/.xlsm workbooks: the WorkbookStore and SummaryStore of shared/ports.ts for a folder, the embedded
 * default. The same roles as shared/adapters/sheets/index.ts: a workbook store factory and its options, a summary
 * store factory and the Ändringslogg headers, then what only this adapter has (files, backups, templates).
 * @module
 */
import type { DemoWorkbook } from '../../../sheets-templates/demo/types.ts';

export { createXlsxWorkbookStore, sha256 } from './workbook-store.ts';
export type { XlsxStoreOptions } from './workbook-store.ts';
export { createXlsxSummaryStore, SUMMARY_FILE, SUMMARY_HTML } from './summary-store.ts';
export { readWorkbookFile, readWorkbookGrid } from './read-grid.ts';
export { listWorkbooks, isWorkbookFileName, workbookNameOf } from './list-workbooks.ts';
export { BACKUP_DIR, DEFAULT_BACKUPS, listBackups } from './backups.ts';
export { createXlsxArchiveStore, archiveFileNames } from './archive-store.ts';
export { summaryKindOf } from './summary-kind.ts';
export { STATE_LABEL } from './state-sheet.ts';
/** What a local run needs beyond the stores: leftovers of an interrupted run, and the seams tests act at. */
export { removeLeftovers } from './leftovers.ts';
export { isProcessAlive } from './process-alive.ts';
export type { ReplaceHook, ReplaceStep } from './atomic-replace.ts';
export type { SummaryWriteHook, SummaryWriteStep, XlsxSummaryOptions } from './summary-store.ts';
/** The name watch.ts uses for "is this file part of the set". */
export { isWorkbookFileName as isSetWorkbookName } from './list-workbooks.ts';

/** A workbook by the template spec (create-workbook.ts); exceljs loads only when one is made: a recalc never needs it. */
export async function writeTemplateWorkbook(path: string, content?: DemoWorkbook): Promise<void> {
  const { writeTemplateWorkbook: write } = await import('./create-workbook.ts');
  return write(path, content);
}
