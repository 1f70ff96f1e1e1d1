/**
 * The fake's Drive: folders (in My Drive or in a shared drive), files and their permissions, with the
 * service-account rule that matters to Målkoll: it may create files only inside a shared drive.
 * @module
 */
import type { drive_v3 } from '@googleapis/drive';
import { SPREADSHEET_MIME } from '../../adapters/sheets/drive-mime.ts';
import { FakeGoogleError, badRequest, notFound, storageQuotaExceeded } from './errors.ts';

export interface FakeFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  /** set when the file lives in a shared drive */
  driveId?: string;
  permissions: drive_v3.Schema$Permission[];
}

export interface SentNotification {
  fileId: string;
  emailAddress: string;
}

export { SPREADSHEET_MIME };
export const FOLDER_MIME = 'application/vnd.google-apps.folder';

const OWNER = { id: '01234567890123456789', type: 'user', role: 'owner', emailAddress: 'strateg@region.se', kind: 'drive#permission' };

export class FakeDrive {
  readonly files = new Map<string, FakeFile>();
  readonly notifications: SentNotification[] = [];
  private next = 1;

  newId(prefix: string): string {
    return `${prefix}${String(this.next++).padStart(6, '0')}`;
  }

  addFolder(name: string, options: { sharedDrive?: boolean } = {}): string {
    const id = this.newId(options.sharedDrive ? 'sdfolder' : 'folder');
    this.files.set(id, {
      id, name, mimeType: FOLDER_MIME, parents: [],
      ...(options.sharedDrive ? { driveId: 'shared-drive-1' } : {}),
      permissions: options.sharedDrive ? [] : [{ ...OWNER, id: OWNER.id }],
    });
    return id;
  }

  /** a spreadsheet a person owns and shared with the service account (in `parent`, a folder, when given) */
  addPersonOwnedFile(id: string, name: string, parent?: string): void {
    const folder = parent ? this.files.get(parent) : undefined;
    if (parent && folder?.mimeType !== FOLDER_MIME) throw new Error(`no folder ${parent}`);
    this.files.set(id, {
      id, name, mimeType: SPREADSHEET_MIME, parents: parent ? [parent] : [],
      ...(folder?.driveId ? { driveId: folder.driveId } : {}),
      permissions: [{ ...OWNER }],
    });
  }

  /**
   * A copy made by the service account: in `body.parents` or the source's parent, which must be a folder in a
   * shared drive (a service account can own no files elsewhere). Explicit permissions are not copied.
   */
  copy(fileId: string, body: drive_v3.Schema$File, supportsAllDrives: boolean): FakeFile {
    const source = this.visible(fileId, supportsAllDrives);
    const parents = body.parents ?? source.parents;
    if (parents.length > 1) throw badRequest('A shared drive item must have exactly one parent.');
    const parent = parents[0] ? this.visible(parents[0], supportsAllDrives) : undefined;
    if (parent && parent.mimeType !== FOLDER_MIME) throw badRequest(`The parent ${parent.id} is not a folder.`);
    if (!parent?.driveId) throw storageQuotaExceeded();
    const file: FakeFile = { id: this.newId('copy'), name: body.name ?? `Kopia av ${source.name}`, mimeType: source.mimeType, parents: [parent.id], driveId: parent.driveId, permissions: [] };
    this.files.set(file.id, file);
    return file;
  }

