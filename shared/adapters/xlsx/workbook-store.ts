/**
 * WorkbookStore (ports.ts) over a folder of .xlsx files: the embedded default.
 * Users' workbooks go through xlsx-populate, which keeps every part it does not understand (charts,
 * drawings, comments, validation …) as it found them; see test/adapters/xlsx/foreign-workbooks.test.ts.
 * @module
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { WritePlan } from '../../engine/index.ts';
import type { WorkbookRef, WorkbookSnapshot, WorkbookStore, WriteOutcome } from '../../ports.ts';
import { UnreadableWorkbookError } from '../../ports.ts';
import { applyPlan } from './apply-plan.ts';
import { removeStaleTempFiles, writeAtomically } from './atomic-write.ts';
import { backUp, DEFAULT_BACKUPS } from './backups.ts';
import { isWorkbookFileName, listWorkbooks } from './list-workbooks.ts';
import { isOpenInExcel, openInExcelReason } from './lock-files.ts';
import { openWorkbook } from './open-workbook.ts';
import { workbookToGrid } from './read-grid.ts';

export interface XlsxStoreOptions {
  /** how many backups to keep per workbook (default 5) */
  backups?: number;
  /** told the file name and sha256 of every workbook this store writes (`watch` tells its own saves from a person's) */
  onWritten?: (fileName: string, version: string) => void;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function createXlsxWorkbookStore(dir: string, options: XlsxStoreOptions = {}): WorkbookStore {
  const keep = options.backups ?? DEFAULT_BACKUPS;

  /** Only plain file names of the set: a ref can never point outside the folder. */
  const pathOf = (ref: WorkbookRef): string => {
    if (basename(ref.id) !== ref.id || !isWorkbookFileName(ref.id)) {
      throw new Error(`'${ref.id}' är inte en arbetsbok i mappen ${dir}`);
    }
    return join(dir, ref.id);
  };

  const readBytes = async (ref: WorkbookRef): Promise<Uint8Array> => {
    try {
      return await readFile(pathOf(ref));
    } catch (error) {
      if (error instanceof Error && 'code' in error) {
        throw new UnreadableWorkbookError(ref, `Arbetsboken '${ref.id}' kunde inte öppnas: ${fsReason(error)}`);
      }
      throw error;
    }
  };

  return {
    list: () => listWorkbooks(dir),

    async read(ref: WorkbookRef): Promise<WorkbookSnapshot> {
      const bytes = await readBytes(ref);
      const wb = await openWorkbook(bytes, ref.id);
      return { grid: workbookToGrid(wb, ref.id, ref.name), version: sha256(bytes) };
    },

    async write(ref: WorkbookRef, plan: WritePlan, expectedVersion: string): Promise<WriteOutcome> {
      if (plan.writes.length === 0 && !plan.stateChanged) return { kind: 'unchanged' };
      const path = pathOf(ref);
      if (await isOpenInExcel(dir, ref.id)) return { kind: 'skipped', reason: openInExcelReason(ref.id) };

      const before = await readBytes(ref);
      if (sha256(before) !== expectedVersion) return { kind: 'conflict' };
      const wb = await openWorkbook(before, ref.id);
      applyPlan(wb, plan);
      const after = await wb.outputAsync();

      await removeStaleTempFiles(dir, ref.id);
      await backUp(dir, ref.id, before, keep);
      const written = await writeAtomically(path, after, async () => {
        const now = await readFile(path).catch(() => null);
        return now !== null && sha256(now) === expectedVersion && !(await isOpenInExcel(dir, ref.id));
      });
      if (!written) return { kind: 'conflict' };
      options.onWritten?.(ref.id, sha256(after));
      return { kind: 'written' };
    },
  };
}

function fsReason(error: Error & { code?: unknown }): string {
  switch (error.code) {
    case 'ENOENT':
      return 'filen finns inte';
    case 'EACCES':
    case 'EPERM':
      return 'behörighet saknas';
    case 'EBUSY':
      return 'filen används av ett annat program';
    default:
      return `filen kunde inte läsas (${String(error.code)})`;
  }
}
