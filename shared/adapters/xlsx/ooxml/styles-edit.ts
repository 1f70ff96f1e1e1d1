/**
 * Cell formats appended to a workbook's styles part, never rewritten: cells point at formats by index, so an
 * existing entry changed would change every cell that uses it. A new `cellXfs` entry is a clone of the cell's
 * own one (border, number format, alignment and protection stay) with a font, fill, wrap or number format laid
 * over it; fonts are clones of the entry's font. Identical entries are reused, so repeated runs add nothing
 * and the count stays far below Excel's limit. A fill is always a pattern fill (an empty `<fill/>` is valid
 * but makes openpyxl, and so pandas, refuse the whole file).
 * @module
 */
import { builtInFormat } from './number-format-table.ts';
import { getAttr, parseElement, serialize, setAttr } from './element.ts';
import { PackageError } from './package-error.ts';
import { Splice } from './splice.ts';
import { CLOSE, EMPTY, name, OPEN, XmlScanner } from './xml-scan.ts';
import { escapeAttribute } from './xml-text.ts';

/** Colours as RRGGBB; `fill` null means no fill. */
export interface FontAndFill {
  fill: string | null;
  font: string;
  bold: boolean;
}

interface Collection {
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  items: [number, number][];
  hasCount: boolean;
}

const KINDS = ['numFmts', 'fonts', 'fills', 'cellXfs'] as const;
type Kind = (typeof KINDS)[number];
const ITEM: Record<Kind, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', cellXfs: 'xf' };
const STYLE_SHEET = name('styleSheet');
/** Excel stops at about 64,000 cell formats */
const MAX_XFS = 64_000;
const FIRST_CUSTOM_FORMAT = 164;

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export class StylesEditor {
  readonly #xml: Buffer;
  #prefix = '';
  #rootOpenEnd = 0;
  readonly #collections = new Map<Kind, Collection>();
  readonly #customFormats = new Map<number, string>();
  readonly #added: Record<Kind, string[]> = { numFmts: [], fonts: [], fills: [], cellXfs: [] };
  readonly #known: Record<Kind, Map<string, number>> = { numFmts: new Map(), fonts: new Map(), fills: new Map(), cellXfs: new Map() };
  readonly #derived = new Map<string, number>();

  constructor(xml: Buffer) {
    this.#xml = xml;
    this.#parse();
    for (const kind of ['fonts', 'fills', 'cellXfs'] as const) {
      if (!this.#collections.has(kind)) throw new PackageError(`formatmallen i arbetsboken saknar ${kind} – spara arbetsboken på nytt i Excel`);
    }
  }

  get xfCount(): number {
    return this.#count('cellXfs');
  }

  /** The xf for a cell that had `base`, with the given font colour, bold, fill and (optionally) wrapped text. */
  paletteXf(base: number, look: FontAndFill, wrap: boolean): number {
    const key = `p|${base}|${look.fill}|${look.font}|${look.bold}|${wrap}`;
    return this.#memo(key, () => {
      const xf = this.#xfElement(base);
      const fontId = this.#add('fonts', this.#fontXml(Number(getAttr(xf.attrs, 'fontId') ?? 0), look));
      const fillId = this.#add('fills', this.#fillXml(look.fill));
      let attrs = setAttr(setAttr(xf.attrs, 'fontId', String(fontId)), 'fillId', String(fillId));
      attrs = setAttr(setAttr(attrs, 'applyFont', '1'), 'applyFill', '1');
      let children = xf.children;
      if (wrap) {
        const alignment = children.find((c) => c.local === 'alignment');
        const wrapped = serialize(`${this.#prefix}alignment`, setAttr(alignment?.attrs ?? [], 'wrapText', '1'), '');
        children = alignment
          ? children.map((c) => (c === alignment ? { ...c, raw: wrapped } : c))
          : [{ local: 'alignment', attrs: [], raw: wrapped }, ...children];
        attrs = setAttr(attrs, 'applyAlignment', '1');
      }
      return this.#add('cellXfs', serialize(xf.name, attrs, children.map((c) => c.raw).join('')));
    });
  }

  /** The xf `base` with another number format (a built-in one when the code is one). */
  numberFormatXf(base: number, code: string): number {
    return this.#memo(`n|${base}|${code}`, () => {
      const xf = this.#xfElement(base);
      const id = this.#formatId(code);
      if (getAttr(xf.attrs, 'numFmtId') === String(id)) return base;
      const attrs = setAttr(setAttr(xf.attrs, 'numFmtId', String(id)), 'applyNumberFormat', '1');
      return this.#add('cellXfs', serialize(xf.name, attrs, xf.children.map((c) => c.raw).join('')));
    });
  }

  /** The new styles part, or null when nothing was added. */
  result(): Buffer | null {
    if (KINDS.every((k) => this.#added[k].length === 0)) return null;
    if (this.xfCount > MAX_XFS) throw new PackageError(`arbetsboken har fler än ${MAX_XFS} cellformat, gränsen för vad Excel kan öppna`);
    const splice = new Splice(this.#xml);
    if (this.#added.numFmts.length > 0 && !this.#collections.has('numFmts')) {
      splice.insert(this.#rootOpenEnd, `<${this.#prefix}numFmts count="${this.#added.numFmts.length}">${this.#added.numFmts.join('')}</${this.#prefix}numFmts>`);
    }
    for (const kind of KINDS) {
      const c = this.#collections.get(kind);
      const added = this.#added[kind];
      if (!c || added.length === 0) continue;
      const open = this.#openTag(c, this.#count(kind));
      if (c.selfClosing) splice.replace(c.start, c.end, `${open}${added.join('')}</${this.#prefix}${kind}>`);
      else {
        splice.replace(c.start, c.openEnd, open);
        splice.insert(c.closeStart, added.join(''));
      }
    }
    return splice.bytes();
  }

  #parse(): void {
    const s = new XmlScanner(this.#xml);
    let depth = 0;
    let current: Collection | null = null;
    let currentKind: Kind | null = null;
    while (s.next()) {
      if (s.kind === CLOSE) {
        depth--;
        if (depth === 1 && current) {
          current.closeStart = s.start;
          current.end = s.end;
          current = null;
        }
        continue;
      }
      if (depth === 0 && s.is(STYLE_SHEET)) {
        this.#prefix = s.prefix();
        this.#rootOpenEnd = s.end;
      } else if (depth === 1) {
        const kind = KINDS.find((k) => s.is(name(k))) ?? null;
        if (kind && !this.#collections.has(kind)) {
          current = { start: s.start, openEnd: s.end, closeStart: s.end, end: s.end, selfClosing: s.kind === EMPTY, items: [], hasCount: s.attrRange('count') !== null };
          currentKind = kind;
          this.#collections.set(kind, current);
          if (s.kind === EMPTY) current = null;
        }
      } else if (depth === 2 && current && currentKind && s.is(name(ITEM[currentKind]))) {
        const start = s.start;
        if (currentKind === 'numFmts') this.#customFormats.set(Number(s.attr('numFmtId')), s.attr('formatCode') ?? '');
        const end = s.kind === OPEN ? s.skip() : s.end;
        current.items.push([start, end]);
        this.#known[currentKind].set(this.#xml.toString('utf8', start, end), current.items.length - 1);
        continue;
      }
      if (s.kind === OPEN) depth++;
    }
  }

  #count(kind: Kind): number {
    return (this.#collections.get(kind)?.items.length ?? 0) + this.#added[kind].length;
  }

  #memo(key: string, make: () => number): number {
    let id = this.#derived.get(key);
    if (id === undefined) {
      id = make();
      this.#derived.set(key, id);
    }
    return id;
  }

  /** Index of an entry with exactly this XML, appending it when there is none. */
  #add(kind: Kind, xml: string): number {
    const known = this.#known[kind].get(xml);
    if (known !== undefined) return known;
    const index = this.#count(kind);
    this.#added[kind].push(xml);
    this.#known[kind].set(xml, index);
    return index;
  }

  #item(kind: Kind, index: number): string | null {
    const c = this.#collections.get(kind)!;
    const range = c.items[index];
    if (range) return this.#xml.toString('utf8', range[0], range[1]);
    return this.#added[kind][index - c.items.length] ?? null;
  }

  #xfElement(index: number) {
    const xml = this.#item('cellXfs', index) ?? this.#item('cellXfs', 0);
    if (xml === null) return { name: `${this.#prefix}xf`, attrs: [['numFmtId', '0'], ['fontId', '0'], ['fillId', '0'], ['borderId', '0'], ['xfId', '0']] as [string, string][], children: [] };
    return parseElement(Buffer.from(xml, 'utf8'), 0, Buffer.byteLength(xml));
  }

  /** The font of the entry, with the colour and weight replaced; the order Excel writes (b first, colour before the name). */
  #fontXml(fontId: number, look: FontAndFill): string {
    const xml = this.#item('fonts', fontId) ?? this.#item('fonts', 0);
    const p = this.#prefix;
    const children = xml === null ? [] : parseElement(Buffer.from(xml, 'utf8'), 0, Buffer.byteLength(xml)).children.filter((c) => c.local !== 'b' && c.local !== 'color');
    const colour = `<${p}color rgb="FF${look.font}"/>`;
    const at = children.findIndex((c) => ['name', 'family', 'charset', 'scheme'].includes(c.local));
    const raws = children.map((c) => c.raw);
    raws.splice(at < 0 ? raws.length : at, 0, colour);
    return `<${p}font>${look.bold ? `<${p}b/>` : ''}${raws.join('')}</${p}font>`;
  }

  #fillXml(fill: string | null): string {
    const p = this.#prefix;
    return fill === null
      ? `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`
      : `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  }

  #formatId(code: string): number {
    for (let id = 0; id < 50; id++) if (builtInFormat(id) === code) return id;
    for (const [id, existing] of this.#customFormats) if (existing === code) return id;
    const id = Math.max(FIRST_CUSTOM_FORMAT - 1, ...this.#customFormats.keys()) + 1;
    this.#customFormats.set(id, code);
    this.#added.numFmts.push(`<${this.#prefix}numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    return id;
  }

  /** The collection's start tag as it was, with its count attribute (when it has one) set to `count`. */
  #openTag(c: Collection, count: number): string {
    let tag = this.#xml.toString('utf8', c.start, c.selfClosing ? c.end - 2 : c.openEnd - 1).trimEnd();
    if (c.hasCount) tag = tag.replace(/(\scount\s*=\s*)(["'])[^"']*\2/, `$1"${count}"`);
    return `${tag}>`;
  }
}
