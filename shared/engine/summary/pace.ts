/**
 * "Takt mot målen": where each metric should be on the straight line to its target, sorted by how far
 * behind it is as a share of the whole way (domain.md §4 "Pace").
 * @module
 */
import type { PaceResult } from '../model/model.ts';
import type { SummaryBlock, SummaryCell } from '../model/summary-model.ts';
import { formatPercent, formatWithUnit } from '../explain/format.ts';
import { NO_VALUE, numberCell } from './cells.ts';

export const PACE_HEADING = 'Takt mot målen';

function point(at: { year: number; value: number } | undefined, unit: string | null, yearFirst: boolean): SummaryCell {
  if (!at) return { text: NO_VALUE };
  const value = formatWithUnit(at.value, unit);
  return { text: yearFirst ? `${at.year}: ${value}` : `${value} (${at.year})`, number: at.value };
}

function projection(p: PaceResult): SummaryCell {
  if (p.projection === null) return { text: NO_VALUE };
  if (p.projection === 'nås inte') return { text: 'nås inte' };
  return { text: String(p.projection), number: p.projection };
}

export function paceBlocks(pace: PaceResult[], year: number | null): SummaryBlock[] {
  const blocks: SummaryBlock[] = [{ kind: 'heading', level: 2, text: PACE_HEADING, id: 'takt' }];
  if (pace.length === 0 || year === null) {
    blocks.push({ kind: 'paragraph', text: 'Inga mätetal har basår, basvärde, målvärde och målår.' });
    return blocks;
  }
  blocks.push({
    kind: 'paragraph',
    text: 'Förväntat värde ligger på en rak linje från basåret till målåret. Gapet är hur långt efter utfallet ligger, som andel av hela vägen; störst gap först.',
  });
  blocks.push({
    kind: 'table',
    caption: `${PACE_HEADING} ${year}`,
    columns: ['Mätetal', 'Basår/Basvärde', 'Målvärde/Målår', `Förväntat ${year}`, `Utfall ${year}`, 'Bedömning', 'Gap', 'Prognos'],
    // already in the table's order: assessSet sorts it (assess/pace.ts sortPace)
    rows: pace.map((p) => [
      { text: p.name },
      point(p.base, p.unit, true),
      point(p.goal, p.unit, false),
      numberCell(p.expected, p.unit),
      numberCell(p.actual, p.unit),
      p.verdict ? { text: p.verdict, style: p.verdict } : { text: NO_VALUE },
      p.gapShare === null ? { text: NO_VALUE } : { text: formatPercent(p.gapShare), number: p.gapShare },
      projection(p),
    ]),
  });
  return blocks;
}
