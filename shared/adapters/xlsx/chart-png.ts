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

/**
 * Characters DejaVu Sans and DejaVu Sans Bold both have glyphs for (their charsets, read with `fc-query`): Latin
 * with its extensions, Cyrillic, general punctuation, the euro sign, arrows and mathematical operators.
 */
const DEJAVU_COVERS = /^[\n\u0020-\u007e\u00a0-\u024f\u0400-\u04ff\u2010-\u2027\u2030-\u205e\u20ac\u2190-\u219f\u2200-\u22ff]*$/;

/**
 * Whether the system's fonts must be loaded for this SVG: only for a character DejaVu lacks (the chart names
 * DejaVu Sans first, so with it at hand every other glyph is drawn the same either way), or when DejaVu is not
 * installed. Loading them is most of a chart's time on a machine with many fonts (docs/performance.md).
 */
export function needsSystemFonts(svg: string, dejavuFound: boolean): boolean {
  return !dejavuFound || !DEJAVU_COVERS.test(svg);
}

export function renderChartPng(chart: ChartSpec, width = 720): ChartPng {
  const svg = renderChartSvg(chart, { width });
  const fontFiles = DEJAVU.filter((f) => existsSync(f));
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'width', value: width },
    font: {
      loadSystemFonts: needsSystemFonts(svg, fontFiles.length === DEJAVU.length),
      fontFiles,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
