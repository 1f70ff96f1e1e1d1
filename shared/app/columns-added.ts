/**
 * Where a run added the product's columns to a workbook (domain.md §3: a missing `Utveckling`, `Förklaring` or
 * `Läge` goes into a column that is empty in every row, and the run says where): one line per sheet for the
 * run's report, e.g. "Mätetal: Utveckling och Förklaring tillagda i kolumn H och I". Read off the plan's header
 * writes: the plan writes a product header only into an empty header cell, that is, into a column it adds.
 * @module
 */
import { columnLetter, type WritePlan } from '../engine/index.ts';

export function columnsAdded(plan: WritePlan): string[] {
  const bySheet = new Map<string, { header: string; column: number }[]>();
  for (const w of plan.writes) {
    if (w.style !== 'header') continue;
    const list = bySheet.get(w.sheet) ?? [];
    list.push({ header: w.value, column: w.columnNumber });
    bySheet.set(w.sheet, list);
  }
  return [...bySheet].map(([sheet, added]) => {
    added.sort((a, b) => a.column - b.column);
    const headers = list(added.map((a) => a.header));
    const columns = list(added.map((a) => columnLetter(a.column)));
    return `${sheet}: ${headers} ${added.length === 1 ? 'tillagd' : 'tillagda'} i kolumn ${columns}`;
  });
}

/** `A`, `A och B`, `A, B och C`. */
function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}
