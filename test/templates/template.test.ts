import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTemplateWorkbook, COMPUTED_HEADER_FILL } from '../../shared/adapters/xlsx/create-workbook.ts';
import { columnLetter } from '../../shared/engine/parse/headers.ts';
import { COMPUTED_NOTE, COMPUTED_PLAN_NOTE, TEMPLATE_OUTCOME_YEARS } from '../../sheets-templates/template-spec.ts';
import { cellColours, inspectXlsx, numberFormat, rowValues, sheetOf, typedValue, type InspectedSheet, type InspectedWorkbook } from '../support/xlsx-inspect.ts';

// The contract of domain.md §3, typed out on purpose: this test checks the constants, not itself.
const UTFALL = TEMPLATE_OUTCOME_YEARS.map((y) => `Utfall ${y}`);
const EXPECTED: Record<string, string[]> = {
  Mätetal: [
    'Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Målvärde', 'Målår', 'Basår', 'Basvärde',
    'Årlig förändring', 'Tolerans', 'Tolerans (absolut)', ...UTFALL, 'Manuell bedömning', 'Motivering',
    'Bedömningsår', 'Följs upp t.o.m.', 'Antal jämförda', 'Jämförelse', 'Styrmått', 'Kolada-KPI', 'Utveckling', 'Förklaring',
  ],
  Indikatorer: ['Målområde', 'Indikator', 'Målvärde 2030', 'Styrande mätetal', 'Manuell bedömning', 'Motivering', 'Utveckling', 'Förklaring'],
  Målområden: ['Målområde', 'Hållbarhetsmål', 'Manuell bedömning', 'Motivering', 'Dimension', 'Utveckling', 'Förklaring'],
  Inställningar: ['Inställning', 'Värde'],
  Självskattning: ['Förvaltning', 'Påstående', 'Svar', 'Målområde', 'År', 'Tema'],
  Handlingsplan: ['Målområde', 'Aktivitet', 'Ansvarig', 'Klart senast', 'Status', 'Läge'],
  Agendapyramid: ['Nivå', 'Mål', 'Rang', 'Mandatperiod'],
  Riskområden: [
    'Kategori 1', 'Kategori 2', 'Kategori 3', 'Risknivå', 'Miljöpåverkan', 'Mänskliga rättigheter', 'Korruption',
    'Arbetsrätt i Sverige', 'Övrigt', 'Åtgärd', 'Ansvarig', 'Status',
  ],
};

const PRODUCT_COLUMNS: [string, string][] = [
  ['Mätetal', 'Utveckling'], ['Mätetal', 'Förklaring'], ['Indikatorer', 'Utveckling'], ['Indikatorer', 'Förklaring'],
  ['Målområden', 'Utveckling'], ['Målområden', 'Förklaring'], ['Handlingsplan', 'Läge'],
];

const DROPDOWNS: [string, string, string][] = [
  ['Mätetal', 'Riktning', 'Öka,Minska,Kvalitativ'],
  ['Mätetal', 'Manuell bedömning', 'Positiv,Oförändrad,Negativ,Inget värde'],
  ['Indikatorer', 'Manuell bedömning', 'Positiv,Oförändrad,Negativ,Inget värde'],
  ['Målområden', 'Manuell bedömning', 'Positiv,Oförändrad,Negativ,Inget värde'],
  ['Handlingsplan', 'Status', 'Ej påbörjad,Pågår,Klar'],
  ['Mätetal', 'Jämförelse', 'grön,gul,röd'],
  ['Målområden', 'Dimension', 'Miljömässig,Social,Ekonomisk'],
  ['Agendapyramid', 'Rang', 'Central,Betydande,Generell'],
  ...['Risknivå', 'Miljöpåverkan', 'Mänskliga rättigheter', 'Korruption', 'Arbetsrätt i Sverige', 'Övrigt'].map(
    (h): [string, string, string] => ['Riskområden', h, 'Hög,Potentiell hög,Medel,Låg'],
  ),
  ['Riskområden', 'Status', 'Ej påbörjad,Pågår,Klar'],
];

const SETTINGS: [string, string | number | null, string | null][] = [
  ['Organisation', null, null],
  ['Redovisningsår', null, null],
  ['Tolerans', 0.005, '0.0%'],
  ['Gräns för samlad bedömning', 0.5, null],
  ['Sammanfattning delas med', null, null],
  ['Manuell samlad bedömning', null, null],
  ['Motivering för samlad bedömning', null, null],
  ['Svarsordning', 'Instämmer helt, Instämmer delvis, Instämmer inte, Vet ej', null],
  ['Förvaltningar', null, null],
  ['Antal styrkor', 3, null],
  ['Kolada-id', null, null],
  ['Fastställd 2025', null, null],
];

const COMMITTED = join(import.meta.dirname, '../../sheets-templates/Målkoll-mall.xlsx');

function headerAddress(s: InspectedSheet, header: string): string {
  const index = rowValues(s, 1).indexOf(header);
  if (index < 0) throw new Error(`no header ${header} on ${s.name}`);
  return `${columnLetter(index + 1)}1`;
}

