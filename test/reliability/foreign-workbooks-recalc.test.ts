/**
 * Issue 8 end to end: both workbooks of test/fixtures/foreign/ go through the real CLI (`recalc DIR`,
 * in-process), and the independent reader (test/support/xlsx-inspect.ts) checks that everything a person
 * built is still there, the typed cells are unchanged and the statuses are the ones domain.md §4 gives;
 * LibreOffice headless opens the result. A corrupt .xlsx in the folder is named, the rest still runs.
 * (test/adapters/xlsx/foreign-workbooks.test.ts does the same at the store level with hand-made plans.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { PALETTE } from '../../shared/engine/model/palette.ts';
import type { Status } from '../../shared/engine/model/model.ts';
import { cellColours, inspectXlsx, sheetOf, unzipXlsx, type InspectedWorkbook } from '../support/xlsx-inspect.ts';
import { libreOfficeCsv } from '../support/libreoffice.ts';
import { openpyxlCells } from '../support/openpyxl.ts';
import { diffOutsideProductCells, productColumnCells, stateParts } from '../support/package-diff.ts';

const FOREIGN = join(import.meta.dirname, '../fixtures/foreign');
const FILES = ['mall-libreoffice.xlsx', 'mall-openpyxl.xlsx'] as const;
const CORRUPT = 'Trasig.xlsx';

/**
 * Worked out by hand from the fixture (Redovisningsår 2025, Tolerans 0,5 %, rule 7 of domain.md §4):
 * Elanvändning, Minska, 1 150 → 1 100: −4,3 %                      → Positiv
 * Fjärrvärme,   Minska,   905 →   903: −0,2 %, within 0,5 %          → Oförändrad
 * Flygresor,    Minska, 60 000 → 70 000: +16,7 %                     → Negativ
 * Andel elbilar, Öka, %, 41 → =G5+4: LibreOffice cached 45, +4 pe     → Positiv
 *                                    openpyxl: no cached result       → Fel, on row 5
 * Indicators (mean of the workbook's own metrics, threshold 0,5; Fel left out):
 * Energi: (+1 + 0)/2 = 0,5, not above 0,5 → Oförändrad. Resor: LibreOffice (−1 + 1)/2 = 0 → Oförändrad;
 * openpyxl −1/1 → Negativ. Goal areas follow their one indicator each.
 */
const EXPECTED: Record<(typeof FILES)[number], { metrics: Record<number, Status>; indicators: Record<number, Status>; goalAreas: Record<number, Status> }> = {
  'mall-libreoffice.xlsx': {
    metrics: { 2: 'Positiv', 3: 'Oförändrad', 4: 'Negativ', 5: 'Positiv' },
    indicators: { 2: 'Oförändrad', 3: 'Oförändrad' },
    goalAreas: { 2: 'Oförändrad', 3: 'Oförändrad' },
  },
  'mall-openpyxl.xlsx': {
    metrics: { 2: 'Positiv', 3: 'Oförändrad', 4: 'Negativ', 5: 'Fel' },
    indicators: { 2: 'Oförändrad', 3: 'Negativ' },
    goalAreas: { 2: 'Oförändrad', 3: 'Negativ' },
  },
};

let dir: string;
let exitCode: number;
let output: string;
const before = new Map<string, InspectedWorkbook>();
const beforeBytes = new Map<string, Uint8Array>();
const after = new Map<string, InspectedWorkbook>();
const afterBytes = new Map<string, Uint8Array>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'malkoll-foreign-recalc-'));
  for (const f of FILES) {
    await copyFile(join(FOREIGN, f), join(dir, f));
    await chmod(join(dir, f), 0o644);
    beforeBytes.set(f, await readFile(join(dir, f)));
    before.set(f, inspectXlsx(beforeBytes.get(f)!));
  }
  await writeFile(join(dir, CORRUPT), Buffer.from('PK\u0003\u0004 detta är ingen arbetsbok'));
  const io = recordingConsole();
  exitCode = await runCli(['recalc', dir], io);
  output = io.text();
  for (const f of FILES) {
    afterBytes.set(f, await readFile(join(dir, f)));
    after.set(f, inspectXlsx(afterBytes.get(f)!));
  }
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

