/**
 * "Only the product's cells changed", checked from the outside: the zip entries of two packages compared
 * byte for byte (their stored, compressed records and their content), and in each worksheet that changed
 * the XML compared with the product's `<c>` elements taken out of both sides (plus the bookkeeping a write
 * may touch: `<dimension>`, a row's `spans`, and rows that hold nothing but product cells). Shares no code
 * with the adapter: a small central-directory reader, fflate to inflate, regular expressions over the XML.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { InspectedWorkbook } from './xlsx-inspect.ts';

/** The parts a recalculation may rewrite (besides worksheets that hold product cells). */
export const BOOKKEEPING = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/calcChain\.xml)$/;

export interface StoredEntry {
  name: string;
  /** local header + data (+ descriptor), as stored */
  record: Buffer;
}

/** Every entry's stored record, from the central directory (independent of the adapter's zip code). */
export function storedEntries(bytes: Uint8Array): Map<string, StoredEntry> {
  const buf = Buffer.from(bytes);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const items: { name: string; offset: number }[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(p + 28);
    items.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLength), offset: buf.readUInt32LE(p + 42) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  items.sort((a, b) => a.offset - b.offset);
  const out = new Map<string, StoredEntry>();
  items.forEach((item, i) => {
    const end = items[i + 1]?.offset ?? cdOffset;
    out.set(item.name, { name: item.name, record: buf.subarray(item.offset + 14, end) });
  });
  return out;
}

export interface PackageDiff {
  /** entries outside the bookkeeping parts and the given sheets whose stored bytes or content differ */
  changedEntries: string[];
  /** entries that disappeared */
  missingEntries: string[];
  /** per worksheet part: where the XML outside product cells first differs (empty when identical) */
  sheetDifferences: string[];
}

/**
 * Compares `before` and `after`. `productCells(part)` gives the product's cell references (`K5`) in a worksheet
 * part, or null when the part is not one the product writes (then it must be identical). `ownParts` are parts
 * the product owns entirely (its state sheet).
 */
export function diffOutsideProductCells(
  before: Uint8Array,
  after: Uint8Array,
  productCells: (part: string) => Set<string> | null,
  ownParts: Set<string> = new Set(),
): PackageDiff {
  const a = unzipSync(before);
  const b = unzipSync(after);
  const sa = storedEntries(before);
  const sb = storedEntries(after);
  const diff: PackageDiff = { changedEntries: [], missingEntries: [], sheetDifferences: [] };
  for (const name of Object.keys(a)) {
    if (!(name in b)) {
      if (name !== 'xl/calcChain.xml') diff.missingEntries.push(name);
      continue;
    }
    if (BOOKKEEPING.test(name) || ownParts.has(name)) continue;
    const cells = productCells(name);
    if (cells === null) {
      const sameContent = Buffer.from(a[name]!).equals(Buffer.from(b[name]!));
      const sameRecord = sa.get(name)!.record.equals(sb.get(name)!.record);
      if (!sameContent || !sameRecord) diff.changedEntries.push(name);
      continue;
    }
    const beforeXml = strFromU8(a[name]!);
    const left = withoutCells(beforeXml, cells, null);
    const right = withoutCells(strFromU8(b[name]!), cells, rowNumbers(beforeXml));
    if (left !== right) {
      let i = 0;
      while (i < left.length && left[i] === right[i]) i++;
      diff.sheetDifferences.push(`${name} at ${i}: before …${left.slice(Math.max(0, i - 80), i + 80)}… after …${right.slice(Math.max(0, i - 80), i + 80)}…`);
    }
  }
  return diff;
}

const ROW = /<((?:\w+:)?row)\b([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g;
const CELL = /<((?:\w+:)?c)\b([^>]*?)(\/>|>[\s\S]*?<\/\1>)/g;

/** The row numbers a sheet has elements for. */
function rowNumbers(xml: string): Set<number> {
  const rows = new Set<number>();
  let previous = 0;
  for (const m of xml.matchAll(ROW)) {
    const r = /\sr="(\d+)"/.exec(m[2]!);
    previous = r ? Number(r[1]) : previous + 1;
    rows.add(previous);
  }
  return rows;
}

/**
 * The sheet XML with the given cells removed. With `existing` (the rows the sheet had before), a row that is
 * not among them and holds nothing but removed cells goes too: a row the write added for its cells.
 */
export function withoutCells(xml: string, cells: Set<string>, existing: Set<number> | null): string {
  let previousRow = 0;
  return xml
    .replace(/<((?:\w+:)?dimension)\b[^>]*\/>/, '<$1/>')
    .replace(ROW, (whole, tag: string, attrs: string, end: string, inner: string | undefined) => {
      const r = /\sr="(\d+)"/.exec(attrs);
      const rowNumber = r ? Number(r[1]) : previousRow + 1;
      previousRow = rowNumber;
      const cleanAttrs = attrs.replace(/\sspans="[^"]*"/, '').replace(/\s*\/$/, '');
      if (inner === undefined) return `<${tag}${cleanAttrs}></${tag}>`;
      let previousColumn = 0;
      let kept = 0;
      let removed = 0;
      const body = inner.replace(CELL, (cell, _t: string, cellAttrs: string) => {
        const ref = /\sr="([A-Z]+)(\d+)"/.exec(cellAttrs);
        const column = ref ? letters(ref[1]!) : previousColumn + 1;
        previousColumn = column;
        if (cells.has(`${columnName(column)}${rowNumber}`)) {
          removed++;
          return '';
        }
        kept++;
        return cell;
      });
      if (existing && !existing.has(rowNumber) && kept === 0 && removed > 0 && body.trim() === '') return '';
      return `<${tag}${cleanAttrs}>${body}</${tag}>`;
    });
}

function letters(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const PRODUCT_HEADERS = new Set(['Utveckling', 'Förklaring', 'Läge']);

/**
 * The product's cells of a written workbook by sheet part, for diffOutsideProductCells: its columns (by their
 * header in row 1) from row 2 down, and the header cell itself where `before` did not have it. The state
 * sheet is the product's own part (see `stateParts`).
 */
export function productColumnCells(after: InspectedWorkbook, before?: InspectedWorkbook): (part: string) => Set<string> | null {
  return (part) => {
    const sheet = after.sheets.find((s) => s.path === part);
    if (!sheet || sheet.name === '_malkoll') return null;
    const old = before?.sheets.find((s) => s.name === sheet.name);
    let maxRow = 1;
    for (const addr of sheet.cells.keys()) maxRow = Math.max(maxRow, Number(/\d+$/.exec(addr)![0]));
    const cells = new Set<string>();
    for (const [addr, cell] of sheet.cells) {
      if (!/^[A-Z]+1$/.test(addr) || !PRODUCT_HEADERS.has(cell.value ?? '')) continue;
      if (old?.cells.get(addr)?.value !== cell.value) cells.add(addr);
      for (let r = 2; r <= maxRow; r++) cells.add(`${addr.slice(0, -1)}${r}`);
    }
    return cells;
  };
}

/** The parts of the product's hidden state sheet. */
export function stateParts(wb: InspectedWorkbook): Set<string> {
  return new Set(wb.sheets.filter((s) => s.name === '_malkoll').map((s) => s.path));
}
