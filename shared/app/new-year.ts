/**
 * `new-year` (domain.md §7): the next `Utfall ÅÅÅÅ` column in every workbook of the set that lacks it, that
 * header cell and nothing else — no recalculation, no summary (the next recalculation does those). Through the
 * ports: a local file gets it in its first empty column, a Google workbook right after its last `Utfall` column.
 * @module
 */
import { latestOutcomeYear, parseWorkbook, planNewYear } from '../engine/index.ts';
import type { WorkbookStore } from '../ports.ts';
import { readEach } from './set-io.ts';

export interface NewYearWorkbook {
  name: string;
  outcome: 'added' | 'exists' | 'not-added' | 'unreadable' | 'skipped' | 'conflict';
  /** Swedish: where the column went, or why not */
  text: string;
}

export interface NewYearReport {
  year: number;
  /** Swedish: how the year was chosen */
  yearReason: string;
  workbooks: NewYearWorkbook[];
  /** workbooks whose `Redovisningsår` is typed: it stays as typed */
  typedYears: { workbook: string; year: number }[];
}

/** No year given and no outcome anywhere: the command cannot choose one. */
export class NoYearError extends Error {
  override name = 'NoYearError';
}

export async function addNewYear(store: WorkbookStore, year: number | null): Promise<NewYearReport> {
  const { read, unreadable } = await readEach(store, await store.list());
  const workbooks = unreadable.map((u): NewYearWorkbook => ({ name: u.ref.name, outcome: 'unreadable', text: u.reason }));
  const models = read.map((r) => parseWorkbook(r.grid));
  let chosen = year;
  let yearReason = `angivet på kommandoraden`;
  if (chosen === null) {
    const latest = latestOutcomeYear(models);
    if (latest === null) throw new NoYearError('inget mätetal har något utfall ännu, så året kan inte väljas – ange det, t.ex. new-year DIR 2026');
    chosen = latest + 1;
    yearReason = `senaste året med utfall är ${latest}`;
  }
  const mode = store.insertsColumns ? 'insert-after-last-outcome' : 'first-empty-column';
  for (const item of read) {
    const name = item.grid.name;
    const placement = planNewYear(item.grid, chosen, mode);
    if (placement.kind === 'exists') {
      workbooks.push({ name, outcome: 'exists', text: `har redan 'Utfall ${chosen}' – inget ändrat` });
      continue;
    }
    if (placement.kind === 'not-added') {
      workbooks.push({ name, outcome: 'not-added', text: `ingen kolumn lades till: ${placement.reason}` });
      continue;
    }
    const outcome = await store.writeInputs!(item.ref, placement.plan, item.version);
    if (outcome.kind === 'written') workbooks.push({ name, outcome: 'added', text: placement.where });
    else if (outcome.kind === 'skipped') workbooks.push({ name, outcome: 'skipped', text: outcome.reason });
    else if (outcome.kind === 'conflict') workbooks.push({ name, outcome: 'conflict', text: 'ändrades medan kolumnen lades till och skrevs inte – kör kommandot igen' });
    else workbooks.push({ name, outcome: 'exists', text: 'inget ändrat' });
  }
  const typedYears = models.flatMap((m) => (m.settings.reportingYear === null ? [] : [{ workbook: m.workbookName, year: m.settings.reportingYear }]));
  return { year: chosen, yearReason, workbooks, typedYears };
}
