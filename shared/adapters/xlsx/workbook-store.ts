/**
 * WorkbookStore (ports.ts) over a folder of .xlsx/.xlsm files: the embedded default. A workbook is read
 * without building a model of it (read-grid.ts) and written by patching only the product's cells into the
 * package (patch-workbook.ts): every other part of the person's file stays byte for byte. The write replaces
 * the file so that the version it replaces is always kept (atomic-replace.ts).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { access, constants, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { InputPlan, WritePlan } from '../../engine/index.ts';
import type { WorkbookRef, WorkbookSnapshot, WorkbookStore, WriteOutcome } from '../../ports.ts';
import { UnreadableWorkbookError } from '../../ports.ts';
import { codeOf, recoverInterruptedReplaces, removeStaleTempFiles, replaceWorkbook, type ReplaceHook } from './atomic-replace.ts';
import { DEFAULT_BACKUPS, pruneBackups } from './backups.ts';
import { patchFromInputPlan, patchFromPlan, type WorkbookPatch } from './cell-patch.ts';
import { sha256 } from './content-version.ts';
import { isWorkbookFileName, listWorkbooks } from './list-workbooks.ts';
import { openElsewhereReason } from './lock-files.ts';
import { PackageError } from './ooxml/package-error.ts';
import { patchWorkbook } from './patch-workbook.ts';
import { readWorkbookGrid } from './read-grid.ts';
import { withoutOwnSummaries } from './summary-kind.ts';

export { sha256 };

export interface XlsxStoreOptions {
  /** how many backups to keep per workbook (default 5) */
  backups?: number;
  /** told the file name and sha256 of every workbook this store writes (`watch` tells its own saves from a person's) */
  onWritten?: (fileName: string, version: string) => void;
  /** tests only: called at each step of replacing a file (a person's save, a kill) */
  replaceHook?: ReplaceHook;
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
      if (codeOf(error) !== undefined) {
        throw new UnreadableWorkbookError(ref, `Arbetsboken '${ref.id}' kunde inte öppnas: ${fsReason(codeOf(error))}`);
      }
      throw error;
    }
  };

  /** One patched write of a workbook: refused while it is open elsewhere, read-only, or not the version read. */
  const patchFile = async (ref: WorkbookRef, expectedVersion: string, patch: () => WorkbookPatch): Promise<WriteOutcome> => {
    const path = pathOf(ref);
    const open = await openElsewhereReason(dir, ref.id);
    if (open) return { kind: 'skipped', reason: open };
    const original = await stat(path).catch(() => null);
    if (original === null) return { kind: 'conflict' };
    const readOnly = await readOnlyReason(path, ref.id, original.mode);
    if (readOnly) return { kind: 'skipped', reason: readOnly };

    const before = await readBytes(ref);
    if (sha256(before) !== expectedVersion) return { kind: 'conflict' };
    let patched: { bytes: Buffer; notes: string[] };
    try {
      patched = patchWorkbook(before, patch());
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      return { kind: 'skipped', reason: `'${ref.id}' skrevs inte: ${error.reason}` };
    }

    await removeStaleTempFiles(dir, ref.id);
    const outcome = await replaceWorkbook({
      dir,
      fileName: ref.id,
      bytes: patched.bytes,
      expectedVersion,
      original,
      stillWritable: () => openElsewhereReason(dir, ref.id),
      ...(options.replaceHook ? { hook: options.replaceHook } : {}),
    });
    if (outcome.kind !== 'replaced') return outcome;
    await pruneBackups(dir, ref.id, keep);
    const version = sha256(patched.bytes);
    options.onWritten?.(ref.id, version);
    return patched.notes.length > 0 ? { kind: 'written', notes: patched.notes, version } : { kind: 'written', version };
  };

  return {
    async list() {
      await recoverInterruptedReplaces(dir);
      return withoutOwnSummaries(dir, await listWorkbooks(dir));
    },

    async versions(refs: WorkbookRef[]): Promise<Record<string, string>> {
      const out: Record<string, string> = {};
      // a file that cannot be read now has no version: it never matches, so the run reads everything
      for (const ref of refs) out[ref.id] = await readFile(pathOf(ref)).then(sha256, () => `oläsbar ${randomUUID()}`);
      return out;
    },

    async read(ref: WorkbookRef): Promise<WorkbookSnapshot> {
      const bytes = await readBytes(ref);
      return { grid: readWorkbookGrid(bytes, ref.id, ref.name), version: sha256(bytes) };
    },

    async write(ref: WorkbookRef, plan: WritePlan, expectedVersion: string): Promise<WriteOutcome> {
      if (plan.writes.length === 0 && !plan.stateChanged) return { kind: 'unchanged' };
      return patchFile(ref, expectedVersion, () => patchFromPlan(plan));
    },

    async writeInputs(ref: WorkbookRef, plan: InputPlan, expectedVersion: string): Promise<WriteOutcome> {
      if (plan.writes.length === 0 && plan.state === null) return { kind: 'unchanged' };
      return patchFile(ref, expectedVersion, () => patchFromInputPlan(plan));
    },
  };
}

/** A workbook without any write permission bit, or one this user may not write, is left alone. */
async function readOnlyReason(path: string, fileName: string, mode: number): Promise<string | null> {
  if ((mode & 0o222) === 0) {
    return `'${fileName}' är skrivskyddad och skrevs inte – ta bort skrivskyddet om Målkoll ska skriva sina kolumner i den`;
  }
  try {
    await access(path, constants.W_OK);
    return null;
  } catch {
    return `'${fileName}' skrevs inte: du saknar behörighet att ändra filen – be filens ägare om skrivrätt`;
  }
}

function fsReason(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'filen finns inte';
    case 'EACCES':
    case 'EPERM':
      return 'behörighet saknas';
    case 'EBUSY':
      return 'filen används av ett annat program';
    default:
      return `filen kunde inte läsas (${String(code)})`;
  }
}
