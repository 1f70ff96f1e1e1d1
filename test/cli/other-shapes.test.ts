/**
 * The other shapes (issue 15) through the CLI on real files: `malkoll demo` writes the demo set, recalculates it
 * and prints the Styrmått, rankings, agendapyramids and risk areas; the workbooks' Förklaring reads a ranking as
 * "plats 7 av 21 …"; Sammanfattning.xlsx (read back with an independent reader) holds the Styrmått table after
 * the `Samlad bedömning` row, the pyramid as an image with its text alternative, the risk register in its own
 * colours and the high risks without Åtgärd under Behöver förstärkas. Bad input in the new sheets is reported,
 * and the rest of the set recalculates.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import XlsxPopulate from 'xlsx-populate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { PALETTE } from '../../shared/engine/model/palette.ts';
import { cellColours, inspectXlsx, rowValues, sheetOf, type InspectedSheet, type InspectedWorkbook } from '../support/xlsx-inspect.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
let root: string;
let dir: string;
let printed: string;
let summary: InspectedWorkbook;
let sheet: InspectedSheet;

/** every row of the summary sheet as its cells' texts, with the row number */
function rows(s: InspectedSheet): { n: number; cells: string[] }[] {
  const last = Math.max(...[...s.cells.keys()].map((a) => Number(/\d+$/.exec(a)?.[0])));
  const out: { n: number; cells: string[] }[] = [];
  for (let n = 1; n <= last; n++) out.push({ n, cells: rowValues(s, n).map((v) => plain(String(v ?? ''))) });
  return out;
}
const rowWith = (first: string) => rows(sheet).find((r) => r.cells[0] === first);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'malkoll-shapes-'));
  dir = path.join(root, 'demo');
  const io = recordingConsole();
  expect(await runCli(['demo', dir], io)).toBe(0);
  printed = plain(io.text());
  summary = inspectXlsx(await readFile(path.join(dir, 'Sammanfattning.xlsx')));
  sheet = sheetOf(summary, 'Sammanfattning');
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the printed report of `malkoll demo`', () => {
  it.each([
    'Styrmått: Miljömässig – Utsläpp av CO2e från resor och transporter 10 960 ton CO2e (2025): Positiv; Social – Sjukfrånvaro 6,8 % (2025): Oförändrad; Ekonomisk – Andel gröna obligationer i likviditetsförvaltningen 22,5 % (2025): Negativ',
    'Rankningar: Placering i Miljöbarometern plats 7 av 21 (2025): Positiv, publicerad jämförelse grön; Placering i Aktuell Hållbarhets regionranking plats 9 av 21 (2025): Positiv, publicerad jämförelse gul',
    'Agendapyramider: Politisk (2023–2026), Division Hälso- och sjukvård (2023–2026); riktningsförändringar: Division Hälso- och sjukvård 5 (störst: 13 Bekämpa klimatförändringarna, Generell → Central)',
    'Riskområden: 8 (3 Hög, 2 Potentiell hög, 2 Medel, 1 Låg); utan åtgärd: Livsmedel – Kött och chark (Hög), Textilier – Arbetskläder (Potentiell hög)',
    'Självskattningens teman: Barnets rättigheter (3 påståenden)',
  ])('shows %s', (line) => {
    expect(printed).toContain(plain(line));
  });
});

describe('the workbooks', () => {
  it('explain a ranking with its place among the ranked and the published colour', async () => {
    const metrics = sheetOf(inspectXlsx(await readFile(path.join(dir, 'Miljöprogram.xlsx'))), 'Mätetal');
    const header = rowValues(metrics, 1).map(String);
    const texts = [17, 18].map((r) => {
      const row = rowValues(metrics, r);
      return [row[header.indexOf('Mätetal')], row[header.indexOf('Utveckling')], plain(String(row[header.indexOf('Förklaring')]))];
    });
    expect(texts).toEqual([
      ['Placering i Miljöbarometern', 'Positiv', 'plats 7 av 21 (2025) mot plats 9 av 21 (2024): 2 platser bättre → Positiv; publicerad jämförelse: grön'],
      ['Placering i Aktuell Hållbarhets regionranking', 'Positiv', 'plats 9 av 21 (2025) mot plats 10 av 21 (2024): 1 plats bättre → Positiv; publicerad jämförelse: gul'],
    ]);
  });
});

