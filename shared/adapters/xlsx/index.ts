/**
 * Local .xlsx/.xlsm workbooks: the embedded default adapter of WorkbookStore (ports.ts).
 * @module
 */
export { createXlsxWorkbookStore, sha256 } from './workbook-store.ts';
export type { XlsxStoreOptions } from './workbook-store.ts';
export { readWorkbookFile, readWorkbookGrid } from './read-grid.ts';
export { listWorkbooks, isWorkbookFileName, workbookNameOf } from './list-workbooks.ts';
export { SUMMARY_FILE } from './summary-store.ts';
export { BACKUP_DIR, DEFAULT_BACKUPS, listBackups } from './backups.ts';
export { createXlsxArchiveStore, archiveFileNames } from './archive-store.ts';
export { summaryKindOf } from './summary-kind.ts';
export { STATE_LABEL } from './state-sheet.ts';
/** The name watch.ts uses for "is this file part of the set". */
export { isWorkbookFileName as isSetWorkbookName } from './list-workbooks.ts';
