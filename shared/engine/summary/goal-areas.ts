/**
 * Per goal area: a heading, its indicator table and its metric table (last three years of Utfall),
 * manual assessments footnoted with their Motivering.
 * @module
 */
import type { SetAssessment, MetricAssessment, AggregateAssessment } from '../model/model.ts';
import type { SummaryBlock, SummaryCell } from '../model/summary-model.ts';
import { Footnotes, numberCell, outcomeOf, slug, statusCell, textCell, withFootnote } from './cells.ts';
import { comparisonCell } from './headlines.ts';

export const SURVEY_POINTER = 'Följs upp med självskattning – se Självskattning';

export function goalAreaBlocks(
  set: SetAssessment,
  notes: Footnotes,
  workbook: (id: string | null) => string,
): SummaryBlock[] {
  const year = set.year;
  const blocks: SummaryBlock[] = [];
  const surveyOnly = new Set(set.survey?.goalAreasFollowedOnlyBySurvey ?? []);
  set.goalAreas.forEach((area, index) => {
    const indicators = set.indicators.filter((i) => i.goalArea === area.name);
    blocks.push({ kind: 'heading', level: 2, text: area.name, id: `malomrade-${index + 1}-${slug(area.name)}` });
    if (area.goal) blocks.push({ kind: 'paragraph', text: `Hållbarhetsmål: ${area.goal}` });
    blocks.push({
      kind: 'paragraph',
      text: `Samlad bedömning av målet: ${area.status}. ${area.explanation}`.trim(),
    });
    blocks.push({ kind: 'heading', level: 3, text: `Indikatorer – ${area.name}` });
    blocks.push({
      kind: 'table',
      caption: `Indikatorer för ${area.name}`,
      columns: ['Indikator', 'Målvärde 2030', 'Utveckling'],
      rows: indicatorRows(indicators, surveyOnly.has(area.name), notes),
    });
    const metrics = sortByIndicator(
      set.metrics.filter((m) => m.goalArea === area.name),
      indicators,
    );
    if (metrics.length > 0 && year !== null) {
      // a published comparison colour goes beside the status, in a column of its own, when any metric has one
      const compared = metrics.some((m) => m.comparison !== undefined);
      blocks.push({ kind: 'heading', level: 3, text: `Mätetal – ${area.name}` });
      blocks.push({
        kind: 'table',
        caption: `Mätetal för ${area.name}`,
        columns: ['Mätetal', 'Arbetsbok', 'Enhet', `Utfall ${year - 2}`, `Utfall ${year - 1}`, `Utfall ${year}`, 'Utveckling', ...(compared ? ['Jämförelse'] : []), 'Förklaring'],
        rows: metrics.map((m) => {
          const row = metricRow(m, year, notes, workbook);
          if (compared) row.splice(7, 0, comparisonCell(m));
          return row;
        }),
      });
    }
    const fn = notes.take();
    if (fn.length > 0) blocks.push({ kind: 'footnotes', items: fn });
  });
  return blocks;
}

function indicatorRows(indicators: AggregateAssessment[], surveyOnly: boolean, notes: Footnotes): SummaryCell[][] {
  const rows = indicators.map((i) => [
    // an indicator without metrics in a goal area followed by the survey points the reader there
    { text: surveyOnly && i.counts.Positiv + i.counts.Oförändrad + i.counts.Negativ + i.counts['Inget värde'] + i.counts.Fel === 0 ? `${i.name} (${SURVEY_POINTER})` : i.name },
    textCell(i.target2030),
    withFootnote(statusCell(i.status), notes.forManual(i.manual, i.rule === 'manuell')),
  ]);
  if (rows.length === 0) {
    rows.push([{ text: surveyOnly ? SURVEY_POINTER : 'Inga indikatorer' }, textCell(null), statusCell('Inget värde')]);
  }
  return rows;
}

function metricRow(
  m: MetricAssessment,
  year: number,
  notes: Footnotes,
  workbook: (id: string | null) => string,
): SummaryCell[] {
  return [
    { text: m.name },
    { text: workbook(m.workbookId) },
    textCell(m.unit),
    numberCell(outcomeOf(m, year - 2)),
    numberCell(outcomeOf(m, year - 1)),
    numberCell(outcomeOf(m, year)),
    withFootnote(statusCell(m.status), notes.forManual(m.manual, m.rule === 'manuell')),
    { text: m.explanation },
  ];
}

function sortByIndicator(metrics: MetricAssessment[], indicators: AggregateAssessment[]): MetricAssessment[] {
  const order = new Map(indicators.map((i, n) => [i.name, n]));
  return metrics
    .map((m, n) => ({ m, n }))
    .sort((a, b) => (order.get(a.m.indicator) ?? 1e9) - (order.get(b.m.indicator) ?? 1e9) || a.n - b.n)
    .map((x) => x.m);
}
