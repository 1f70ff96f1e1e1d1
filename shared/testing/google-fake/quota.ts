/**
 * Google's per-minute Sheets quotas (google-platform.md): 60 read and 60 write requests per minute per
 * user, 300 of each per minute per project; a service account is one user. Counted over a sliding
 * minute (stricter than a fixed one), only for requests that were let through, as Google counts them.
 * The caller is told apart by its bearer token: one token is one user.
 * @module
 */

export interface QuotaLimits {
  readPerUser: number;
  writePerUser: number;
  readPerProject: number;
  writePerProject: number;
  windowMs: number;
}

export const SHEETS_QUOTAS: QuotaLimits = { readPerUser: 60, writePerUser: 60, readPerProject: 300, writePerProject: 300, windowMs: 60_000 };

export type QuotaKind = 'read' | 'write';

/** Which limit a refused request ran into, for Google's message. */
export interface QuotaRefusal {
  kind: QuotaKind;
  scope: 'user' | 'project';
}

export class QuotaCounter {
  readonly #limits: QuotaLimits;
  /** timestamps of admitted requests, oldest first, by `kind|user` and `kind|*` */
  readonly #admitted = new Map<string, number[]>();

  constructor(limits: QuotaLimits) {
    this.#limits = limits;
  }

  /** Admits the request (and counts it) or says which limit it is over. */
  admit(kind: QuotaKind, user: string, at: number): QuotaRefusal | null {
    const mine = this.#recent(`${kind}|${user}`, at);
    const all = this.#recent(`${kind}|*`, at);
    const perUser = kind === 'read' ? this.#limits.readPerUser : this.#limits.writePerUser;
    const perProject = kind === 'read' ? this.#limits.readPerProject : this.#limits.writePerProject;
    if (all.length >= perProject) return { kind, scope: 'project' };
    if (mine.length >= perUser) return { kind, scope: 'user' };
    mine.push(at);
    all.push(at);
    return null;
  }

  #recent(key: string, at: number): number[] {
    let list = this.#admitted.get(key);
    if (!list) this.#admitted.set(key, (list = []));
    let drop = 0;
    while (drop < list.length && list[drop]! <= at - this.#limits.windowMs) drop++;
    if (drop) list.splice(0, drop);
    return list;
  }
}
