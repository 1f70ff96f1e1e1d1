import { describe, expect, it } from 'vitest';
import { assessActions } from '../../shared/engine/assess/action-plan.ts';
import type { ActionRow, PlanPosition } from '../../shared/engine/model/model.ts';
import { actionRow } from './model-factories.ts';

const TODAY = '2026-06-30';

describe('assessActions', () => {
  const cases: { name: string; row: Partial<ActionRow>; want: PlanPosition | null }[] = [
    { name: 'due tomorrow, in progress', row: { due: '2026-07-01', status: 'Pågår' }, want: 'Enligt plan' },
    { name: 'due today is still allowed', row: { due: '2026-06-30', status: 'Pågår' }, want: 'Enligt plan' },
    { name: 'due yesterday, in progress', row: { due: '2026-06-29', status: 'Pågår' }, want: 'Försenad' },
    { name: 'due yesterday, not started', row: { due: '2026-06-29', status: 'Ej påbörjad' }, want: 'Försenad' },
    { name: 'not started, well ahead', row: { due: '2027-12-31', status: 'Ej påbörjad' }, want: 'Enligt plan' },
    { name: 'Klar after the deadline', row: { due: '2025-12-31', status: 'Klar' }, want: 'Klar' },
    { name: 'Klar before the deadline', row: { due: '2027-01-31', status: 'Klar' }, want: 'Klar' },
    { name: 'Klar without a date is still Klar', row: { due: null, status: 'Klar' }, want: 'Klar' },
    { name: 'missing due date', row: { due: null, status: 'Pågår' }, want: null },
    { name: 'missing status', row: { due: '2027-01-01', status: null }, want: null },
    { name: 'row error wins over Klar', row: { status: 'Klar', errors: ['Fel: okänd status'] }, want: null },
    { name: 'year boundary', row: { due: '2025-12-31', status: 'Pågår' }, want: 'Försenad' },
  ];

  it.each(cases)('$name → $want', ({ row, want }) => {
    const [result] = assessActions([actionRow(row)], TODAY);
    expect(result?.position).toBe(want);
  });

  it('keeps every field of the row and the order of the rows', () => {
    const rows = [actionRow({ rowNumber: 5, activity: 'A' }), actionRow({ rowNumber: 3, activity: 'B' })];
    const result = assessActions(rows, TODAY);
    expect(result.map((r) => [r.rowNumber, r.activity, r.owner])).toEqual([
      [5, 'A', 'Fordonsenheten'],
      [3, 'B', 'Fordonsenheten'],
    ]);
  });

  it('accepts a full timestamp as today', () => {
    const [result] = assessActions([actionRow({ due: '2026-06-30' })], '2026-06-30T23:59:00Z');
    expect(result?.position).toBe('Enligt plan');
  });
});
