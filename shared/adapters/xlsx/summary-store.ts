/**
 * SummaryStore for a local folder: `Sammanfattning.xlsx` (the product's own file, laid out by
 * summary-workbook.ts and written by book/write-book.ts) and the printable `Sammanfattning.html`. Ändringslogg
 * rows already in the file are read back and kept; new ones are appended. Both files are written to a temp
 * name and renamed, so a reader never sees half a file. The state round-trips whatever SummaryState holds.
 * @module
 */
import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SummaryState, SummaryStore } from '../../ports.ts';
import type { SummaryDocument, ChangeLogRow } from '../../engine/index.ts';
import { renderSummaryHtmlParts } from '../../render/html-summary.ts';
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

export function createXlsxSummaryStore(dir: string): SummaryStore {
  const path = join(dir, SUMMARY_FILE);
  const htmlPath = join(dir, SUMMARY_HTML);

  return {
    async readState() {
      const bytes = await readIfThere(path);
      return bytes ? orNull(() => readSummaryState(bytes)) : null;
    },

    async write(doc: SummaryDocument, state: SummaryState, changeLog: ChangeLogRow[]) {
      let kept: LogValue[][] = [];
      const old = await readIfThere(path);
      if (old) {
        const rows = orNull(() => readChangeLog(old));
        if (rows) kept = rows;
        // a file we cannot read would lose its change log on rewrite: keep a copy beside it
        else await copyFile(path, `${path}.bak`);
      }
      await writeAtomically(path, summaryBytes(doc, state, kept, changeLog));
      kept = [];
      await writeAtomically(htmlPath, renderSummaryHtmlParts(doc));
    },

    async writeState(state: SummaryState) {
      const bytes = await readIfThere(path);
      const updated = bytes ? orNull(() => withState(bytes, state)) : null;
      if (updated) await writeAtomically(path, updated);
    },

    location() {
      return path;
    },
  };
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
