import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTemplateWorkbook } from '../../shared/adapters/xlsx/create-workbook.ts';
import { columnLetter } from '../../shared/engine/parse/headers.ts';
import { demoWorkbooks } from '../../sheets-templates/demo/index.ts';
import { cellColours, inspectXlsx, numberFormat, rowValues, typedValue, type CellValue, type InspectedSheet, type InspectedWorkbook } from '../support/xlsx-inspect.ts';

interface CellView {
  value: CellValue;
  numFmt: string | null;
  fill: string | null;
}
type Row = Record<string, CellValue> & { _row: number; _cells: Record<string, CellView | undefined> };

/** A sheet as records keyed by header, read back from the written file (not from the demo data). */
function records(wb: InspectedWorkbook, sheet: InspectedSheet): Row[] {
  const headers = rowValues(sheet, 1).map(String);
  const lastRow = Math.max(...[...sheet.cells.keys()].map((a) => Number(/\d+$/.exec(a)?.[0])));
  const out: Row[] = [];
  for (let r = 2; r <= lastRow; r++) {
    const values = rowValues(sheet, r);
    const rec = { _row: r, _cells: {} } as Row;
    headers.forEach((h, i) => {
      rec[h] = values[i] ?? null;
      const cell = sheet.cells.get(`${columnLetter(i + 1)}${r}`);
      rec._cells[h] = cell && { value: typedValue(cell), numFmt: numberFormat(wb, cell), fill: cellColours(wb, cell).fill };
    });
    out.push(rec);
  }
  return out;
}

const YEARS = [2021, 2022, 2023, 2024, 2025];
const FOOTNOTE = /\*/;

let books: Map<string, InspectedWorkbook>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'malkoll-demo-'));
  books = new Map();
  for (const wb of demoWorkbooks()) {
    const path = join(dir, wb.fileName);
    await writeTemplateWorkbook(path, wb);
    books.set(wb.fileName, inspectXlsx(readFileSync(path)));
  }
});

function sheetOf(file: string, name: string): InspectedSheet {
  const s = books.get(file)?.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`${file} has no ${name}`);
  return s;
}

/** The records of a sheet of one demo file. */
function recordsOf(file: string, name: string): Row[] {
  return records(books.get(file)!, sheetOf(file, name));
}

describe('the demo set', () => {
  // issue 15 added the division workbook, and the politics' pyramid and the risk register to Miljöprogram
  it('is three workbooks with the sheets the demo promises', () => {
    expect([...books.keys()]).toEqual(['Miljöprogram.xlsx', 'Social hållbarhet.xlsx', 'Hälso- och sjukvården.xlsx']);
    expect(books.get('Miljöprogram.xlsx')?.sheets.map((s) => s.name)).toEqual([
      'Mätetal', 'Indikatorer', 'Målområden', 'Inställningar', 'Handlingsplan', 'Agendapyramid', 'Riskområden',
    ]);
    expect(books.get('Social hållbarhet.xlsx')?.sheets.map((s) => s.name)).toEqual(['Mätetal', 'Indikatorer', 'Målområden', 'Inställningar', 'Självskattning']);
    expect(books.get('Hälso- och sjukvården.xlsx')?.sheets.map((s) => s.name)).toEqual(['Mätetal', 'Indikatorer', 'Målområden', 'Inställningar', 'Agendapyramid']);
  });
});

