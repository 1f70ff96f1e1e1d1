/**
 * The first screen of the summary: title, the one `Samlad bedömning` row, the goal-area table and the
 * lists of what improved and what needs more effort (domain.md §3, in that order).
 * @module
 */
import type { SetAssessment, SetSettings, MetricAssessment, AggregateAssessment, Status } from '../model/model.ts';
import type { SummaryBlock, SummaryCell } from '../model/summary-model.ts';
import { Footnotes, statusCell, textCell, withFootnote, changeDirection } from './cells.ts';
import { headlineBlocks } from './headlines.ts';
import { riskNeeds } from './risk-areas.ts';
import { DIMENSIONS } from '../model/template.ts';
import { asSentence } from '../explain/sentence.ts';

export const OVERALL_LABEL = 'Samlad bedömning';
export const GOAL_TABLE = 'Samlad bedömning av måluppfyllelse';

export function titleText(settings: SetSettings, year: number | null): string {
  return ['Hållbarhetsredovisning', settings.organisation ?? 'organisationen', year ?? ''].join(' ').trim();
}

export function overviewBlocks(set: SetAssessment, settings: SetSettings, notes: Footnotes): SummaryBlock[] {
  const org = set.organisation;
  const orgNote = notes.forManual(org.manual, org.rule === 'manuell');
  const blocks: SummaryBlock[] = [
    { kind: 'title', text: titleText(settings, set.year) },
    { kind: 'paragraph', text: settings.reportingYearReason },
    { kind: 'keyValue', label: OVERALL_LABEL, value: withFootnote(statusCell(org.status), orgNote) },
    { kind: 'paragraph', text: countsSentence(set) },
  ];
  if (org.explanation) blocks.push({ kind: 'paragraph', text: org.explanation });
  blocks.push(...headlineBlocks(set, notes));
  // with Dimension set, the goal areas are grouped by it (in Målområden's order within a dimension)
  const grouped = set.goalAreas.some((a) => a.dimension !== undefined);
  const areas = grouped ? byDimension(set.goalAreas) : set.goalAreas;
  blocks.push(
    { kind: 'heading', level: 2, text: GOAL_TABLE, id: 'maluppfyllelse' },
    {
      kind: 'table',
      caption: GOAL_TABLE,
      columns: ['Målområde', 'Hållbarhetsmål', 'Utveckling', ...(grouped ? ['Dimension'] : [])],
      rows: areas.map((area) => [
        { text: area.name },
        textCell(area.goal),
        withFootnote(statusCell(area.status), notes.forManual(area.manual, area.rule === 'manuell')),
        ...(grouped ? [textCell(area.dimension)] : []),
      ]),
    },
  );
  const fn = notes.take();
  if (fn.length > 0) blocks.push({ kind: 'footnotes', items: fn });
  return blocks;
}

/** Miljömässig, Social, Ekonomisk, then goal areas without a dimension; stable within each. */
function byDimension(areas: AggregateAssessment[]): AggregateAssessment[] {
  const order = (a: AggregateAssessment) => (a.dimension === undefined ? DIMENSIONS.length : DIMENSIONS.indexOf(a.dimension));
  return areas.map((a, n) => ({ a, n })).sort((x, y) => order(x.a) - order(y.a) || x.n - y.n).map((x) => x.a);
}

function countsSentence(set: SetAssessment): string {
  const n = (s: Status) => set.metrics.filter((m) => m.status === s).length;
  const parts = [
    `Av ${set.metrics.length} mätetal har ${n('Positiv')} positiv utveckling, ${n('Oförändrad')} oförändrad och ${n('Negativ')} negativ`,
  ];
  const rest: string[] = [];
  if (n('Inget värde') > 0) rest.push(`${n('Inget värde')} saknar värde`);
  if (n('Fel') > 0) rest.push(`${n('Fel')} har fel`);
  let text = parts[0]! + (rest.length > 0 ? `; ${rest.join(' och ')}.` : '.');
  const paced = set.pace.filter((p) => p.verdict !== null);
  if (paced.length > 0) {
    const onPace = paced.filter((p) => p.verdict === 'I takt').length;
    text += ` ${onPace} av ${paced.length} mätetal med målår är i takt mot målen.`;
  }
  return text;
}

