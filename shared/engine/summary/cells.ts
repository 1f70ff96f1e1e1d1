/**
 * Small shared pieces of the summary builder: status cells, figures, footnote numbering, names.
 * @module
 */
import type { MetricAssessment, Status, ManualAssessment } from '../model/model.ts';
import type { SummaryCell } from '../model/summary-model.ts';
import { formatNumber, formatWithUnit } from '../explain/format.ts';

export const NO_VALUE = '–';

export function statusCell(status: Status): SummaryCell {
  return { text: status, style: status };
}

export function textCell(text: string | null | undefined): SummaryCell {
  return { text: text && text.trim() !== '' ? text : NO_VALUE };
}

export function numberCell(value: number | null | undefined, unit: string | null = null): SummaryCell {
  if (value === null || value === undefined || !Number.isFinite(value)) return { text: NO_VALUE };
  return { text: unit ? formatWithUnit(value, unit) : formatNumber(value), number: value };
}

/** The outcome of a metric for one year: from `outcomes` when the engine gave them, else value/previous. */
export function outcomeOf(metric: MetricAssessment, year: number): number | null {
  const fromAll = metric.outcomes?.[year];
  if (fromAll !== undefined) return fromAll;
  if (year === metric.year && metric.value !== null) return metric.value;
  if (metric.previous && metric.previous.year === year) return metric.previous.value;
  return null;
}

/** The years a metric has numbers for, ascending. */
export function yearsOf(metric: MetricAssessment): number[] {
  const years = new Set<number>(Object.keys(metric.outcomes ?? {}).map(Number));
  if (metric.value !== null) years.add(metric.year);
  if (metric.previous) years.add(metric.previous.year);
  return [...years].filter(Number.isFinite).sort((a, b) => a - b);
}

/** Numbers footnotes across the whole summary, so that each number is unique. */
export class Footnotes {
  #items: { number: number; text: string }[] = [];
  #next = 1;

  /** the footnote number for a manual assessment with a justification; undefined otherwise */
  forManual(manual: ManualAssessment | null, applied: boolean): number | undefined {
    if (!applied || !manual || !manual.justification) return undefined;
    return this.add(manual.justification);
  }

  add(text: string): number {
    const number = this.#next++;
    this.#items.push({ number, text });
    return number;
  }

  /** the footnotes added since the last take, for one footnotes block */
  take(): { number: number; text: string }[] {
    const items = this.#items;
    this.#items = [];
    return items;
  }
}

export function withFootnote(cell: SummaryCell, footnote: number | undefined): SummaryCell {
  return footnote === undefined ? cell : { ...cell, footnote };
}

export function nameLookup(sources: { id: string; name: string }[]): (id: string | null) => string {
  const names = new Map(sources.map((s) => [s.id, s.name]));
  return (id) => (id === null ? '' : (names.get(id) ?? id));
}

const SCORE: Partial<Record<Status, number>> = { Positiv: 1, Oförändrad: 0, Negativ: -1 };

/** +1 improved, −1 worsened, 0 equal or not comparable (Inget värde / Fel on either side). */
export function changeDirection(from: Status, to: Status): number {
  const a = SCORE[from];
  const b = SCORE[to];
  if (a === undefined || b === undefined) return 0;
  return Math.sign(b - a);
}

export function slug(text: string): string {
  const s = text
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return s === '' ? 'avsnitt' : s;
}
