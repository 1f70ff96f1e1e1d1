/**
 * A zip written by hand, to give the adapter what other programs write: entries stored or deflated, with or
 * without data descriptors (sizes after the data, as exceljs and streaming writers do), UTF-8 names flagged.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** sizes and CRC in a data descriptor after the data (flag bit 3) */
  descriptor?: boolean;
  stored?: boolean;
  /** compression method to claim (to test what a reader refuses) */
  method?: number;
  /** general-purpose flags to add (bit 0: encrypted) */
  flags?: number;
}

export interface ZipOptions {
  /** ZIP64: sizes and offsets in extra fields, a ZIP64 end record and locator (as large-file writers do) */
  zip64?: boolean;
}

export function buildZip(entries: ZipInput[], options: ZipOptions = {}): Buffer {
  const pieces: Buffer[] = [];
  const central: Buffer[] = [];
  let at = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = Buffer.from(e.data);
    const body = e.stored ? data : deflateRawSync(data);
    const crc = crc32(data);
    const flags = (e.descriptor ? 0x0008 : 0) | (name.length !== e.name.length ? 0x0800 : 0) | (e.flags ?? 0);
    const method = e.method ?? (e.stored ? 0 : 8);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x6000, 10);
    local.writeUInt16LE(0x5b81, 12);
    if (!e.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(data.length, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const parts = [local, name, body];
    if (e.descriptor) {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(crc, 4);
      d.writeUInt32LE(body.length, 8);
      d.writeUInt32LE(data.length, 12);
      parts.push(d);
    }
    const record = Buffer.concat(parts);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(0x6000, 12);
    c.writeUInt16LE(0x5b81, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt16LE(name.length, 28);
    if (options.zip64) {
      c.writeUInt32LE(0xffffffff, 20);
      c.writeUInt32LE(0xffffffff, 24);
      c.writeUInt32LE(0xffffffff, 42);
      const extra = Buffer.alloc(28);
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(at), 20);
      c.writeUInt16LE(extra.length, 30);
      central.push(Buffer.concat([c, name, extra]));
    } else {
      c.writeUInt32LE(body.length, 20);
      c.writeUInt32LE(data.length, 24);
      c.writeUInt32LE(at, 42);
      central.push(Buffer.concat([c, name]));
    }
    pieces.push(record);
    at += record.length;
  }
  const cd = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(cd.length), 40);
    record.writeBigUInt64LE(BigInt(at), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(at + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 8);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 10);
  eocd.writeUInt32LE(options.zip64 ? 0xffffffff : cd.length, 12);
  eocd.writeUInt32LE(options.zip64 ? 0xffffffff : at, 16);
  return Buffer.concat([...pieces, cd, ...tail, eocd]);
}
