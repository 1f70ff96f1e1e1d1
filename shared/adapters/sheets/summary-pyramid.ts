/**
 * A `pyramid` chart in the Google summary as cells laid out as pyramids, side by side: each pyramid's
 * tiers as rows of goal numbers coloured by tier, narrowest at the top (3, 5, 7 cells wide, wrapping onto
 * more rows), its name above and the goals outside it below, then the chart's text alternative. Sheets has
 * no pyramid chart; cells stay readable, copyable and printable.
 * @module
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { ChartPyramid, ChartSpec } from '../../engine/index.ts';
import { styledCell } from './cell-format.ts';

type Cell = sheets_v4.Schema$CellData;

const TIER_WIDTHS = [3, 5, 7];
const BAND = 8; // the widest tier and one empty column between pyramids

const text = (t: string, bold = false): Cell =>
  bold ? { userEnteredValue: { stringValue: t }, userEnteredFormat: { textFormat: { bold: true } } } : { userEnteredValue: { stringValue: t } };

/** One pyramid as a grid of cells, BAND − 1 wide. */
function grid(p: ChartPyramid): Cell[][] {
  const lines: Cell[][] = [[text(p.name, true)]];
  p.tiers.forEach((tier, t) => {
    const width = TIER_WIDTHS[Math.min(t, TIER_WIDTHS.length - 1)]!;
    for (let i = 0; i < Math.max(1, tier.items.length); i += width) {
      const chunk = tier.items.slice(i, i + width);
      const line: Cell[] = Array.from({ length: BAND - 1 }, () => ({}));
      const start = Math.floor((BAND - 1 - width) / 2) + Math.floor((width - chunk.length) / 2);
      chunk.forEach((item, j) => (line[start + j] = tier.style ? styledCell(item.short, tier.style) : text(item.short)));
      if (chunk.length === 0) line[Math.floor((BAND - 1) / 2)] = tier.style ? styledCell('–', tier.style) : text('–');
      lines.push(line);
    }
  });
  if (p.outside) lines.push([text(`${p.outside.label}: ${p.outside.items.map((i) => i.short).join(', ')}`)]);
  return lines;
}

export function pyramidRows(spec: ChartSpec): sheets_v4.Schema$RowData[] {
  const grids = (spec.pyramids ?? []).map(grid);
  const height = Math.max(0, ...grids.map((g) => g.length));
  const rows: sheets_v4.Schema$RowData[] = [{ values: [text(spec.title, true)] }];
  for (let r = 0; r < height; r++) {
    const values: Cell[] = [];
    grids.forEach((g, i) => {
      const line = g[r] ?? [];
      for (let c = 0; c < BAND; c++) values[i * BAND + c] = line[c] ?? {};
    });
    while (values.length > 0 && Object.keys(values.at(-1)!).length === 0) values.pop();
    rows.push({ values });
  }
  rows.push({ values: [text(spec.alt)] });
  return rows;
}
