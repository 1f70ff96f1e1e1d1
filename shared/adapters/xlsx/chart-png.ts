/**
 * ChartSpec → PNG for embedding in Sammanfattning.xlsx: the same SVG as the HTML summary,
 * rasterised by resvg with DejaVu Sans (system fonts plus the Debian path when present).
 * @module
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from '../../engine/index.ts';
import { renderChartSvg } from '../../render/chart-svg.ts';

const DEJAVU = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];

export interface ChartPng {
  png: Buffer;
  width: number;
  height: number;
}

export function renderChartPng(chart: ChartSpec, width = 720): ChartPng {
  const svg = renderChartSvg(chart, { width });
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'width', value: width },
    font: {
      loadSystemFonts: true,
      fontFiles: DEJAVU.filter((f) => existsSync(f)),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
