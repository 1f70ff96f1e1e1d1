/**
 * Colours of the product's status cells (domain.md §3 "Colours"): word and colour together, text
 * contrast ≥ 4.5:1 (WCAG 1.4.3, checked in test/engine/palette.test.ts). Hex without '#'.
 * @module
 */
import type { CellStyleKey } from './model.ts';

export interface CellColours {
  fill: string | null;
  font: string;
  bold?: boolean;
}

export const PALETTE: Record<CellStyleKey, CellColours> = {
  Positiv: { fill: 'C6EFCE', font: '005A1F' },
  Oförändrad: { fill: 'FFEB9C', font: '5C4400' },
  Negativ: { fill: 'FFC7CE', font: '8B0000' },
  'Inget värde': { fill: 'E0E0E0', font: '333333' },
  Fel: { fill: '4B0F5C', font: 'FFFFFF', bold: true },
  Klar: { fill: 'C6EFCE', font: '005A1F' },
  'Enligt plan': { fill: 'FFEB9C', font: '5C4400' },
  Försenad: { fill: 'FFC7CE', font: '8B0000' },
  'I takt': { fill: 'C6EFCE', font: '005A1F' },
  'Ej i takt': { fill: 'FFC7CE', font: '8B0000' },
  text: { fill: null, font: '000000' },
  header: { fill: 'D9D9D9', font: '000000', bold: true },
};
