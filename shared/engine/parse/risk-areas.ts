/**
 * Sheet `Riskområden` (optional): the procurement risk register, graded as the regions' procurement network
 * grades it. A row whose risk level cannot be read (an unknown word, or neither `Risknivå` nor any
 * criterion graded) is an error on that row and is left out; a blank `Risknivå` is the highest criterion.
 * @module
 */
import type { SheetGrid } from '../model/grid.ts';
import type { RiskLevel } from '../model/model.ts';
import type { RiskRow } from '../model/shapes.ts';
import { RISK_CRITERIA, RISK_HEADERS as H, RISK_LEVELS } from '../model/template.ts';
import { addIssue, dataRows, matchSheetHeaders, mergeFills, optionalText, textAt, type ParseContext } from './common.ts';
import { parseRiskLevel } from './shape-words.ts';
import { parsePlanStatus } from './words.ts';

const CATEGORIES = [H.category1, H.category2, H.category3];

export function parseRiskAreas(sheet: SheetGrid, ctx: ParseContext): RiskRow[] {
  const match = matchSheetHeaders(ctx, sheet, Object.values(H), [H.category1, H.level]);
  if (match.missingRequired.length > 0) return [];

  const rows: RiskRow[] = [];
  for (const row of dataRows(sheet, match, mergeFills(sheet, match, [H.category1, H.category2]))) {
    const categories = CATEGORIES.map((h) => textAt(row, match, h));
    const typed = [...categories, ...[H.level, ...RISK_CRITERIA, H.action].map((h) => textAt(row, match, h))];
    if (typed.every((t) => t === '')) continue;
    const errors: string[] = [];
    if (categories[0] === '') errors.push(`${H.category1} saknas – skriv riskområdet, t.ex. Livsmedel`);

    const criteria: RiskRow['criteria'] = [];
    for (const criterion of RISK_CRITERIA) {
      const grade = parseRiskLevel(textAt(row, match, criterion), criterion);
      if (grade.kind === 'word') criteria.push({ criterion, level: grade.value });
      else if (grade.kind === 'error') errors.push(grade.message);
    }
    const typedLevel = parseRiskLevel(textAt(row, match, H.level));
    if (typedLevel.kind === 'error') errors.push(typedLevel.message);
    const level = typedLevel.kind === 'word' ? typedLevel.value : highest(criteria.map((c) => c.level));
    if (typedLevel.kind === 'empty' && level === null) {
      errors.push(`${H.level} saknas – använd ${RISK_LEVELS.map((l) => `'${l}'`).join(', ')} eller gradera kriterierna`);
    }
    const status = parsePlanStatus(textAt(row, match, H.status));
    if (status.kind === 'error') errors.push(status.message);

    const subject = categories.filter((c) => c !== '').join(' – ');
    if (errors.length > 0 || level === null) {
      addIssue(ctx, 'error', sheet.name, `${errors.join('; ')} – raden räknas inte`, { rowNumber: row.rowNumber, subject });
      continue;
    }
    rows.push({
      workbookId: ctx.workbookId,
      rowNumber: row.rowNumber,
      categories: categories.filter((c) => c !== ''),
      level,
      criteria,
      action: optionalText(row, match, H.action),
      owner: optionalText(row, match, H.owner),
      status: status.kind === 'word' ? status.value : null,
    });
  }
  return rows;
}

/** The highest of the grades (Hög above Potentiell hög above Medel above Låg); null for none. */
export function highest(levels: readonly RiskLevel[]): RiskLevel | null {
  let best: number | null = null;
  for (const level of levels) {
    const i = RISK_LEVELS.indexOf(level);
    if (best === null || i < best) best = i;
  }
  return best === null ? null : RISK_LEVELS[best]!;
}
