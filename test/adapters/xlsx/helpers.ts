/** Shared bits of the xlsx adapter tests: temp folders, fixture copies, hand-made plans. */
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellWrite, WritePlan } from '../../../shared/engine/model/model.ts';
import type { ProductState } from '../../../shared/engine/model/grid.ts';

export const FOREIGN_DIR = join(import.meta.dirname, '../../fixtures/foreign');
export const FOREIGN_FILES = ['mall-openpyxl.xlsx', 'mall-libreoffice.xlsx'] as const;

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'malkoll-xlsx-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function copyFixture(file: string, dir: string, as = file): Promise<string> {
  const target = join(dir, as);
  await copyFile(join(FOREIGN_DIR, file), target);
  await chmod(target, 0o644);
  return target;
}

export function plan(writes: CellWrite[], state: ProductState = { written: {} }, stateChanged = true): WritePlan {
  return { workbookId: 'x', writes, state, stateChanged, changes: [] };
}
