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

export interface ShareResult {
  granted: string[];
  revoked: string[];
  refused: string[];
}

interface Wanted {
  original: string;
  address: string;
  type: 'user' | 'group';
}

const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;

export function parseAddresses(addresses: string[], domains: string[]): { wanted: Wanted[]; refused: string[] } {
  const allowed = new Set(domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean));
  const wanted: Wanted[] = [];
  const refused: string[] = [];
  for (const original of addresses.map((a) => a.trim()).filter(Boolean)) {
    const group = /^grupp:/i.test(original);
    const address = original.replace(/^grupp:/i, '').trim().toLowerCase();
    const domain = EMAIL.exec(address)?.[1];
    if (!domain || !allowed.has(domain)) refused.push(original);
    else if (!wanted.some((w) => w.address === address)) wanted.push({ original, address, type: group ? 'group' : 'user' });
  }
  return { wanted, refused };
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
): Promise<ShareResult & { grants: GrantedPermission[] }> {
  const { wanted, refused } = parseAddresses(addresses, deps.shareDomains);
  if (!agreed) return { granted: [], revoked: [], refused, grants: previous };
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
