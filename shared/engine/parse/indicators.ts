/**
 * Sheet `Indikatorer`: one row per indicator under a goal area that must exist in `Målområden`.
 * @module
 */
import type { SheetGrid } from '../model/grid.ts';
import type { GoalAreaRow, IndicatorRow } from '../model/model.ts';
import { INDICATOR_HEADERS as H } from '../model/template.ts';
import type { HeaderMatch } from './headers.ts';
import { dataRows, identityOf, matchSheetHeaders, mergeFills, optionalText, readManual, textAt, type ParseContext } from './common.ts';
import { resolveGoalArea } from './name-lookup.ts';

export interface ParsedIndicators {
  rows: IndicatorRow[];
  match: HeaderMatch;
}

/** `goalAreas` null = the Målområden sheet is missing (already an issue): goal areas are then not checked. */
export function parseIndicators(sheet: SheetGrid, goalAreas: GoalAreaRow[] | null, ctx: ParseContext): ParsedIndicators {
  const match = matchSheetHeaders(ctx, sheet, Object.values(H), [H.goalArea, H.indicator]);
  if (match.missingRequired.length > 0) return { rows: [], match };

  const goalAreaNames = goalAreas?.map((g) => g.name) ?? null;
  const rows: IndicatorRow[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows(sheet, match, mergeFills(sheet, match, [H.goalArea]))) {
    const name = textAt(row, match, H.indicator);
    const typedGoalArea = textAt(row, match, H.goalArea);
    if (name === '' && typedGoalArea === '') continue;
    const errors: string[] = [];
    if (name === '') errors.push('Indikator saknas');
    const goalArea = resolveGoalArea(typedGoalArea, goalAreaNames, errors);
    const manual = readManual(row, match, { manual: H.manual, justification: H.justification }, errors);
    const id = identityOf(goalArea, name);
    const first = seen.get(id);
    if (first !== undefined) errors.push(`Dubblett av rad ${first}`);
    else if (name !== '') seen.set(id, row.rowNumber);
    rows.push({
      workbookId: ctx.workbookId,
      rowNumber: row.rowNumber,
      goalArea,
      name,
      target2030: optionalText(row, match, H.target2030),
      governingMetric: optionalText(row, match, H.governingMetric),
      manual,
      errors,
    });
  }
  return { rows, match };
}
