/**
 * Names the product derives from a workbook's name (its temp file, its backups, its journal, its last readable
 * copy) must fit where the workbook's own name fits: most file systems take 255 bytes per name, and a workbook
 * named close to that would otherwise fail every write with ENAMETOOLONG. A name that would not fit keeps the
 * start of the workbook's stem (cut at a character), a short hash of the whole name (two long names that share
 * their start never share a derived name) and its extension.
 * @module
 */
import { createHash } from 'node:crypto';

/** Bytes in one file name on ext4, xfs, btrfs, APFS and NTFS (which counts UTF-16 units: 255 of them is more). */
export const NAME_MAX_BYTES = 255;

const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

/** `prefix + fileName + suffix`, with the file name shortened as needed so that the whole fits in a name. */
export function derivedName(prefix: string, fileName: string, suffix = ''): string {
  const whole = `${prefix}${fileName}${suffix}`;
  if (bytesOf(whole) <= NAME_MAX_BYTES) return whole;
  return `${prefix}${fittedFileName(fileName, NAME_MAX_BYTES - bytesOf(prefix) - bytesOf(suffix))}${suffix}`;
}

/**
 * The file name itself within `maxBytes` (the same answer for the same name and room, so backups and temp
 * files of one workbook can be found again): its stem cut, `~` and 8 hex digits of its hash, its extension.
 */
export function fittedFileName(fileName: string, maxBytes: number): string {
  if (bytesOf(fileName) <= maxBytes) return fileName;
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 && fileName.length - dot <= 6 ? fileName.slice(dot) : '';
  const stem = ext ? fileName.slice(0, dot) : fileName;
  const tag = `~${createHash('sha256').update(fileName).digest('hex').slice(0, 8)}`;
  return `${cutToBytes(stem, Math.max(0, maxBytes - bytesOf(tag) - bytesOf(ext)))}${tag}${ext}`;
}

/** The longest start of `text` within `maxBytes` of UTF-8, never splitting a character. */
function cutToBytes(text: string, maxBytes: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    const size = bytesOf(char);
    if (used + size > maxBytes) break;
    used += size;
    end += char.length;
  }
  return text.slice(0, end);
}
