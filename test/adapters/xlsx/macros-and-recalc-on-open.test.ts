/**
 * Issue 17, C.10 and D.12 through the CLI on real files: a macro-enabled workbook (.xlsm, its workbook part
 * found through _rels/.rels at a name of its own) is listed, read and written like an .xlsx with its VBA
 * project kept byte for byte; and a written workbook asks to be recalculated when opened, so a person's own
 * formula over the product's cells (COUNTIF on a dashboard sheet) shows the current count in LibreOffice.
 */
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { runCli } from '../../../shared/cli/app.ts';
import { recordingConsole } from '../../../shared/cli/console.ts';
import { PALETTE } from '../../../shared/engine/model/palette.ts';
import { cellColours, inspectXlsx, sheetOf } from '../../support/xlsx-inspect.ts';
import { diffOutsideProductCells, storedEntries } from '../../support/package-diff.ts';
import { libreOfficeCsvMany } from '../../support/libreoffice.ts';
import { openpyxlCells } from '../../support/openpyxl.ts';
import { generatedWorkbook, PRODUCT_COLUMNS, SIMPLE } from './generated-workbook.ts';
import { tempDir } from './helpers.ts';

const productCells = (part: string) => {
  const columns = PRODUCT_COLUMNS[part];
  return columns ? new Set(columns.flatMap((c) => [2, 3, 4, 5].map((r) => `${c}${r}`))) : null;
};

describe('a macro-enabled workbook (.xlsm)', () => {
  it('is listed, read and written like an .xlsx, its VBA project and workbook type kept', { timeout: 180_000 }, async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const vba = randomBytes(3000);
      const before = generatedWorkbook({ ...SIMPLE, macros: { vba, workbookPart: 'xl/arbetsbok.xml' } });
      const path = join(dir, 'Makron.xlsm');
      await writeFile(path, before);
      const io = recordingConsole();
      expect(await runCli(['recalc', dir], io)).toBe(0);
      expect(io.text()).toMatch(/Makron .* uppdaterad/);
      const after = await readFile(path);

      expect(storedEntries(after).get('xl/vbaProject.bin')!.record.equals(storedEntries(before).get('xl/vbaProject.bin')!.record)).toBe(true);
      expect(Buffer.from(unzipSync(after)['xl/vbaProject.bin']!).equals(vba)).toBe(true);
      const types = strFromU8(unzipSync(after)['[Content_Types].xml']!);
      expect(types).toContain('<Override PartName="/xl/arbetsbok.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
      expect(types).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
      expect(strFromU8(unzipSync(after)['xl/_rels/arbetsbok.xml.rels']!)).toContain('Target="vbaProject.bin"');
      const diff = diffOutsideProductCells(before, after, productCells, new Set(['xl/worksheets/sheet6.xml', 'xl/arbetsbok.xml', 'xl/_rels/arbetsbok.xml.rels']));
      expect(diff).toEqual({ changedEntries: [], missingEntries: [], sheetDifferences: [] });

      const read = await openpyxlCells([path], { Mätetal: ['H2'] });
      expect(read[path]!.error).toBeUndefined();
      expect(read[path]!.cells['Mätetal!H2']).toMatchObject({ value: 'Positiv', fill: PALETTE.Positiv.fill });
      const csv = (await libreOfficeCsvMany([path])).get(path)!;
      expect(csv.get('Mätetal')?.[1]?.[7]).toBe('Positiv');
    } finally {
      await cleanup();
    }
  });
});

describe('recalculation when the workbook is opened (D.12)', () => {
  it('sets fullCalcOnLoad; LibreOffice set to recalculate Excel files on load shows the person\'s COUNTIF over the product\'s cells up to date', { timeout: 180_000 }, async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = join(dir, 'Arbetsbok.xlsx');
      await writeFile(path, generatedWorkbook(SIMPLE));
      expect(await runCli(['recalc', dir], recordingConsole())).toBe(0);
      const after = await readFile(path);
      const parts = unzipSync(after);
      expect(strFromU8(parts['xl/workbook.xml']!)).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
      const wb = inspectXlsx(after);
      const words = [2, 3, 4].map((r) => sheetOf(wb, 'Mätetal').cells.get(`H${r}`)?.value);
      const positive = words.filter((w) => w === 'Positiv').length;
      expect(positive).toBe(2);
      expect(cellColours(wb, sheetOf(wb, 'Mätetal').cells.get('H2')).fill).toBe(PALETTE.Positiv.fill);
      // the person's formula keeps its cached result byte for byte: the old 0
      expect(sheetOf(wb, 'Översikt').cells.get('B1')).toMatchObject({ value: '0', formula: 'COUNTIF(Mätetal!H:H,"Positiv")' });

      // Excel and Google Sheets' import recalculate on the flag. LibreOffice 7.4 does on its own setting
      // (Tools → Options → LibreOffice Calc → Formula → Recalculation on File Load): "Always" shows the current count;
      // its default, "Never", keeps the stored 0 — flag or not (README, limits).
      const always = await libreOfficeCsvMany([path], 'always');
      expect(always.get(path)!.get('Översikt')?.[0]).toEqual(['Positiva', String(positive)]);
      const unflagged = join(dir, 'Utan.xlsx');
      await writeFile(unflagged, zipSync({ ...parts, 'xl/workbook.xml': strToU8(strFromU8(parts['xl/workbook.xml']!).replace(' fullCalcOnLoad="1"', '')) }));
      const never = await libreOfficeCsvMany([path, unflagged]);
      expect(never.get(path)!.get('Översikt')?.[0]).toEqual(['Positiva', '0']);
      expect(never.get(unflagged)!.get('Översikt')?.[0]).toEqual(['Positiva', '0']);
    } finally {
      await cleanup();
    }
  });
});
