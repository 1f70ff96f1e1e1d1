/**
 * Read access to the summary for the addresses in `Sammanfattning delas med`: only domains the
 * operator allows, only role `reader`, no duplicates, a notification mail only for a new grant, and
 * revocation only of what Målkoll itself granted (and still holds as reader). When the set's settings
 * disagree (`agreed` false) nothing is granted or revoked until they agree.
 * @module
 */
import type { drive_v3 } from '@googleapis/drive';
import { withRetry, GoogleApiError, type RetryPolicy } from './retry.ts';
import type { GrantedPermission } from './state.ts';
import { partitionShareTargets } from '../../engine/index.ts';

export interface ShareResult {
  granted: string[];
  revoked: string[];
  refused: string[];
}

async function listPermissions(drive: drive_v3.Drive, fileId: string, retry?: Partial<RetryPolicy>): Promise<drive_v3.Schema$Permission[]> {
  const all: drive_v3.Schema$Permission[] = [];
  let pageToken: string | undefined;
  do {
    const res = await withRetry('drive.permissions.list', (o) =>
      drive.permissions.list({ fileId, supportsAllDrives: true, pageSize: 100, fields: 'nextPageToken,permissions(id,type,role,emailAddress)', ...(pageToken ? { pageToken } : {}) }, o),
    retry);
    all.push(...(res.data.permissions ?? []));
    pageToken = res.data.nextPageToken ?? undefined;
  } while (pageToken);
  return all;
}

/** Applies the sharing wish; returns the outcome and the new list of Målkoll's own grants. */
export async function share(
  deps: { drive: drive_v3.Drive; fileId: string; shareDomains: string[]; retry?: Partial<RetryPolicy> },
  addresses: string[],
  agreed: boolean,
  previous: GrantedPermission[],
  /** force: look at Drive even when nothing changed (the scheduled run re-grants what a person removed) */
  options: { force?: boolean } = {},
): Promise<ShareResult & { grants: GrantedPermission[] }> {
  const partition = partitionShareTargets(addresses, deps.shareDomains);
  const wanted = partition.allowed.map((t) => ({ original: t.original, address: t.email, type: t.type }));
  const refused = partition.refused.map((r) => r.address);
  if (!agreed) return { granted: [], revoked: [], refused, grants: previous };
  // nothing to grant or revoke since the last run: no Drive call (every call counts against the quota)
  const same = wanted.length === previous.length && wanted.every((w) => previous.some((g) => g.address === w.address && g.type === w.type));
  if (same && !options.force) return { granted: [], revoked: [], refused, grants: previous };
  const existing = await listPermissions(deps.drive, deps.fileId, deps.retry);
  const byAddress = new Map(existing.filter((p) => p.emailAddress).map((p) => [p.emailAddress!.toLowerCase(), p]));
  const byId = new Map(existing.map((p) => [p.id, p]));
  const granted: string[] = [];
  const revoked: string[] = [];
  const grants: GrantedPermission[] = [];

  for (const g of previous) {
    const current = byId.get(g.permissionId);
    if (!current) continue; // removed by a person: nothing of ours left
    if (current.role !== 'reader') continue; // a person changed it: theirs now
    if (wanted.some((w) => w.address === g.address)) {
      grants.push(g);
      continue;
    }
    try {
      await withRetry('drive.permissions.delete', (o) => deps.drive.permissions.delete({ fileId: deps.fileId, permissionId: g.permissionId, supportsAllDrives: true }, o), deps.retry);
    } catch (error) {
      if (!(error instanceof GoogleApiError && error.status === 404)) throw error;
    }
    revoked.push(g.address);
  }

  for (const w of wanted) {
    if (byAddress.has(w.address)) continue; // already has access (ours or someone else's): never duplicate or change
    const res = await withRetry('drive.permissions.create', (o) =>
      deps.drive.permissions.create(
        { fileId: deps.fileId, supportsAllDrives: true, sendNotificationEmail: true, fields: 'id', requestBody: { role: 'reader', type: w.type, emailAddress: w.address } },
        o,
      ),
    deps.retry);
    grants.push({ address: w.address, type: w.type, permissionId: res.data.id ?? '' });
    granted.push(w.original);
  }
  return { granted, revoked, refused, grants };
}
