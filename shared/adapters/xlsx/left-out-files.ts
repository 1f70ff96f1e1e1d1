/**
 * Files a person may take for part of the set that are not read (domain.md §3 "A set of workbooks": files left
 * out for another reason are named in the run's report): another spreadsheet format, a link, a workbook in a
 * sub-folder. The product's own files (the backup folder, temp and lock files, the summary, the template that
 * `init` puts in `mall/`) are never listed. Sub-folders are looked into a few levels deep, links never followed.
 * @module
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LeftOutFile } from '../../ports.ts';
import { isLockFileName } from './lock-files.ts';
import { isWorkbookFileName } from './list-workbooks.ts';

const OTHER_FORMATS: [RegExp, string][] = [
  [/\.xls$/i, 'det äldre Excel-formatet (.xls) läses inte – spara den som .xlsx (Arkiv → Spara som) så tas den med'],
  [/\.xlsb$/i, 'binära Excel-arbetsböcker (.xlsb) läses inte – spara den som .xlsx så tas den med'],
  [/\.ods$/i, 'OpenDocument-kalkylblad (.ods) läses inte – spara den som .xlsx i LibreOffice så tas den med'],
];
const LINK_REASON = 'är en länk och läses inte: Målkoll skriver bara i vanliga filer (att skriva genom länken skulle ersätta den med en fil) – lägg arbetsboken själv i mappen';
const MAX_DEPTH = 3;
/** more than this is a folder tree, not a set: the rest is counted, not named */
const MAX_LISTED = 50;
const MAX_VISITED = 2_000;

const collator = new Intl.Collator('sv-SE');

function otherFormat(name: string): string | null {
  return OTHER_FORMATS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/** A name that looks like a spreadsheet a person keeps (not hidden, not a lock file). */
function looksLikeSpreadsheet(name: string): boolean {
  if (name.startsWith('.') || isLockFileName(name)) return false;
  return isWorkbookFileName(name) || otherFormat(name) !== null;
}

/** `productFiles`: paths relative to `dir` ('/'-separated) that the product made and that are not a person's. */
export async function leftOutFiles(dir: string, productFiles: readonly string[]): Promise<LeftOutFile[]> {
  const out: LeftOutFile[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) folders.push(e.name);
    else if (!looksLikeSpreadsheet(e.name)) continue;
    else if (e.isSymbolicLink()) out.push({ file: e.name, reason: `'${e.name}' ${LINK_REASON}` });
    else if (e.isFile() && otherFormat(e.name)) out.push({ file: e.name, reason: `'${e.name}': ${otherFormat(e.name)}` });
  }
  const own = new Set(productFiles);
  const nested: string[] = [];
  let visited = entries.length;
  const walk = async (relative: string, depth: number): Promise<void> => {
    if (visited > MAX_VISITED) return;
    const inner = await readdir(join(dir, relative), { withFileTypes: true }).catch(() => []);
    visited += inner.length;
    for (const e of inner) {
      const path = `${relative}/${e.name}`;
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory() && depth < MAX_DEPTH) await walk(path, depth + 1);
      else if ((e.isFile() || e.isSymbolicLink()) && looksLikeSpreadsheet(e.name) && !own.has(path)) nested.push(path);
    }
  };
  for (const folder of folders.sort(collator.compare)) await walk(folder, 1);
  out.sort((a, b) => collator.compare(a.file, b.file));
  for (const path of nested.sort(collator.compare).slice(0, MAX_LISTED)) {
    const folder = path.slice(0, path.lastIndexOf('/'));
    out.push({ file: path, reason: `'${path}' ligger i undermappen '${folder}' och läses inte: bara arbetsböcker direkt i mappen räknas om – flytta den dit så tas den med` });
  }
  if (nested.length > MAX_LISTED) {
    out.push({ file: '…', reason: `ytterligare ${nested.length - MAX_LISTED} kalkylblad i undermappar läses inte heller` });
  }
  return out;
}
