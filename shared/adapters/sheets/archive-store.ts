/**
 * ArchiveStore for Google (domain.md §7): an approved year's summary kept as a copy of the summary spreadsheet,
 * `Sammanfattning ÅÅÅÅ (fastställd ÅÅÅÅ-MM-DD)`, beside it (in its folder), shared read-only with the summary's
 * readers. The copy's hidden `_malkoll` holds the approved snapshot instead of the live summary's state (the
 * cached models and grants are not the archive's). Nothing writes it again. A copy of that name already in the
 * folder — made by a run whose last write was lost — is adopted, so no year is archived twice.
 *
 * A service account can own no Drive files: the copy can be made only when the summary lies in a shared drive
 * (or `MALKOLL_DRIVE_FOLDER`, a folder in one, is given); otherwise Drive refuses and the run says so.
 * @module
 */
import type { drive_v3 } from '@googleapis/drive';
import type { sheets_v4 } from '@googleapis/sheets';
import { SHEETS, type ApprovedSnapshot } from '../../engine/index.ts';
import type { ApprovedArchive, ArchiveStore } from '../../ports.ts';
import { GoogleApiError, withRetry, type CallOptions, type RetryPolicy } from './retry.ts';
import { share } from './sharing.ts';
import { STATE_HEADER, STATE_SHEET_ID, chunked, freeSheetId } from './state.ts';
import { packSnapshot, unpackSnapshot } from './summary-year-state.ts';

export interface SheetsArchiveDeps {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
  /** the live summary's id (known once the summary exists) */
  summarySpreadsheetId: () => string | null;
  /** a folder in a shared drive, where the archive goes when the summary's own folder cannot take it */
  driveFolderId: string | null;
  shareDomains: string[];
  retry?: Partial<RetryPolicy>;
}

export function archiveTitle(year: number, approvedOn: string): string {
  return `Sammanfattning ${year} (fastställd ${approvedOn})`;
}

const urlOf = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;

interface ArchiveStateDoc {
  kind: 'archive';
  version: 1;
  year: number;
  approvedOn: string;
  /** the snapshot's JSON, gzip + base64 */
  snapshot: string;
}

export function createSheetsArchiveStore(deps: SheetsArchiveDeps): ArchiveStore {
  const { sheets, drive } = deps;
  const call = <T>(operation: string, run: (o: CallOptions) => Promise<T>) => withRetry(operation, run, deps.retry);

  async function folderOf(fileId: string): Promise<string | null> {
    const res = await call('drive.files.get', (o) => drive.files.get({ fileId, supportsAllDrives: true, fields: 'parents' }, o));
    return res.data.parents?.[0] ?? deps.driveFolderId;
  }

  async function findCopy(name: string, folder: string): Promise<string | null> {
    const q = `name = '${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}' and '${folder}' in parents and trashed = false`;
    const res = await call('drive.files.list', (o) =>
      drive.files.list({ q, fields: 'files(id,name)', supportsAllDrives: true, includeItemsFromAllDrives: true, pageSize: 10 }, o),
    );
    return res.data.files?.[0]?.id ?? null;
  }

  async function snapshotIn(spreadsheetId: string): Promise<ApprovedArchive | null> {
    const res = await call('sheets.spreadsheets.values.batchGet', (o) => sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: [`'${SHEETS.state}'!A:A`] }, o));
    const text = (res.data.valueRanges?.[0]?.values ?? []).slice(1).map((r) => String(r[0] ?? '')).join('');
    try {
      const doc = JSON.parse(text) as ArchiveStateDoc;
      if (doc.kind !== 'archive') return null;
      return { approvedOn: doc.approvedOn, location: urlOf(spreadsheetId), snapshot: unpackSnapshot(doc.snapshot) };
    } catch {
      return null;
    }
  }

  /** The copy's `_malkoll` replaced by the archive's own state: the old sheet deleted, a new hidden one added. */
  async function markAsArchive(copyId: string, snapshot: ApprovedSnapshot): Promise<void> {
    const res = await call('sheets.spreadsheets.get', (o) => sheets.spreadsheets.get({ spreadsheetId: copyId, fields: 'sheets.properties(sheetId,title)' }, o));
    const all = (res.data.sheets ?? []).map((s) => s.properties ?? {});
    const old = all.find((p) => p.title === SHEETS.state);
    const sheetId = freeSheetId(all.map((p) => p.sheetId ?? 0), STATE_SHEET_ID);
    const doc: ArchiveStateDoc = { kind: 'archive', version: 1, year: snapshot.year, approvedOn: snapshot.approvedOn, snapshot: packSnapshot(snapshot) };
    const rows = [STATE_HEADER, ...chunked(JSON.stringify(doc))].map((text) => ({ values: [{ userEnteredValue: { stringValue: text } }] }));
    const requests: sheets_v4.Schema$Request[] = [
      ...(old?.sheetId != null ? [{ deleteSheet: { sheetId: old.sheetId } }] : []),
      { addSheet: { properties: { sheetId, title: SHEETS.state, hidden: true, gridProperties: { rowCount: rows.length, columnCount: 1 } } } },
      { updateCells: { start: { sheetId, rowIndex: 0, columnIndex: 0 }, rows, fields: 'userEnteredValue' } },
    ];
    await call('sheets.spreadsheets.batchUpdate', (o) => sheets.spreadsheets.batchUpdate({ spreadsheetId: copyId, requestBody: { requests } }, o));
  }

  return {
    async archive(_doc, snapshot, readers) {
      const liveId = deps.summarySpreadsheetId();
      if (!liveId) throw new Error('det finns ingen sammanfattning att kopiera');
      const name = archiveTitle(snapshot.year, snapshot.approvedOn);
      const folder = await folderOf(liveId);
      if (folder) {
        const existing = await findCopy(name, folder);
        if (existing) {
          const adopted = await snapshotIn(existing);
          if (adopted) return adopted;
          throw new Error(`'${name}' finns redan i mappen och är inte Målkolls arkiv – den skrivs inte över`);
        }
      }
      let copyId: string;
      try {
        const res = await call('drive.files.copy', (o) =>
          drive.files.copy({ fileId: liveId, supportsAllDrives: true, fields: 'id', requestBody: { name, ...(folder ? { parents: [folder] } : {}) } }, o),
        );
        copyId = res.data.id ?? '';
      } catch (error) {
        if (error instanceof GoogleApiError && error.reason === 'storageQuotaExceeded') {
          throw new Error('Drive tillåter inte tjänstekontot att äga kopian – lägg sammanfattningen i en delad enhet, eller ange MALKOLL_DRIVE_FOLDER (en mapp i en delad enhet)');
        }
        throw error;
      }
      await markAsArchive(copyId, snapshot);
      await share({ drive, fileId: copyId, shareDomains: deps.shareDomains, ...(deps.retry ? { retry: deps.retry } : {}) }, readers.addresses, readers.agreed, []);
      return { approvedOn: snapshot.approvedOn, location: urlOf(copyId), snapshot };
    },
  };
}
