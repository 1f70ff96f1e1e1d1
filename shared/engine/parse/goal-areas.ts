/**
 * Sheet `Målområden`: one row per goal area with its goal statement and an optional manual assessment.
 * @module
 */
import type { SheetGrid } from '../model/grid.ts';
import type { GoalAreaRow } from '../model/model.ts';
import { GOAL_AREA_HEADERS as H } from '../model/template.ts';
import type { HeaderMatch } from './headers.ts';
import { addIssue, dataRows, identityOf, matchSheetHeaders, optionalText, readManual, textAt, type ParseContext } from './common.ts';
import { parseDimension } from './shape-words.ts';

export interface ParsedGoalAreas {
  rows: GoalAreaRow[];
  match: HeaderMatch;
}

export function parseGoalAreas(sheet: SheetGrid, ctx: ParseContext): ParsedGoalAreas {
  const match = matchSheetHeaders(ctx, sheet, Object.values(H), [H.goalArea]);
  if (match.missingRequired.length > 0) return { rows: [], match };

  const rows: GoalAreaRow[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows(sheet, match)) {
    const name = textAt(row, match, H.goalArea);
    if (name === '') continue;
    const errors: string[] = [];
    const manual = readManual(row, match, { manual: H.manual, justification: H.justification }, errors);
    const id = identityOf(name);
    const first = seen.get(id);
    if (first !== undefined) errors.push(`Dubblett av rad ${first}`);
    else seen.set(id, row.rowNumber);
    const area: GoalAreaRow = { workbookId: ctx.workbookId, rowNumber: row.rowNumber, name, goal: optionalText(row, match, H.goal), manual, errors };
    // an unknown Dimension only leaves the goal area ungrouped: a note, not an error on the row
    const dimension = parseDimension(textAt(row, match, H.dimension));
    if (dimension.kind === 'word') area.dimension = dimension.value;
    else if (dimension.kind === 'error') addIssue(ctx, 'note', sheet.name, `${dimension.message}; målområdet grupperas inte`, { rowNumber: row.rowNumber, column: H.dimension, subject: name });
    rows.push(area);
  }
  return { rows, match };
}
