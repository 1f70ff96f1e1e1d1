/**
 * What the fake does for each Google method it implements: the Sheets and Drive models behind one
 * switch, by discovery id. Validation, faults and quotas happen before (handle.ts).
 * @module
 */
import type { ResolvedMethod } from './discovery.ts';
import { maskSelects, parseFieldMask } from './field-mask.ts';
import { FakeGoogleError, badRequest, notFound } from './errors.ts';
import { seedSpreadsheet, spreadsheetResource, valueRanges, parseA1, type FakeSpreadsheet } from './sheets-state.ts';
import { applyBatch } from './sheets-batch.ts';
import { SPREADSHEET_MIME, type FakeDrive } from './drive-state.ts';

export interface FakeState {
  books: Map<string, FakeSpreadsheet>;
  drive: FakeDrive;
  validationErrors: string[];
}

export function book(state: FakeState, id: string): FakeSpreadsheet {
  const found = state.books.get(id);
  if (!found) throw notFound();
  return found;
}

export function dispatch(state: FakeState, m: ResolvedMethod, q: URLSearchParams, body: any): { status?: number; json?: unknown } {
  const id = m.pathParams.spreadsheetId ?? '';
  const allDrives = q.get('supportsAllDrives') === 'true';
  const { drive } = state;
  switch (m.id) {
    case 'sheets.spreadsheets.get': {
      const b = book(state, id);
      const fields = q.get('fields');
      const withData = fields ? maskSelects(parseFieldMask(fields), 'sheets.data') : q.get('includeGridData') === 'true';
      const resource = spreadsheetResource(b, withData);
      const ranges = q.getAll('ranges');
      if (ranges.length) {
        const titles = new Set(ranges.map((r) => parseA1(b, r).sheet.properties.title));
        resource.sheets = resource.sheets?.filter((s) => titles.has(s.properties?.title ?? ''));
      }
      return { json: resource };
    }
    case 'sheets.spreadsheets.batchUpdate': {
      const result = applyBatch(book(state, id), body?.requests ?? []);
      if (result.maskErrors.length) {
        state.validationErrors.push(...result.maskErrors);
        throw badRequest(result.maskErrors.join('; '));
      }
      state.books.set(id, result.book);
      return { json: { spreadsheetId: id, replies: result.replies } };
    }
    case 'sheets.spreadsheets.values.batchGet':
      return { json: valueRanges(book(state, id), q.getAll('ranges')) };
    case 'drive.files.create': {
      const file = drive.create(body ?? {}, allDrives);
      if (file.mimeType === SPREADSHEET_MIME) state.books.set(file.id, seedSpreadsheet(file.id, file.name, []));
      return { json: { kind: 'drive#file', id: file.id, name: file.name, mimeType: file.mimeType } };
    }
    case 'drive.files.get': {
      const file = drive.files.get(m.pathParams.fileId ?? '');
      if (!file || (file.driveId && !allDrives)) throw notFound(`File not found: ${m.pathParams.fileId}.`);
      return { json: { kind: 'drive#file', id: file.id, name: file.name, mimeType: file.mimeType, parents: file.parents, ...(file.driveId ? { driveId: file.driveId } : {}) } };
    }
    case 'drive.files.copy': {
      const sourceId = m.pathParams.fileId ?? '';
      const file = drive.copy(sourceId, body ?? {}, allDrives);
      const source = state.books.get(sourceId);
      if (source) {
        const copy = structuredClone(source);
        copy.spreadsheetId = file.id;
        copy.properties.title = file.name;
        state.books.set(file.id, copy);
      }
      return { json: { kind: 'drive#file', id: file.id, name: file.name, mimeType: file.mimeType, parents: file.parents } };
    }
    case 'drive.files.list': {
      const files = drive.list(q.get('q') ?? '', allDrives && q.get('includeItemsFromAllDrives') === 'true');
      return { json: { kind: 'drive#fileList', incompleteSearch: false, files: files.map((f) => ({ kind: 'drive#file', id: f.id, name: f.name, mimeType: f.mimeType, parents: f.parents })) } };
    }
    case 'drive.permissions.list':
      return { json: drive.listPermissions(m.pathParams.fileId ?? '', allDrives, Number(q.get('pageSize') ?? 100), q.get('pageToken')) };
    case 'drive.permissions.create':
      return {
        json: drive.createPermission(m.pathParams.fileId ?? '', body ?? {}, {
          supportsAllDrives: allDrives,
          sendNotificationEmail: q.get('sendNotificationEmail') !== 'false',
        }),
      };
    case 'drive.permissions.delete':
      drive.deletePermission(m.pathParams.fileId ?? '', m.pathParams.permissionId ?? '', allDrives);
      return { status: 204 };
    default:
      throw new FakeGoogleError(501, `The Google fake does not implement ${m.id}`, { status: 'UNIMPLEMENTED' });
  }
}
