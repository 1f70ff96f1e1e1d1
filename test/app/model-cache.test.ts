import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintModel } from '../../shared/app/model-cache.ts';
import type { WorkbookModel } from '../../shared/engine/index.ts';

describe('fingerprintModel', () => {
  it('is the hash of the model\'s JSON, as the fingerprints already stored in summaries were made', () => {
    const metrics = Array.from({ length: 3000 }, (_, i) => ({ rowNumber: i + 2, name: `Mätetal ${i} − ton`, values: [i, null, i / 3], unit: undefined }));
    const model = { workbookId: 'ss-1', workbookName: 'Klimat', metrics, notes: [] } as unknown as WorkbookModel;
    expect(fingerprintModel(model)).toBe(createHash('sha256').update(JSON.stringify(model)).digest('base64url').slice(0, 22));
  });
});
