/**
 * Issue 17 A.1, A.2, D.13 and D.14 through `malkoll recalc` on real files: workbooks laid out as people lay them out
 * (a title line above the headers, empty first rows, notes right of the headers, merged Målområde/Indikator cells,
 * a merged product cell, a formula typed into Utveckling, names in Unicode NFD, a very long Motivering), built with
 * exceljs and read back with the independent reader. Every typed cell comes back unchanged; statuses and headers
 * land under the real header row and in columns nobody typed in.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { inspectXlsx, sheetOf, type InspectedSheet, type InspectedWorkbook } from '../support/xlsx-inspect.ts';

type Row = (string | number | null | { formula: string; result: string | number })[];
interface SheetSpec {
  name: string;
  rows: Row[];
  merges?: string[];
}

const HEAD = ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2024', 'Utfall 2025'];
const GOALS: SheetSpec = { name: 'Målområden', rows: [['Målområde', 'Hållbarhetsmål'], ['Klimat', 'Halverade utsläpp']] };
const INDICATORS: SheetSpec = { name: 'Indikatorer', rows: [['Målområde', 'Indikator'], ['Klimat', 'Energi'], ['Klimat', 'Resor']] };
const SETTINGS: SheetSpec = { name: 'Inställningar', rows: [['Inställning', 'Värde'], ['Organisation', 'Region Test'], ['Redovisningsår', 2025]] };

async function writeWorkbook(file: string, sheets: SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const range of spec.merges ?? []) ws.mergeCells(range);
  }
  await wb.xlsx.writeFile(file);
}

interface Run {
  before: InspectedWorkbook;
  after: InspectedWorkbook;
  summary: InspectedWorkbook;
  output: string;
  exitCode: number;
}

const dirs: string[] = [];
async function recalc(sheets: SheetSpec[]): Promise<Run> {
  const dir = await mkdtemp(path.join(tmpdir(), 'malkoll-awkward-'));
  dirs.push(dir);
  const file = path.join(dir, 'Arbetsbok.xlsx');
  await writeWorkbook(file, sheets);
  const before = inspectXlsx(await readFile(file));
  const io = recordingConsole();
  const exitCode = await runCli(['recalc', dir], io);
  return {
    before,
    after: inspectXlsx(await readFile(file)),
    summary: inspectXlsx(await readFile(path.join(dir, 'Sammanfattning.xlsx'))),
    output: io.text(),
    exitCode,
  };
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Addresses whose value or formula differ between before and after, outside the given product cells. */
function changedTypedCells(run: Run, product: (sheet: string, address: string) => boolean): string[] {
  const changed: string[] = [];
  for (const sheet of run.before.sheets) {
    const after = sheetOf(run.after, sheet.name);
    for (const [address, cell] of sheet.cells) {
      if (product(sheet.name, address)) continue;
      const now = after.cells.get(address);
      if (now?.value !== cell.value || (now?.formula ?? null) !== cell.formula) changed.push(`${sheet.name}!${address}: ${cell.value} → ${now?.value}`);
    }
    expect(after.merged, `${sheet.name} merges`).toEqual(sheet.merged);
  }
  return changed;
}

const value = (sheet: InspectedSheet, address: string) => sheet.cells.get(address)?.value ?? null;
const summaryTexts = (run: Run) => [...sheetOf(run.summary, 'Sammanfattning').cells.values()].map((c) => c.value ?? '');

describe('headers below a title line or empty rows (A.1)', () => {
  let run: Run;
  beforeAll(async () => {
    run = await recalc([
      GOALS,
      { name: 'Indikatorer', rows: [[], ['Målområde', 'Indikator'], ['Klimat', 'Energi']] },
      { name: 'Mätetal', rows: [['Mätetal 2025 (miljöenheten)'], HEAD, ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90], ['Klimat', 'Energi', 'Värme', 'kWh', 'Minska', 100, 110]] },
      SETTINGS,
    ]);
  });

  it('runs and keeps every typed cell, the names in Indikator and Mätetal included', () => {
    expect(run.exitCode).toBe(0);
    expect(changedTypedCells(run, (_s, a) => /^[HI]\d+$/.test(a) || /^[CD]\d+$/.test(a) && _s === 'Indikatorer')).toEqual([]);
  });

  it('writes the product headers into the header row and the statuses under it', () => {
    const metrics = sheetOf(run.after, 'Mätetal');
    expect([value(metrics, 'H1'), value(metrics, 'H2'), value(metrics, 'I2')]).toEqual([null, 'Utveckling', 'Förklaring']);
    expect([value(metrics, 'H3'), value(metrics, 'H4')]).toEqual(['Positiv', 'Negativ']);
    expect(value(metrics, 'A1')).toBe('Mätetal 2025 (miljöenheten)');
    const indicators = sheetOf(run.after, 'Indikatorer');
    expect([value(indicators, 'C1'), value(indicators, 'C2'), value(indicators, 'C3')]).toEqual([null, 'Utveckling', 'Oförändrad']);
  });

  it('says where it added the product columns, in the run’s report only (A.2: "and the run says where")', () => {
    expect(run.output).toContain('+ Arbetsbok: Mätetal: Utveckling och Förklaring tillagda i kolumn H och I');
    expect(run.output).toContain('+ Arbetsbok: Indikatorer: Utveckling och Förklaring tillagda i kolumn C och D');
    expect(summaryTexts(run).some((t) => t.includes('tillagd') || t.includes('läggs till'))).toBe(false);
  });
});

