/**
 * A pull scanner over XML bytes: element tags with their byte positions, so a writer can copy everything it
 * does not change byte for byte and splice at exact offsets. Comments, processing instructions, CDATA and a
 * DOCTYPE are stepped over; quoted attribute values may hold `>`. Names are matched by local name, so a
 * prefixed document (`<x:row>`) reads like an unprefixed one. Markup is ASCII and UTF-8 never puts an ASCII
 * byte inside a multi-byte character, so scanning bytes is safe; text is decoded only where asked for.
 * @module
 */
import { decodeXstring, unescapeXml } from './xml-text.ts';

export const OPEN = 1;
export const CLOSE = 2;
export const EMPTY = 3;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOS = 0x27;
const EQUALS = 0x3d;

/** A name to match, as bytes. */
export type Name = Uint8Array;
export const name = (text: string): Name => Buffer.from(text, 'latin1');

export class XmlError extends Error {}

export class XmlScanner {
  readonly buf: Buffer;
  readonly limit: number;
  /** where the next tag search starts */
  pos: number;
  /** the current tag: [start, end) including `<` and `>` */
  start = 0;
  end = 0;
  kind = 0;
  nameStart = 0;
  nameEnd = 0;
  localStart = 0;

  constructor(buf: Buffer, from = 0, limit = buf.length) {
    this.buf = buf;
    this.pos = from;
    this.limit = limit;
  }

  /** Moves to the next element tag; false when there is none. */
  next(): boolean {
    const buf = this.buf;
    for (;;) {
      const lt = indexOfLt(buf, this.pos, this.limit);
      if (lt < 0 || lt >= this.limit) {
        this.pos = this.limit;
        return false;
      }
      const c = buf[lt + 1];
      if (c === BANG || c === QUESTION) {
        this.pos = skipSpecial(buf, lt);
        continue;
      }
      this.start = lt;
      let p = lt + 1;
      this.kind = OPEN;
      if (c === SLASH) {
        this.kind = CLOSE;
        p++;
      }
      this.nameStart = p;
      this.localStart = p;
      for (;;) {
        const b = buf[p];
        if (b === undefined) throw new XmlError('unterminated tag');
        if (b === GT || b === SLASH || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) break;
        if (b === COLON) this.localStart = p + 1;
        p++;
      }
      this.nameEnd = p;
      // to the closing '>', stepping over quoted attribute values
      let quote = 0;
      for (;;) {
        const b = buf[p];
        if (b === undefined) throw new XmlError('unterminated tag');
        if (quote) {
          if (b === quote) quote = 0;
        } else if (b === QUOTE || b === APOS) quote = b;
        else if (b === GT) break;
        p++;
      }
      if (this.kind === OPEN && buf[p - 1] === SLASH) this.kind = EMPTY;
      this.end = p + 1;
      this.pos = this.end;
      return true;
    }
  }

  /** True when the current tag's local name is `n`. */
  is(n: Name): boolean {
    const len = this.nameEnd - this.localStart;
    if (len !== n.length) return false;
    for (let i = 0; i < len; i++) if (this.buf[this.localStart + i] !== n[i]) return false;
    return true;
  }

  /** The tag's prefix with its colon (`x:`), or ''. */
  prefix(): string {
    return this.localStart === this.nameStart ? '' : this.buf.toString('latin1', this.nameStart, this.localStart);
  }

  qualifiedName(): string {
    return this.buf.toString('utf8', this.nameStart, this.nameEnd);
  }

  /** An attribute's value (entities resolved), or null; `attrName` is matched on the qualified name. */
  attr(attrName: string): string | null {
    const range = this.attrRange(attrName);
    return range === null ? null : unescapeXml(this.buf.toString('utf8', range[0], range[1]));
  }

  /** Byte range of an attribute's value inside the current tag. */
  attrRange(attrName: string): [number, number] | null {
    let found: [number, number] | null = null;
    this.eachAttr((n0, n1, v0, v1) => {
      if (n1 - n0 === attrName.length && sameLatin1(this.buf, n0, attrName)) {
        found = [v0, v1];
        return false;
      }
      return true;
    });
    return found;
  }

  /** Every attribute as [qualified name, value]. */
  attrs(): [string, string][] {
    const out: [string, string][] = [];
    this.eachAttr((n0, n1, v0, v1) => {
      out.push([this.buf.toString('utf8', n0, n1), unescapeXml(this.buf.toString('utf8', v0, v1))]);
      return true;
    });
    return out;
  }