interface ListContext {
  set: SetAssessment;
  workbook: (id: string | null) => string;
}

const metricKey = (m: MetricAssessment) => `${m.workbookId}\u0000${m.goalArea}\u0000${m.indicator}\u0000${m.name}`;
const indicatorKey = (a: AggregateAssessment) => `${a.goalArea ?? ''}\u0000${a.name}`;
/** pace and metric results of one row share workbook and row number */
const rowKey = (r: { workbookId: string; rowNumber: number }) => `${r.workbookId}\u0000${r.rowNumber}`;

interface Item {
  status: Status;
  before: Status | null;
  text: string;
  key: string;
  row: string | null;
}

function items(ctx: ListContext): Item[] {
  const prevMetrics = new Map(ctx.set.previousYearMetrics.map((m) => [metricKey(m), m.status]));
  const prevIndicators = new Map(ctx.set.previousYearIndicators.map((a) => [indicatorKey(a), a.status]));
  const indicators = ctx.set.indicators.map((a) => ({
    status: a.status,
    before: prevIndicators.get(indicatorKey(a)) ?? null,
    text: `Indikator ”${a.name}”${a.goalArea ? ` (${a.goalArea})` : ''}: ${a.explanation}`,
    key: `i:${indicatorKey(a)}`,
    row: null,
  }));
  const metrics = ctx.set.metrics.map((m) => ({
    status: m.status,
    before: prevMetrics.get(metricKey(m)) ?? null,
    text: `Mätetal ”${m.name}” (${ctx.workbook(m.workbookId)}): ${m.explanation}`,
    key: `m:${metricKey(m)}`,
    row: rowKey(m),
  }));
  return [...indicators, ...metrics];
}

function changed(item: Item): string {
  return item.before !== null && item.before !== item.status
    ? ` Ändrad sedan förra året: ${item.before} → ${item.status}.`
    : '';
}

/** explanations come without a full stop; further sentences follow them */
const sentence = asSentence;

function asCell(item: Item, extra = ''): SummaryCell {
  return { text: `${sentence(item.text)}${extra}${changed(item)}`, style: item.status };
}

export function resultLists(set: SetAssessment, workbook: (id: string | null) => string): SummaryBlock[] {
  const risks = riskNeeds(set.risks, workbook);
  const all = items({ set, workbook });
  const improved = (i: Item) => i.before !== null && changeDirection(i.before, i.status) > 0;
  const declined = (i: Item) => i.before !== null && changeDirection(i.before, i.status) < 0;

  const positive = [
    ...all.filter((i) => i.status === 'Positiv'),
    ...all.filter((i) => i.status !== 'Positiv' && improved(i)),
  ].map((i) => asCell(i));

  const behind = new Map(set.pace.filter((p) => p.verdict === 'Ej i takt').map((p) => [rowKey(p), p]));
  const needs: SummaryCell[] = [];
  for (const i of all.filter((x) => x.status === 'Negativ')) {
    const pace = i.row === null ? undefined : behind.get(i.row);
    if (i.row !== null) behind.delete(i.row);
    needs.push(asCell(i, pace ? ` Ej i takt: ${sentence(pace.explanation)}` : ''));
  }
  for (const p of behind.values()) {
    needs.push({ text: `Mätetal ”${p.name}” (${workbook(p.workbookId)}): ${p.explanation}`, style: 'Ej i takt' });
  }
  for (const i of all.filter((x) => x.status !== 'Negativ' && declined(x))) needs.push(asCell(i));
  needs.push(...risks);

  return [
    { kind: 'heading', level: 2, text: 'Positiva resultat', id: 'positiva-resultat' },
    positive.length > 0
      ? { kind: 'list', items: positive }
      : { kind: 'paragraph', text: 'Inga mätetal eller indikatorer har positiv utveckling i år.' },
    { kind: 'heading', level: 2, text: 'Behöver förstärkas', id: 'behover-forstarkas' },
    needs.length > 0
      ? { kind: 'list', items: needs }
      : {
          kind: 'paragraph',
          text: set.risks
            ? 'Inga mätetal eller indikatorer har negativ utveckling eller ligger efter takten, och alla höga riskområden har en åtgärd.'
            : 'Inga mätetal eller indikatorer har negativ utveckling eller ligger efter takten.',
        },
  ];
}