describe('a sheet whose headers are not in its first ten rows (A.1)', () => {
  it('is reported in Swedish and nothing is written into it', async () => {
    const run = await recalc([
      GOALS,
      INDICATORS,
      { name: 'Mätetal', rows: [['Mätetal'], ...Array.from({ length: 11 }, (): Row => []), HEAD, ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90]] },
      SETTINGS,
    ]);
    expect(run.exitCode).toBe(0);
    expect(changedTypedCells(run, (s, a) => s !== 'Mätetal' && /^[CD]\d+$/.test(a))).toEqual([]);
    expect([...sheetOf(run.after, 'Mätetal').cells.keys()].sort()).toEqual([...sheetOf(run.before, 'Mätetal').cells.keys()].sort());
    const message = "Bladet Mätetal har ingen rubrikrad med 'Målområde', 'Indikator', 'Mätetal' och 'Riktning' bland de 10 första raderna – bladet läses inte och inget skrivs i det";
    expect(summaryTexts(run)).toContain(message);
    expect(run.output).toContain(message);
  });
});

describe('notes in the column where the product would add its own (A.2)', () => {
  let run: Run;
  beforeAll(async () => {
    run = await recalc([
      GOALS,
      INDICATORS,
      { name: 'Mätetal', rows: [HEAD, ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90, 'ring Eva om mätaren'], ['Klimat', 'Resor', 'Bil', 'km', 'Minska', 10, 9, null, 'siffran är preliminär']] },
      SETTINGS,
    ]);
  });

  it('keeps the notes and adds Utveckling and Förklaring in columns empty in every row', () => {
    expect(changedTypedCells(run, (s, a) => (s === 'Mätetal' ? /^[JK]\d+$/ : /^[CD]\d+$/).test(a))).toEqual([]);
    const metrics = sheetOf(run.after, 'Mätetal');
    expect([value(metrics, 'H2'), value(metrics, 'I3')]).toEqual(['ring Eva om mätaren', 'siffran är preliminär']);
    expect([value(metrics, 'J1'), value(metrics, 'K1'), value(metrics, 'J2'), value(metrics, 'J3')]).toEqual(['Utveckling', 'Förklaring', 'Positiv', 'Positiv']);
  });

  it('says where the columns went', () => {
    const message = "Kolumnen 'Utveckling' läggs till i kolumn J (rubrik i rad 1): kolumnerna närmare rubrikerna har innehåll som inte skrivs över";
    expect(run.output).toContain(message);
    expect(summaryTexts(run)).toContain(message);
    expect(run.output).toContain('+ Arbetsbok: Mätetal: Utveckling och Förklaring tillagda i kolumn J och K');
  });
});

describe('merged cells (D.14)', () => {
  let run: Run;
  beforeAll(async () => {
    run = await recalc([
      GOALS,
      INDICATORS,
      {
        name: 'Mätetal',
        rows: [
          [...HEAD, 'Utveckling', 'Förklaring'],
          ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90],
          [null, null, 'Värme', 'kWh', 'Minska', 100, 110],
          [null, 'Resor', 'Bil', 'km', 'Minska', 10, 9],
          [null, null, 'Flyg', 'km', 'Minska', 10, 10],
          ['Klimat', 'Resor', 'Tåg', 'resor', 'Öka', 10, 20],
          ['Klimat', 'Resor', 'Buss', 'resor', 'Öka', 10, 5],
        ],
        merges: ['A2:A5', 'B2:B3', 'B4:B5', 'H6:H7'],
      },
      SETTINGS,
    ]);
  });

  it('a vertically merged Målområde and Indikator apply to every row they cover (once those rows were Fel)', () => {
    const metrics = sheetOf(run.after, 'Mätetal');
    expect(['H2', 'H3', 'H4', 'H5'].map((a) => value(metrics, a))).toEqual(['Positiv', 'Negativ', 'Positiv', 'Oförändrad']);
    expect(changedTypedCells(run, (s, a) => (s === 'Mätetal' ? /^[HI]\d+$/ : /^[CD]\d+$/).test(a))).toEqual([]);
  });

  it('a status is not written into the hidden part of a merged Utveckling cell, and the run says so', () => {
    const metrics = sheetOf(run.after, 'Mätetal');
    expect([value(metrics, 'H6'), value(metrics, 'H7')]).toEqual(['Positiv', null]);
    expect(value(metrics, 'I7')).not.toBeNull();
    expect(summaryTexts(run)).toContain('Utveckling rad 7 ligger i den sammanfogade cellen H6:H7 och skrivs inte – dela upp cellen');
  });
});

