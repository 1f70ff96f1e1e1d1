/**
 * The Swedish sentences of the Kolada merge (domain.md §7): the Förklaring note naming which outcomes came
 * from Kolada ("Utfall 2025 från Kolada N00945, hämtat 2026-03-02") and the data-quality message when a
 * typed outcome differs from Kolada's. Figures go through format.ts (sv-SE).
 * @module
 */
import type { KoladaDifference, KoladaSource } from '../model/kolada.ts';
import { formatWithUnit } from './format.ts';

export type { KoladaSource };

/** Kolada values can carry more decimals than people type; quote enough of them to see the difference. */
const QUOTED_DECIMALS = 4;

/** `2025`, `2024 och 2025`, `2023, 2024 och 2025`. */
export function swedishList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/** One clause per key figure and fetch date, years ascending; null when no outcome came from Kolada. */
export function koladaSourceNote(sources: KoladaSource[]): string | null {
  if (sources.length === 0) return null;
  const groups = new Map<string, KoladaSource[]>();
  for (const s of [...sources].sort((a, b) => a.year - b.year)) {
    const key = `${s.kpi}\u0000${s.fetchedOn}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()]
    .map((g) => `Utfall ${swedishList(g.map((s) => String(s.year)))} från Kolada ${g[0]!.kpi}, hämtat ${g[0]!.fetchedOn}`)
    .join('; ');
}

/** A typed figure that differs from Kolada's, with the unit shown beside both figures (`%` for percent metrics). */
export type KoladaConflict = KoladaDifference & { unit: string | null };

export function koladaConflictMessage(c: KoladaConflict): string {
  const typed = c.typed === null ? `'${c.text}'` : formatWithUnit(c.typed, c.unit, QUOTED_DECIMALS);
  return (
    `Utfall ${c.year}: ${typed} i arbetsboken men ${formatWithUnit(c.kolada, c.unit, QUOTED_DECIMALS)} i Kolada ` +
    `(${c.kpi}, hämtat ${c.fetchedOn}) – det inskrivna värdet behålls; töm cellen om Koladas värde ska användas`
  );
}
