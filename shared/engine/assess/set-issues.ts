/**
 * The data-quality issues the rules produce for a set: one 'error' per Fel row (and per unknown
 * Styrande mätetal), 'missing-outcome', 'override' with its Motivering, 'inactive-override', and
 * 'conflict' where two workbooks describe the same indicator or goal area differently.
 * @module
 */
import type { GoalAreaRow, IndicatorRow, Issue, ManualAssessment, SetSettings, WorkbookModel } from '../model/model.ts';
import type { SetLevels } from './set.ts';
import { metricErrors } from './metric.ts';
import { activeManual, inactiveManual, missingJustification } from './manual.ts';
import { governingMetricError } from './aggregate.ts';
import { goalAreaKey, indicatorKey } from './match.ts';
import { SHEETS } from '../model/template.ts';
import { CELL_TEXT_LIMIT, shortenedNote, wasShortened } from '../model/cell-limit.ts';
import { koladaConflictMessage } from '../explain/kolada.ts';
import { OUTCOME_PREFIX } from '../model/template.ts';

type Place = Pick<Issue, 'workbookId' | 'workbookName' | 'sheet' | 'rowNumber' | 'subject'>;

export function setIssues(sorted: readonly WorkbookModel[], settings: SetSettings, levels: SetLevels): Issue[] {
  const year = settings.reportingYear;
  const names = new Map(sorted.map((m) => [m.workbookId, m.workbookName]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const issues: Issue[] = [...sorted.flatMap((m) => m.issues), ...settings.issues];

  const metricRows = sorted.flatMap((m) => m.metrics);
  for (const row of metricRows) {
    if (!row.koladaDifferences) continue;
    const at: Place = { workbookId: row.workbookId, workbookName: nameOf(row.workbookId), sheet: SHEETS.metrics, rowNumber: row.rowNumber, subject: row.name };
    for (const d of row.koladaDifferences) {
      issues.push({ kind: 'kolada', ...at, column: `${OUTCOME_PREFIX} ${d.year}`, message: koladaConflictMessage({ ...d, unit: row.unit }) });
    }
  }
  metricRows.forEach((row, i) => {
    const a = levels.metrics[i]!;
    // most of 100,000 rows raise nothing: no place object and no empty arrays for them
    const missing = a.rule === 'saknar-utfall' && year !== null && row.direction !== 'Kvalitativ';
    const long = a.explanation.length >= CELL_TEXT_LIMIT - 1;
    if (a.status !== 'Fel' && !missing && !row.manual && !(a.rule === 'manuell' && a.manual) && !long) return;
    const at: Place = { workbookId: row.workbookId, workbookName: nameOf(row.workbookId), sheet: SHEETS.metrics, rowNumber: row.rowNumber, subject: row.name };
    if (long && wasShortened(a.explanation)) issues.push(shortened(at));
    if (a.status === 'Fel') issues.push({ kind: 'error', ...at, message: metricErrors(row, year).join('; ') || a.explanation });
    if (missing) {
      issues.push({ kind: 'missing-outcome', ...at, message: `Utfall ${year} saknas` });
    }
    if (a.rule === 'manuell' && a.manual) issues.push({ kind: 'override', ...at, message: overrideMessage(a.manual, a.computed) });
    issues.push(...inactive(row.manual, year, at));
  });

  const winningIndicators = new Map(levels.indicators.map((a) => [`${a.workbookId}\u0000${a.rowNumber}`, a]));
  const indicatorWinner = new Map<string, IndicatorRow>();
  for (const row of sorted.flatMap((m) => m.indicators)) {
    const at: Place = { workbookId: row.workbookId, workbookName: nameOf(row.workbookId), sheet: SHEETS.indicators, rowNumber: row.rowNumber, subject: row.name };
    const key = indicatorKey(row.goalArea, row.name);
    const winner = indicatorWinner.get(key);
    if (winner) issues.push(...indicatorConflicts(winner, row, at, nameOf));
    else indicatorWinner.set(key, row);
    const assessed = winner ? undefined : winningIndicators.get(`${row.workbookId}\u0000${row.rowNumber}`);
    const children = levels.metricsByIndicator.get(key) ?? [];
    const governing = assessed ? governingMetricError({ governingMetric: row.governingMetric, children }) : null;
    issues.push(...rowIssues(row.errors, row.manual, year, at, governing));
    if (assessed && wasShortened(assessed.explanation)) issues.push(shortened(at));
  }

  const goalAreasAssessed = new Map(levels.goalAreas.map((a) => [`${a.workbookId}\u0000${a.rowNumber}`, a]));
  const goalAreaWinner = new Map<string, GoalAreaRow>();
  for (const row of sorted.flatMap((m) => m.goalAreas)) {
    const at: Place = { workbookId: row.workbookId, workbookName: nameOf(row.workbookId), sheet: SHEETS.goalAreas, rowNumber: row.rowNumber, subject: row.name };
    const key = goalAreaKey(row.name);
    const winner = goalAreaWinner.get(key);
    if (winner) issues.push(...goalAreaConflicts(winner, row, at, nameOf));
    else goalAreaWinner.set(key, row);
    issues.push(...rowIssues(row.errors, row.manual, year, at, null));
    const assessed = winner ? undefined : goalAreasAssessed.get(`${row.workbookId}\u0000${row.rowNumber}`);
    if (assessed && wasShortened(assessed.explanation)) issues.push(shortened(at));
  }

  const orgSource = sorted.find((m) => m.settings.manualOverall !== null) ?? sorted[0];
  if (orgSource) {
    const at: Place = { workbookId: orgSource.workbookId, workbookName: orgSource.workbookName, sheet: SHEETS.settings, subject: 'Samlad bedömning' };
    issues.push(...rowIssues([], settings.manualOverall, year, at, null));
  }
  return issues;
}

/** The note for a Förklaring cut to fit a cell (a Motivering longer than a cell takes, once the sentence is added). */
function shortened(at: Place): Issue {
  return { kind: 'note', ...at, message: shortenedNote('Förklaringen') };
}

/** Row errors, a current override (or its missing Motivering) and an inactive override of one aggregated row. */
function rowIssues(errors: string[], manual: ManualAssessment | null, year: number | null, at: Place, governing: string | null): Issue[] {
  const out: Issue[] = [];
  const current = activeManual(manual, year);
  const missing = missingJustification(manual, year);
  const problems = [...errors];
  if (missing !== null) problems.push(missing);
  if (governing) problems.push(governing);
  if (problems.length > 0) out.push({ kind: 'error', ...at, message: problems.join('; ') });
  if (current && missing === null && errors.length === 0) {
    out.push({ kind: 'override', ...at, message: overrideMessage(current, null) });
  }
  out.push(...inactive(manual, year, at));
  return out;
}

function overrideMessage(manual: ManualAssessment, computed: string | null): string {
  const was = computed ? ` (beräknat: ${computed})` : '';
  return `Manuell bedömning ${manual.assessment}${was}. Motivering: ${manual.justification?.trim() ?? ''}`;
}

function inactive(manual: ManualAssessment | null, year: number | null, at: Place): Issue[] {
  const ignored = inactiveManual(manual, year);
  if (!ignored) return [];
  const message =
    year === null
      ? `Manuell bedömning från ${ignored.year} används inte eftersom inget redovisningsår kunde väljas`
      : `Manuell bedömning från ${ignored.year} gäller inte redovisningsåret ${year} och används inte`;
  return [{ kind: 'inactive-override', ...at, message }];
}

const manualText = (m: ManualAssessment | null) =>
  m ? `${m.assessment}|${m.justification?.trim() ?? ''}|${m.year ?? ''}` : '';
const text = (s: string | null) => (s ?? '').trim();
/** A blank cell does not contradict: the workbook simply leaves the description to the others. */
const differs = (first: string | null, other: string | null, fold = false) => {
  const [a, b] = fold ? [text(first).toLocaleLowerCase('sv-SE'), text(other).toLocaleLowerCase('sv-SE')] : [text(first), text(other)];
  return b !== '' && a !== b;
};
const manualDiffers = (first: ManualAssessment | null, other: ManualAssessment | null) =>
  other !== null && manualText(first) !== manualText(other);

function conflict(fields: string[], what: string, winner: { workbookId: string }, at: Place, nameOf: (id: string) => string): Issue[] {
  // a second row in the same workbook is a duplicate (an error on that row), not a disagreement between workbooks
  if (fields.length === 0 || winner.workbookId === at.workbookId) return [];
  const first = nameOf(winner.workbookId);
  return [
    {
      kind: 'conflict',
      ...at,
      message: `${what} beskrivs olika i ${first} och ${at.workbookName} (${fields.join(', ')}); uppgifterna i ${first} används`,
    },
  ];
}

function indicatorConflicts(winner: IndicatorRow, row: IndicatorRow, at: Place, nameOf: (id: string) => string): Issue[] {
  const fields: string[] = [];
  if (differs(winner.target2030, row.target2030)) fields.push('Målvärde 2030');
  if (differs(winner.governingMetric, row.governingMetric, true)) fields.push('Styrande mätetal');
  if (manualDiffers(winner.manual, row.manual)) fields.push('Manuell bedömning');
  return conflict(fields, `Indikatorn ${row.name}`, winner, at, nameOf);
}

function goalAreaConflicts(winner: GoalAreaRow, row: GoalAreaRow, at: Place, nameOf: (id: string) => string): Issue[] {
  const fields: string[] = [];
  if (differs(winner.goal, row.goal)) fields.push('Hållbarhetsmål');
  if (differs(winner.dimension ?? null, row.dimension ?? null)) fields.push('Dimension');
  if (manualDiffers(winner.manual, row.manual)) fields.push('Manuell bedömning');
  return conflict(fields, `Målområdet ${row.name}`, winner, at, nameOf);
}