describe('Miljöprogram.xlsx', () => {
  const F = 'Miljöprogram.xlsx';
  let metrics: Row[];
  let named: (name: string) => Row;
  beforeAll(() => {
    metrics = recordsOf(F, 'Mätetal');
    named = (name) => {
      const row = metrics.find((m) => m['Mätetal'] === name);
      if (!row) throw new Error(`no metric ${name}`);
      return row;
    };
  });
  const metricRows = () => metrics.filter((m) => m['Mätetal']);

  it('has outcome columns 2021–2025 and a Målvärde 2025 used by exactly one metric', () => {
    const headers = rowValues(sheetOf(F, 'Mätetal'), 1);
    for (const y of YEARS) expect(headers).toContain(`Utfall ${y}`);
    expect(metricRows().filter((m) => m['Målvärde 2025'] !== null)).toHaveLength(1);
  });

  it('links every metric to a goal area and indicator that exist, 3–6 metrics per goal area', () => {
    const areas = recordsOf(F, 'Målområden');
    const indicators = recordsOf(F, 'Indikatorer');
    for (const area of areas) expect(String(area['Hållbarhetsmål']).length).toBeGreaterThan(30);
    for (const ind of indicators) expect(ind['Målvärde 2030']).toBeTruthy();
    for (const m of metricRows()) {
      expect(indicators.some((i) => i['Målområde'] === m['Målområde'] && i['Indikator'] === m['Indikator']), String(m['Mätetal'])).toBe(true);
    }
    for (const area of areas) {
      const n = metricRows().filter((m) => m['Målområde'] === area['Målområde']).length;
      expect(n, String(area['Målområde'])).toBeGreaterThanOrEqual(3);
      expect(n, String(area['Målområde'])).toBeLessThanOrEqual(6);
    }
  });

  it('holds the deliberately broken outcome 12 / 15 in 2025', () => {
    const broken = metricRows().filter((m) => m['Utfall 2025'] === '12 / 15');
    expect(broken).toHaveLength(1);
  });

  it('has the ranking metric, lower is better, values within 1–21', () => {
    const m = named('Placering i Miljöbarometern');
    expect(m).toMatchObject({ Enhet: 'placering', Riktning: 'Minska' });
    for (const y of YEARS) {
      const v = m[`Utfall ${y}`];
      expect(typeof v).toBe('number');
      expect(v as number).toBeGreaterThanOrEqual(1);
      expect(v as number).toBeLessThanOrEqual(21);
    }
  });

  it('has a qualitative metric with outcome sentences and a justified manual assessment', () => {
    const m = named('Klimatrisker i investeringsbeslut');
    expect(m['Riktning']).toBe('Kvalitativ');
    expect(String(m['Utfall 2025']).split(' ').length).toBeGreaterThan(3);
    expect(m['Manuell bedömning']).toBe('Positiv');
    expect(String(m['Motivering']).length).toBeGreaterThan(20);
  });

  it('has a low-and-stable sjukfrånvaro with an absolute tolerance of 0,3', () => {
    expect(named('Sjukfrånvaro')).toMatchObject({ Enhet: '%', Riktning: 'Minska', 'Tolerans (absolut)': '0,3' });
  });

  it('has the CO2e pace metric and the flight metric with a yearly rate', () => {
    expect(named('Utsläpp av CO2e från resor och transporter')).toMatchObject({ Basår: 2019, Målvärde: '-50 %', Målår: 2030 });
    expect(named('Utsläpp av CO2e från resor och transporter')['Basvärde']).not.toBeNull();
    expect(named('Tjänsteresor med flyg')['Årlig förändring']).toBe('-2,5 %');
  });

  it.each(['36,9%', '1 234,5', '152st', '−2 %', '4,5 kWh/km', '93*%'])('has an outcome typed as the text %s', (typed) => {
    const cells = metricRows().flatMap((m) => YEARS.map((y) => m[`Utfall ${y}`]));
    expect(cells).toContain(typed);
  });

  it('has percent-formatted numbers beside text percentages in one row', () => {
    const m = named('Andel ekologiska livsmedel');
    const cells = YEARS.map((y) => m._cells[`Utfall ${y}`]);
    expect(cells.some((c) => typeof c?.value === 'number' && c.numFmt === '0.0%' && c.value < 1)).toBe(true);
    expect(cells.some((c) => typeof c?.value === 'string' && c.value.includes('%'))).toBe(true);
  });

  it('leaves the other input cells unformatted', () => {
    for (const m of metricRows()) {
      for (const [header, cell] of Object.entries(m._cells)) {
        if (!cell || cell.numFmt === '0.0%') continue;
        expect(cell.numFmt, `${String(m['Mätetal'])} / ${header}`).toBe('General');
        expect(cell.fill, `${String(m['Mätetal'])} / ${header}`).toBeNull();
      }
    }
    expect(metricRows().some((m) => FOOTNOTE.test(String(m['Utfall 2024'])))).toBe(true);
  });

  it('has two numeric overrides with Motivering, one of them for 2024 (inaktuell)', () => {
    const overrides = metricRows().filter((m) => m['Manuell bedömning'] && m['Riktning'] !== 'Kvalitativ');
    expect(overrides).toHaveLength(2);
    for (const o of overrides) expect(String(o['Motivering']).length).toBeGreaterThan(20);
    expect(overrides.map((o) => o['Bedömningsår']).sort()).toEqual([2024, 2025]);
  });

  it('names one Styrande mätetal that exists under its indicator', () => {
    const governed = recordsOf(F, 'Indikatorer').filter((i) => i['Styrande mätetal']);
    expect(governed).toHaveLength(1);
    const [g] = governed;
    expect(metricRows().some((m) => m['Indikator'] === g?.['Indikator'] && m['Mätetal'] === g?.['Styrande mätetal'])).toBe(true);
  });

  it('has a note row under the table with no Mätetal and no outcome', () => {
    const notes = metrics.filter((m) => !m['Mätetal'] && m['Målområde']);
    expect(notes).toHaveLength(1);
    expect(String(notes[0]?.['Målområde'])).toMatch(/^Källa:/);
    for (const y of YEARS) expect(notes[0]?.[`Utfall ${y}`]).toBeNull();
    expect(notes[0]?._row).toBeGreaterThan(Math.max(...metricRows().map((m) => m._row)));
  });

  it('leaves one 2025 outcome missing', () => {
    const missing = metricRows().filter((m) => m['Riktning'] !== 'Kvalitativ' && m['Utfall 2025'] === null);
    expect(missing.length).toBeGreaterThanOrEqual(1);
  });

  it('sets Organisation, sharing and default thresholds', () => {
    const settings = new Map(recordsOf(F, 'Inställningar').map((r) => [r['Inställning'], r]));
    expect(settings.get('Organisation')?.['Värde']).toBe('Region Exempelland');
    expect(settings.get('Sammanfattning delas med')?.['Värde']).toBe(
      'regiondirektor@exempelland.se, grupp:koncernledning@exempelland.se',
    );
    expect(settings.get('Tolerans')?._cells['Värde']).toMatchObject({ value: 0.005, numFmt: '0.0%' });
  });

  it('has a Handlingsplan of 8–10 activities with owners, due dates and statuses, one overdue at 2026-11-24', () => {
    const plan = recordsOf(F, 'Handlingsplan');
    expect(plan.length).toBeGreaterThanOrEqual(8);
    expect(plan.length).toBeLessThanOrEqual(10);
    const statuses = new Set(plan.map((p) => p['Status']));
    expect([...statuses].sort()).toEqual(['Ej påbörjad', 'Klar', 'Pågår']);
    for (const p of plan) expect(p['Ansvarig']).toBeTruthy();
    const dueIso = (p: Row): string => {
      const cell = p._cells['Klart senast'];
      if (cell?.numFmt === 'yyyy-mm-dd') return new Date(Date.UTC(1899, 11, 30) + Number(cell.value) * 86_400_000).toISOString().slice(0, 10);
      return String(p['Klart senast']);
    };
    const overdue = plan.filter((p) => p['Status'] !== 'Klar' && /^\d{4}-\d{2}-\d{2}$/.test(dueIso(p)) && dueIso(p) < '2026-11-24');
    expect(overdue.map((p) => dueIso(p))).toEqual(['2026-06-30']);
  });
});

