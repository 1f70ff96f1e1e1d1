/**
 * The Styrmått table that follows `Samlad bedömning` (domain.md §3): the headline measures the annual
 * report leads with — label, metric, outcome, status, and the published comparison colour beside the
 * status when a metric has one.
 * @module
 */
import type { MetricAssessment, SetAssessment } from '../model/model.ts';
import type { SummaryBlock, SummaryCell } from '../model/summary-model.ts';
import { isRankUnit, placeText } from '../model/ranking.ts';
import { normalizeName } from '../model/grid.ts';
import { DIMENSIONS } from '../model/template.ts';
import { formatNumber, formatWithUnit } from '../explain/format.ts';
import { Footnotes, NO_VALUE, statusCell, withFootnote } from './cells.ts';

export const HEADLINE_HEADING = 'Styrmått';

export function headlineBlocks(set: SetAssessment, notes: Footnotes): SummaryBlock[] {
  const metrics = headlineMetrics(set.metrics);
  if (metrics.length === 0) return [];
  const compared = metrics.some((m) => m.comparison !== undefined);
  return [
    { kind: 'heading', level: 2, text: HEADLINE_HEADING, id: 'styrmatt' },
    {
      kind: 'table',
      caption: HEADLINE_HEADING,
      columns: ['Styrmått', 'Mätetal', 'Utfall', 'Utveckling', ...(compared ? ['Jämförelse'] : [])],
      rows: metrics.map((m) => [
        { text: m.headline! },
        { text: m.name },
        outcomeCell(m),
        withFootnote(statusCell(m.status), notes.forManual(m.manual, m.rule === 'manuell')),
        ...(compared ? [comparisonCell(m)] : []),
      ]),
    },
  ];
}

/** The metrics with a Styrmått label: the dimensions in their order, then other labels as they first appear. */
export function headlineMetrics(metrics: readonly MetricAssessment[]): MetricAssessment[] {
  const marked = metrics.filter((m) => m.headline !== undefined);
  const order = (label: string) => {
    const i = DIMENSIONS.findIndex((d) => normalizeName(d) === normalizeName(label));
    return i < 0 ? DIMENSIONS.length : i;
  };
  return marked.map((m, n) => ({ m, n })).sort((a, b) => order(a.m.headline!) - order(b.m.headline!) || a.n - b.n).map((x) => x.m);
}

/** "plats 9 av 21 (2025)", "36,9 % (2025)", or – without an outcome this year. */
export function outcomeCell(m: MetricAssessment): SummaryCell {
  if (m.value === null || m.year === 0) return { text: NO_VALUE };
  const shown = isRankUnit(m.unit) ? placeText(formatNumber(m.value), m.rankedAmong) : formatWithUnit(m.value, m.unit);
  return { text: `${shown} (${m.year})`, number: m.value };
}

/** The published colour as its word, coloured, beside the status; – when there is none. */
export function comparisonCell(m: MetricAssessment): SummaryCell {
  return m.comparison === undefined ? { text: NO_VALUE } : { text: m.comparison, style: m.comparison };
}