  /**
   * `files.list` for the queries Målkoll sends: `name = '…'`, `'<id>' in parents`, `trashed = false`, joined by
   * `and`; anything else is answered 400 so a query the fake does not understand is noticed.
   */
  list(q: string, supportsAllDrives: boolean): FakeFile[] {
    const terms = q.split(/\s+and\s+/i).map((t) => t.trim()).filter(Boolean);
    const tests = terms.map((term): ((f: FakeFile) => boolean) => {
      let m = /^name\s*=\s*'((?:[^'\\]|\\.)*)'$/.exec(term);
      if (m) {
        const name = m[1]!.replace(/\\(.)/g, '$1');
        return (f) => f.name === name;
      }
      m = /^'([^']+)'\s+in\s+parents$/.exec(term);
      if (m) {
        const parent = m[1]!;
        return (f) => f.parents.includes(parent);
      }
      if (/^trashed\s*=\s*false$/.test(term)) return () => true;
      throw badRequest(`Invalid Value: the Google fake does not understand the query term ${term}`);
    });
    return [...this.files.values()].filter((f) => (!f.driveId || supportsAllDrives) && tests.every((t) => t(f)));
  }

  private visible(fileId: string, supportsAllDrives: boolean): FakeFile {
    const file = this.files.get(fileId);
    // items of shared drives are invisible to callers that do not declare shared-drive support
    if (!file || (file.driveId && !supportsAllDrives)) throw notFound(`File not found: ${fileId}.`);
    return file;
  }

  create(body: drive_v3.Schema$File, supportsAllDrives: boolean): FakeFile {
    const parents = body.parents ?? [];
    if (parents.length > 1) throw badRequest('A shared drive item must have exactly one parent.');
    const parent = parents[0] ? this.visible(parents[0], supportsAllDrives) : undefined;
    if (parent && parent.mimeType !== FOLDER_MIME) throw badRequest(`The parent ${parent.id} is not a folder.`);
    if (!parent?.driveId) throw storageQuotaExceeded();
    const file: FakeFile = {
      id: this.newId('sheet'),
      name: body.name ?? 'Namnlös',
      mimeType: body.mimeType ?? 'application/octet-stream',
      parents: [parent.id],
      driveId: parent.driveId,
      permissions: [],
    };
    this.files.set(file.id, file);
    return file;
  }

  listPermissions(fileId: string, supportsAllDrives: boolean, pageSize: number, pageToken: string | null): drive_v3.Schema$PermissionList {
    const file = this.visible(fileId, supportsAllDrives);
    const start = pageToken ? Number(pageToken) : 0;
    const page = file.permissions.slice(start, start + pageSize);
    const more = start + pageSize < file.permissions.length;
    return { kind: 'drive#permissionList', permissions: page, ...(more ? { nextPageToken: String(start + pageSize) } : {}) };
  }

  createPermission(fileId: string, body: drive_v3.Schema$Permission, options: { supportsAllDrives: boolean; sendNotificationEmail: boolean }): drive_v3.Schema$Permission {
    const file = this.visible(fileId, options.supportsAllDrives);
    if (!body.role || !body.type) throw badRequest('The permission role and type are required.');
    if ((body.type === 'user' || body.type === 'group') && !body.emailAddress) throw badRequest('The permission value field is required.');
    if (body.role === 'owner') throw new FakeGoogleError(403, "The transferOwnership parameter must be enabled when the permission role is 'owner'.", { reason: 'forbidden', status: null });
    const email = body.emailAddress?.toLowerCase();
    const existing = file.permissions.find((p) => p.emailAddress?.toLowerCase() === email && p.type === body.type);
    if (existing) {
      existing.role = body.role;
      return existing;
    }
    const permission: drive_v3.Schema$Permission = {
      kind: 'drive#permission',
      id: String(10_000_000_000 + this.next++),
      type: body.type,
      role: body.role,
      ...(body.emailAddress ? { emailAddress: body.emailAddress } : {}),
    };
    file.permissions.push(permission);
    if (options.sendNotificationEmail && email) this.notifications.push({ fileId, emailAddress: email });
    return permission;
  }

  deletePermission(fileId: string, permissionId: string, supportsAllDrives: boolean): void {
    const file = this.visible(fileId, supportsAllDrives);
    const before = file.permissions.length;
    file.permissions = file.permissions.filter((p) => p.id !== permissionId);
    if (file.permissions.length === before) throw notFound(`Permission not found: ${permissionId}.`);
  }
}
