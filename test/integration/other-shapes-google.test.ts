/**
 * The other shapes (issue 15) on the Google path, through the msw fake that validates every request against
 * Google's discovery documents: the demo set seeded as spreadsheets, recalculated, and the Google summary read
 * back — the Styrmått table after `Samlad bedömning`, the pyramids laid out as cells (goal numbers coloured by
 * tier, narrowest at the top, the text alternative below), risk levels in their own colours with their word,
 * the theme section — and the workbooks' rankings explained as on the local path.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useGoogleFake } from '../support/use-google-fake.ts';
import { createSheetsSummaryStore, createSheetsWorkbookStore } from '../../shared/adapters/sheets/index.ts';
import { hexOf } from '../../shared/adapters/sheets/cell-format.ts';
import { recalcSet } from '../../shared/app/recalc-set.ts';
import { SHEETS } from '../../shared/engine/model/template.ts';
import { PALETTE } from '../../shared/engine/model/palette.ts';
import { demoWorkbooks } from '../../sheets-templates/demo/index.ts';
import { seedsOf, titleOf } from './support/demo-seeds.ts';

const NOW = new Date('2026-03-14T08:00:00Z');
const plain = (s: unknown) => String(s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
const { fake, sheets, drive } = useGoogleFake();
const ids: Record<string, string> = {};
let summaryId = '';
let values: string[][] = [];

beforeAll(async () => {
  for (const wb of demoWorkbooks()) ids[titleOf(wb)] = fake.createSpreadsheet(titleOf(wb), seedsOf(wb));
  summaryId = fake.createSpreadsheet('Sammanfattning', [{ name: SHEETS.summary, rows: [] }]);
  const report = await recalcSet({
    store: createSheetsWorkbookStore({ sheets, spreadsheetIds: Object.values(ids) }),
    summary: createSheetsSummaryStore({ sheets, drive, summarySpreadsheetId: summaryId, driveFolderId: null, shareDomains: [] }),
    now: () => NOW,
  });
  expect(report.summary).toBe('written');
  values = fake.getSheetValues(summaryId, SHEETS.summary).map((r) => r.map(plain));
});

const rowIndex = (test: (r: string[]) => boolean) => values.findIndex(test);
const cellAt = (row: number, column: number) => fake.getCell(summaryId, SHEETS.summary, row + 1, column + 1);

describe('the Google summary of the demo set', () => {
  it('sends only requests Google accepts', () => {
    expect(fake.validationErrors).toEqual([]);
  });

  it('has the Styrmått table after the one Samlad bedömning row', () => {
    const overall = values.map((r, i) => [r[0], i] as const).filter(([c]) => c === 'Samlad bedömning');
    expect(overall).toHaveLength(1);
    const header = rowIndex((r) => r.slice(0, 4).join('|') === 'Styrmått|Mätetal|Utfall|Utveckling');
    expect(header).toBeGreaterThan(overall[0]![1]);
    expect(values.slice(header + 1, header + 4).map((r) => r.slice(0, 4))).toEqual([
      ['Miljömässig', 'Utsläpp av CO2e från resor och transporter', '10 960 ton CO2e (2025)', 'Positiv'],
      ['Social', 'Sjukfrånvaro', '6,8 % (2025)', 'Oförändrad'],
      ['Ekonomisk', 'Andel gröna obligationer i likviditetsförvaltningen', '22,5 % (2025)', 'Negativ'],
    ]);
    expect(rowIndex((r) => r[0] === 'Samlad bedömning av måluppfyllelse')).toBeGreaterThan(header);
  });

  it('lays the pyramids out as cells: tiers narrowest at the top, coloured by tier, side by side, with the text alternative', () => {
    const title = rowIndex((r) => r[0]?.startsWith('Agendapyramider: Agenda 2030-målen efter rang') ?? false);
    expect(title).toBeGreaterThan(0);
    const names = values[title + 1]!;
    expect(names.filter((c) => c !== '')).toEqual(['Politisk (2023–2026)', 'Division Hälso- och sjukvård (2023–2026)']);
    const second = names.indexOf('Division Hälso- och sjukvård (2023–2026)');
    // the politics' tiers: Central 3, 10, 13 on one row; then Betydande; then Generell on one row of up to 7
    const goalsIn = (row: number, from: number, to: number) => values[row]!.slice(from, to).filter((c) => c !== '');
    expect(goalsIn(title + 2, 0, second)).toEqual(['3', '10', '13']);
    expect(goalsIn(title + 3, 0, second)).toEqual(['5', '7', '8', '12', '16']);
    expect(goalsIn(title + 4, 0, second)).toEqual(['4', '6', '9', '11', '15', '17']);
    expect(goalsIn(title + 2, second, second + 8)).toEqual(['3', '12']);
    // the division's Generell has 8 goals: 7 on one row, the eighth on the next
    expect(goalsIn(title + 4, second, second + 8)).toEqual(['4', '6', '7', '9', '11', '13', '16']);
    expect(goalsIn(title + 5, second, second + 8)).toEqual(['17']);
    const centralCell = values[title + 2]!.indexOf('3');
    expect(hexOf(cellAt(title + 2, centralCell)?.userEnteredFormat?.backgroundColor)).toBe(PALETTE.Central.fill);
    expect(hexOf(cellAt(title + 4, values[title + 4]!.indexOf('4'))?.userEnteredFormat?.backgroundColor)).toBe(PALETTE.Generell.fill);
    // centred: the top tier starts further in than the base
    expect(centralCell).toBeGreaterThan(values[title + 4]!.indexOf('4'));
    const alt = values.slice(title, title + 10).find((r) => r[0]?.startsWith('Pyramiddiagram'));
    expect(alt?.[0]).toContain('Division Hälso- och sjukvård (2023–2026): Central: 3 Hälsa och välbefinnande, 12 Hållbar konsumtion och produktion;');
    expect(fake.getSpreadsheet(summaryId).sheets.find((s) => s.properties.title === SHEETS.summary)?.charts.length).toBeGreaterThanOrEqual(3);
  });

  it('colours risk levels with their own colours and keeps their word', () => {
    const head = rowIndex((r) => r[0] === 'Risknivå' && r[1] === 'Antal');
    for (const [i, level] of (['Hög', 'Potentiell hög', 'Medel', 'Låg'] as const).entries()) {
      expect(values[head + 1 + i]![0]).toBe(level);
      expect(hexOf(cellAt(head + 1 + i, 0)?.userEnteredFormat?.backgroundColor)).toBe(PALETTE[level].fill);
    }
    const needs = values.filter((r) => r[0]?.startsWith('Riskområde ”')).map((r) => r[0]);
    expect(needs).toEqual([
      'Riskområde ”Livsmedel – Kött och chark” (Miljöprogram): risknivå Hög och ingen åtgärd angiven.',
      'Riskområde ”Textilier – Arbetskläder” (Miljöprogram): risknivå Potentiell hög och ingen åtgärd angiven.',
    ]);
  });

  it('has the theme section and the riktningsförändringar', () => {
    expect(rowIndex((r) => r[0] === 'Barnets rättigheter')).toBeGreaterThan(rowIndex((r) => r[0] === 'Självskattning'));
    const head = rowIndex((r) => r[0] === 'Mål' && r[1] === 'Politikens rang');
    expect(values[head + 1]!.slice(0, 4)).toEqual(['13 Bekämpa klimatförändringarna', 'Central', 'Generell', 'Uppåt 2 nivåer (Generell → Central)']);
  });
});

describe('the Google workbooks', () => {
  it('explain the rankings as the local path does', () => {
    const metrics = fake.getSheetValues(ids['Miljöprogram']!, SHEETS.metrics);
    const at = (h: string) => metrics[0]!.indexOf(h);
    const rankings = metrics.filter((r) => r[at('Enhet')] === 'placering' || r[at('Enhet')] === 'plats').map((r) => plain(r[at('Förklaring')]));
    expect(rankings).toEqual([
      'plats 7 av 21 (2025) mot plats 9 av 21 (2024): 2 platser bättre → Positiv; publicerad jämförelse: grön',
      'plats 9 av 21 (2025) mot plats 10 av 21 (2024): 1 plats bättre → Positiv; publicerad jämförelse: gul',
    ]);
  });
});
