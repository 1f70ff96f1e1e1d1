/**
 * Writes a zip from a read one: every entry not replaced or removed is copied as its stored local record
 * (header, compressed data, data descriptor) and its central directory header, with only the record's new
 * offset written into the copy. Replaced and added entries are deflated here. Entries keep their order; added
 * ones go last.
 * @module
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { PackageError } from './package-error.ts';
import type { ZipArchive, ZipEntry } from './zip-read.ts';

/**
 * An entry's content: bytes, or pieces (bytes or text) that are compressed as they come, so a large part never
 * has to exist as one string or buffer.
 */
export type ZipData = Uint8Array | Iterable<Uint8Array | string>;

export interface ZipChanges {
  /** new content by entry name (an existing entry keeps its place and time) */
  replace: Map<string, ZipData>;
  /** entries to leave out */
  remove: Set<string>;
  /** new entries, written after the others */
  add: { name: string; data: ZipData }[];
  /** the time stamp of new entries when there is no entry to take it from */
  modified?: Date;
}

const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

export function writeZip(zip: ZipArchive, changes: ZipChanges): Buffer {
  const pieces: Buffer[] = [];
  const central: Buffer[] = [];
  let at = 0;
  const push = (b: Buffer) => {
    pieces.push(b);
    at += b.length;
  };
  let [time, date] = dosTime(changes.modified ?? new Date(1980, 0, 1));
  for (const entry of zip.entries) {
    if (changes.remove.has(entry.name)) continue;
    const offset = at;
    const replacement = changes.replace.get(entry.name);
    if (replacement) {
      const e = encodeEntry(entry.name, replacement, zip.bytes.readUInt16LE(entry.offset + 10), zip.bytes.readUInt16LE(entry.offset + 12));
      push(e.local);
      central.push(e.central(offset));
    } else {
      push(zip.bytes.subarray(entry.offset, entry.recordEnd));
      central.push(movedCentral(entry, offset));
    }
    time = zip.bytes.readUInt16LE(entry.offset + 10);
    date = zip.bytes.readUInt16LE(entry.offset + 12);
  }
  for (const { name, data } of changes.add) {
    const e = encodeEntry(name, data, time, date);
    const offset = at;
    push(e.local);
    central.push(e.central(offset));
  }
  const cdOffset = at;
  for (const c of central) push(c);
  const cdSize = at - cdOffset;
  if (central.length > MAX16 || cdOffset > MAX32 || cdSize > MAX32) {
    throw new PackageError('arbetsboken är för stor för Målkoll att skriva (över 65 535 delar eller 4 GB)');
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(central.length, 8);
  eocd.writeUInt16LE(central.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  eocd.writeUInt16LE(zip.comment.length, 20);
  push(eocd);
  push(zip.comment);
  return Buffer.concat(pieces, at);
}

/** MS-DOS time and date words (local time, two-second steps). */
function dosTime(at: Date): [number, number] {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return [(at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1), ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate()];
}

/**
 * The stored central header with the record's new offset. A ZIP64 extra field is folded back into the header
 * (sizes and offset fit in 32 bits, or the archive could not be written here): readers that look for ZIP64
 * only after a ZIP64 end record would otherwise read the placeholders as sizes.
 */
function movedCentral(entry: ZipEntry, offset: number): Buffer {
  if (offset > MAX32 || entry.size > MAX32 || entry.compressedSize > MAX32) {
    throw new PackageError('arbetsboken är för stor för Målkoll att skriva (över 4 GB)');
  }
  let copy = Buffer.from(entry.central);
  if (entry.zip64Extra !== null) {
    const { at, length } = entry.zip64Extra;
    copy = Buffer.concat([copy.subarray(0, at), copy.subarray(at + length)]);
    copy.writeUInt16LE(copy.readUInt16LE(30) - length, 30);
    copy.writeUInt32LE(entry.compressedSize, 20);
    copy.writeUInt32LE(entry.size, 24);
  }
  copy.writeUInt32LE(offset, 42);
  return copy;
}

const BATCH = 1 << 20;
/**
 * The parts written here are compressed for speed: level 1 takes far less time than the default level for somewhat
 * more bytes (the figures are in docs/performance.md).
 */
const LEVEL = { level: constants.Z_BEST_SPEED };

/**
 * Deflates pieces through a one-megabyte staging buffer: each piece is copied in as it comes (so the text of a
 * large part dies young instead of piling up), each full buffer is compressed on its own and ends on a full
 * flush (a byte boundary, no final-block bit), the last one finishes the stream; together they are one valid
 * deflate stream. Returns the compressed pieces, the CRC and the size of the input.
 */
function deflatePieces(data: ZipData): { compressed: Buffer[]; crc: number; size: number } {
  if (data instanceof Uint8Array) return { compressed: [deflateRawSync(data, LEVEL)], crc: crc32(data), size: data.length };
  const compressed: Buffer[] = [];
  const staging = Buffer.allocUnsafe(BATCH);
  let used = 0;
  let crc = 0;
  let size = 0;
  const compress = (bytes: Buffer, last: boolean) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    compressed.push(deflateRawSync(bytes, last ? LEVEL : { ...LEVEL, finishFlush: constants.Z_FULL_FLUSH }));
  };
  const flush = () => {
    if (used > 0) compress(staging.subarray(0, used), false);
    used = 0;
  };
  for (const piece of data) {
    const length = typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.length;
    if (used + length > BATCH) flush();
    if (length > BATCH) compress(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece), false);
    else if (typeof piece === 'string') used += staging.write(piece, used, 'utf8');
    else {
      staging.set(piece, used);
      used += length;
    }
  }
  compress(Buffer.from(staging.subarray(0, used)), true);
  return { compressed, crc, size };
}

function encodeEntry(name: string, data: ZipData, time: number, date: number): { local: Buffer; central: (offset: number) => Buffer } {
  const nameBytes = Buffer.from(name, 'utf8');
  const utf8 = nameBytes.length !== name.length ? 0x0800 : 0;
  const deflated = deflatePieces(data);
  const compressed = Buffer.concat(deflated.compressed);
  const crc = deflated.crc;
  const size = deflated.size;
  if (size > MAX32 || compressed.length > MAX32) throw new PackageError('arbetsboken är för stor för Målkoll att skriva (en del över 4 GB)');
  const header = (size: number, signature: number): Buffer => {
    const b = Buffer.alloc(size);
    b.writeUInt32LE(signature, 0);
    return b;
  };
  const local = header(30, 0x04034b50);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(utf8, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(time, 10);
  local.writeUInt16LE(date, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  return {
    local: Buffer.concat([local, nameBytes, compressed]),
    central: (offset: number) => {
      if (offset > MAX32) throw new PackageError('arbetsboken är för stor för Målkoll att skriva (över 4 GB)');
      const c = header(46, 0x02014b50);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(utf8, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt16LE(time, 12);
      c.writeUInt16LE(date, 14);
      c.writeUInt32LE(crc, 16);
      c.writeUInt32LE(compressed.length, 20);
      c.writeUInt32LE(size, 24);
      c.writeUInt16LE(nameBytes.length, 28);
      c.writeUInt32LE(offset, 42);
      return Buffer.concat([c, nameBytes]);
    },
  };
}
