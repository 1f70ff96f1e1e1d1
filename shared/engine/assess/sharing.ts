/**
 * Who the summary may be shared with (domain.md §3 `Sammanfattning delas med`): an address is a
 * person (`namn@region.se`) or a Google group (`grupp:ledning@region.se`); only the operator's
 * domains are allowed. Pure: the Google adapter does the granting.
 * @module
 */
import type { Issue, SetSettings, WorkbookModel } from '../model/model.ts';
import { SETTING_NAMES, SHEETS } from '../model/template.ts';

export interface ShareTarget {
  type: 'user' | 'group';
  email: string;
  /** as typed in Inställningar */
  original: string;
}

const EMAIL = /^[^\s@,;]+@([^\s@,;]+\.[^\s@,;]+)$/;
const GROUP_PREFIX = /^grupp:\s*/i;

/** Reads one address as typed; null when it is not an e-mail address. */
export function parseShareTarget(text: string): ShareTarget | null {
  const isGroup = GROUP_PREFIX.test(text);
  const email = text.replace(GROUP_PREFIX, '').trim().toLowerCase();
  return EMAIL.test(email) ? { type: isGroup ? 'group' : 'user', email, original: text.trim() } : null;
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** Splits the configured addresses into those that may be shared with and those refused (with a reason). */
export function partitionShareTargets(
  addresses: string[],
  allowedDomains: string[],
): { allowed: ShareTarget[]; refused: { address: string; reason: string }[] } {
  const domains = new Set(allowedDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean));
  const allowed: ShareTarget[] = [];
  const refused: { address: string; reason: string }[] = [];
  for (const address of addresses.map((a) => a.trim()).filter(Boolean)) {
    const target = parseShareTarget(address);
    if (!target) {
      refused.push({ address, reason: `'${address}' är ingen e-postadress` });
    } else if (!domains.has(domainOf(target.email))) {
      refused.push({
        address,
        reason: `'${address}' ligger utanför de tillåtna domänerna (${[...domains].join(', ') || 'inga'})`,
      });
    } else if (!allowed.some((a) => a.email === target.email)) {
      allowed.push(target);
    }
  }
  return { allowed, refused };
}

export function refusedSharingIssues(settings: SetSettings, allowedDomains: string[], models: WorkbookModel[]): Issue[] {
  const first = models[0];
  return partitionShareTargets(settings.shareWith, allowedDomains).refused.map((r) => ({
    kind: 'refused-sharing' as const,
    workbookId: first?.workbookId ?? '',
    workbookName: first?.workbookName ?? '',
    sheet: SHEETS.settings,
    column: SETTING_NAMES.shareWith,
    subject: r.address,
    message: `Delas inte: ${r.reason}.`,
  }));
}
