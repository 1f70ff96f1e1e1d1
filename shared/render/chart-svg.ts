/**
 * ChartSpec → a self-contained SVG string: grouped bars, 100 % stacked horizontal bars, lines. Labels
 * in sv-SE, DejaVu Sans (present on the servers that rasterise it), role="img" with the spec's alt.
 * @module
 */
import { formatNumber, PALETTE, type ChartSpec, type ChartSeries } from '../engine/index.ts';
import { esc, n, niceScale, shorten } from './svg-util.ts';
import { pyramidBody, pyramidHeight } from './pyramid-svg.ts';

export const CHART_FONT = 'DejaVu Sans, sans-serif';
const FALLBACK = ['1F5F99', 'E07B00', '2E7D32', '8E24AA', 'C62828', '00838F', '6D4C41'];
const INK = '222222';
const GRID = 'CCCCCC';

interface Box {
  width: number;
  height: number;
}

export function renderChartSvg(chart: ChartSpec, opts: { width?: number; height?: number } = {}): string {
  const natural =
    chart.type === 'stacked-bar' ? Math.max(150, chart.categories.length * 34 + 100) : chart.type === 'pyramid' ? pyramidHeight(chart) : 340;
  const box = { width: opts.width ?? 720, height: opts.height ?? natural };
  const body =
    chart.type === 'line'
      ? lineChart(chart, box)
      : chart.type === 'stacked-bar'
        ? stackedChart(chart, box)
        : chart.type === 'pyramid'
          ? pyramidBody(chart, box)
          : barChart(chart, box);
  const id = `chart-${chart.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title" width="${box.width}" height="${box.height}" viewBox="0 0 ${box.width} ${box.height}" font-family="${CHART_FONT}" font-size="12">`,
    `<title id="${id}-title">${esc(`${chart.title}. ${chart.alt}`)}</title>`,
    `<rect width="${box.width}" height="${box.height}" fill="#FFFFFF"/>`,
    `<text x="${box.width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold" fill="#${INK}">${esc(chart.title)}</text>`,
    body,
    // a pyramid's legend names its tiers, drawn with it
    chart.type === 'pyramid' ? '' : legend(chart.series, box),
    '</svg>',
  ].join('');
}

function colourOf(series: ChartSeries, index: number): string {
  return series.colour ?? FALLBACK[index % FALLBACK.length]!;
}

/** light palette fills get the palette's dark text colour as outline, so bars stay visible on white */
function strokeOf(fill: string): string {
  const match = Object.values(PALETTE).find((c) => c.fill?.toUpperCase() === fill.toUpperCase());
  return match ? match.font : '444444';
}

function legend(series: ChartSeries[], box: Box): string {
  const parts: string[] = [];
  let x = 16;
  let y = box.height - 14;
  const widths = series.map((s) => 26 + s.name.length * 7.2);
  const total = widths.reduce((a, b) => a + b, 0);
  if (total < box.width - 32) x = (box.width - total) / 2;
  series.forEach((s, i) => {
    const w = widths[i]!;
    if (x + w > box.width - 8) {
      x = 16;
      y += 16;
    }
    const c = colourOf(s, i);
    parts.push(
      `<rect x="${n(x)}" y="${n(y - 10)}" width="12" height="12" fill="#${c}" stroke="#${strokeOf(c)}"/>`,
      `<text x="${n(x + 16)}" y="${n(y)}" fill="#${INK}">${esc(s.name)}</text>`,
    );
    x += w;
  });
  return `<g class="legend">${parts.join('')}</g>`;
}

function valueAxis(min: number, max: number, step: number, y0: number, y1: number, x0: number, x1: number, unit?: string): string {
  const parts: string[] = [];
  const scale = (v: number) => y0 - ((v - min) / (max - min)) * (y0 - y1);
  for (let v = min; v <= max + step / 1000; v += step) {
    const y = scale(v);
    parts.push(
      `<line x1="${x0}" x2="${x1}" y1="${n(y)}" y2="${n(y)}" stroke="#${GRID}" stroke-width="1"/>`,
      `<text x="${x0 - 6}" y="${n(y + 4)}" text-anchor="end" fill="#${INK}">${esc(formatNumber(v))}</text>`,
    );
  }
  if (unit) parts.push(`<text x="${x0 - 6}" y="${n(y1 - 10)}" text-anchor="end" fill="#${INK}">${esc(unit)}</text>`);
  parts.push(`<line x1="${x0}" x2="${x0}" y1="${y1}" y2="${y0}" stroke="#${INK}"/>`);
  return parts.join('');
}

function values(chart: ChartSpec): number[] {
  return chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
}