const columnOf = (wb: InspectedWorkbook, sheet: string, header: string): string => {
  for (const [addr, c] of sheetOf(wb, sheet).cells) if (/^[A-Z]+1$/.test(addr) && c.value === header) return addr.slice(0, -1);
  throw new Error(`${sheet} has no ${header}`);
};
const normType = (t: string) => (t === 's' || t === 'inlineStr' || t === 'str' ? 'string' : t);

describe('recalc on a folder with both foreign workbooks and a corrupt file', () => {
  it('exits 0 and names the corrupt file with a Swedish reason', () => {
    expect(exitCode, output).toBe(0);
    expect(output).toMatch(/! Trasig: .*Trasig\.xlsx/);
    expect(output).toMatch(/kunde inte läsas/);
  });

  it('puts the corrupt file in the summary\'s Datakvalitet block', async () => {
    const summary = inspectXlsx(await readFile(join(dir, 'Sammanfattning.xlsx')));
    const texts = [...sheetOf(summary, 'Sammanfattning').cells.values()].map((c) => c.value ?? '');
    expect(texts.some((t) => t.startsWith('Arbetsböcker som inte kunde läsas'))).toBe(true);
    expect(texts.some((t) => t.includes('Trasig.xlsx'))).toBe(true);
  });
});

describe.each(FILES)('%s after recalc', (file) => {
  const a = () => before.get(file)!;
  const b = () => after.get(file)!;

  it('keeps charts, images, comments, drawings and theme byte for byte', () => {
    const pa = unzipXlsx(beforeBytes.get(file)!);
    const pb = unzipXlsx(afterBytes.get(file)!);
    const kept = Object.keys(pa).filter((p) => /^xl\/(charts|drawings|media|comments|theme)\b|^xl\/comments\d*\.xml$/.test(p));
    expect(kept.filter((p) => p.startsWith('xl/charts/'))).toHaveLength(2);
    expect(kept.filter((p) => p.startsWith('xl/media/'))).toHaveLength(1);
    for (const p of kept) expect(Buffer.from(pb[p]!).equals(Buffer.from(pa[p]!)), p).toBe(true);
    expect(Object.keys(pa).filter((p) => !(p in pb))).toEqual([]);
  });

  it('changes no byte outside the product\'s cells and the parts that register them', () => {
    const diff = diffOutsideProductCells(beforeBytes.get(file)!, afterBytes.get(file)!, productColumnCells(b(), a()), stateParts(b()));
    expect(diff).toEqual({ changedEntries: [], missingEntries: [], sheetDifferences: [] });
  });

  it('keeps every comment, hyperlink, validation, conditional format, merge, pane, hidden column, name and sheet', () => {
    const m = sheetOf(b(), 'Mätetal');
    expect(m.relationships.some((r) => r.startsWith('comments '))).toBe(true);
    expect(m.hasLegacyDrawing && m.hasDrawing).toBe(true);
    expect(m.hyperlinks).toEqual(['J3']);
    expect(m.relationships).toContain('hyperlink https://example.se/energi');
    expect(m.dataValidations).toEqual(sheetOf(a(), 'Mätetal').dataValidations);
    expect(m.dataValidations[0]).toMatch(/^E2:E200 list/);
    expect(m.conditionalFormatting).toEqual(sheetOf(a(), 'Mätetal').conditionalFormatting);
    expect(m.conditionalFormatting).toHaveLength(1);
    expect(m.merged).toEqual(['A8:E8']);
    expect(m.hiddenColumns).toEqual(['9-9']);
    expect(m.frozenPane).toBe(file === 'mall-openpyxl.xlsx' ? '0,1' : null);
    expect(b().definedNames).toEqual(a().definedNames);
    expect(Object.keys(b().definedNames)).toEqual(['Utfallen']);
    const d = sheetOf(b(), 'Diagramunderlag');
    expect(d.state).toBe('visible');
    expect(d.hasDrawing).toBe(true);
    expect(b().sheets.map((s) => s.name)).toEqual([...a().sheets.map((s) => s.name), '_malkoll']);
    expect(sheetOf(b(), '_malkoll').state).toBe('hidden');
  });

  it('leaves every typed cell as it was', () => {
    for (const sheet of a().sheets) {
      const now = sheetOf(b(), sheet.name);
      const product = new Set<string>();
      for (const h of ['Utveckling', 'Förklaring']) {
        try {
          product.add(columnOf(b(), sheet.name, h));
        } catch {
          // sheets without product columns
        }
      }
      for (const [addr, cell] of sheet.cells) {
        if (product.has(addr.replace(/\d+$/, ''))) continue;
        const c = now.cells.get(addr);
        expect({ v: c?.value, f: c?.formula, t: normType(c?.type ?? ''), s: c?.style }, `${sheet.name}!${addr}`).toEqual({ v: cell.value, f: cell.formula, t: normType(cell.type), s: cell.style });
      }
    }
  });

  it('writes the statuses of domain.md §4, word and colour, into the product columns', () => {
    const expected = EXPECTED[file];
    for (const [sheet, rows] of [['Mätetal', expected.metrics], ['Indikatorer', expected.indicators], ['Målområden', expected.goalAreas]] as const) {
      const dev = columnOf(b(), sheet, 'Utveckling');
      const s = sheetOf(b(), sheet);
      for (const [row, status] of Object.entries(rows)) {
        const cell = s.cells.get(`${dev}${row}`);
        expect(cell?.value, `${sheet} rad ${row}`).toBe(status);
        expect(cellColours(b(), cell).fill, `${sheet} rad ${row} colour`).toBe(PALETTE[status].fill);
      }
    }
    // the note row (8) is neither assessed nor written
    expect(sheetOf(b(), 'Mätetal').cells.get(`${columnOf(b(), 'Mätetal', 'Utveckling')}8`)?.value ?? null).toBeNull();
  });

  it('explains each status with the figures, and reports an uncached formula on its own row', () => {
    const expl = columnOf(b(), 'Mätetal', 'Förklaring');
    const text = (row: number) => (sheetOf(b(), 'Mätetal').cells.get(`${expl}${row}`)?.value ?? '').replace(/[\u00a0\u202f]/g, ' ');
    expect(text(2)).toMatch(/^1 100 MWh \(2025\) mot 1 150 MWh \(2024\): −4,3 %.*→ Positiv$/);
    expect(text(3)).toMatch(/903 MWh \(2025\) mot 905 MWh \(2024\): −0,2 %.*→ Oförändrad$/);
    expect(text(4)).toMatch(/70 000 km \(2025\) mot 60 000 km \(2024\): \+16,7 %.*→ Negativ$/);
    if (file === 'mall-openpyxl.xlsx') {
      expect(text(5)).toMatch(/^Fel: Utfall 2025: formeln saknar sparat resultat \('=G5\+4'\)/);
      expect(output).toMatch(/mall-openpyxl, Mätetal, rad 5 – Andel elbilar: Utfall 2025: formeln saknar sparat resultat/);
    } else {
      expect(text(5)).toMatch(/^45 % \(2025\) mot 41 % \(2024\): \+4,0 procentenheter.*→ Positiv$/);
    }
  });

  it('opens in LibreOffice headless, with the typed figures and the written words', { timeout: 120_000 }, async () => {
    const csv = await libreOfficeCsv(join(dir, file));
    const m = csv.get('Mätetal')!;
    expect(m[1]?.slice(0, 6)).toEqual(['Hållbar energi', 'Energi', 'Elanvändning', 'MWh', 'Minska', '1200']);
    const dev = m[0]!.indexOf('Utveckling');
    expect(m.slice(1, 5).map((r) => r[dev])).toEqual(Object.values(EXPECTED[file].metrics));
    expect(csv.has('Diagramunderlag')).toBe(true);
  });
});

describe('openpyxl (what pandas.read_excel uses)', () => {
  it('opens both results and reads the written words', async () => {
    const paths = FILES.map((f) => join(dir, f));
    const read = await openpyxlCells(paths, { Mätetal: ['C2', 'K2'] });
    for (const [i, f] of FILES.entries()) {
      const r = read[paths[i]!]!;
      expect(r.error, f).toBeUndefined();
      expect(r.cells['Mätetal!C2']?.value).toBe('Elanvändning');
      expect(r.cells['Mätetal!K2']).toMatchObject({ value: 'Positiv', fill: PALETTE.Positiv.fill, font: PALETTE.Positiv.font });
      expect(r.sheets.at(-1)).toBe('_malkoll');
    }
  });
});

describe('a second recalc', () => {
  it('writes nothing when nothing changed', async () => {
    const io = recordingConsole();
    expect(await runCli(['recalc', dir], io)).toBe(0);
    for (const f of FILES) expect(Buffer.from(await readFile(join(dir, f))).equals(Buffer.from(afterBytes.get(f)!)), f).toBe(true);
  });
});
