/**
 * Bad input in the other shapes (issue 15), as cases of the engine-level bad-input catalogue: an error on the row
 * where the row cannot be used (Antal jämförda smaller than the rank, Öka on a ranking, goal 18, a goal ranked
 * twice by one Nivå, an unknown rank or risk level), a data-quality note where it still can (an unknown
 * Jämförelse or Dimension, two metrics with one Styrmått label). The good rows keep their statuses in every case.
 */
import type { WorkbookGrid } from '../../shared/engine/model/grid.ts';
import { sheet, type Plain } from '../engine/grid-builder.ts';
import { BAD_ROW, HEADERS, badRow, baseline, type GridCase } from './catalogue-grid.ts';

const RANKING = [...HEADERS, 'Antal jämförda', 'Jämförelse', 'Styrmått'];

/** The baseline with the ranking columns and a fifth row; the first good row (row 2) gets `first` in them. */
function withRanking(cells: Record<string, Plain>, first: Record<string, string> = {}): () => WorkbookGrid[] {
  return () => {
    const g = baseline([], RANKING);
    const metrics = g.sheets.find((s) => s.name === 'Mätetal')!;
    for (const [h, v] of Object.entries(first)) metrics.rows[1]![RANKING.indexOf(h)] = { value: v };
    metrics.rows.push(badRow(cells, RANKING).map((v) => (v === null || v === undefined ? null : { value: v as string | number })));
    return [g];
  };
}

/** The baseline with an extra sheet. */
function withSheet(name: string, rows: Plain[][]): () => WorkbookGrid[] {
  return () => {
    const g = baseline();
    g.sheets.push(sheet(name, rows));
    return [g];
  };
}

const PYRAMID = ['Nivå', 'Mål', 'Rang', 'Mandatperiod'];
const RISKS = ['Kategori 1', 'Kategori 2', 'Risknivå', 'Miljöpåverkan', 'Åtgärd', 'Ansvarig', 'Status'];
const ranking = { Enhet: 'placering', Riktning: null, 'Utfall 2024': 10, 'Utfall 2025': 9 };
const group = 'andra former';

export const SHAPE_CASES: GridCase[] = [
  {
    group, name: 'Antal jämförda mindre än placeringen', grids: withRanking({ ...ranking, 'Utfall 2025': 25, 'Antal jämförda': 21 }),
    where: { row: BAD_ROW }, message: /Antal jämförda 21 är mindre än placeringen 25 i Utfall 2025/,
  },
  {
    group, name: 'Öka på en placering', grids: withRanking({ ...ranking, Riktning: 'Öka' }),
    where: { row: BAD_ROW }, message: /Riktning 'Öka' passar inte en placering \(1 är bäst\)/,
  },
  {
    group, name: 'placering som inte är ett heltal', grids: withRanking({ ...ranking, 'Utfall 2025': '9,5' }),
    where: { row: BAD_ROW }, message: /Utfall 2025: en placering är ett heltal från 1, inte 9,5/,
  },
  {
    group, name: 'okänd Jämförelse (raden bedöms ändå)', grids: withRanking({ ...ranking, 'Antal jämförda': 21, Jämförelse: 'blå' }),
    where: { row: BAD_ROW, status: 'Positiv' }, message: /plats 9 av 21 \(2025\) mot plats 10 av 21 \(2024\): 1 plats bättre → Positiv\. Obs: Jämförelse 'blå' känns inte igen/,
    also: [/Mätetal \| 5 \| Felraden \| Jämförelse 'blå' känns inte igen – använd 'grön', 'gul', 'röd'; den visas inte$/],
  },
  {
    group, name: 'två mätetal med samma Styrmått', grids: withRanking({ Styrmått: 'Miljömässig' }, { Styrmått: 'ekologisk' }),
    where: 'summary', message: /Mätetal \| 5 \| Felraden \| Styrmått 'Miljömässig' är redan satt på mätetalet ”Resor” \(wb, rad 2\); båda visas/,
  },
  {
    group, name: 'Enhet tom och utfall i %: Målvärde 100 % är en nivå', grids: () => [baseline([badRow({ Enhet: null, Målvärde: '100 %', 'Utfall 2024': '90 %', 'Utfall 2025': '100 %' })])],
    where: { row: BAD_ROW, status: 'Positiv' }, message: /100 % \(2025\) mot målvärdet 100 %: målvärdet nått → Positiv/, also: [],
  },
  {
    group, name: 'mål 18 i Agendapyramid', grids: withSheet('Agendapyramid', [PYRAMID, ['Politisk', 3, 'Central', null], ['Politisk', 18, 'Central', null]]),
    where: 'summary', message: /Agendapyramid \| 3 \| Politisk \| Mål '18' finns inte – Agenda 2030 har 17 mål, numrerade 1–17 – raden räknas inte/,
  },
  {
    group, name: 'ett mål rangordnat två gånger av samma Nivå', grids: withSheet('Agendapyramid', [PYRAMID, ['Politisk', 3, 'Central', null], ['Politisk', 'Mål 3', 'Generell', null]]),
    where: 'summary', message: /Agendapyramid \| 3 \| Politisk \| Mål 3 är redan rangordnat för Nivå 'Politisk' \(rad 2\) – raden räknas inte/,
  },
  {
    group, name: 'okänd Rang', grids: withSheet('Agendapyramid', [PYRAMID, ['Division Vård', 3, 'Viktig', null]]),
    where: 'summary', message: /Agendapyramid \| 2 \| Division Vård \| Rang 'Viktig' känns inte igen – använd 'Central', 'Betydande', 'Generell'/,
  },
  {
    group, name: 'okänd Risknivå', grids: withSheet('Riskområden', [RISKS, ['Livsmedel', 'Kött', 'Extrem', null, null, null, null]]),
    where: 'summary', message: /Riskområden \| 2 \| Livsmedel – Kött \| Risknivå 'Extrem' känns inte igen – använd 'Hög', 'Potentiell hög', 'Medel', 'Låg'/,
  },
  {
    group, name: 'okänd Dimension (målområdet bedöms ändå)',
    grids: () => {
      const g = baseline();
      const areas = g.sheets.find((s) => s.name === 'Målområden')!;
      areas.rows[0]!.push({ value: 'Dimension' });
      areas.rows[1]!.push({ value: 'Kulturell' });
      return [g];
    },
    where: 'summary', message: /Målområden \| 2 \| .* \| Dimension 'Kulturell' känns inte igen.*; målområdet grupperas inte/,
  },
];

