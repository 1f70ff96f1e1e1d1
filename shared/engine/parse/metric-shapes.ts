/**
 * The columns of `Mätetal` that carry the other shapes regions follow up (domain.md §3): national
 * rankings (`Enhet` placering/plats, `Antal jämförda`, `Jämförelse`), headline measures (`Styrmått`),
 * and the unit a blank `Enhet` takes from the row's outcomes. A row that cannot be used gets an error
 * (rule 0); one that still can gets a note, in its Förklaring and in the data-quality section.
 * @module
 */
import type { YearColumn, HeaderMatch } from './headers.ts';
import type { Direction, MetricRow } from '../model/model.ts';
import { METRIC_HEADERS as H, OUTCOME_PREFIX } from '../model/template.ts';
import { isRankUnit } from '../model/ranking.ts';
import { addIssue, cellAt, optionalText, textAt, type ParseContext, type SheetRow } from './common.ts';
import { cellText, isBlankCell, parseNumberCell, quote } from './values.ts';
import { parseDirection } from './words.ts';
import { headlineLabel, parseComparison } from './shape-words.ts';
import { parseKoladaKpi } from './kolada-ids.ts';

/**
 * Riktning of a ranking: blank means Minska, and Öka contradicts "1 is best". Undefined when the row is no
 * ranking or the word is one the ordinary reading handles (Minska, Kvalitativ, an unknown word).
 */
export function rankingDirection(text: string, unit: string | null, errors: string[]): Direction | null | undefined {
  if (!isRankUnit(unit)) return undefined;
  const word = parseDirection(text);
  if (word.kind === 'empty') return 'Minska';
  if (word.kind === 'word' && word.value === 'Öka') {
    errors.push(`Riktning 'Öka' passar inte en ${unit!.trim()} (1 är bäst) – skriv 'Minska' eller lämna Riktning tom`);
    return null;
  }
  return undefined;
}

/**
 * The unit a blank `Enhet` takes: `%` when an outcome is written with `%` or stored as a percentage, so
 * that a Målvärde of `100 %` is a level in that row and not a change from Basvärde.
 */
export function unitFromOutcomes(row: SheetRow, columns: readonly YearColumn[]): string | null {
  for (const yc of columns) {
    const cell = row.cells[yc.column - 1];
    if (isBlankCell(cell)) continue;
    if (cell!.percent) return '%';
    if (typeof cell!.value !== 'string') continue;
    const n = parseNumberCell(cell);
    if (n.kind === 'number' && n.percent) return '%';
  }
  return null;
}

/** Reads Antal jämförda, Jämförelse and Styrmått into the row and checks a ranking's outcomes. */
export function readMetricShapes(row: SheetRow, match: HeaderMatch, metric: MetricRow, sheet: string, ctx: ParseContext): void {
  const note = (column: string, message: string) => {
    metric.notes.push(message);
    addIssue(ctx, 'note', sheet, message, { rowNumber: row.rowNumber, column, subject: metric.name });
  };
  const ranking = isRankUnit(metric.unit) && metric.direction !== 'Kvalitativ';
  const among = readRankedAmong(row, match, metric, ranking, note);
  if (ranking) checkRanks(metric, among);

  const comparison = textAt(row, match, H.comparison);
  const colour = parseComparison(comparison);
  if (colour.kind === 'word') metric.comparison = colour.value;
  else if (colour.kind === 'error') note(H.comparison, `${colour.message}; den visas inte`);

  const headline = optionalText(row, match, H.headline);
  if (headline !== null) metric.headline = headlineLabel(headline);

  // a bad key figure only stops the fetch for this row: the row is still assessed
  const kpi = parseKoladaKpi(cellAt(row, match.columns[H.koladaKpi]));
  if (kpi.kind === 'id') metric.koladaKpi = kpi.id;
  else if (kpi.kind === 'error') note(H.koladaKpi, `${kpi.message}; inga utfall hämtas för raden`);
}

function readRankedAmong(
  row: SheetRow,
  match: HeaderMatch,
  metric: MetricRow,
  ranking: boolean,
  note: (column: string, message: string) => void,
): number | null {
  const cell = cellAt(row, match.columns[H.rankedAmong]);
  if (isBlankCell(cell)) return null;
  if (!ranking) {
    note(H.rankedAmong, `${H.rankedAmong} gäller bara placeringar (Enhet 'placering' eller 'plats') och används inte här`);
    return null;
  }
  const n = parseNumberCell(cell);
  if (n.kind === 'number' && !n.percent && Number.isInteger(n.value) && n.value >= 1) {
    metric.rankedAmong = n.value;
    return n.value;
  }
  metric.errors.push(`${H.rankedAmong} ${quote(cellText(cell))} är inget heltal från 1 – skriv hur många som rangordnades, t.ex. 21`);
  return null;
}

/** A rank is a whole number from 1, and never beyond how many were ranked. */
function checkRanks(metric: MetricRow, among: number | null): void {
  const years = Object.keys(metric.outcomes).map(Number).sort((a, b) => a - b);
  for (const year of years) {
    const rank = metric.outcomes[year]!;
    const label = `${OUTCOME_PREFIX} ${year}`;
    if (!Number.isInteger(rank) || rank < 1) {
      metric.errors.push(`${label}: en placering är ett heltal från 1, inte ${swedish(rank)}`);
      metric.badOutcomeYears.push(year);
    } else if (among !== null && rank > among) {
      metric.errors.push(`${H.rankedAmong} ${among} är mindre än placeringen ${rank} i ${label}`);
      metric.badOutcomeYears.push(year);
    }
  }
}

/** parse/ may not use explain/'s formatter: a figure in a message, decimal comma and U+2212 minus */
function swedish(value: number): string {
  return String(value).replace('.', ',').replace('-', '\u2212');
}
