/** Issue 17 D.13: no text the product writes is longer than a cell takes; what is cut ends in "…" and is noted. */
import { describe, expect, it } from 'vitest';
import { CELL_TEXT_LIMIT, fitCell, wasShortened } from '../../shared/engine/model/cell-limit.ts';
import { assessMetric } from '../../shared/engine/assess/metric.ts';
import { assessSet } from '../../shared/engine/assess/set.ts';
import { buildSummary } from '../../shared/engine/summary/build.ts';
import { manual, metricRow, setSettings, workbookModel } from './model-factories.ts';

describe('fitCell', () => {
  it.each([
    { name: 'a short text is kept', text: 'kort', length: 4, cut: false },
    { name: 'exactly the limit is kept', text: 'x'.repeat(CELL_TEXT_LIMIT), length: CELL_TEXT_LIMIT, cut: false },
    { name: 'one more is cut with "…"', text: 'x'.repeat(CELL_TEXT_LIMIT + 1), length: CELL_TEXT_LIMIT, cut: true },
    { name: 'a surrogate pair is never split', text: `${'x'.repeat(CELL_TEXT_LIMIT - 2)}😀😀`, length: CELL_TEXT_LIMIT - 1, cut: true },
  ])('$name', ({ text, length, cut }) => {
    const fitted = fitCell(text);
    expect(fitted.length).toBe(length);
    expect(wasShortened(fitted)).toBe(cut);
    expect(fitted.endsWith('\ud83d')).toBe(false);
  });
});

describe('a Motivering as long as a cell', () => {
  const justification = 'Nivån hölls. '.repeat(2600).slice(0, CELL_TEXT_LIMIT);
  const row = metricRow({ outcomes: { 2024: 10, 2025: 10 }, manual: manual('Positiv', justification) });

  it('gives a Förklaring cut to fit, noted in Datakvalitet', () => {
    const a = assessMetric(row, 2025, 0.005);
    expect(a.explanation.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(a.explanation.endsWith('…')).toBe(true);
    const set = assessSet([workbookModel({ metrics: [row] })], setSettings(), '2026-03-02');
    expect(set.issues.filter((i) => i.kind === 'note').map((i) => [i.subject, i.message])).toEqual([
      ['Resor', 'Förklaringen är längre än 32\u00a0767 tecken (gränsen för en cell i Excel) och har kortats med "…"'],
    ]);
  });

  it('gives a summary whose every text fits, with the cuts listed', () => {
    const set = assessSet([workbookModel({ metrics: [row] })], setSettings(), '2026-03-02');
    const doc = buildSummary(set, setSettings(), { sources: [{ id: 'wb1', name: 'Arbetsbok' }], today: '2026-03-02', changedAt: null });
    const texts = doc.blocks.flatMap((b) =>
      b.kind === 'table' ? b.rows.flat().map((c) => c.text) : b.kind === 'list' ? b.items.map((c) => c.text) : b.kind === 'footnotes' ? b.items.map((f) => f.text) : 'text' in b ? [b.text] : [],
    );
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(CELL_TEXT_LIMIT - 16);
    expect(texts.filter((t) => t.startsWith('Texten ”') && t.includes('har kortats')).length).toBeGreaterThan(0);
  });
});
