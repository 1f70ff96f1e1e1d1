/**
 * SummaryStore for a local folder: `Sammanfattning.xlsx` (the product's own file, laid out by
 * summary-workbook.ts and written by book/write-book.ts) and the printable `Sammanfattning.html`. Ändringslogg
 * rows already in the file are read back and kept; new ones are appended. Both files are written to a temp
 * name and renamed, so a reader never sees half a file. The state round-trips whatever SummaryState holds.
 * Both files carry the content hash: when the page does not carry the workbook's (a run stopped between the two
 * writes, or the page was deleted), `readState` says so and the next run writes the summary again. A summary
 * file a person made read-only is not written, and whatever the file system refuses ends in a Swedish reason
 * (SummaryWriteError), never in a half-written summary.
 * @module
 */
import { existsSync } from 'node:fs';
import { copyFile, open, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SummaryWriteError, type SummaryState, type SummaryStore } from '../../ports.ts';
import type { SummaryDocument, ChangeLogRow } from '../../engine/index.ts';
import { CONTENT_HASH_META, renderSummaryHtmlParts } from '../../render/html-summary.ts';
import { anyWriteFailure, codeOf } from './atomic-replace.ts';
import { readOnlyReason } from './read-only.ts';
import { writeAtomically } from './atomic-write.ts';
import { writeBook } from './book/write-book.ts';
import { PackageError } from './ooxml/package-error.ts';
import { XmlError } from './ooxml/xml-scan.ts';
import { readChangeLog, readSummaryState } from './summary-read.ts';
import { buildSummaryWorkbook, stateSheet, type LogValue } from './summary-workbook.ts';
import { Book } from './book/book.ts';
import { sheetXml } from './book/book-xml.ts';
import { openPackage } from './ooxml/package.ts';
import { writeZip } from './ooxml/zip-write.ts';
import { SHEETS } from '../../engine/index.ts';

export const SUMMARY_FILE = 'Sammanfattning.xlsx';
export const SUMMARY_HTML = 'Sammanfattning.html';

/** The moments of writing one of the summary's files, for tests to act at (a kill, a full disk). */
export type SummaryWriteStep = 'temp-written' | 'renamed';
export type SummaryWriteHook = (fileName: string, step: SummaryWriteStep) => void | Promise<void>;

export interface XlsxSummaryOptions {
  /** tests only: called at each step of writing each file */
  writeHook?: SummaryWriteHook;
}

export function createXlsxSummaryStore(dir: string, options: XlsxSummaryOptions = {}): SummaryStore {
  const path = join(dir, SUMMARY_FILE);
  const htmlPath = join(dir, SUMMARY_HTML);
  const hook = options.writeHook;

  /** One file, atomically; a refusal of the file system becomes a Swedish reason naming the file. */
  const put = async (target: string, bytes: Parameters<typeof writeAtomically>[1]) => {
    const name = basename(target);
    try {
      await writeAtomically(target, bytes, async () => {
        await hook?.(name, 'temp-written');
        return true;
      });
    } catch (error) {
      if (codeOf(error) === undefined) throw error;
      throw new SummaryWriteError(anyWriteFailure(error, name));
    }
    await hook?.(name, 'renamed');
  };

  return {
    async readState() {
      const bytes = await readIfThere(path);
      const state = bytes ? orNull(() => readSummaryState(bytes)) : null;
      if (!state) return null;
      const { rewrite: _, ...stored } = state;
      return (await printedHash(htmlPath)) === stored.contentHash ? stored : { ...stored, rewrite: true };
    },

    async write(doc: SummaryDocument, state: SummaryState, changeLog: ChangeLogRow[]) {
      const refused = (await refusedSummaryFile(path)) ?? (await refusedSummaryFile(htmlPath));
      if (refused) throw new SummaryWriteError(refused);
      let kept: LogValue[][] = [];
      const old = await readIfThere(path);
      if (old) {
        const rows = orNull(() => readChangeLog(old));
        if (rows) kept = rows;
        // a file we cannot read would lose its change log on rewrite: keep a copy beside it
        else await copyFile(path, `${path}.bak`).catch((error: unknown) => {
          throw new SummaryWriteError(`'${SUMMARY_FILE}' kunde inte läsas, och en kopia av den kunde inte sparas (${codeOf(error)}) – den skrevs inte över`);
        });
      }
      // the workbook first: it holds Ändringslogg and the state together; a page left behind is seen by its hash
      await put(path, summaryBytes(doc, stored(state), kept, changeLog));
      kept = [];
      await put(htmlPath, renderSummaryHtmlParts(doc));
    },

    async writeState(state: SummaryState) {
      const bytes = await readIfThere(path);
      const updated = bytes ? orNull(() => withState(bytes, stored(state))) : null;
      if (updated && !(await refusedSummaryFile(path))) await put(path, updated);
    },

    location() {
      return path;
    },
  };
}

/** What is kept of a state: everything but what `readState` says about the files. */
function stored(state: SummaryState): SummaryState {
  const { rewrite: _, ...rest } = state;
  return rest;
}

/** The content hash the printable page carries in its head, or null (no page, or one without it). */
async function printedHash(htmlPath: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(htmlPath, 'r');
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(4096), position: 0 });
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    return new RegExp(`<meta name="${CONTENT_HASH_META}" content="([^"]*)">`).exec(head)?.[1] ?? null;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/** A summary file a person made read-only (or may not write) is left as it is; null when it may be written. */
async function refusedSummaryFile(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null);
  return info ? readOnlyReason(path, basename(path), info.mode, 'ta bort skrivskyddet så uppdateras sammanfattningen') : null;
}

/** The workbook's bytes; the laid-out book is gone once they are made (before the HTML is). */
function summaryBytes(doc: SummaryDocument, state: SummaryState, kept: LogValue[][], changeLog: ChangeLogRow[]): Buffer {
  return writeBook(buildSummaryWorkbook(doc, state, kept, changeLog));
}

/** The summary file with only its `_malkoll` part replaced: every other entry copied as it is stored. */
function withState(bytes: Buffer, state: SummaryState): Buffer | null {
  const pkg = openPackage(bytes);
  const entry = pkg.sheets.find((s) => s.name === SHEETS.state && s.part !== null);
  if (!entry) return null;
  const book = new Book();
  const xml = [...sheetXml(stateSheet(book, state), false, { drawing: null, legacyDrawing: null })];
  return writeZip(pkg.zip, { replace: new Map([[pkg.entry(entry.part!)!.name, xml]]), remove: new Set(), add: [] });
}

async function readIfThere(path: string): Promise<Buffer | null> {
  if (!existsSync(path)) return null;
  return readFile(path).catch(() => null);
}

/** A file that is not a readable package reads as nothing. */
function orNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof PackageError || error instanceof XmlError || error instanceof RangeError) return null;
    throw error;
  }
}