  /** Calls `visit(nameStart, nameEnd, valueStart, valueEnd)` per attribute until it returns false. */
  eachAttr(visit: (n0: number, n1: number, v0: number, v1: number) => boolean): void {
    const buf = this.buf;
    let p = this.nameEnd;
    const stop = this.kind === EMPTY ? this.end - 2 : this.end - 1;
    while (p < stop) {
      while (p < stop && isSpace(buf[p]!)) p++;
      if (p >= stop) return;
      const n0 = p;
      while (p < stop && buf[p] !== EQUALS && !isSpace(buf[p]!)) p++;
      const n1 = p;
      while (p < stop && buf[p] !== QUOTE && buf[p] !== APOS) p++;
      const quote = buf[p];
      const v0 = p + 1;
      p = buf.indexOf(quote!, v0);
      if (p < 0 || p > stop) throw new XmlError('unterminated attribute');
      if (!visit(n0, n1, v0, p)) return;
      p++;
    }
  }

  /**
   * For an open tag: the decoded text up to its close tag (which becomes the current tag). Nested elements
   * are not expected here (`<v>`, `<t>`, `<f>`); their tags would end the text.
   */
  text(): string {
    if (this.kind === EMPTY) return '';
    let out = '';
    let p = this.end;
    for (;;) {
      const lt = this.buf.indexOf(LT, p);
      if (lt < 0 || lt >= this.limit) throw new XmlError('unterminated element');
      out += unescapeXml(this.buf.toString('utf8', p, lt));
      const c = this.buf[lt + 1];
      if (c === BANG && this.buf[lt + 2] === 0x5b) {
        // CDATA: its content is literal
        const close = this.buf.indexOf(']]>', lt, 'latin1');
        if (close < 0) throw new XmlError('unterminated CDATA');
        out += this.buf.toString('utf8', lt + 9, close);
        p = close + 3;
      } else if (c === BANG || c === QUESTION) {
        p = skipSpecial(this.buf, lt);
      } else {
        this.pos = lt;
        this.next();
        return decodeXstring(out);
      }
    }
  }

  /** Steps over the current element (an open tag and everything to its close tag); returns the end offset. */
  skip(): number {
    if (this.kind !== OPEN) return this.end;
    let depth = 1;
    while (this.next()) {
      if (this.kind === OPEN) depth++;
      else if (this.kind === CLOSE && --depth === 0) return this.end;
    }
    throw new XmlError('unterminated element');
  }

  /** Moves to the next open or empty tag named `n` at any depth; false when there is none. */
  find(n: Name): boolean {
    while (this.next()) if (this.kind !== CLOSE && this.is(n)) return true;
    return false;
  }
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** Past a comment, processing instruction, CDATA section or DOCTYPE that starts at `lt`. */
function skipSpecial(buf: Buffer, lt: number): number {
  const at = (s: string) => buf.toString('latin1', lt, lt + s.length) === s;
  let close: number;
  if (at('<!--')) close = endOf(buf, '-->', lt + 4);
  else if (at('<![CDATA[')) close = endOf(buf, ']]>', lt + 9);
  else if (at('<?')) close = endOf(buf, '?>', lt + 2);
  else {
    // <!DOCTYPE …> with an optional [internal subset]
    let p = lt + 2;
    let depth = 0;
    for (;;) {
      const b = buf[p];
      if (b === undefined) throw new XmlError('unterminated declaration');
      if (b === 0x5b) depth++;
      else if (b === 0x5d) depth--;
      else if (b === GT && depth <= 0) return p + 1;
      p++;
    }
  }
  return close;
}

function endOf(buf: Buffer, marker: string, from: number): number {
  const i = buf.indexOf(marker, from, 'latin1');
  if (i < 0) throw new XmlError(`unterminated ${marker}`);
  return i + marker.length;
}

/** A part stored as UTF-16 (a byte order mark, or a declaration saying so), which this scanner cannot read. */
export function isUtf16(buf: Buffer): boolean {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return true;
  const head = buf.toString('latin1', 0, Math.min(buf.length, 100));
  return /^(\uFEFF|ï»¿)?<\?xml[^>]*encoding=["']utf-16/i.test(head);
}

/** How far `next` looks for a `<` itself before asking Buffer.indexOf: in sheet XML the next tag is mostly a few bytes on. */
const NEAR = 32;

/** The first `<` at or after `from` (before `limit` when it is near), or Buffer.indexOf's answer from there on. */
function indexOfLt(buf: Buffer, from: number, limit: number): number {
  const near = Math.min(from + NEAR, limit);
  for (let i = from; i < near; i++) if (buf[i] === LT) return i;
  return near >= limit ? -1 : buf.indexOf(LT, near);
}

/** The bytes at `at` spell `text` (latin1: one byte a character), compared without making a string. */
function sameLatin1(buf: Buffer, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (buf[at + i] !== text.charCodeAt(i)) return false;
  return true;
}
