import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../shared/engine/model/palette.ts';

/** WCAG 2.x relative luminance of a hex colour without '#'. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('palette', () => {
  it('computes contrast the WCAG way', () => {
    expect(contrast('000000', 'FFFFFF')).toBeCloseTo(21, 6);
    expect(contrast('777777', 'FFFFFF')).toBeCloseTo(4.48, 2);
    expect(contrast('FFFFFF', 'FFFFFF')).toBe(1);
  });

  // extended with the risk levels, published comparison colours and pyramid tiers (issue 15)
  it('has an entry for every status, plan position, pace verdict, risk level, comparison colour and pyramid tier', () => {
    const keys = [
      'Positiv', 'Oförändrad', 'Negativ', 'Inget värde', 'Fel', 'Klar', 'Enligt plan', 'Försenad', 'I takt', 'Ej i takt',
      'Hög', 'Potentiell hög', 'Medel', 'Låg', 'Grön', 'Gul', 'Röd', 'Central', 'Betydande', 'Generell', 'text', 'header',
    ];
    expect(Object.keys(PALETTE).sort()).toEqual([...keys].sort());
  });

  it.each(Object.entries(PALETTE))('%s: font on fill has contrast ≥ 4.5:1', (_key, colours) => {
    for (const hex of [colours.font, colours.fill ?? 'FFFFFF']) expect(hex).toMatch(/^[0-9A-Fa-f]{6}$/);
    // a cell without fill shows the sheet's white background
    expect(contrast(colours.font, colours.fill ?? 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
  });

  it('tells the four statuses and Fel apart by fill', () => {
    const fills = ['Positiv', 'Oförändrad', 'Negativ', 'Inget värde', 'Fel'].map((k) => PALETTE[k as keyof typeof PALETTE].fill);
    expect(new Set(fills).size).toBe(5);
  });

  it('gives the risk levels fills of their own: four different, none a status fill', () => {
    const fill = (k: string) => PALETTE[k as keyof typeof PALETTE].fill;
    const statusFills = new Set(['Positiv', 'Oförändrad', 'Negativ', 'Inget värde', 'Fel'].map(fill));
    const riskFills = ['Hög', 'Potentiell hög', 'Medel', 'Låg'].map(fill);
    expect(new Set(riskFills).size).toBe(4);
    for (const f of riskFills) expect(statusFills.has(f), f ?? 'no fill').toBe(false);
  });
});
