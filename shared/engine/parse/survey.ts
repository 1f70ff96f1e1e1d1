/**
 * Sheet `Självskattning` (optional): one answer per förvaltning and statement. Blank rows are skipped; a row
 * missing one of its three required cells is an issue and is not counted.
 * @module
 */
import type { SheetGrid } from '../model/grid.ts';
import type { SurveyAnswer } from '../model/model.ts';
import { SURVEY_HEADERS as H } from '../model/template.ts';
import { addIssue, cellAt, dataRows, matchSheetHeaders, optionalText, textAt, type ParseContext } from './common.ts';
import { parseYearCell } from './values.ts';

const REQUIRED = [H.department, H.statement, H.answer];

export function parseSurvey(sheet: SheetGrid, ctx: ParseContext): SurveyAnswer[] {
  const match = matchSheetHeaders(ctx, sheet, Object.values(H), REQUIRED);
  if (match.missingRequired.length > 0) return [];

  const answers: SurveyAnswer[] = [];
  for (const row of dataRows(sheet, match)) {
    const [department, statement, answer] = REQUIRED.map((h) => textAt(row, match, h)) as [string, string, string];
    if (department === '' && statement === '' && answer === '') continue;
    const missing = REQUIRED.filter((h) => textAt(row, match, h) === '');
    if (missing.length > 0) {
      addIssue(ctx, 'error', sheet.name, `Rad ${row.rowNumber} saknar ${missing.join(' och ')} – raden räknas inte`, {
        rowNumber: row.rowNumber,
        column: missing[0],
        subject: statement || department,
      });
      continue;
    }
    const y = parseYearCell(cellAt(row, match.columns[H.year]));
    if (y.kind === 'error') {
      addIssue(ctx, 'error', sheet.name, `${H.year}: ${y.message}`, { rowNumber: row.rowNumber, column: H.year, subject: statement });
    }
    const given: SurveyAnswer = {
      workbookId: ctx.workbookId,
      rowNumber: row.rowNumber,
      department,
      statement,
      answer,
      goalArea: optionalText(row, match, H.goalArea),
      year: y.kind === 'year' ? y.year : null,
    };
    const theme = optionalText(row, match, H.theme);
    if (theme !== null) given.theme = theme;
    answers.push(given);
  }
  return answers;
}
