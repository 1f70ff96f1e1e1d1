/**
 * Colours of the product's status cells (domain.md §3 "Colours"): word and colour together, text
 * contrast ≥ 4.5:1 (WCAG 1.4.3, checked in test/engine/palette.test.ts). Hex without '#'. Risk levels,
 * published comparison colours and pyramid tiers have fills of their own, apart from the status fills.
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
  // risk levels: a scale of their own (brown to pale blue), never read as a status
  Hög: { fill: '8E2C0B', font: 'FFFFFF', bold: true },
  'Potentiell hög': { fill: 'F4B183', font: '4A1D00' },
  Medel: { fill: 'FBE3D0', font: '4A1D00' },
  Låg: { fill: 'DCE9F5', font: '1F3864' },
  // a national comparison's published colour, shown beside the status
  Grön: { fill: '1B6E35', font: 'FFFFFF' },
  Gul: { fill: 'FFD94A', font: '000000' },
  Röd: { fill: 'B3001B', font: 'FFFFFF' },
  // agendapyramid tiers, darkest at the top
  Central: { fill: '1F3A68', font: 'FFFFFF', bold: true },
  Betydande: { fill: '3F6DA8', font: 'FFFFFF' },
  Generell: { fill: 'C9DAF0', font: '10243F' },
  text: { fill: null, font: '000000' },
  header: { fill: 'D9D9D9', font: '000000', bold: true },
};
