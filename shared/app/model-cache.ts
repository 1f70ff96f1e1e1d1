/**
 * The workbook models a summary store keeps between runs (SummaryState.models), so that an edit
 * recalculates one workbook and still knows the rest of the set. Each model carries a fingerprint, so the
 * store rewrites only the models that changed and the app knows whether any did without comparing them.
 * @module
 */
import { createHash } from 'node:crypto';
import { jsonPieces } from '../json-pieces.ts';
import type { RecalculateResult, WorkbookModel } from '../engine/index.ts';
import type { SummaryState, WorkbookRef } from '../ports.ts';

/** The hash of the model's JSON, hashed piece by piece (a large workbook's model is megabytes of it). */
export function fingerprintModel(model: WorkbookModel): string {
  const hash = createHash('sha256');
  for (const piece of jsonPieces(model)) hash.update(piece, 'utf8');
  return hash.digest('base64url').slice(0, 22);
}

export interface ModelCache {
  models: Record<string, WorkbookModel>;
  fingerprints: Record<string, string>;
  /** a model was added, dropped or differs from what the store holds */
  changed: boolean;
}

/** The models to keep for the next scoped run: fresh ones, plus cached ones of workbooks still configured. */
export function nextModelCache(refs: WorkbookRef[], previous: SummaryState | null, result: RecalculateResult): ModelCache {
  const models: Record<string, WorkbookModel> = {};
  const fingerprints: Record<string, string> = {};
  const before = previous?.modelFingerprints ?? {};
  let changed = Object.keys(before).some((id) => !refs.some((r) => r.id === id));
  for (const ref of refs) {
    const fresh = result.models.find((m) => m.workbookId === ref.id);
    const model = fresh ?? previous?.models?.[ref.id];
    if (!model) continue;
    models[ref.id] = model;
    fingerprints[ref.id] = fresh ? fingerprintModel(fresh) : (before[ref.id] ?? fingerprintModel(model));
    if (fingerprints[ref.id] !== before[ref.id]) changed = true;
  }
  return { models, fingerprints, changed };
}
