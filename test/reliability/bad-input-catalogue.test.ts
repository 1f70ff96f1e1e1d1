/**
 * Issue "Reliability and security", item 1: the bad-input catalogue. Every case is one workbook variant run
 * through the real pipeline — recalculate() for engine-level (grid) cases, recalcSet with the xlsx stores on
 * real files for file-level cases — and checks three things: the Swedish message is where the user sees it
 * (the row's Förklaring starting "Fel:", or the summary's Datakvalitet block), the good rows keep their
 * statuses, and nothing else changes. HTTP bad input (malformed JSON, wrong types, oversized bodies, unknown
 * fields) is catalogued in test/functions/on-sheet-edit.test.ts and not repeated here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { recalculate, type RecalculateResult } from '../../shared/engine/recalculate.ts';
import type { WorkbookGrid } from '../../shared/engine/model/grid.ts';
import { BAD_ROW, GOOD, GRID_CASES, baseline, type GridCase } from './catalogue-grid.ts';
import { FILE_CASES, runFileCase } from './catalogue-files.ts';
import { SHAPE_CASES } from './catalogue-shapes.ts';
import { plain, productRows, qualityLines, unexpectedLines, writesOutsideProductColumns } from './catalogue-view.ts';

const OPTIONS = { today: '2026-03-01', changedAt: '2026-03-01T09:00:00.000Z' };
let ran = 0;

function run(grids: WorkbookGrid[]): RecalculateResult {
  return recalculate(grids, OPTIONS);
}

const base = run([baseline()]);
const baseGrid = baseline();
const baseMetrics = productRows(baseGrid, base.plans[0]!, 'Mätetal');
const baseAggregate = (sheet: string) => productRows(baseGrid, base.plans[0]!, sheet).get(2)?.status;

describe('the baseline workbook', () => {
  it('gives the statuses of domain.md §4 and has no data-quality remarks', () => {
    for (const g of GOOD) expect(baseMetrics.get(g.row)?.status, g.name).toBe(g.status);
    expect(qualityLines(base.summary)).toEqual([]);
  });
});

const ENGINE_CASES = [...GRID_CASES, ...SHAPE_CASES];

describe(`bad-input catalogue, engine level (${ENGINE_CASES.length} cases through recalculate())`, () => {
  it.each(ENGINE_CASES.map((c) => [`${c.group}: ${c.name}`, c] as const))('%s', (_, c: GridCase) => {
    ran++;
    const grids = c.grids();
    const result = run(grids);
    const gridIndex = result.plans.findIndex((p) => p.workbookId === 'wb.xlsx');
    const grid = grids.find((g) => g.id === 'wb.xlsx');
    const lines = qualityLines(result.summary).map(plain);

    // 1. the message is where the user sees it
    const expected = [c.message, ...(c.also ?? [])];
    if (c.where === 'nowhere') {
      expect(lines).toEqual([]);
    } else if (c.where === 'summary') {
      expect(lines.some((l) => c.message.test(l)), lines.join('\n')).toBe(true);
    } else {
      const row = productRows(grid!, result.plans[gridIndex]!, 'Mätetal').get(c.where.row);
      const status = c.where.status ?? 'Fel';
      expect(row?.status).toBe(status);
      expect(plain(row?.explanation)).toMatch(c.message);
      if (status === 'Fel') {
        expect(row?.explanation).toMatch(/^Fel: /);
        // and the summary lists the row, with its number
        const message = plain(row!.explanation).replace(/^Fel: /, '');
        expect(lines).toContainEqual(expect.stringContaining(`| Mätetal | ${c.where.row} | `));
        expect(lines.some((l) => l.endsWith(message))).toBe(true);
        expected.push(new RegExp(`\\| Mätetal \\| ${c.where.row} \\| `));
      }
    }
    // nothing else shows up in Datakvalitet
    expect(unexpectedLines(lines, expected)).toEqual([]);

    // 2. the good rows keep their statuses and explanations
    if (grid) {
      const rows = productRows(grid, result.plans[gridIndex]!, 'Mätetal');
      for (const g of GOOD.filter((x) => (c.goodRows ?? GOOD.map((y) => y.row)).includes(x.row))) {
        expect(rows.get(g.row), g.name).toEqual(baseMetrics.get(g.row));
        expect(rows.get(g.row)?.status).toBe(g.status);
      }
      // 3. nothing else changes: only the product's columns are written, the aggregates keep their statuses
      expect(writesOutsideProductColumns(grid, result.plans[gridIndex]!)).toEqual([]);
      if (c.aggregatesKept !== false) {
        for (const sheet of ['Indikatorer', 'Målområden']) {
          expect(productRows(grid, result.plans[gridIndex]!, sheet).get(2)?.status, sheet).toBe(baseAggregate(sheet));
        }
      }
      if (typeof c.where === 'object' && c.where.row === BAD_ROW) expect(rows.size).toBe(GOOD.length + 1);
    }
    for (const [i, plan] of result.plans.entries()) {
      const g = grids.find((x) => x.id === plan.workbookId)!;
      expect(writesOutsideProductColumns(g, plan), `plan ${i}`).toEqual([]);
    }
  });
});

describe(`bad-input catalogue, file level (${FILE_CASES.length} cases through recalcSet and the xlsx stores)`, () => {
  it.each(FILE_CASES.map((c) => [c.name, c] as const))('%s', { timeout: 60_000 }, async (_, c) => {
    ran++;
    await runFileCase(c);
  });
});

afterAll(() => {
  console.log(`bad-input catalogue: ${ran} cases ran (${ENGINE_CASES.length} engine-level, ${FILE_CASES.length} file-level); HTTP cases are in test/functions/on-sheet-edit.test.ts`);
});