describe('Sammanfattning.xlsx', () => {
  it('has the Styrmått table right after the one Samlad bedömning row, before the goal-area table', () => {
    const all = rows(sheet);
    const overall = all.filter((r) => r.cells[0] === 'Samlad bedömning');
    expect(overall.map((r) => r.cells[1])).toEqual(['Oförändrad']);
    const header = all.find((r) => r.cells.join('|') === 'Styrmått|Mätetal|Utfall|Utveckling')!;
    const goals = all.find((r) => r.cells[0] === 'Samlad bedömning av måluppfyllelse')!;
    expect(overall[0]!.n).toBeLessThan(header.n);
    expect(header.n).toBeLessThan(goals.n);
    expect(all.filter((r) => r.n > header.n && r.n <= header.n + 3).map((r) => r.cells.slice(0, 4))).toEqual([
      ['Miljömässig', 'Utsläpp av CO2e från resor och transporter', '10 960 ton CO2e (2025)', 'Positiv'],
      ['Social', 'Sjukfrånvaro', '6,8 % (2025)', 'Oförändrad'],
      ['Ekonomisk', 'Andel gröna obligationer i likviditetsförvaltningen', '22,5 % (2025)', 'Negativ'],
    ]);
  });

  it('groups the goal-area table by Dimension', () => {
    const all = rows(sheet);
    const head = all.findIndex((r) => r.cells.join('|') === 'Målområde|Hållbarhetsmål|Utveckling|Dimension');
    expect(all.slice(head + 1, head + 6).map((r) => [r.cells[0], r.cells[3]])).toEqual([
      ['Minskad klimatpåverkan', 'Miljömässig'],
      ['Hållbar upphandling', 'Miljömässig'],
      ['Läkemedel', 'Miljömässig'],
      ['Social hållbarhet och jämlik hälsa', 'Social'],
      ['Hållbar ekonomi och styrning', 'Ekonomisk'],
    ]);
  });

  it('shows the agendapyramids as an image whose note lists every goal and rank', () => {
    const heading = rowWith('Agendapyramid')!;
    const note = [...sheet.notes.entries()].find(([, text]) => text.startsWith('Pyramiddiagram'));
    expect(note).toBeDefined();
    const [address, text] = note!;
    expect(Number(/\d+$/.exec(address)?.[0])).toBeGreaterThan(heading.n);
    for (const level of ['Politisk (2023–2026)', 'Division Hälso- och sjukvård (2023–2026)']) expect(text).toContain(level);
    expect(plain(text)).toContain('Central: 3 Hälsa och välbefinnande, 10 Minskad ojämlikhet, 13 Bekämpa klimatförändringarna; Betydande:');
    expect(sheet.hasDrawing).toBe(true);
    expect(summary.parts.filter((p) => p.startsWith('xl/media/')).length).toBeGreaterThanOrEqual(5);
  });

  it('lists the riktningsförändringar largest gap first', () => {
    const all = rows(sheet);
    const head = all.findIndex((r) => r.cells[0] === 'Mål' && r.cells[1] === 'Politikens rang');
    expect(all[head + 1]!.cells).toEqual(['13 Bekämpa klimatförändringarna', 'Central', 'Generell', 'Uppåt 2 nivåer (Generell → Central)']);
  });

  it('colours risk levels with their own colours, always with their word, and lists the high ones without Åtgärd under Behöver förstärkas', () => {
    const all = rows(sheet);
    const needs = all.find((r) => r.cells[0] === 'Behöver förstärkas')!;
    const next = all.find((r) => r.n > needs.n && r.cells[0] === 'Diagram')!;
    const riskItems = all.filter((r) => r.n > needs.n && r.n < next.n && r.cells[1]?.startsWith('Riskområde'));
    expect(riskItems.map((r) => r.cells.slice(0, 2))).toEqual([
      ['Hög', 'Riskområde ”Livsmedel – Kött och chark” (Miljöprogram): risknivå Hög och ingen åtgärd angiven.'],
      ['Potentiell hög', 'Riskområde ”Textilier – Arbetskläder” (Miljöprogram): risknivå Potentiell hög och ingen åtgärd angiven.'],
    ]);
    for (const r of riskItems) {
      const fill = cellColours(summary, sheet.cells.get(`A${r.n}`)).fill;
      expect(fill).toBe(PALETTE[r.cells[0] as 'Hög'].fill);
    }
    const counts = all.find((r) => r.cells[0] === 'Risknivå' && r.cells[1] === 'Antal')!;
    expect(all.filter((r) => r.n > counts.n && r.n <= counts.n + 4).map((r) => [r.cells[0], r.cells[1], cellColours(summary, sheet.cells.get(`A${r.n}`)).fill])).toEqual([
      ['Hög', '3', PALETTE.Hög.fill],
      ['Potentiell hög', '2', PALETTE['Potentiell hög'].fill],
      ['Medel', '2', PALETTE.Medel.fill],
      ['Låg', '1', PALETTE.Låg.fill],
    ]);
  });

  it('has a section for the theme Barnets rättigheter', () => {
    expect(rowWith('Barnets rättigheter')).toBeDefined();
    expect(rowWith('Styrkor – Barnets rättigheter')).toBeDefined();
  });
});

describe('bad input in the new sheets', () => {
  it('is reported in Datakvalitet with its place, and the rest of the set recalculates', async () => {
    const file = path.join(dir, 'Hälso- och sjukvården.xlsx');
    const next = rows(sheetOf(inspectXlsx(await readFile(file)), 'Agendapyramid')).length + 1;
    const wb = await XlsxPopulate.fromDataAsync(await readFile(file));
    const pyramid = wb.sheet('Agendapyramid')!;
    pyramid.cell(next, 1).value('Division Hälso- och sjukvård');
    pyramid.cell(next, 2).value(18);
    pyramid.cell(next, 3).value('Central');
    await wb.toFileAsync(file);
    const io = recordingConsole();
    expect(await runCli(['recalc', dir], io)).toBe(0);
    expect(plain(io.text())).toContain(`Hälso- och sjukvården, Agendapyramid, rad ${next} – Division Hälso- och sjukvård: Mål '18' finns inte – Agenda 2030 har 17 mål, numrerade 1–17 – raden räknas inte`);
    expect(plain(io.text())).toContain('Samlad bedömning: Oförändrad');
    const again = sheetOf(inspectXlsx(await readFile(path.join(dir, 'Sammanfattning.xlsx'))), 'Sammanfattning');
    const texts = rows(again).map((r) => r.cells.join(' | '));
    expect(texts.some((t) => t.includes(`Agendapyramid | ${next} | Division Hälso- och sjukvård | Mål '18' finns inte`))).toBe(true);
  }, 60_000);
});
