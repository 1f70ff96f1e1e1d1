/**
 * `new-year` (domain.md §7): where a workbook's next `Utfall ÅÅÅÅ` column goes, as an InputPlan holding that
 * header cell and nothing else. Locally the column goes into the first column right of the headers that is
 * empty in every row (moving a person's columns would mean rewriting their formulas, charts and validations);
 * in Google it is inserted right after the last `Utfall` column, and Sheets moves the rest. A workbook that
 * already has the year's column gets nothing, so a second run adds nothing.
 * @module
 */
import { columnLetter, findSheet, type ColumnNumber, type RowNumber, type WorkbookGrid } from './model/grid.ts';
import type { WorkbookModel } from './model/model.ts';
import type { InputPlan } from './model/input-plan.ts';
import { OUTCOME_PREFIX, SHEETS } from './model/template.ts';
import { metricHeaderMatch } from './parse/metrics.ts';
import { emptyColumns } from './parse/product-columns.ts';

export type NewYearMode = 'first-empty-column' | 'insert-after-last-outcome';

export type NewYearPlacement =
  /** the workbook already has the year's column (nothing to do) */
  | { kind: 'exists'; sheet: string; column: ColumnNumber }
  /** the header to write, where, and the sentence the command prints */
  | { kind: 'add'; sheet: string; column: ColumnNumber; headerRow: RowNumber; inserted: boolean; plan: InputPlan; where: string }
  /** the workbook has no `Mätetal` sheet with its headers: nothing is written (Swedish reason) */
  | { kind: 'not-added'; reason: string };

/** The latest `Utfall` year in which any metric of the set has an outcome (a number or a qualitative text). */
export function latestOutcomeYear(models: readonly WorkbookModel[]): number | null {
  let latest: number | null = null;
  for (const model of models) {
    for (const row of model.metrics) {
      for (const key of [...Object.keys(row.outcomes), ...Object.keys(row.outcomeTexts), ...row.badOutcomeYears.map(String)]) {
        const year = Number(key);
        if (latest === null || year > latest) latest = year;
      }
    }
  }
  return latest;
}

export function planNewYear(grid: WorkbookGrid, year: number, mode: NewYearMode): NewYearPlacement {
  const sheet = findSheet(grid, SHEETS.metrics);
  if (!sheet) return { kind: 'not-added', reason: `bladet '${SHEETS.metrics}' saknas` };
  const match = metricHeaderMatch(sheet);
  if (match.missingRequired.length > 0) {
    return { kind: 'not-added', reason: `rubrikraden på bladet '${sheet.name}' hittades inte (${match.missingRequired.join(', ')} saknas)` };
  }
  const outcomes = match.yearColumns[OUTCOME_PREFIX] ?? [];
  const existing = outcomes.find((c) => c.year === year);
  if (existing) return { kind: 'exists', sheet: sheet.name, column: existing.column };

  const header = `${OUTCOME_PREFIX} ${year}`;
  const last = outcomes.reduce<ColumnNumber | null>((m, c) => (m === null || c.column > m ? c.column : m), null);
  const insert = mode === 'insert-after-last-outcome' && last !== null;
  const column = insert ? last! + 1 : emptyColumns(sheet, match.lastColumn + 1, 1, match.row)[0]!;
  const plan: InputPlan = {
    workbookId: grid.id,
    ...(insert ? { insertColumn: { sheet: sheet.name, columnNumber: column } } : {}),
    writes: [
      {
        sheet: sheet.name,
        rowNumber: match.row,
        columnNumber: column,
        value: { text: header },
        // an inserted column takes the look of the one before it; a column far right copies the last year's header
        ...(!insert && last !== null ? { lookFrom: { rowNumber: match.row, columnNumber: last } } : {}),
      },
    ],
    state: null,
    recalcOnOpen: false,
  };
  const at = `${columnLetter(column)}${match.row}`;
  const where = insert
    ? `'${header}' infogad i kolumn ${columnLetter(column)} på bladet ${sheet.name}, direkt efter ${columnLetter(last!)} (rubrik i ${at})`
    : `'${header}' i kolumn ${columnLetter(column)} på bladet ${sheet.name} (rubrik i ${at})${
        column === match.lastColumn + 1 ? ', första tomma kolumnen till höger om rubrikerna' : ' – kolumnerna närmare rubrikerna har innehåll och lämnas orörda'
      }`;
  return { kind: 'add', sheet: sheet.name, column, headerRow: match.row, inserted: insert, plan, where };
}
