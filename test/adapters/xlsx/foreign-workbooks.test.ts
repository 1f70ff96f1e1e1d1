/**
 * Acceptance (issue): users' workbooks saved by openpyxl and LibreOffice come back from a write with every
 * part they had, their typed cells unchanged and the product's columns filled; LibreOffice still opens them.
 * Checked with an independent reader (test/support/xlsx-inspect.ts), not with the adapter itself.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createXlsxWorkbookStore } from '../../../shared/adapters/xlsx/index.ts';
import { PALETTE } from '../../../shared/engine/model/palette.ts';
import { findSheet, type SheetGrid } from '../../../shared/engine/model/grid.ts';
import type { CellWrite } from '../../../shared/engine/model/model.ts';
import { cellColours, inspectXlsx, sheetOf, unzipXlsx, type InspectedWorkbook } from '../../support/xlsx-inspect.ts';
import { libreOfficeCsv } from '../../support/libreoffice.ts';
import { copyFixture, FOREIGN_FILES, plan, tempDir } from './helpers.ts';

function columnOf(sheet: SheetGrid, header: string): number {
  const i = (sheet.rows[0] ?? []).findIndex((c) => c?.value === header);
  if (i < 0) throw new Error(`no ${header}`);
  return i + 1;
}

const colLetter = (n: number): string => String.fromCharCode(64 + n);

/** Parts our writes may add: shared strings (openpyxl writes inline strings) and the `_malkoll` sheet. */
function allowedNewPart(name: string): boolean {
  return name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(name);
}

const UNTOUCHED_PART = /^xl\/(charts|drawings|media|comments|threadedComments|persons)\b|^xl\/comments\d*\.xml$|^xl\/theme\//;

function features(wb: InspectedWorkbook) {
  return wb.sheets
    .filter((s) => s.name !== '_malkoll')
    .map((s) => ({
      name: s.name,
      state: s.state,
      merged: s.merged,
      conditionalFormatting: s.conditionalFormatting,
      dataValidations: s.dataValidations,
      hyperlinks: s.hyperlinks,
      hiddenColumns: s.hiddenColumns,
      frozenPane: s.frozenPane,
      hiddenRows: s.hiddenRows,
      relationships: s.relationships,
      hasDrawing: s.hasDrawing,
      hasLegacyDrawing: s.hasLegacyDrawing,
    }));
}

