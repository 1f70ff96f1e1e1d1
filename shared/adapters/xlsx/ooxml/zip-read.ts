/**
 * The central directory of a zip file, and inflating one entry. Each entry also knows the byte range of its
 * whole local record (header, data, data descriptor), so a writer can copy an entry it does not change as the
 * compressed bytes it found. Reads data descriptors (sizes come from the central directory), the UTF-8 name
 * flag and ZIP64; refuses, with a Swedish reason, what it cannot read: multi-disk archives, encrypted entries,
 * compression other than store and deflate.
 * @module
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { NOT_XLSX, PackageError } from './package-error.ts';

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** offset of the local header */
  offset: number;
  /** end of the local record (the next record's start): header + data + descriptor */
  recordEnd: number;
  /** the central directory header as found, for copying */
  central: Buffer;
  /** where `central`'s ZIP64 extra field (id 1) is, header included, when it has one */
  zip64Extra: { at: number; length: number } | null;
}

export interface ZipArchive {
  bytes: Buffer;
  /** in file order */
  entries: ZipEntry[];
  /** the archive comment as stored */
  comment: Buffer;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
const INVALID = NOT_XLSX;

export function readZip(input: Uint8Array): ZipArchive {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const eocd = findEocd(bytes);
  let count = bytes.readUInt16LE(eocd + 10);
  let cdSize = bytes.readUInt32LE(eocd + 12);
  let cdOffset = bytes.readUInt32LE(eocd + 16);
  const comment = bytes.subarray(eocd + 22, eocd + 22 + bytes.readUInt16LE(eocd + 20));
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 6) !== 0) throw new PackageError(`${INVALID} (ett zip-arkiv i flera delar)`);
  const locator = eocd - 20;
  if (locator >= 0 && bytes.readUInt32LE(locator) === ZIP64_LOCATOR) {
    const at = Number(bytes.readBigUInt64LE(locator + 8));
    if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== ZIP64_EOCD) throw new PackageError(INVALID);
    count = Number(bytes.readBigUInt64LE(at + 32));
    cdSize = Number(bytes.readBigUInt64LE(at + 40));
    cdOffset = Number(bytes.readBigUInt64LE(at + 48));
  }
  if (cdOffset + cdSize > bytes.length) throw new PackageError(INVALID);

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw new PackageError(INVALID);
    const flags = bytes.readUInt16LE(p + 8);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw new PackageError(INVALID);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name: rawName.toString(flags & 0x0800 || isAscii(rawName) ? 'utf8' : 'latin1'),
      flags,
      method: bytes.readUInt16LE(p + 10),
      crc: bytes.readUInt32LE(p + 16),
      compressedSize: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      offset: bytes.readUInt32LE(p + 42),
      recordEnd: 0,
      central: bytes.subarray(p, end),
      zip64Extra: null,
    };
    readZip64Extra(entry, bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), 46 + nameLength);
    entries.push(entry);
    p = end;
  }
  entries.sort((a, b) => a.offset - b.offset);
  entries.forEach((e, i) => {
    e.recordEnd = entries[i + 1]?.offset ?? cdOffset;
    if (e.offset + 30 > bytes.length || bytes.readUInt32LE(e.offset) !== LOCAL) throw new PackageError(INVALID);
    if (dataStart(bytes, e) + e.compressedSize > e.recordEnd) throw new PackageError(INVALID);
  });
  return { bytes, entries, comment };
}

/** The uncompressed bytes of an entry, checked against its CRC. */
export function inflateEntry(zip: ZipArchive, entry: ZipEntry): Buffer {
  if (entry.flags & 0x0001) throw new PackageError(`delen ${entry.name} är krypterad – spara arbetsboken utan lösenord`);
  const start = dataStart(zip.bytes, entry);
  const raw = zip.bytes.subarray(start, start + entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      // one output buffer of the size the directory gives, instead of growing chunks copied together
      data = inflateRawSync(raw, { chunkSize: Math.max(64, Math.min(entry.size + 64, 1 << 30)) });
    } catch {
      throw new PackageError(`${INVALID} (delen ${entry.name} är skadad)`);
    }
  } else {
    throw new PackageError(`delen ${entry.name} är komprimerad på ett sätt som Målkoll inte kan läsa (metod ${entry.method}) – spara arbetsboken på nytt i Excel`);
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc) throw new PackageError(`${INVALID} (delen ${entry.name} är skadad)`);
  return data;
}

/** Where an entry's compressed data starts: after its local header, whose name and extra lengths are its own. */
export function dataStart(bytes: Buffer, entry: ZipEntry): number {
  return entry.offset + 30 + bytes.readUInt16LE(entry.offset + 26) + bytes.readUInt16LE(entry.offset + 28);
}

function findEocd(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= lowest; p--) {
    if (bytes.readUInt32LE(p) === EOCD && p + 22 + bytes.readUInt16LE(p + 20) <= bytes.length) return p;
  }
  throw new PackageError(INVALID);
}

/** ZIP64 extra field (id 1): the 8-byte values of the header fields that hold 0xFFFFFFFF, in this order. */
function readZip64Extra(entry: ZipEntry, extra: Buffer, extraAt: number): void {
  const needs = entry.size === MAX32 || entry.compressedSize === MAX32 || entry.offset === MAX32;
  if (!needs) return;
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      entry.zip64Extra = { at: extraAt + p, length: 4 + length };
      let q = p + 4;
      const take = (): number => {
        if (q + 8 > p + 4 + length) throw new PackageError(INVALID);
        const value = Number(extra.readBigUInt64LE(q));
        q += 8;
        return value;
      };
      if (entry.size === MAX32) entry.size = take();
      if (entry.compressedSize === MAX32) entry.compressedSize = take();
      if (entry.offset === MAX32) entry.offset = take();
      return;
    }
    p += 4 + length;
  }
  throw new PackageError(INVALID);
}

function isAscii(bytes: Buffer): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}
