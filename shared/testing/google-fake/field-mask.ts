/**
 * Google's partial-response `fields` parameter: `a,b.c,d(e,f)` (also `/` as a separator). The fake
 * applies it to every response, so an adapter that forgets to ask for a field does not get it — as
 * with Google.
 * @module
 */

export type MaskTree = Map<string, MaskTree | true>;

export function parseFieldMask(mask: string): MaskTree {
  let pos = 0;
  const list = (): MaskTree => {
    const tree: MaskTree = new Map();
    for (;;) {
      item(tree);
      if (mask[pos] === ',') {
        pos++;
        continue;
      }
      return tree;
    }
  };
  const item = (into: MaskTree): void => {
    const start = pos;
    while (pos < mask.length && !',()./'.includes(mask[pos]!)) pos++;
    const name = mask.slice(start, pos).trim();
    if (!name) throw new Error(`Invalid field selection at position ${pos}: "${mask}"`);
    const ch = mask[pos];
    if (ch === '.' || ch === '/') {
      pos++;
      const sub = subtree(into, name);
      if (sub) item(sub);
    } else if (ch === '(') {
      pos++;
      const inner = list();
      if (mask[pos] !== ')') throw new Error(`Invalid field selection: unbalanced parentheses in "${mask}"`);
      pos++;
      const sub = subtree(into, name);
      if (sub) for (const [k, v] of inner) merge(sub, k, v);
    } else {
      into.set(name, true);
    }
  };
  const tree = list();
  if (pos !== mask.length) throw new Error(`Invalid field selection: "${mask}"`);
  return tree;
}

function subtree(into: MaskTree, name: string): MaskTree | null {
  const existing = into.get(name);
  if (existing === true) return null; // already whole
  if (existing) return existing;
  const made: MaskTree = new Map();
  into.set(name, made);
  return made;
}

function merge(into: MaskTree, key: string, value: MaskTree | true): void {
  if (value === true) {
    into.set(key, true);
    return;
  }
  const sub = subtree(into, key);
  if (sub) for (const [k, v] of value) merge(sub, k, v);
}

/** Keeps only the selected fields; arrays are filtered element-wise. */
export function applyFieldMask(value: unknown, tree: MaskTree): unknown {
  if (Array.isArray(value)) return value.map((v) => applyFieldMask(v, tree));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, sel] of tree) {
    if (key === '*') return value;
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue;
    out[key] = sel === true ? child : applyFieldMask(child, sel);
  }
  return out;
}

/** True when the mask selects `path` (dot-separated) or something inside it. */
export function maskSelects(tree: MaskTree, path: string): boolean {
  let node: MaskTree | true = tree;
  for (const part of path.split('.')) {
    if (node === true) return true;
    if (node.has('*')) return true;
    const next: MaskTree | true | undefined = node.get(part);
    if (next === undefined) return false;
    node = next;
  }
  return true;
}