describe.each(FOREIGN_FILES)('foreign workbook %s through the local adapter', (file) => {
  it('reads the metrics, writes only product cells and keeps every other part', { timeout: 120_000 }, async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = await copyFixture(file, dir);
      const store = createXlsxWorkbookStore(dir);
      const [ref] = await store.list();
      expect(ref).toEqual({ id: file, name: file.replace('.xlsx', '') });
      const snapshot = await store.read(ref!);

      // The grid holds the metrics as typed.
      const metrics = findSheet(snapshot.grid, 'Mätetal')!;
      expect(metrics.rows[1]?.[2]?.value).toBe('Elanvändning');
      expect(metrics.rows[1]?.[5]?.value).toBe(1200);
      expect(metrics.rows[4]?.[7]?.formula).toBe('G5+4');
      expect(metrics.rows[7]?.[0]?.value).toBe('Anteckningar från förvaltningen, sammanslagna celler');
      expect(snapshot.grid.sheets.map((s) => s.name)).toEqual(['Målområden', 'Indikatorer', 'Mätetal', 'Diagramunderlag', 'Inställningar']);
      expect(snapshot.grid.state).toBeNull();

      const dev = columnOf(metrics, 'Utveckling');
      const expl = columnOf(metrics, 'Förklaring');
      const statuses = ['Positiv', 'Oförändrad', 'Negativ', 'Fel'] as const;
      const writes: CellWrite[] = statuses.flatMap((status, i) => [
        { sheet: 'Mätetal', rowNumber: i + 2, columnNumber: dev, value: status, style: status },
        { sheet: 'Mätetal', rowNumber: i + 2, columnNumber: expl, value: `${status === 'Fel' ? 'Fel: ' : ''}förklaring ${i + 2}`, style: 'text' },
      ]);
      const state = { written: { 'Mätetal!Elanvändning!Utveckling': 'Positiv' } };
      const before = await readFile(path);
      const outcome = await store.write(ref!, plan(writes, state), snapshot.version);
      const after = await readFile(path);
      // the outcome names the version written, so a later run can tell the file is still as the product left it
      expect(outcome).toEqual({ kind: 'written', version: createHash('sha256').update(after).digest('hex') });

      const a = inspectXlsx(before);
      const b = inspectXlsx(after);
      // Every part is still there; only shared strings and the state sheet are new.
      expect(b.parts.filter((p) => !a.parts.includes(p)).every(allowedNewPart)).toBe(true);
      expect(a.parts.filter((p) => !b.parts.includes(p))).toEqual([]);
      // Charts, drawings, images, comments and theme are byte-identical.
      const pa = unzipXlsx(before);
      const pb = unzipXlsx(after);
      const untouched = a.parts.filter((p) => UNTOUCHED_PART.test(p));
      expect(untouched.some((p) => p.startsWith('xl/charts/'))).toBe(true);
      expect(untouched.some((p) => p.startsWith('xl/media/'))).toBe(true);
      for (const p of untouched) expect(Buffer.from(pb[p]!).equals(Buffer.from(pa[p]!)), p).toBe(true);
      // Comments, hyperlinks, validation, conditional formats, merges, panes, hidden columns, drawings.
      expect(features(b)).toEqual(features(a));
      const m = sheetOf(a, 'Mätetal');
      expect(m.hyperlinks).toEqual(['J3']);
      expect(m.dataValidations[0]).toMatch(/^E2:E200 list/);
      expect(m.conditionalFormatting).toHaveLength(1);
      expect(m.merged).toEqual(['A8:E8']);
      expect(m.hiddenColumns).toEqual(['9-9']);
      expect(m.relationships.some((r) => r.startsWith('comments '))).toBe(true);
      expect(m.relationships.some((r) => r.startsWith('drawing '))).toBe(true);
      expect(sheetOf(a, 'Diagramunderlag').hasDrawing).toBe(true);
      if (file === 'mall-openpyxl.xlsx') expect(m.frozenPane).toBe('0,1');
      expect(b.definedNames).toEqual(a.definedNames);
      expect(Object.keys(b.definedNames)).toContain('Utfallen');

      // Every cell outside the written ones is unchanged (value, formula, style).
      const written = new Set(writes.map((w) => `Mätetal!${colLetter(w.columnNumber)}${w.rowNumber}`));
      const norm = (t: string) => (t === 's' || t === 'inlineStr' ? 'string' : t);
      for (const sheet of a.sheets) {
        const after = sheetOf(b, sheet.name);
        for (const [addr, cell] of sheet.cells) {
          if (written.has(`${sheet.name}!${addr}`)) continue;
          const c = after.cells.get(addr);
          expect({ ...c, type: norm(c?.type ?? '') }, `${sheet.name}!${addr}`).toEqual({ ...cell, type: norm(cell.type) });
        }
      }
      // The written cells hold their word and palette colours.
      const mb = sheetOf(b, 'Mätetal');
      for (const w of writes) {
        const cell = mb.cells.get(`${colLetter(w.columnNumber)}${w.rowNumber}`);
        expect(cell?.value).toBe(w.value);
        const colours = cellColours(b, cell);
        expect(colours.fill).toBe(PALETTE[w.style].fill);
        expect(colours.font).toBe(PALETTE[w.style].font);
        expect(colours.bold).toBe(PALETTE[w.style].bold === true);
      }
      expect(sheetOf(b, '_malkoll').state).toBe('hidden');

      // Read back: state restored, formula results kept (a second run must see the same outcomes).
      const again = await store.read(ref!);
      expect(again.grid.state).toEqual(state);
      expect(again.grid.sheets.map((s) => s.name)).not.toContain('_malkoll');
      expect(findSheet(again.grid, 'Mätetal')!.rows[4]?.[7]).toEqual(metrics.rows[4]?.[7]);

      // LibreOffice opens the result and shows the typed value and the written word.
      const csv = await libreOfficeCsv(path);
      const sheet = csv.get('Mätetal')!;
      expect(sheet[1]?.[2]).toBe('Elanvändning');
      expect(sheet[1]?.[5]).toBe('1200');
      expect(sheet[1]?.[dev - 1]).toBe('Positiv');
      expect(sheet[4]?.[7]).toBe('45');
      expect(csv.has('Diagramunderlag')).toBe(true);
    } finally {
      await cleanup();
    }
  });
});

describe('formulas without a cached result', () => {
  it('the openpyxl file marks its formulas uncached, the LibreOffice file has their results', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      for (const f of FOREIGN_FILES) await copyFixture(f, dir);
      const store = createXlsxWorkbookStore(dir);
      const [lo, op] = await store.list();
      const openpyxl = findSheet((await store.read(op!)).grid, 'Mätetal')!;
      expect(openpyxl.rows[4]?.[7]).toEqual({ value: null, formula: 'G5+4', uncached: true });
      expect(openpyxl.rows[7]?.[7]).toEqual({ value: null, formula: 'SUM(H2:H4)', uncached: true });
      const libre = findSheet((await store.read(lo!)).grid, 'Mätetal')!;
      expect(libre.rows[4]?.[7]).toEqual({ value: 45, formula: 'G5+4' });
      expect(libre.rows[7]?.[7]).toEqual({ value: 72003, formula: 'SUM(H2:H4)' });
    } finally {
      await cleanup();
    }
  });
});
