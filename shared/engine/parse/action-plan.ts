/**
 * Sheet `Handlingsplan` (optional): activities with owner, deadline and status under a goal area.
 * @module
 */
import type { SheetGrid } from '../model/grid.ts';
import type { ActionRow, GoalAreaRow } from '../model/model.ts';
import { ACTION_HEADERS as H } from '../model/template.ts';
import type { HeaderMatch } from './headers.ts';
import { cellAt, dataRows, identityOf, matchSheetHeaders, mergeFills, optionalText, textAt, type ParseContext } from './common.ts';
import { parseDueDate } from './due-date.ts';
import { resolveGoalArea } from './name-lookup.ts';
import { parsePlanStatus } from './words.ts';

export interface ParsedActionPlan {
  rows: ActionRow[];
  match: HeaderMatch;
}

export function parseActionPlan(sheet: SheetGrid, goalAreas: GoalAreaRow[] | null, ctx: ParseContext): ParsedActionPlan {
  const match = matchSheetHeaders(ctx, sheet, Object.values(H), [H.goalArea, H.activity]);
  if (match.missingRequired.length > 0) return { rows: [], match };

  const names = goalAreas?.map((g) => g.name) ?? null;
  const rows: ActionRow[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows(sheet, match, mergeFills(sheet, match, [H.goalArea]))) {
    const activity = textAt(row, match, H.activity);
    const typedGoalArea = textAt(row, match, H.goalArea);
    if (activity === '' && typedGoalArea === '') continue;
    const errors: string[] = [];
    if (activity === '') errors.push('Aktivitet saknas');
    const goalArea = resolveGoalArea(typedGoalArea, names, errors);
    const due = parseDueDate(cellAt(row, match.columns[H.due]));
    if (due.kind === 'error') errors.push(due.message);
    const status = parsePlanStatus(textAt(row, match, H.status));
    if (status.kind === 'error') errors.push(status.message);
    const id = identityOf(goalArea, activity);
    const first = seen.get(id);
    if (first !== undefined) errors.push(`Dubblett av rad ${first}`);
    else if (activity !== '') seen.set(id, row.rowNumber);
    rows.push({
      workbookId: ctx.workbookId,
      rowNumber: row.rowNumber,
      goalArea,
      activity,
      owner: optionalText(row, match, H.owner),
      due: due.kind === 'date' ? due.iso : null,
      status: status.kind === 'word' ? status.value : null,
      errors,
    });
  }
  return { rows, match };
}