describe.each([
  ['freshly written', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'malkoll-tpl-')), 'mall.xlsx');
    return writeTemplateWorkbook(path).then(() => path);
  }],
  ['committed Målkoll-mall.xlsx', () => Promise.resolve(COMMITTED)],
])('the empty template (%s)', (_label, make) => {
  let wb: InspectedWorkbook;
  beforeAll(async () => {
    wb = inspectXlsx(readFileSync(await make()));
  });
  const bold = (s: InspectedSheet, address: string) => cellColours(wb, s.cells.get(address)).bold;
  const fill = (s: InspectedSheet, address: string) => cellColours(wb, s.cells.get(address)).fill;

  it('has the eight sheets of §3 in order', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(Object.keys(EXPECTED));
  });

  it.each(Object.entries(EXPECTED))('%s has exactly the contract headers, bold, each with a note and a width', (name, headers) => {
    const s = sheetOf(wb, name);
    expect(rowValues(s, 1)).toEqual(headers);
    headers.forEach((_h, i) => {
      const address = `${columnLetter(i + 1)}1`;
      expect(bold(s, address), address).toBe(true);
      expect(s.notes.get(address)?.length ?? 0, `note on ${name}!${address}`).toBeGreaterThan(15);
      expect(s.columnWidths.get(i + 1), `width of ${name} column ${i + 1}`).toBeGreaterThanOrEqual(8);
    });
  });

  it.each(Object.keys(EXPECTED))('%s freezes row 1', (name) => {
    const pane = sheetOf(wb, name).pane;
    expect(pane).toMatchObject({ ySplit: 1, state: 'frozen', xSplit: name === 'Mätetal' ? 3 : name === 'Riskområden' ? 1 : 0 });
  });

  it.each(PRODUCT_COLUMNS)('%s!%s is marked as the product’s column', (name, header) => {
    const s = sheetOf(wb, name);
    const address = headerAddress(s, header);
    expect(fill(s, address)).toBe(COMPUTED_HEADER_FILL);
    expect(s.notes.get(address)).toContain(name === 'Handlingsplan' ? COMPUTED_PLAN_NOTE : COMPUTED_NOTE);
  });

  it('input headers carry no fill and no product marker', () => {
    const productSet = new Set(PRODUCT_COLUMNS.map(([n, h]) => `${n}!${h}`));
    for (const [name, headers] of Object.entries(EXPECTED)) {
      const s = sheetOf(wb, name);
      for (const header of headers.filter((h) => !productSet.has(`${name}!${h}`))) {
        const address = headerAddress(s, header);
        expect(fill(s, address), `${name}!${header}`).toBeNull();
        expect(s.notes.get(address), `${name}!${header}`).not.toContain('Fylls i av Målkoll');
      }
    }
  });

  it.each(DROPDOWNS)('%s!%s has a dropdown over rows 2–1000', (name, header, list) => {
    const s = sheetOf(wb, name);
    const letter = headerAddress(s, header).replace('1', '');
    const validation = s.validations.find((v) => v.sqref === `${letter}2:${letter}1000`);
    expect(validation).toMatchObject({ type: 'list', formula: `"${list}"`, errorStyle: 'warning' });
  });

  it('has no dropdown on any other column', () => {
    const ranges = wb.sheets.flatMap((s) => s.validations.map((v) => `${s.name}!${v.sqref}`));
    expect(ranges).toHaveLength(DROPDOWNS.length + 1); // + the single cell of Manuell samlad bedömning
  });

  it('lists the default settings with their values and a note on each', () => {
    const s = sheetOf(wb, 'Inställningar');
    SETTINGS.forEach(([name, value, numFmt], i) => {
      const row = i + 2;
      expect(typedValue(s.cells.get(`A${row}`))).toBe(name);
      expect(typedValue(s.cells.get(`B${row}`)), name).toBe(value);
      if (numFmt) expect(numberFormat(wb, s.cells.get(`B${row}`))).toBe(numFmt);
      expect(s.notes.get(`A${row}`)?.length ?? 0, `note on ${name}`).toBeGreaterThan(15);
    });
    expect(rowValues(s, SETTINGS.length + 2)).toEqual([]);
    const manual = SETTINGS.findIndex(([n]) => n === 'Manuell samlad bedömning') + 2;
    expect(s.validations).toContainEqual(expect.objectContaining({ sqref: `B${manual}`, type: 'list' }));
  });

  it('leaves the data rows empty', () => {
    for (const name of Object.keys(EXPECTED).filter((n) => n !== 'Inställningar')) {
      expect(rowValues(sheetOf(wb, name), 2), name).toEqual([]);
    }
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe.skipIf(!soffice)('LibreOffice reads the committed template', () => {
  it('shows the Mätetal headers in its CSV export', () => {
    const out = mkdtempSync(join(tmpdir(), 'malkoll-lo-'));
    execFileSync(soffice ?? 'soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`,
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, COMMITTED], { stdio: 'ignore', timeout: 90_000 });
    const csv = readdirSync(out).find((f) => f.endsWith('.csv'));
    expect(csv).toBeDefined();
    const firstLine = readFileSync(join(out, csv ?? ''), 'utf8').split(/\r?\n/)[0];
    expect(firstLine?.split(',')).toEqual(EXPECTED['Mätetal']);
  }, 120_000);
});
