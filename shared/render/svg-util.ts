/**
 * Small helpers for the SVG and HTML renderers: escaping, nice axis ticks, label shortening.
 * @module
 */

const MARKUP = /[&<>"']/;

/** Text for HTML or SVG content and attribute values; most texts have nothing to escape and are returned as they are. */
export function esc(text: string): string {
  if (!MARKUP.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Rounded axis maximum and tick step so that the axis reads 0, 5, 10 … rather than 0, 4,3 … */
export function niceScale(min: number, max: number, ticks = 5): { min: number; max: number; step: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 1, step: 0.2 };
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  return { min: Math.floor(min / step) * step, max: Math.ceil(max / step) * step, step };
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A number in SVG coordinates: two decimals at most, no exponent. */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