describe('a formula typed into Utveckling (D.14)', () => {
  it('is recorded like typed text and replaced by the status', async () => {
    const run = await recalc([
      GOALS,
      INDICATORS,
      { name: 'Mätetal', rows: [[...HEAD, 'Utveckling', 'Förklaring'], ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 90, { formula: 'IF(G2<F2,"Positiv","Negativ")', result: 'Positiv' }]] },
      SETTINGS,
    ]);
    const cell = sheetOf(run.after, 'Mätetal').cells.get('H2');
    expect([cell?.value, cell?.formula]).toEqual(['Positiv', null]);
    expect(summaryTexts(run)).toContain(`Formeln '=IF(G2<F2,"Positiv","Negativ")' i Utveckling rad 2 skrevs av en person – använd Manuell bedömning`);
    expect(changedTypedCells(run, (s, a) => (s === 'Mätetal' ? /^[HI]\d+$/ : /^[CD]\d+$/).test(a))).toEqual([]);
  });
});

describe('sheet names, headers and names in Unicode NFD (D.14)', () => {
  it('match their NFC spelling: no "döp om", statuses written', async () => {
    const nfd = (text: string) => text.normalize('NFD');
    const run = await recalc([
      { name: nfd('Målområden'), rows: [[nfd('Målområde'), nfd('Hållbarhetsmål')], [nfd('Klimat och miljö'), 'Mål']] },
      { name: 'Indikatorer', rows: [[nfd('Målområde'), 'Indikator'], ['Klimat och miljö', 'Energi']] },
      { name: nfd('Mätetal'), rows: [HEAD.map(nfd), [nfd('Klimat och miljö'), 'Energi', 'El', 'kWh', nfd('Minska'), 100, 90]] },
      { name: nfd('Inställningar'), rows: [[nfd('Inställning'), nfd('Värde')], [nfd('Redovisningsår'), 2025]] },
    ]);
    expect(run.output).not.toMatch(/Döp om|saknas/);
    const metrics = sheetOf(run.after, nfd('Mätetal'));
    expect([value(metrics, 'H1'), value(metrics, 'H2')]).toEqual(['Utveckling', 'Positiv']);
  });
});

describe('a Motivering as long as a cell takes (D.13)', () => {
  it('gives a Förklaring and summary texts within 32 767 characters, cut with "…", and a note', async () => {
    const motivering = `Nivån hölls. ${'Mätningen gjordes om under hösten. '.repeat(2000)}`.slice(0, 32_767);
    const run = await recalc([
      GOALS,
      INDICATORS,
      { name: 'Mätetal', rows: [[...HEAD, 'Manuell bedömning', 'Motivering'], ['Klimat', 'Energi', 'El', 'kWh', 'Minska', 100, 100, 'Positiv', motivering]] },
      SETTINGS,
    ]);
    expect(run.exitCode).toBe(0);
    const explanation = value(sheetOf(run.after, 'Mätetal'), 'K2')!;
    expect(explanation.length).toBeLessThanOrEqual(32_767);
    expect(explanation.startsWith('Manuell bedömning → Positiv (beräknat: Oförändrad). Motivering: Nivån hölls.')).toBe(true);
    expect(explanation.endsWith('…')).toBe(true);
    expect(value(sheetOf(run.after, 'Mätetal'), 'I2')).toBe(motivering);
    for (const wb of [run.after, run.summary]) {
      for (const sheet of wb.sheets) for (const [address, cell] of sheet.cells) expect((cell.value ?? '').length, `${sheet.name}!${address}`).toBeLessThanOrEqual(32_767);
    }
    expect(summaryTexts(run)).toContain('Förklaringen är längre än 32\u00a0767 tecken (gränsen för en cell i Excel) och har kortats med "…"');
    expect(changedTypedCells(run, (s, a) => (s === 'Mätetal' ? /^[JK]\d+$/ : /^[CD]\d+$/).test(a))).toEqual([]);
  });
});
