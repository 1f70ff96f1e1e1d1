/**
 * Sheet `Agendapyramid` (optional): one row per Nivå (`Politisk` or a division) and Agenda 2030 goal, with
 * its `Rang`. A row whose goal or rank cannot be read is an error on that row and is left out; a goal
 * ranked twice by one Nivå is found across the whole set (assess/agenda-pyramid.ts).
 * @module
 */
import type { CellInput, SheetGrid } from '../model/grid.ts';
import type { PyramidRow } from '../model/shapes.ts';
import { normalizeName } from '../model/grid.ts';
import { PYRAMID_HEADERS as H } from '../model/template.ts';
import { AGENDA_2030_GOALS, GOAL_COUNT } from '../model/agenda-2030.ts';
import { addIssue, cellAt, dataRows, matchSheetHeaders, mergeFills, optionalText, textAt, type ParseContext } from './common.ts';
import { suggestNearest } from './headers.ts';
import { cellText, isBlankCell, quote } from './values.ts';
import { parsePyramidRank } from './shape-words.ts';

const REQUIRED = [H.level, H.goal, H.rank];

const NAMES = Object.entries(AGENDA_2030_GOALS).map(([n, name]) => ({ goal: Number(n), name }));
const BY_NAME = new Map(NAMES.map((g) => [normalizeName(g.name), g.goal]));

export type ParsedGoal = { kind: 'goal'; goal: number } | { kind: 'error'; message: string };

/** `3`, `Mål 3`, `mål 3: Hälsa och välbefinnande` or the goal's Swedish name. */
export function parseGoal(cell: CellInput | null | undefined): ParsedGoal {
  const text = cellText(cell);
  const numeric = typeof cell?.value === 'number' && !cell.date && !cell.percent ? cell.value : null;
  const m = /^(?:mål\s*(?:nr\.?|nummer)?\s*)?(\d+(?:[.,]\d+)?)(?:\s*[:.\-–]?\s+\S.*)?[.:]?$/i.exec(text);
  const number = numeric ?? (m ? Number(m[1]!.replace(',', '.')) : null);
  if (number !== null) {
    if (Number.isInteger(number) && number >= 1 && number <= GOAL_COUNT) return { kind: 'goal', goal: number };
    return { kind: 'error', message: `Mål ${quote(text)} finns inte – Agenda 2030 har ${GOAL_COUNT} mål, numrerade 1–${GOAL_COUNT}` };
  }
  const byName = BY_NAME.get(normalizeName(text));
  if (byName !== undefined) return { kind: 'goal', goal: byName };
  const near = suggestNearest(text, NAMES.map((g) => g.name));
  const hint = near === null ? ' – skriv målets nummer (1–17) eller dess namn' : ` – menade du '${near}'?`;
  return { kind: 'error', message: `Mål ${quote(text)} känns inte igen${hint}` };
}

export function parseAgendaPyramid(sheet: SheetGrid, ctx: ParseContext): PyramidRow[] {
  const match = matchSheetHeaders(ctx, sheet, Object.values(H), REQUIRED);
  if (match.missingRequired.length > 0) return [];

  const rows: PyramidRow[] = [];
  for (const row of dataRows(sheet, match, mergeFills(sheet, match, [H.level]))) {
    const level = textAt(row, match, H.level);
    const goalCell = cellAt(row, match.columns[H.goal]);
    const rankText = textAt(row, match, H.rank);
    if (level === '' && isBlankCell(goalCell) && rankText === '') continue;
    const errors: string[] = [];
    if (level === '') errors.push(`${H.level} saknas – skriv 'Politisk' eller avdelningens namn`);
    const goal = isBlankCell(goalCell) ? null : parseGoal(goalCell);
    if (goal === null) errors.push(`${H.goal} saknas`);
    else if (goal.kind === 'error') errors.push(goal.message);
    const rank = parsePyramidRank(rankText);
    if (rank.kind === 'empty') errors.push(`${H.rank} saknas – använd 'Central', 'Betydande' eller 'Generell'`);
    else if (rank.kind === 'error') errors.push(rank.message);
    if (errors.length > 0 || goal?.kind !== 'goal' || rank.kind !== 'word') {
      addIssue(ctx, 'error', sheet.name, `${errors.join('; ')} – raden räknas inte`, { rowNumber: row.rowNumber, subject: level || cellText(goalCell) });
      continue;
    }
    rows.push({ workbookId: ctx.workbookId, rowNumber: row.rowNumber, level, goal: goal.goal, rank: rank.value, term: optionalText(row, match, H.term) });
  }
  return rows;
}
