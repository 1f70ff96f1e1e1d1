/**
 * Google Sheets + Drive adapter: the WorkbookStore and SummaryStore of shared/ports.ts for production. The same
 * roles as shared/adapters/xlsx/index.ts: a workbook store factory and its options, a summary store factory and
 * the Ändringslogg headers, then what only this adapter has (clients, retries, sharing, protection, formats).
 * @module
 */
export { createSheetsWorkbookStore, type SheetsWorkbookStoreDeps } from './workbook-store.ts';
export { createSheetsSummaryStore, type SheetsSummaryStore, type SheetsSummaryStoreDeps } from './summary-store.ts';
export { createGoogleClients, SCOPES, type GoogleClients } from './client.ts';
export { withRetry, GoogleApiError, DEFAULT_RETRY, type RetryPolicy } from './retry.ts';
export { type ShareResult } from './sharing.ts';
export { PROTECTION_DESCRIPTION } from './protection.ts';
export { createSheetsArchiveStore, archiveTitle, type SheetsArchiveDeps } from './archive-store.ts';
export { colour } from './cell-format.ts';
export { SPREADSHEET_MIME } from './drive-mime.ts';
