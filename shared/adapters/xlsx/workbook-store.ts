/**
 * WorkbookStore (ports.ts) over a folder of .xlsx/.xlsm files: the embedded default. A workbook is read
 * without building a model of it (read-grid.ts) and written by patching only the product's cells into the
 * package (patch-workbook.ts): every other part of the person's file stays byte for byte. The write replaces
 * the file so that the version it replaces is always kept (atomic-replace.ts).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { InputPlan, WritePlan } from '../../engine/index.ts';
import type { LastKnownWorkbook, WorkbookRef, WorkbookSnapshot, WorkbookStore, WriteOutcome } from '../../ports.ts';
import { UnreadableWorkbookError } from '../../ports.ts';
import { anyWriteFailure, codeOf, recoverInterruptedReplaces, removeStaleTempFiles, replaceWorkbook, type ReplaceHook } from './atomic-replace.ts';
import { DEFAULT_BACKUPS, pruneBackups } from './backups.ts';
import { patchFromInputPlan, patchFromPlan, type WorkbookPatch } from './cell-patch.ts';
import { sha256 } from './content-version.ts';
import { keepLastReadable, lastReadable, pruneLastReadable } from './last-readable.ts';
import { leftOutFiles } from './left-out-files.ts';
import { isWorkbookFileName, listWorkbooks } from './list-workbooks.ts';
import { openElsewhereReason } from './lock-files.ts';
import { PackageError } from './ooxml/package-error.ts';
import { patchWorkbook } from './patch-workbook.ts';
import { readOnlyReason } from './read-only.ts';
import { isCompoundFile, readWorkbookGrid } from './read-grid.ts';
import { withoutOwnSummaries } from './summary-kind.ts';

export { sha256 };

export interface XlsxStoreOptions {
  /** how many backups to keep per workbook (default 5) */
  backups?: number;
  /** told the file name and sha256 of every workbook this store writes (`watch` tells its own saves from a person's) */
  onWritten?: (fileName: string, version: string) => void;
  /** tests only: called at each step of replacing a file (a person's save, a kill) */
  replaceHook?: ReplaceHook;
  /** the waits between reads of a workbook that cannot be opened but may be in the middle of a save */
  readRetryDelaysMs?: readonly number[];
  /** tests only: called before each retry of such a read (a slow save that ends meanwhile) */
  readRetryHook?: (fileName: string, retry: number) => void | Promise<void>;
  /** files under the folder that are the product's own (the template `mall/…`): never listed as left out */
  productFiles?: readonly string[];
}

/**
 * A slow save that writes over the file in place leaves it unreadable for a moment: read again after these waits
 * (about two and a half seconds in all) before calling it unreadable.
 */
export const READ_RETRY_DELAYS_MS = [250, 500, 750, 1000] as const;
/** A file changed this recently may be in the middle of a save; an older unreadable file is simply broken. */
const SAVING_WINDOW_MS = 10_000;

type ReadAttempt = { snapshot: WorkbookSnapshot; bytes: Uint8Array } | { error: UnreadableWorkbookError; maySettle: boolean };

