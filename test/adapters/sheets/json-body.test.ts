import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { jsonBody } from '../../../shared/adapters/sheets/json-body.ts';
import { gridVersion } from '../../../shared/adapters/sheets/read-grid.ts';

async function text(value: unknown): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of jsonBody(value)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('jsonBody', () => {
  it('streams exactly the bytes JSON.stringify gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expect(await text(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it('streams large arrays element by element, undefined fields left out as JSON.stringify does', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ values: [{ userEnteredValue: { stringValue: `rad ${i} − Mätetal` } }], skip: undefined }));
    const body = { requests: [{ updateCells: { rows, fields: 'userEnteredValue' } }] };
    expect(await text(body)).toBe(JSON.stringify(body));
  });

  it('never holds a whole batch as one chunk, however few its requests', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ values: [{ userEnteredValue: { stringValue: `rad ${i} − Mätetal` } }, { note: [i, 'x'] }] }));
    const body = { requests: [{ updateSheetProperties: { fields: 'gridProperties' } }, { updateCells: { rows, fields: '*' } }] };
    const sizes: number[] = [];
    for await (const chunk of jsonBody(body)) sizes.push((chunk as Buffer).byteLength);
    expect(sizes.length).toBeGreaterThan(10);
    // a chunk is cut once it reaches 64 K characters: at most three bytes each, plus the piece that crossed the line
    expect(Math.max(...sizes)).toBeLessThan(3 * 64 * 1024 + 1024);
  });

  it('gives a workbook the version it always had: the hash of its cells\' JSON, hashed in pieces', () => {
    const rows = Array.from({ length: 6000 }, (_, i) => [{ value: `Mätetal ${i} − ton` }, { value: i / 7, percent: true }, null, { value: 45_000 + i, date: '2023-03-15' }]);
    const sheets = [{ name: 'Mätetal', rows, hiddenRows: [3, 9] }, { name: 'Mål', rows: [[{ value: true }]] }];
    expect(gridVersion(sheets)).toBe(createHash('sha256').update(JSON.stringify(sheets)).digest('hex').slice(0, 32));
  });
});
