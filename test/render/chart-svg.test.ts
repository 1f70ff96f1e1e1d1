import { describe, it, expect } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderChartSvg } from '../../shared/render/chart-svg.ts';
import { niceScale } from '../../shared/render/svg-util.ts';
import type { ChartSpec } from '../../shared/engine/model/summary-model.ts';

const charts: ChartSpec[] = [
  { id: 'b', type: 'bar', title: 'Antal <per> område', categories: ['Klimat', 'Konsumtion'], series: [{ name: 'Positiv', values: [2, 0], colour: 'C6EFCE' }, { name: 'Negativ', values: [1, 3] }], alt: 'Stapeldiagram', unit: 'st' },
  { id: 's', type: 'stacked-bar', title: 'Självskattning', categories: ['Påstående A', 'Påstående B'], series: [{ name: 'Instämmer helt', values: [50, 20] }, { name: 'Instämmer inte', values: [50, 80] }], alt: 'Staplat', unit: '%' },
  { id: 'l', type: 'line', title: 'Utsläpp', categories: ['2023', '2024', '2025'], series: [{ name: 'Resor', values: [1320.5, null, 1105] }, { name: 'Energi', values: [830, 800, 845] }], alt: 'Linjediagram', unit: 'ton' },
];

describe('renderChartSvg', () => {
  it.each(charts)('$type: well-formed SVG with role img, title from alt, DejaVu font', (chart) => {
    const svg = renderChartSvg(chart);
    expect(XMLValidator.validate(svg)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(parsed.svg['@_role']).toBe('img');
    expect(parsed.svg['@_font-family']).toBe('DejaVu Sans, sans-serif');
    expect(svg).toContain(`<title id="chart-${chart.id}-title">`);
    expect(svg).toContain(chart.alt);
    for (const s of chart.series) expect(svg).toContain(`>${s.name}</text>`); // legend
  });

  it('escapes text and writes sv-SE numbers', () => {
    const bar = renderChartSvg(charts[0]!);
    expect(bar).toContain('Antal &lt;per&gt; område');
    const line = renderChartSvg(charts[2]!);
    expect(line).toContain('1\u00a0320,5'); // point tooltip
    expect(line).toMatch(/>1\u00a0[0-9]{3}<\/text>/); // axis tick with NBSP thousands
    expect(line).not.toMatch(/<text[^>]*>\d+\.\d+</);
  });

  it('draws a null as a gap in the line, not a zero', () => {
    const line = renderChartSvg(charts[2]!);
    const polylines = line.match(/<polyline points="([^"]+)"/g) ?? [];
    expect(polylines).toHaveLength(1); // Resor has no segment of two points; Energi has one line
    expect((line.match(/<circle /g) ?? []).length).toBe(5);
  });

  it('makes stacked bars fill 100 % of the width per row', () => {
    const svg = renderChartSvg(charts[1]!, { width: 600 });
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" fill="#[0-9A-F]+" stroke="#FFFFFF"/g)];
    const byRow = new Map<string, number>();
    for (const [, y, w] of widths) byRow.set(y!, (byRow.get(y!) ?? 0) + Number(w));
    expect(byRow.size).toBe(2);
    const totals = [...byRow.values()];
    expect(Math.abs(totals[0]! - totals[1]!)).toBeLessThan(0.05);
    expect(svg).toContain('100\u00a0%');
  });

  it.each([
    [0, 7, { min: 0, max: 8, step: 2 }],
    [0, 100, { min: 0, max: 100, step: 20 }],
    [800, 845, { min: 800, max: 850, step: 10 }],
    [5, 5, { min: 4.4, max: 5.6, step: 0.2 }],
  ])('niceScale(%d, %d)', (lo, hi, expected) => {
    const s = niceScale(lo, hi);
    expect(s.step).toBeCloseTo(expected.step);
    expect(s.min).toBeCloseTo(expected.min);
    expect(s.max).toBeCloseTo(expected.max);
  });
});
