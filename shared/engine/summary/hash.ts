/**
 * A stable content hash for the summary (FNV-1a, 64 bit, over UTF-8). Pure JS so the engine stays
 * free of `node:crypto`; it only has to tell "same content" from "changed", not resist attackers.
 * A large set's summary is a long JSON text, so the hash allocates nothing per byte (BigInt arithmetic over an
 * encoded copy was far slower; the figures are in docs/performance.md): it works in four 16-bit limbs over the
 * UTF-8 of one piece of text at a time, encoded into a reused buffer. `canonicalHash` feeds it the canonical
 * JSON piece by piece, so the whole text and the sorted copy of every object are never built.
 * @module
 */

/** Text is hashed in pieces of at most this many UTF-16 units, encoded into one reused buffer. */
const PIECE = 1 << 15;
const encoder = new TextEncoder();

/**
 * FNV-1a 64 fed text in pieces: the same hash as of the pieces joined, as long as no piece ends between the
 * two halves of a surrogate pair. Small pieces are collected and encoded together, so the per-byte loop runs
 * over a byte buffer with the hash in local variables.
 */
export class Fnv1a64 {
  // offset basis 0xcbf29ce484222325, low limb first
  #h0 = 0x2325;
  #h1 = 0x8422;
  #h2 = 0x9ce4;
  #h3 = 0xcbf2;
  #parts: string[] = [];
  #length = 0;
  readonly #bytes = new Uint8Array(PIECE * 3);

  update(text: string): void {
    this.#parts.push(text);
    this.#length += text.length;
    if (this.#length >= PIECE) this.#flush();
  }

  /** The hash of everything fed so far, as 16 hex digits. */
  digest(): string {
    this.#flush();
    const hex = (limb: number) => limb.toString(16).padStart(4, '0');
    return hex(this.#h3) + hex(this.#h2) + hex(this.#h1) + hex(this.#h0);
  }

  #flush(): void {
    const text = this.#parts.length === 1 ? this.#parts[0]! : this.#parts.join('');
    this.#parts = [];
    this.#length = 0;
    for (let start = 0; start < text.length; ) {
      let end = Math.min(start + PIECE, text.length);
      // never cut a surrogate pair: each half alone would be encoded as U+FFFD
      const last = text.charCodeAt(end - 1);
      if (end < text.length && end - start > 1 && last >= 0xd800 && last <= 0xdbff) end--;
      const { written } = encoder.encodeInto(start === 0 && end === text.length ? text : text.slice(start, end), this.#bytes);
      this.#mix(written);
      start = end;
    }
  }

  #mix(count: number): void {
    const bytes = this.#bytes;
    let h0 = this.#h0;
    let h1 = this.#h1;
    let h2 = this.#h2;
    let h3 = this.#h3;
    for (let i = 0; i < count; i++) {
      h0 ^= bytes[i]!;
      // × 0x100000001b3 = × 0x1b3 plus a shift left by 40 bits (limb 0 and 1 moved up 2 limbs and 8 bits)
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
      const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
    this.#h0 = h0;
    this.#h1 = h1;
    this.#h2 = h2;
    this.#h3 = h3;
  }
}

export function fnv1a64(text: string): string {
  const hash = new Fnv1a64();
  hash.update(text);
  return hash.digest();
}

/** JSON with object keys sorted, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** `fnv1a64(canonicalJson(value))`, without building the text: the JSON is hashed as it is walked. */
export function canonicalHash(value: unknown): string {
  const hash = new Fnv1a64();
  const resolved = jsonValue(value, '');
  if (resolved !== undefined) writeValue(hash, resolved);
  return hash.digest();
}

/** What JSON.stringify would serialise for `value` under `key` (after toJSON); undefined when it leaves it out. */
function jsonValue(value: unknown, key: string): unknown {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  if (typeof v === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  return v === undefined || typeof v === 'function' || typeof v === 'symbol' ? undefined : v;
}

/** Characters JSON.stringify writes as an escape: the rest of a string is hashed as it stands. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function writeString(hash: Fnv1a64, text: string): void {
  if (NEEDS_ESCAPE.test(text)) {
    hash.update(JSON.stringify(text));
    return;
  }
  hash.update('"');
  hash.update(text);
  hash.update('"');
}

function writeValue(hash: Fnv1a64, v: unknown): void {
  if (v === null) hash.update('null');
  else if (typeof v === 'string') writeString(hash, v);
  else if (typeof v === 'number') hash.update(Number.isFinite(v) ? String(v) : 'null');
  else if (typeof v === 'boolean') hash.update(v ? 'true' : 'false');
  else if (Array.isArray(v)) {
    hash.update('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) hash.update(',');
      const item = jsonValue(v[i], String(i));
      if (item === undefined) hash.update('null');
      else writeValue(hash, item);
    }
    hash.update(']');
  } else {
    const record = v as Record<string, unknown>;
    hash.update('{');
    let first = true;
    for (const k of canonicalKeys(record)) {
      const item = jsonValue(record[k], k);
      if (item === undefined) continue;
      if (!first) hash.update(',');
      first = false;
      writeString(hash, k);
      hash.update(':');
      writeValue(hash, item);
    }
    hash.update('}');
  }
}

/**
 * The keys in the order canonicalJson writes them: sorted, then put into a new object, which lists
 * array-index keys ("0", "2024") first in numeric order.
 */
function canonicalKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record).sort();
  let indexKeys: string[] | null = null;
  for (const k of keys) {
    if (isArrayIndex(k)) (indexKeys ??= []).push(k);
  }
  if (indexKeys === null) return keys;
  indexKeys.sort((a, b) => Number(a) - Number(b));
  return [...indexKeys, ...keys.filter((k) => !isArrayIndex(k))];
}

function isArrayIndex(key: string): boolean {
  const c = key.charCodeAt(0);
  if (!(c >= 0x30 && c <= 0x39)) return false;
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}
