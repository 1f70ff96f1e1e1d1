/**
 * SummaryDocument blocks → rows of cells for sheet `Sammanfattning`, plus native charts fed from data
 * rows written beside them: title, label|value rows, tables under a caption with a header row, status
 * cells coloured from the palette, footnotes. Charts sit to the right of the text columns.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { ChartSpec, SummaryBlock, SummaryCell } from '../../engine/index.ts';
import { colour, styledCell } from './cell-format.ts';
import { pyramidRows } from './summary-pyramid.ts';

type Row = sheets_v4.Schema$RowData;

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number): string => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');

function cell(c: SummaryCell): sheets_v4.Schema$CellData {
  const text = c.footnote ? `${c.text} ${sup(c.footnote)}` : c.text;
  return c.style ? styledCell(text, c.style) : { userEnteredValue: { stringValue: text } };
}
const text = (t: string, bold = false): sheets_v4.Schema$CellData =>
  t === '' ? {} : bold ? { userEnteredValue: { stringValue: t }, userEnteredFormat: { textFormat: { bold: true } } } : { userEnteredValue: { stringValue: t } };
const row = (values: sheets_v4.Schema$CellData[]): Row => ({ values });

export interface SummaryLayout {
  rows: Row[];
  charts: sheets_v4.Schema$EmbeddedChart[];
  columnCount: number;
}

const CHART_TYPES: Record<Exclude<ChartSpec['type'], 'pyramid'>, { chartType: string; stacked: boolean; axis: 'BOTTOM_AXIS' | 'LEFT_AXIS' }> = {
  'stacked-bar': { chartType: 'BAR', stacked: true, axis: 'BOTTOM_AXIS' },
  bar: { chartType: 'COLUMN', stacked: false, axis: 'LEFT_AXIS' },
  line: { chartType: 'LINE', stacked: false, axis: 'LEFT_AXIS' },
};

function chartOf(spec: ChartSpec, sheetId: number, headerRow: number, anchorColumn: number, chartId: number): sheets_v4.Schema$EmbeddedChart {
  const t = CHART_TYPES[spec.type as keyof typeof CHART_TYPES];
  const last = headerRow + spec.categories.length + 1;
  const column = (c: number): sheets_v4.Schema$ChartData => ({
    sourceRange: { sources: [{ sheetId, startRowIndex: headerRow, endRowIndex: last, startColumnIndex: c, endColumnIndex: c + 1 }] },
  });
  return {
    chartId,
    spec: {
      title: spec.title,
      altText: spec.alt,
      basicChart: {
        chartType: t.chartType,
        ...(t.stacked ? { stackedType: 'STACKED' } : {}),
        legendPosition: 'BOTTOM_LEGEND',
        headerCount: 1,
        axis: [{ position: t.axis, ...(spec.unit ? { title: spec.unit } : {}) }],
        domains: [{ domain: column(0) }],
        series: spec.series.map((s, i) => ({ series: column(i + 1), targetAxis: t.axis, ...(s.colour ? { color: colour(s.colour) } : {}) })),
      },
    },
    position: { overlayPosition: { anchorCell: { sheetId, rowIndex: headerRow, columnIndex: anchorColumn }, widthPixels: 600, heightPixels: 320 } },
  };
}

export function layoutSummary(blocks: SummaryBlock[], sheetId: number, chartIds: number[]): SummaryLayout {
  const rows: Row[] = [];
  const pending: { spec: ChartSpec; headerRow: number }[] = [];
  /** rows of cell-drawn pyramids: wide, but no reason to push the native charts further right */
  const drawn = new Set<Row>();
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        rows.push(row([{ userEnteredValue: { stringValue: block.text }, userEnteredFormat: { textFormat: { bold: true, fontSize: 16 } } }]));
        break;
      case 'heading':
        rows.push(row([]), row([{ userEnteredValue: { stringValue: block.text }, userEnteredFormat: { textFormat: { bold: true, fontSize: block.level === 2 ? 13 : 11 } } }]));
        break;
      case 'paragraph':
        rows.push(row([text(block.text)]));
        break;
      case 'keyValue':
        rows.push(row([text(block.label, true), cell(block.value)]));
        break;
      case 'table':
        if (block.caption) rows.push(row([text(block.caption, true)]));
        rows.push(row(block.columns.map((c) => styledCell(c, 'header'))));
        for (const r of block.rows) rows.push(row(r.map(cell)));
        break;
      case 'list':
        for (const item of block.items) rows.push(row([cell(item)]));
        break;
      case 'chart': {
        const spec = block.chart;
        // Sheets draws no pyramid: its cells are laid out as one
        if (spec.type === 'pyramid') {
          for (const r of pyramidRows(spec)) {
            drawn.add(r);
            rows.push(r);
          }
          break;
        }
        rows.push(row([text(spec.title, true)]));
        pending.push({ spec, headerRow: rows.length });
        rows.push(row([text(spec.unit ?? ''), ...spec.series.map((s) => styledCell(s.name, 'header'))]));
        spec.categories.forEach((category, i) =>
          rows.push(row([text(category), ...spec.series.map((s) => (s.values[i] == null ? {} : { userEnteredValue: { numberValue: s.values[i]! } }))])),
        );
        break;
      }
      case 'footnotes':
        for (const item of block.items) rows.push(row([text(`${sup(item.number)} ${item.text}`)]));
        break;
    }
  }
  const width = rows.reduce((m, r) => (drawn.has(r) ? m : Math.max(m, r.values?.length ?? 0)), 1);
  const anchor = width + 1;
  const charts = pending.map((p, i) => chartOf(p.spec, sheetId, p.headerRow, anchor, chartIds[i]!));
  const widest = rows.reduce((m, r) => Math.max(m, r.values?.length ?? 0), 1);
  return { rows, charts, columnCount: Math.max(anchor + 10, widest, 26) };
}