export function createXlsxWorkbookStore(dir: string, options: XlsxStoreOptions = {}): WorkbookStore {
  const keep = options.backups ?? DEFAULT_BACKUPS;

  /** Only plain file names of the set: a ref can never point outside the folder. */
  const pathOf = (ref: WorkbookRef): string => {
    if (basename(ref.id) !== ref.id || !isWorkbookFileName(ref.id)) {
      throw new Error(`'${ref.id}' är inte en arbetsbok i mappen ${dir}`);
    }
    return join(dir, ref.id);
  };

  const readOnce = async (ref: WorkbookRef): Promise<ReadAttempt> => {
    const path = pathOf(ref);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = codeOf(error);
      if (code === undefined) throw error;
      const reason = `Arbetsboken '${ref.id}' kunde inte öppnas: ${fsReason(code)}`;
      // a save by rename leaves the name missing for an instant; Windows refuses a file being written
      return { error: new UnreadableWorkbookError(ref, reason), maySettle: code === 'ENOENT' || code === 'EBUSY' };
    }
    try {
      return { snapshot: { grid: readWorkbookGrid(bytes, ref.id, ref.name), version: sha256(bytes) }, bytes };
    } catch (error) {
      if (!(error instanceof UnreadableWorkbookError)) throw error;
      return { error, maySettle: !isCompoundFile(bytes) && (await changedRecently(path)) };
    }
  };

  return {
    keepsChangeLog: true,

    async list() {
      await recoverInterruptedReplaces(dir);
      const refs = await withoutOwnSummaries(dir, await listWorkbooks(dir));
      await pruneLastReadable(dir, refs.map((r) => r.id));
      return refs;
    },

    leftOut() {
      return leftOutFiles(dir, options.productFiles ?? []);
    },

    async versions(refs: WorkbookRef[]): Promise<Record<string, string>> {
      const out: Record<string, string> = {};
      // a file that cannot be read now has no version: it never matches, so the run reads everything
      for (const ref of refs) out[ref.id] = await readFile(pathOf(ref)).then(sha256, () => `oläsbar ${randomUUID()}`);
      return out;
    },

    async read(ref: WorkbookRef): Promise<WorkbookSnapshot> {
      const delays = options.readRetryDelaysMs ?? READ_RETRY_DELAYS_MS;
      for (let retry = 0; ; retry++) {
        const attempt = await readOnce(ref);
        if ('snapshot' in attempt) {
          await keepLastReadable(dir, ref.id, attempt.bytes, attempt.snapshot.version);
          return attempt.snapshot;
        }
        if (!attempt.maySettle || retry >= delays.length) throw attempt.error;
        await options.readRetryHook?.(ref.id, retry + 1);
        await new Promise((resolve) => setTimeout(resolve, delays[retry]));
      }
    },

    async readLastKnown(ref: WorkbookRef): Promise<LastKnownWorkbook | null> {
      pathOf(ref);
      const kept = await lastReadable(dir, ref.id);
      if (!kept) return null;
      try {
        return { grid: readWorkbookGrid(kept.bytes, ref.id, ref.name), version: sha256(kept.bytes), readAt: kept.readAt.toISOString() };
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) return null;
        throw error;
      }
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

  async function patchFile(ref: WorkbookRef, expectedVersion: string, patch: () => WorkbookPatch): Promise<WriteOutcome> {
    try {
      return await patchOnce(ref, expectedVersion, patch);
    } catch (error) {
      // whatever the file system refuses (a full disk, a folder without write access, a name too long …) stays
      // with this workbook: the others are still written
      if (codeOf(error) === undefined) throw error;
      return { kind: 'skipped', reason: anyWriteFailure(error, ref.id) };
    }
  }

  /** One patched write of a workbook: refused while it is open elsewhere, read-only, or not the version read. */
  async function patchOnce(ref: WorkbookRef, expectedVersion: string, patch: () => WorkbookPatch): Promise<WriteOutcome> {
    const path = pathOf(ref);
    const open = await openElsewhereReason(dir, ref.id);
    if (open) return { kind: 'skipped', reason: open };
    const original = await stat(path).catch(() => null);
    if (original === null) return { kind: 'conflict' };
    const readOnly = await readOnlyReason(path, ref.id, original.mode, 'ta bort skrivskyddet om Målkoll ska skriva sina kolumner i den');
    if (readOnly) return { kind: 'skipped', reason: readOnly };

    const before = await readFile(path).catch(() => null);
    if (before === null || sha256(before) !== expectedVersion) return { kind: 'conflict' };
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
    // the workbook is written: a backup that cannot be pruned now is pruned by a later write
    await pruneBackups(dir, ref.id, keep).catch(() => {});
    const version = sha256(patched.bytes);
    options.onWritten?.(ref.id, version);
    return patched.notes.length > 0 ? { kind: 'written', notes: patched.notes, version } : { kind: 'written', version };
  }
}

/** The file changed in the last few seconds (a save may still be going on), or is gone (a save by rename). */
async function changedRecently(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info === null || Date.now() - info.mtimeMs < SAVING_WINDOW_MS;
}

/** The Swedish words for why a workbook could not be read, by the file system's error code. */
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
