/**
 * ArchiveStore for a local folder (domain.md §6, §7): an approved year's summary as it stood, in
 * `Sammanfattning ÅÅÅÅ fastställd.xlsx` and `.html` beside the live summary. The workbook's hidden state holds
 * the approved snapshot, which is how the folder's reader knows it for the product's own (summary-kind.ts) and
 * how it is adopted when the live summary's record of it was lost. Written once, made read-only, never written
 * again: a file already there is adopted when it is this year's archive, and left alone otherwise.
 * @module
 */
import { chmod, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApprovedSnapshot, SummaryDocument } from '../../engine/index.ts';
import type { ApprovedArchive, ArchiveStore, SummaryState } from '../../ports.ts';
import { renderSummaryHtmlParts } from '../../render/html-summary.ts';
import { writeAtomically } from './atomic-write.ts';
import { writeBook } from './book/write-book.ts';
import { readChangeLog, readSummaryState } from './summary-read.ts';
import { buildSummaryWorkbook, type LogValue } from './summary-workbook.ts';
import { SUMMARY_FILE } from './summary-store.ts';

export function archiveFileNames(year: number): { xlsx: string; html: string } {
  return { xlsx: `Sammanfattning ${year} fastställd.xlsx`, html: `Sammanfattning ${year} fastställd.html` };
}

/** The archive's hidden state: a summary's (so it is recognised as the product's own) with the snapshot. */
export interface ArchiveState extends SummaryState {
  archive: { year: number; approvedOn: string; snapshot: ApprovedSnapshot };
}

/** A file in the archive's place that is not this year's archive: it is never overwritten. */
export class ArchiveInTheWay extends Error {
  override name = 'ArchiveInTheWay';
}

export function createXlsxArchiveStore(dir: string): ArchiveStore {
  return {
    async archive(doc: SummaryDocument, snapshot: ApprovedSnapshot): Promise<ApprovedArchive> {
      const names = archiveFileNames(snapshot.year);
      const path = join(dir, names.xlsx);
      const existing = await readFile(path).catch(() => null);
      if (existing) {
        const state = safeState(existing);
        if (state?.archive?.year === snapshot.year && state.archive.snapshot) {
          return { approvedOn: state.archive.approvedOn, location: path, snapshot: state.archive.snapshot };
        }
        throw new ArchiveInTheWay(`'${names.xlsx}' finns redan och är inte Målkolls arkiv – den skrivs inte över; flytta den så görs arkivet vid nästa omräkning`);
      }
      const state: ArchiveState = {
        contentHash: doc.contentHash,
        changedAt: null,
        archive: { year: snapshot.year, approvedOn: snapshot.approvedOn, snapshot },
      };
      // the HTML first: the workbook, which marks the archive as made, is written last
      const htmlPath = join(dir, names.html);
      await writeAtomically(htmlPath, renderSummaryHtmlParts(doc));
      await chmod(htmlPath, 0o444);
      const log = await keptLog(join(dir, SUMMARY_FILE));
      const written = await writeAtomically(path, writeBook(buildSummaryWorkbook(doc, state, log, [])), async () => !existsSync(path));
      if (!written) return this.archive(doc, snapshot, { addresses: [], agreed: false });
      await chmod(path, 0o444);
      return { approvedOn: snapshot.approvedOn, location: path, snapshot };
    },
  };
}

/** The live summary's Ändringslogg as it stands, so the archive carries it too (empty when unreadable). */
async function keptLog(livePath: string): Promise<LogValue[][]> {
  const bytes = await readFile(livePath).catch(() => null);
  if (!bytes) return [];
  try {
    return readChangeLog(bytes);
  } catch {
    return [];
  }
}

function safeState(bytes: Uint8Array): Partial<ArchiveState> | null {
  try {
    return readSummaryState(bytes) as Partial<ArchiveState> | null;
  } catch {
    return null;
  }
}
