/**
 * Chart pictures for Sammanfattning.xlsx: the system's fonts are loaded only when a chart's text has a character
 * DejaVu lacks, and a chart drawn without them is the same picture, byte for byte, as with them.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { needsSystemFonts, renderChartPng } from '../../../shared/adapters/xlsx/chart-png.ts';
import { renderChartSvg } from '../../../shared/render/chart-svg.ts';
import type { ChartSpec } from '../../../shared/engine/model/summary-model.ts';

const DEJAVU = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];
const swedish: ChartSpec = {
  id: 'a',
  type: 'bar',
  title: 'Utveckling per målområde – ”Hållbar välfärd” → 2025',
  categories: ['Minskad klimatpåverkan', 'Jämlik hälsa', 'Övrigt ±0,5 €'],
  series: [{ name: 'Positiv', values: [1320.5, 2, 0] }, { name: 'Oförändrad', values: [3, 4, 5] }],
  alt: 'Stapeldiagram över målområdenas utveckling',
  unit: '%',
};

describe('fonts for chart pictures', () => {
  it('are DejaVu alone for Swedish text, the system\'s too for a character DejaVu lacks or without DejaVu', () => {
    expect(needsSystemFonts(renderChartSvg(swedish), true)).toBe(false);
    expect(needsSystemFonts(renderChartSvg({ ...swedish, title: 'Mål 🎯' }), true)).toBe(true);
    expect(needsSystemFonts(renderChartSvg({ ...swedish, categories: ['東京'] }), true)).toBe(true);
    expect(needsSystemFonts(renderChartSvg(swedish), false)).toBe(true);
  });

  it.runIf(DEJAVU.every((f) => existsSync(f)))('draw the same picture without the system\'s fonts as with them', () => {
    const svg = renderChartSvg(swedish, { width: 720 });
    const draw = (loadSystemFonts: boolean) =>
      new Resvg(svg, {
        background: '#ffffff',
        fitTo: { mode: 'width', value: 720 },
        font: { loadSystemFonts, fontFiles: DEJAVU, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
      })
        .render()
        .asPng();
    const withSystem = draw(true);
    expect(draw(false).equals(withSystem)).toBe(true);
    expect(renderChartPng(swedish).png.equals(withSystem)).toBe(true);
  });
});
