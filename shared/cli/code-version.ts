/**
 * Which code is running, as a hash of its sources: a run compares it with the one the last run recorded, so a
 * new version of the rules or the layout recalculates workbooks that did not change (see app/unchanged-inputs.ts).
 * @module
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLDERS = ['shared', 'sheets-templates'];
/** the fakes tests and the benchmark share: never part of a run */
const NOT_PRODUCT = path.join(ROOT, 'shared', 'testing');

let cached: Promise<string> | null = null;

export function codeVersion(): Promise<string> {
  cached ??= hashSources();
  return cached;
}

/**
 * Read synchronously: a couple of hundred small files, where a promise and a worker-thread round trip per file
 * took longer than the reading (the run waits for the hash before it does anything else).
 */
async function hashSources(): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const folder of FOLDERS) {
    for (const entry of readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (entry.isFile() && /\.(ts|js|json)$/.test(entry.name) && !file.startsWith(NOT_PRODUCT)) files.push(file);
    }
  }
  files.sort();
  for (const file of [path.join(ROOT, 'package.json'), ...files]) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
