/**
 * Issue "Only Målkoll's cells change": the product's own demo workbook, opened and saved by LibreOffice (as a
 * person who edits it there does), goes through `recalc`: every part and every byte outside the product's
 * cells stays as LibreOffice wrote it, and openpyxl and LibreOffice open the result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTemplateWorkbook } from '../../shared/adapters/xlsx/create-workbook.ts';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { PALETTE } from '../../shared/engine/model/palette.ts';
import { demoWorkbooks } from '../../sheets-templates/demo/index.ts';
import { diffOutsideProductCells, productColumnCells, stateParts } from '../support/package-diff.ts';
import { libreOfficeCsvMany, libreOfficeResave } from '../support/libreoffice.ts';
import { openpyxlCells } from '../support/openpyxl.ts';
import { cellColours, inspectXlsx, sheetOf } from '../support/xlsx-inspect.ts';

let dir: string;
let file: string;
let before: Uint8Array;
let after: Uint8Array;
let output: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'malkoll-lo-template-'));
  const demo = demoWorkbooks()[0]!;
  const created = join(dir, 'skapad.xlsx');
  await writeTemplateWorkbook(created, demo);
  before = await libreOfficeResave(created);
  await rm(created);
  file = join(dir, demo.fileName);
  await writeFile(file, before);
  const io = recordingConsole();
  expect(await runCli(['recalc', dir], io)).toBe(0);
  output = io.text();
  after = await readFile(file);
}, 180_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the demo workbook saved by LibreOffice, through recalc', () => {
  it('is written, with only the product\'s cells and their bookkeeping changed', () => {
    expect(output).toMatch(/uppdaterad/);
    const wb = inspectXlsx(after);
    expect(diffOutsideProductCells(before, after, productColumnCells(wb, inspectXlsx(before)), stateParts(wb))).toEqual({ changedEntries: [], missingEntries: [], sheetDifferences: [] });
    const metrics = sheetOf(wb, 'Mätetal');
    const dev = [...metrics.cells].find(([addr, c]) => /^[A-Z]+1$/.test(addr) && c.value === 'Utveckling')![0].slice(0, -1);
    const status = metrics.cells.get(`${dev}2`);
    expect(['Positiv', 'Oförändrad', 'Negativ', 'Inget värde', 'Fel']).toContain(status?.value);
    expect(cellColours(wb, status).fill).toBe(PALETTE[status!.value as keyof typeof PALETTE].fill);
  });

  it('opens in openpyxl and LibreOffice', { timeout: 120_000 }, async () => {
    const read = await openpyxlCells([file]);
    expect(read[file]!.error).toBeUndefined();
    const csv = await libreOfficeCsvMany([file]);
    expect(csv.get(file)!.get('Mätetal')?.[0]).toContain('Utveckling');
  });
});
