/**
 * Google Sheets + Drive adapter: the WorkbookStore and SummaryStore of shared/ports.ts for production.
 * @module
 */
export { createSheetsWorkbookStore, type SheetsWorkbookStoreDeps } from './workbook-store.ts';
export { createGoogleClients, SCOPES, type GoogleClients } from './client.ts';
export { withRetry, GoogleApiError, DEFAULT_RETRY, type RetryPolicy } from './retry.ts';
export { createSheetsSummaryStore, CHANGE_LOG_HEADERS, type SheetsSummaryStore, type SheetsSummaryStoreDeps } from './summary-store.ts';
export { type ShareResult } from './sharing.ts';
export { PROTECTION_DESCRIPTION } from './protection.ts';
export { createSheetsArchiveStore, archiveTitle, type SheetsArchiveDeps } from './archive-store.ts';
