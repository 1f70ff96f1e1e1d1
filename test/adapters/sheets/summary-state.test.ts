import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, encodeModelStreamed } from '../../../shared/adapters/sheets/summary-state.ts';
import type { WorkbookModel } from '../../../shared/engine/index.ts';

describe('a cached model in its column', () => {
  it('is encoded streamed exactly as whole, and decodes to the model', async () => {
    const metrics = Array.from({ length: 4000 }, (_, i) => ({ rowNumber: i + 2, name: `Mätetal ${i} − ton`, values: [i, null, i / 3] }));
    const model = { workbookId: 'ss-1', workbookName: 'Klimat', metrics } as unknown as WorkbookModel;
    const streamed = await encodeModelStreamed(model);
    expect(streamed).toBe(encodeModel(model));
    expect(decodeModel(streamed)).toEqual(model);
  });
});
