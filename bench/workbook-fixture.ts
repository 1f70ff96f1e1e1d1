/**
 * A synthetic, template-shaped workbook of any size, as plain sheets (the demo set's DemoSheet shape),
 * so that one description feeds every measurement: the Google fake (SheetSeed), the pure engine
 * (WorkbookGrid) and a local .xlsx (writeTemplateWorkbook). Values are deterministic and varied so that
 * every rule and status occurs, as in a real region's workbook.
 * @module
 */
import type { CellInput, WorkbookGrid } from '../shared/engine/index.ts';
import type { DemoSheet, DemoWorkbook } from '../sheets-templates/demo/types.ts';
import type { TemplateCell } from '../sheets-templates/template-spec.ts';
import type { SheetSeed } from '../shared/testing/google-fake/index.ts';

export const LAST_YEAR = 2025;
const GOAL_AREAS = 7;
/** a region's indicator has a handful of metrics */
const METRICS_PER_INDICATOR = 5;

export interface FixtureOptions {
  metrics: number;
  years?: number;
  /** shifts every outcome, so two fixtures of one size differ (one per workbook in a set) */
  seed?: number;
}

export function metricHeaders(years: number): string[] {
  const outcomes = Array.from({ length: years }, (_, i) => `Utfall ${LAST_YEAR - years + 1 + i}`);
  return ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Målvärde', 'Årlig förändring', ...outcomes, 'Manuell bedömning', 'Motivering', 'Utveckling', 'Förklaring'];
}

const goalName = (g: number) => `Målområde ${g + 1}`;
const indicatorName = (i: number) => `Indikator ${i + 1}`;

/** The outcome of metric `m` in year index `y`: a trend per metric with some noise and gaps. */
function outcome(m: number, y: number, seed: number): TemplateCell {
  if ((m * 7 + y) % 53 === 0) return null; // a missing year now and then
  const trend = ((m % 9) - 4) * 1.5;
  return Math.round((1000 + (m % 97) * 10 + seed + trend * y + ((m * 31 + y * 17) % 11)) * 10) / 10;
}

export function fixtureSheets(options: FixtureOptions): DemoSheet[] {
  const years = options.years ?? 10;
  const seed = options.seed ?? 0;
  const indicators = Math.max(1, Math.ceil(options.metrics / METRICS_PER_INDICATOR));
  const goalOf = (i: number) => i % GOAL_AREAS;
  const goalCount = Math.min(GOAL_AREAS, indicators);
  const metrics: TemplateCell[][] = [];
  for (let m = 0; m < options.metrics; m++) {
    const ind = Math.floor(m / METRICS_PER_INDICATOR);
    const direction = m % 2 === 0 ? 'Minska' : 'Öka';
    const target = m % 5 === 0 ? (direction === 'Minska' ? 900 : 1200) : null;
    const annual = m % 7 === 0 ? (direction === 'Minska' ? '-1 %' : '1 %') : null;
    const manual = m % 50 === 3 ? 'Positiv' : null;
    metrics.push([
      goalName(goalOf(ind)),
      indicatorName(ind),
      `Mätetal ${m + 1}`,
      'MWh',
      direction,
      target,
      annual,
      ...Array.from({ length: years }, (_, y) => outcome(m, y, seed)),
      manual,
      manual ? 'Nivån hölls trots ökat uppdrag' : null,
    ]);
  }
  return [
    {
      name: 'Målområden',
      headers: ['Målområde', 'Hållbarhetsmål'],
      rows: Array.from({ length: goalCount }, (_, g) => [goalName(g), `Hållbarhetsmål ${g + 1}`]),
    },
    {
      name: 'Indikatorer',
      headers: ['Målområde', 'Indikator', 'Målvärde 2030'],
      rows: Array.from({ length: indicators }, (_, i) => [goalName(goalOf(i)), indicatorName(i), '−50 %']),
    },
    { name: 'Mätetal', headers: metricHeaders(years), rows: metrics },
    {
      name: 'Inställningar',
      headers: ['Inställning', 'Värde'],
      rows: [
        ['Organisation', 'Region Bänkland'],
        ['Redovisningsår', LAST_YEAR],
      ],
    },
  ];
}

export function fixtureWorkbook(fileName: string, options: FixtureOptions): DemoWorkbook {
  return { fileName, sheets: fixtureSheets(options) };
}

/** The sheets as the Google fake seeds them (header row first). */
export function toSeeds(sheets: DemoSheet[]): SheetSeed[] {
  return sheets.map((s) => ({ name: s.name, rows: [s.headers, ...s.rows.map((r) => r.map(seedCell))] }));
}

function seedCell(cell: TemplateCell) {
  if (cell === null || typeof cell !== 'object') return cell;
  return 'date' in cell ? { date: cell.date } : { percent: cell.value };
}

/** The sheets as an adapter hands them to the engine. */
export function toGrid(id: string, sheets: DemoSheet[]): WorkbookGrid {
  const cellOf = (cell: TemplateCell): CellInput | null => {
    if (cell === null) return null;
    if (typeof cell !== 'object') return { value: cell };
    return 'date' in cell ? { value: 0, date: cell.date } : { value: cell.value, percent: true };
  };
  return {
    id,
    name: id.replace(/\.xlsx$/, ''),
    sheets: sheets.map((s) => ({ name: s.name, rows: [s.headers.map((h) => ({ value: h })), ...s.rows.map((r) => r.map(cellOf))] })),
    state: null,
  };
}

/** Input cells a cell-by-cell integration would read: every non-empty cell of the workbook. */
export function inputCellCount(sheets: DemoSheet[]): number {
  return sheets.reduce((n, s) => n + s.headers.length + s.rows.reduce((k, r) => k + r.filter((c) => c !== null && c !== '').length, 0), 0);
}