function barChart(chart: ChartSpec, box: Box): string {
  const x0 = 60;
  const x1 = box.width - 16;
  const y1 = 44;
  const y0 = box.height - 80;
  const all = values(chart);
  const { min, max, step: raw } = niceScale(Math.min(0, ...all), Math.max(0, ...all));
  // counts never get fractional ticks
  const step = all.every(Number.isInteger) ? Math.max(1, raw) : raw;
  const scale = (v: number) => y0 - ((v - min) / (max - min)) * (y0 - y1);
  const slot = (x1 - x0) / Math.max(1, chart.categories.length);
  const barW = Math.min(28, (slot * 0.8) / Math.max(1, chart.series.length));
  const parts = [valueAxis(min, max, step, y0, y1, x0, x1, chart.unit)];
  chart.categories.forEach((category, ci) => {
    const groupW = barW * chart.series.length;
    const start = x0 + ci * slot + (slot - groupW) / 2;
    chart.series.forEach((s, si) => {
      const v = s.values[ci];
      if (v === null || v === undefined) return;
      const c = colourOf(s, si);
      const top = scale(Math.max(v, 0));
      const h = Math.abs(scale(v) - scale(0));
      const x = start + si * barW;
      parts.push(
        `<rect x="${n(x)}" y="${n(top)}" width="${n(barW - 2)}" height="${n(h)}" fill="#${c}" stroke="#${strokeOf(c)}"><title>${esc(`${category}, ${s.name}: ${formatNumber(v)}`)}</title></rect>`,
      );
      if (v !== 0) {
        parts.push(`<text x="${n(x + (barW - 2) / 2)}" y="${n(top - 3)}" text-anchor="middle" font-size="10" fill="#${INK}">${esc(formatNumber(v))}</text>`);
      }
    });
    parts.push(
      `<text x="${n(x0 + ci * slot + slot / 2)}" y="${y0 + 16}" text-anchor="middle" fill="#${INK}">${esc(shorten(category, Math.max(8, Math.floor(slot / 7))))}</text>`,
    );
  });
  parts.push(`<line x1="${x0}" x2="${x1}" y1="${n(scale(0))}" y2="${n(scale(0))}" stroke="#${INK}"/>`);
  return `<g class="bars">${parts.join('')}</g>`;
}

function stackedChart(chart: ChartSpec, box: Box): string {
  const labelW = Math.min(260, box.width * 0.38);
  const x0 = labelW + 12;
  const x1 = box.width - 20;
  const y1 = 44;
  const rowH = Math.min(34, (box.height - 100) / Math.max(1, chart.categories.length));
  const parts: string[] = [];
  for (let p = 0; p <= 100; p += 25) {
    const x = x0 + ((x1 - x0) * p) / 100;
    parts.push(
      `<line x1="${n(x)}" x2="${n(x)}" y1="${y1}" y2="${n(y1 + rowH * chart.categories.length)}" stroke="#${GRID}"/>`,
      `<text x="${n(x)}" y="${n(y1 + rowH * chart.categories.length + 14)}" text-anchor="middle" fill="#${INK}">${p}\u00a0%</text>`,
    );
  }
  chart.categories.forEach((category, ci) => {
    const y = y1 + ci * rowH;
    const total = chart.series.reduce((sum, s) => sum + Math.max(0, s.values[ci] ?? 0), 0) || 1;
    let x = x0;
    parts.push(
      `<text x="${n(labelW)}" y="${n(y + rowH / 2 + 4)}" text-anchor="end" fill="#${INK}">${esc(shorten(category, Math.floor(labelW / 6.6)))}<title>${esc(category)}</title></text>`,
    );
    chart.series.forEach((s, si) => {
      const v = Math.max(0, s.values[ci] ?? 0);
      if (v === 0) return;
      const w = ((x1 - x0) * v) / total;
      const c = colourOf(s, si);
      parts.push(
        `<rect x="${n(x)}" y="${n(y + 4)}" width="${n(w)}" height="${n(rowH - 8)}" fill="#${c}" stroke="#FFFFFF"><title>${esc(`${category}, ${s.name}: ${formatNumber(v)} %`)}</title></rect>`,
      );
      if (w > 30) {
        parts.push(
          `<text x="${n(x + w / 2)}" y="${n(y + rowH / 2 + 4)}" text-anchor="middle" font-size="11" fill="#${textOn(c)}">${esc(formatNumber(v))}\u00a0%</text>`,
        );
      }
      x += w;
    });
  });
  return `<g class="stacked">${parts.join('')}</g>`;
}

/** black or white, whichever reads better on the fill */
function textOn(hex: string): string {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '000000' : 'FFFFFF';
}

function lineChart(chart: ChartSpec, box: Box): string {
  const x0 = 70;
  const x1 = box.width - 24;
  const y1 = 44;
  const y0 = box.height - 80;
  const all = values(chart);
  const lo = all.length > 0 ? Math.min(...all) : 0;
  const hi = all.length > 0 ? Math.max(...all) : 1;
  // a zero baseline flattens a small change on a large level; keep zero only when the data nearly reach it
  const { min, max, step } = niceScale(lo >= 0 && lo < hi * 0.5 ? 0 : lo, hi);
  const scale = (v: number) => y0 - ((v - min) / (max - min)) * (y0 - y1);
  const count = chart.categories.length;
  const xAt = (i: number) => (count <= 1 ? (x0 + x1) / 2 : x0 + 20 + ((x1 - x0 - 40) * i) / (count - 1));
  const parts = [valueAxis(min, max, step, y0, y1, x0, x1, chart.unit)];
  chart.categories.forEach((c, i) => {
    parts.push(`<text x="${n(xAt(i))}" y="${y0 + 16}" text-anchor="middle" fill="#${INK}">${esc(c)}</text>`);
  });
  parts.push(`<line x1="${x0}" x2="${x1}" y1="${y0}" y2="${y0}" stroke="#${INK}"/>`);
  chart.series.forEach((s, si) => {
    const c = colourOf(s, si);
    const segments: string[][] = [[]];
    s.values.forEach((v, i) => {
      if (v === null || v === undefined || !Number.isFinite(v)) {
        segments.push([]);
        return;
      }
      segments.at(-1)!.push(`${n(xAt(i))},${n(scale(v))}`);
      parts.push(
        `<circle cx="${n(xAt(i))}" cy="${n(scale(v))}" r="4" fill="#${c}"><title>${esc(`${s.name} ${chart.categories[i] ?? ''}: ${formatNumber(v)}`)}</title></circle>`,
      );
    });
    for (const seg of segments.filter((x) => x.length > 1)) {
      parts.push(`<polyline points="${seg.join(' ')}" fill="none" stroke="#${c}" stroke-width="2.5"/>`);
    }
  });
  return `<g class="lines">${parts.join('')}</g>`;
}
