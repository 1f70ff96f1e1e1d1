/**
 * A workbook's version as the local store sees it: the sha256 of its bytes.
 * @module
 */
import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
