/**
 * A `pyramid` ChartSpec as SVG: the pyramids side by side (three to a row), each a flat-topped pyramid in
 * three bands, its items (Agenda 2030 goals) as numbered circles in their band, each with its name as a
 * tooltip; the pyramid's name and the items outside it below. The whole chart's text alternative (the
 * spec's alt) names every item and tier; renderChartSvg puts it in the SVG's title.
 * @module
 */
import { PALETTE, type ChartPyramid, type ChartSpec, type PyramidItem } from '../engine/index.ts';
import { esc, n, shorten } from './svg-util.ts';

const INK = '222222';
const PER_ROW = 3;
const TOP = 44;
const PYRAMID_H = 210;
/** the flat top's share of the base: a pointed top leaves no room for the Central goals */
const TOP_SHARE = 0.3;
const LABEL_H = 58;
const LEGEND_H = 34;

interface Cell {
  x: number;
  y: number;
  w: number;
}

export function pyramidHeight(chart: ChartSpec): number {
  const rows = Math.max(1, Math.ceil((chart.pyramids?.length ?? 0) / PER_ROW));
  return TOP + rows * (PYRAMID_H + LABEL_H) + LEGEND_H;
}

export function pyramidBody(chart: ChartSpec, box: { width: number; height: number }): string {
  const pyramids = chart.pyramids ?? [];
  const columns = Math.min(PER_ROW, Math.max(1, pyramids.length));
  const w = (box.width - 24) / columns;
  const parts = pyramids.map((p, i) =>
    pyramid(p, { x: 12 + (i % columns) * w, y: TOP + Math.floor(i / columns) * (PYRAMID_H + LABEL_H), w }),
  );
  return `<g class="pyramids">${parts.join('')}${tierLegend(pyramids[0], box)}</g>`;
}

function pyramid(p: ChartPyramid, cell: Cell): string {
  const pad = 10;
  const base = cell.w - 2 * pad;
  const cx = cell.x + cell.w / 2;
  /** half the pyramid's width at a height below its top (0 … PYRAMID_H) */
  const half = (dy: number) => (base / 2) * (TOP_SHARE + ((1 - TOP_SHARE) * Math.max(0, Math.min(PYRAMID_H, dy))) / PYRAMID_H);
  const bandH = PYRAMID_H / Math.max(1, p.tiers.length);
  const parts: string[] = [];
  p.tiers.forEach((tier, t) => {
    const y0 = t * bandH;
    const y1 = y0 + bandH;
    const colours = tier.style ? PALETTE[tier.style] : { fill: 'DDDDDD', font: INK };
    const points = [
      [cx - half(y0), cell.y + y0],
      [cx + half(y0), cell.y + y0],
      [cx + half(y1), cell.y + y1],
      [cx - half(y1), cell.y + y1],
    ]
      .map(([x, y]) => `${n(x!)},${n(y!)}`)
      .join(' ');
    parts.push(`<polygon points="${points}" fill="#${colours.fill ?? 'FFFFFF'}" stroke="#FFFFFF" stroke-width="2"><title>${esc(`${p.name}, ${tier.label}`)}</title></polygon>`);
    for (const spot of placeItems(tier.items.length, y0, y1, half)) {
      const item = tier.items[spot.index]!;
      parts.push(circle(item, cx + spot.dx, cell.y + spot.y, spot.r, tier.label));
    }
  });
  parts.push(
    `<text x="${n(cx)}" y="${n(cell.y + PYRAMID_H + 18)}" text-anchor="middle" font-weight="bold" fill="#${INK}">${esc(shorten(p.name, Math.floor(cell.w / 7.5)))}<title>${esc(p.name)}</title></text>`,
  );
  if (p.outside) {
    const line = `${p.outside.label}: ${p.outside.items.map((i) => i.short).join(', ')}`;
    wrap(line, Math.floor(cell.w / 6)).slice(0, 2).forEach((text, i) => {
      parts.push(`<text x="${n(cx)}" y="${n(cell.y + PYRAMID_H + 36 + i * 14)}" text-anchor="middle" font-size="11" fill="#${INK}">${esc(text)}</text>`);
    });
  }
  return `<g class="pyramid">${parts.join('')}</g>`;
}

function circle(item: PyramidItem, x: number, y: number, r: number, tier: string): string {
  return (
    `<g><title>${esc(`${item.short} ${item.long} – ${tier}`)}</title>` +
    `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="#FFFFFF" stroke="#${INK}" stroke-width="1"/>` +
    `<text x="${n(x)}" y="${n(y + r * 0.38)}" text-anchor="middle" font-size="${n(Math.max(8, r * 1.05))}" font-weight="bold" fill="#${INK}">${esc(item.short)}</text></g>`
  );
}

/**
 * Where the circles of one band go: rows from the band's wide bottom up, as many per row as its narrowest
 * point allows, centred; the radius shrinks until all fit (the smallest is used even if they do not).
 */
export function placeItems(count: number, y0: number, y1: number, half: (dy: number) => number): { index: number; dx: number; y: number; r: number }[] {
  if (count === 0) return [];
  let plan: { y: number; capacity: number }[] = [];
  let radius = 11;
  for (; radius >= 6; radius--) {
    const step = 2 * radius + 3;
    plan = [];
    for (let y = y1 - 3 - radius; y - radius >= y0 + 2; y -= step) {
      plan.push({ y, capacity: Math.max(0, Math.floor((2 * half(y - radius) - 6) / step)) });
    }
    if (plan.reduce((sum, row) => sum + row.capacity, 0) >= count) break;
  }
  radius = Math.max(radius, 6);
  const step = 2 * radius + 3;
  if (plan.length === 0) plan = [{ y: (y0 + y1) / 2, capacity: count }];
  // the wide bottom rows fill first; numbering then runs top row first, so the goals read in order
  const counts = plan.map(() => 0);
  for (let i = 0; i < count; i++) {
    const row = plan.findIndex((r, k) => counts[k]! < r.capacity);
    counts[row < 0 ? 0 : row]! += 1;
  }
  const spots: { index: number; dx: number; y: number; r: number }[] = [];
  let next = 0;
  for (let k = plan.length - 1; k >= 0; k--) {
    const inRow = counts[k]!;
    for (let j = 0; j < inRow; j++) spots.push({ index: next++, dx: (j - (inRow - 1) / 2) * step, y: plan[k]!.y, r: radius });
  }
  return spots;
}

function tierLegend(first: ChartPyramid | undefined, box: { width: number; height: number }): string {
  if (!first) return '';
  const widths = first.tiers.map((t) => 26 + t.label.length * 7.5);
  let x = (box.width - widths.reduce((a, b) => a + b, 0)) / 2;
  const y = box.height - 14;
  return first.tiers
    .map((t, i) => {
      const c = t.style ? PALETTE[t.style] : { fill: 'DDDDDD' };
      const out = `<rect x="${n(x)}" y="${n(y - 10)}" width="12" height="12" fill="#${c.fill ?? 'FFFFFF'}" stroke="#${INK}"/><text x="${n(x + 16)}" y="${n(y)}" fill="#${INK}">${esc(t.label)}</text>`;
      x += widths[i]!;
      return out;
    })
    .join('');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