describe('Social hållbarhet.xlsx', () => {
  const F = 'Social hållbarhet.xlsx';

  it('has a social goal area and its indicator but no metrics', () => {
    expect(recordsOf(F, 'Målområden').map((r) => r['Målområde'])).toEqual(['Social hållbarhet och jämlik hälsa']);
    expect(recordsOf(F, 'Indikatorer').map((r) => r['Målområde'])).toEqual(['Social hållbarhet och jämlik hälsa']);
    expect(rowValues(sheetOf(F, 'Mätetal'), 1)).toContain('Utveckling');
    expect(rowValues(sheetOf(F, 'Mätetal'), 2)).toEqual([]);
  });

  // two child-rights statements were added with the Tema column (issue 15): ten statements
  it('has 6 of 7 förvaltningar answering the same 10 statements on the default scale', () => {
    const answers = recordsOf(F, 'Självskattning');
    const settings = new Map(recordsOf(F, 'Inställningar').map((r) => [r['Inställning'], r['Värde']]));
    expect(settings.get('Organisation')).toBe('Region Exempelland');
    const listed = String(settings.get('Förvaltningar')).split(',').map((s) => s.trim());
    expect(listed).toHaveLength(7);
    const answering = new Set(answers.map((a) => a['Förvaltning']));
    expect(answering.size).toBe(6);
    expect(listed.filter((d) => !answering.has(d))).toEqual(['Tandvårdsförvaltningen']);
    const statements = new Set(answers.map((a) => a['Påstående']));
    expect(statements.size).toBe(10);
    expect(answers).toHaveLength(6 * 10);
    const scale = String(settings.get('Svarsordning')).split(',').map((s) => s.trim());
    expect(scale).toEqual(['Instämmer helt', 'Instämmer delvis', 'Instämmer inte', 'Vet ej']);
    expect(new Set(answers.map((a) => a['Svar']))).toEqual(new Set(scale));
  });
});

