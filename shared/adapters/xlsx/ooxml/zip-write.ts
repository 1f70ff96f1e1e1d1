/**
 * Writes a zip from a read one: every entry not replaced or removed is copied as its stored local record
 * (header, compressed data, data descriptor) and its central directory header, with only the record's new
 * offset written into the copy. Replaced and added entries are deflated here. Entries keep their order; added
 * ones go last.
 * @module
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { PackageError } from './package-error.ts';
import type { ZipArchive, ZipEntry } from './zip-read.ts';

export interface ZipChanges {
  /** new content by entry name (an existing entry keeps its place and time) */
  replace: Map<string, Uint8Array>;
  /** entries to leave out */
  remove: Set<string>;
  /** new entries, written after the others */
  add: { name: string; data: Uint8Array }[];
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
  let time = 0;
  let date = 0x21; // 1980-01-01
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

/** The stored central header with the record's new offset (in the ZIP64 extra field when it is kept there). */
function movedCentral(entry: ZipEntry, offset: number): Buffer {
  const copy = Buffer.from(entry.central);
  if (entry.zip64OffsetAt !== null) copy.writeBigUInt64LE(BigInt(offset), entry.zip64OffsetAt);
  else if (offset > MAX32) throw new PackageError('arbetsboken är för stor för Målkoll att skriva (över 4 GB)');
  else copy.writeUInt32LE(offset, 42);
  return copy;
}

function encodeEntry(name: string, data: Uint8Array, time: number, date: number): { local: Buffer; central: (offset: number) => Buffer } {
  const nameBytes = Buffer.from(name, 'utf8');
  const utf8 = nameBytes.length !== name.length ? 0x0800 : 0;
  const compressed = deflateRawSync(data);
  const crc = crc32(data);
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
  local.writeUInt32LE(data.length, 22);
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
      c.writeUInt32LE(data.length, 24);
      c.writeUInt16LE(nameBytes.length, 28);
      c.writeUInt32LE(offset, 42);
      return Buffer.concat([c, nameBytes]);
    },
  };
}
