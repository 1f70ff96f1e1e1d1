/**
 * The `pyramid` chart kind (issue 15): well-formed SVG with its text alternative, one numbered circle per goal
 * with the goal's name as tooltip, every circle inside its band, three pyramids to a row, and the same SVG
 * rasterised for Sammanfattning.xlsx.
 */
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { renderChartSvg } from '../../shared/render/chart-svg.ts';
import { placeItems } from '../../shared/render/pyramid-svg.ts';
import { renderChartPng } from '../../shared/adapters/xlsx/chart-png.ts';
import { pyramidChart } from '../../shared/engine/summary/agenda-pyramid.ts';
import type { Pyramid, PyramidSet } from '../../shared/engine/model/shapes.ts';

const pyramid = (level: string, central: number[], betydande: number[], generell: number[], political = false): Pyramid => {
  const ranked = new Set([...central, ...betydande, ...generell]);
  return {
    level,
    political,
    term: null,
    tiers: [{ rank: 'Central', goals: central }, { rank: 'Betydande', goals: betydande }, { rank: 'Generell', goals: generell }],
    unranked: Array.from({ length: 17 }, (_, i) => i + 1).filter((g) => !ranked.has(g)),
  };
};
const set = (pyramids: Pyramid[]): PyramidSet => ({ pyramids, shifts: [], hasPolitical: pyramids.some((p) => p.political) });

const two = set([pyramid('Politisk', [3, 10, 13], [5, 7, 8, 12, 16], [4, 6, 9, 11, 15, 17], true), pyramid('Division Vård', [3, 12], [5, 8, 10], [4, 6, 7, 9, 11, 13, 16, 17])]);

describe('a pyramid chart', () => {
  const svg = renderChartSvg(pyramidChart(two));

  it('is well-formed SVG with role img and a title naming every goal and its rank', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="chart-agendapyramid-title"/);
    const title = /<title id="chart-agendapyramid-title">([^<]*)<\/title>/.exec(svg)![1]!;
    expect(title).toContain('Politisk: Central: 3 Hälsa och välbefinnande, 10 Minskad ojämlikhet, 13 Bekämpa klimatförändringarna; Betydande: 5 Jämställdhet');
    expect(title).toContain('Division Vård: Central: 3 Hälsa och välbefinnande, 12 Hållbar konsumtion och produktion;');
    expect(title).toContain('Ej rangordnade: 1 Ingen fattigdom, 2 Ingen hunger, 14 Hav och marina resurser');
  });

  it('draws one numbered circle per ranked goal, its name and rank as tooltip', () => {
    expect((svg.match(/<circle /g) ?? []).length).toBe(14 + 13);
    expect(svg).toContain('<title>13 Bekämpa klimatförändringarna – Central</title>');
    expect(svg).toContain('<title>13 Bekämpa klimatförändringarna – Generell</title>');
    expect(svg).toContain('>Ej rangordnade: 1, 2, 14</text>');
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it('puts three pyramids to a row and wraps the rest below', () => {
    const many = set(['A', 'B', 'C', 'D'].map((l) => pyramid(l, [1], [2], [3])));
    const tall = renderChartSvg(pyramidChart(many));
    const heights = [renderChartSvg(pyramidChart(set([pyramid('A', [1], [2], [3])]))), tall].map((s) => Number(/height="(\d+)"/.exec(s)![1]));
    expect(heights[1]! - heights[0]!).toBe(210 + 58);
  });

  it('rasterises to a PNG for the xlsx summary', () => {
    const png = renderChartPng(pyramidChart(two));
    expect(png.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.width).toBe(720);
  });
});

describe('placing the circles of a band', () => {
  // a band of the flat-topped pyramid: half-width 30 % of 100 at the top, 100 at the bottom, over 210
  const half = (dy: number) => 100 * (0.3 + (0.7 * Math.max(0, Math.min(210, dy))) / 210);
  it.each([
    ['Central', 0, 70, 3],
    ['Central, crowded', 0, 70, 8],
    ['Generell, all seventeen', 140, 210, 17],
    ['empty', 70, 140, 0],
  ])('%s: every circle inside the band and the pyramid, none overlapping', (_name, y0, y1, count) => {
    const spots = placeItems(count, y0, y1, half);
    expect(spots.map((s) => s.index)).toEqual(Array.from({ length: count }, (_, i) => i));
    for (const s of spots) {
      expect(s.y - s.r).toBeGreaterThanOrEqual(y0);
      expect(s.y + s.r).toBeLessThanOrEqual(y1);
      expect(Math.abs(s.dx) + s.r).toBeLessThanOrEqual(half(s.y - s.r));
    }
    for (const a of spots) for (const b of spots) if (a !== b) expect(Math.hypot(a.dx - b.dx, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r);
  });
});