describe('the other shapes in the demo (issue 15)', () => {
  const F = 'Miljöprogram.xlsx';

  it('has rankings with Antal jämförda and a published colour, one with Riktning left blank', () => {
    const rankings = recordsOf(F, 'Mätetal').filter((m) => m['Enhet'] === 'placering' || m['Enhet'] === 'plats');
    expect(rankings.map((m) => [m['Riktning'], m['Antal jämförda'], m['Jämförelse']])).toEqual([
      ['Minska', 21, 'grön'],
      [null, 21, 'gul'],
    ]);
  });

  it('marks three Styrmått, one per dimension', () => {
    const marked = recordsOf(F, 'Mätetal').filter((m) => m['Styrmått']);
    expect(marked.map((m) => m['Styrmått'])).toEqual(['Miljömässig', 'Ekonomisk', 'Social']);
  });

  it('gives every goal area a Dimension, one written Ekologisk', () => {
    const dims = [...recordsOf(F, 'Målområden'), ...recordsOf('Social hållbarhet.xlsx', 'Målområden')].map((r) => r['Dimension']);
    expect(dims).toEqual(['Miljömässig', 'Miljömässig', 'Ekologisk', 'Ekonomisk', 'Social']);
  });

  it('has the politics’ pyramid in Miljöprogram and the division’s in its own workbook, each ranking 14 or 13 goals once', () => {
    const political = recordsOf(F, 'Agendapyramid');
    const division = recordsOf('Hälso- och sjukvården.xlsx', 'Agendapyramid');
    expect(new Set(political.map((r) => r['Nivå']))).toEqual(new Set(['Politisk']));
    expect(new Set(division.map((r) => r['Nivå']))).toEqual(new Set(['Division Hälso- och sjukvård']));
    for (const rows of [political, division]) expect(new Set(rows.map((r) => r['Mål'])).size).toBe(rows.length);
    expect([political.length, division.length]).toEqual([14, 13]);
  });

  it('has a risk register with a Hög area (its Risknivå blank, from the criteria) and a Potentiell hög area lacking an Åtgärd', () => {
    const risks = recordsOf(F, 'Riskområden');
    const lacking = risks.filter((r) => !r['Åtgärd']);
    expect(lacking.map((r) => [r['Kategori 1'], r['Risknivå'], r['Miljöpåverkan']])).toEqual([
      ['Livsmedel', null, 'Hög'],
      ['Textilier', 'Potentiell hög', null],
      ['Kontorsmaterial', 'Låg', null],
    ]);
  });

  it('themes the child-rights statements of the self-assessment', () => {
    const themed = recordsOf('Social hållbarhet.xlsx', 'Självskattning').filter((r) => r['Tema'] === 'Barnets rättigheter');
    expect(new Set(themed.map((r) => r['Påstående'])).size).toBe(3);
  });
});
