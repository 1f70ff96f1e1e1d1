/**
 * Sheet `Mätetal`: one MetricRow per row with a Mätetal. Every problem is a row error (rule 0) or a note;
 * an unreadable outcome is never skipped in favour of an older year.
 * @module
 */
import type { SheetGrid } from '../model/grid.ts';
import type { GoalAreaRow, IndicatorRow, MetricRow } from '../model/model.ts';
import { normalizeName } from '../model/grid.ts';
import { METRIC_HEADERS as H, OUTCOME_PREFIX, PRODUCT_COLUMNS, SHEETS, TARGET_YEAR_PREFIX } from '../model/template.ts';
import { columnLetter, findHeaderRow, type HeaderMatch, type YearColumn } from './headers.ts';
import { addIssue, dataRows, identityOf, matchSheetHeaders, mergeFills, optionalText, readManual, textAt, type ParseContext, type SheetRow } from './common.ts';
import { readMetricFigures, unitProblem, type MetricRowContext } from './metric-values.ts';
import { resolveName } from './name-lookup.ts';
import { cellText, isBlankCell, parseNumberCell } from './values.ts';
import { parseDirection } from './words.ts';
import { rankingDirection, readMetricShapes, unitFromOutcomes } from './metric-shapes.ts';

export interface ParsedMetrics {
  rows: MetricRow[];
  match: HeaderMatch;
  /** every Utfall year that has a column, ascending */
  years: number[];
}

export interface MetricReferences {
  /** null when the sheet is missing (already an issue): names are then not checked */
  goalAreas: GoalAreaRow[] | null;
  indicators: IndicatorRow[] | null;
}

const REQUIRED = [H.goalArea, H.indicator, H.metric, H.direction];

/** The header row of `Mätetal` as parseMetrics finds it, without reporting anything (new-year, the Kolada merge). */
export function metricHeaderMatch(sheet: SheetGrid): HeaderMatch {
  return findHeaderRow(sheet, { known: Object.values(H), required: REQUIRED, yearPrefixes: [OUTCOME_PREFIX, TARGET_YEAR_PREFIX] });
}

export function parseMetrics(sheet: SheetGrid, refs: MetricReferences, ctx: ParseContext): ParsedMetrics {
  const match = matchSheetHeaders(ctx, sheet, Object.values(H), REQUIRED, { yearPrefixes: [OUTCOME_PREFIX, TARGET_YEAR_PREFIX] });
  // without its header row the sheet is not read (domain.md §3), so no row is written either
  if (match.missingRequired.length > 0) return { rows: [], match, years: [] };
  const outcomeColumns = match.yearColumns[OUTCOME_PREFIX] ?? [];
  const years = [...new Set(outcomeColumns.map((c) => c.year))].sort((a, b) => a - b);

  const rows: MetricRow[] = [];
  const seen = new Map<string, number>();
  const names = referenceIndex(refs);
  for (const row of dataRows(sheet, match, mergeFills(sheet, match, [H.goalArea, H.indicator]))) {
    if (row.cells.every((c) => isBlankCell(c))) continue;
    const name = textAt(row, match, H.metric);
    if (name === '' && match.columns[H.metric] !== undefined) {
      const withOutcome = outcomeColumns.find((c) => !isBlankCell(row.cells[c.column - 1]));
      if (withOutcome) {
        addIssue(ctx, 'note', sheet.name, `Rad ${row.rowNumber} saknar Mätetal men har utfall – den räknas inte`, {
          rowNumber: row.rowNumber,
          column: withOutcome.header,
        });
      }
      continue;
    }
    const metric = parseMetricRow(row, match, names, outcomeColumns, ctx, []);
    const id = identityOf(metric.goalArea, metric.indicator, metric.name);
    const first = seen.get(id);
    if (first !== undefined) metric.errors.push(`Dubblett av rad ${first}`);
    else seen.set(id, row.rowNumber);
    rows.push(metric);
  }
  return { rows, match, years };
}

function parseMetricRow(
  row: SheetRow,
  match: HeaderMatch,
  refs: ReferenceIndex,
  outcomeColumns: YearColumn[],
  ctx: ParseContext,
  errors: string[],
): MetricRow {
  const notes: string[] = [];
  const { goalArea, indicator } = resolveParents(row, match, refs, errors);
  const unit = optionalText(row, match, H.unit) ?? unitFromOutcomes(row, outcomeColumns);
  const direction = readDirection(row, match, errors, unit);
  const rowCtx: MetricRowContext = { unit, direction, errors };
  const figures = readMetricFigures(row, match, rowCtx);
  const manual = readManual(row, match, { manual: H.manual, justification: H.justification, year: H.assessmentYear }, errors);
  const metric: MetricRow = {
    workbookId: ctx.workbookId,
    rowNumber: row.rowNumber,
    goalArea,
    indicator,
    name: textAt(row, match, H.metric),
    unit,
    direction,
    // copied field by field, in MetricFigures' order: a spread here was the slowest line of parsing a row
    target: figures.target,
    targetsByYear: figures.targetsByYear,
    targetYear: figures.targetYear,
    baseYear: figures.baseYear,
    baseValue: figures.baseValue,
    annualChange: figures.annualChange,
    tolerance: figures.tolerance,
    absoluteTolerance: figures.absoluteTolerance,
    followedUntil: figures.followedUntil,
    outcomes: {},
    outcomeTexts: {},
    badOutcomeYears: [],
    manual,
    errors,
    notes,
  };
  readOutcomes(row, outcomeColumns, metric);
  readMetricShapes(row, match, metric, SHEETS.metrics, ctx);
  checkDuplicateColumns(row, match, errors);
  return metric;
}

function readDirection(row: SheetRow, match: HeaderMatch, errors: string[], unit: string | null): MetricRow['direction'] {
  if (match.columns[H.direction] === undefined) return null;
  const text = textAt(row, match, H.direction);
  const ranking = rankingDirection(text, unit, errors);
  if (ranking !== undefined) return ranking;
  const word = parseDirection(text);
  if (word.kind === 'word') return word.value;
  errors.push(word.kind === 'error' ? word.message : "Riktning saknas – använd 'Öka', 'Minska' eller 'Kvalitativ'");
  return null;
}

/** Checks Målområde and Indikator against their sheets and returns their defined spelling. */
function resolveParents(row: SheetRow, match: HeaderMatch, refs: ReferenceIndex, errors: string[]): { goalArea: string; indicator: string } {
  let goalArea = textAt(row, match, H.goalArea);
  let indicator = textAt(row, match, H.indicator);
  let goalAreaKnown = true;
  if (match.columns[H.goalArea] !== undefined && goalArea === '') {
    // an empty goal area would also make the indicator "unknown under ''": one reason is enough
    errors.push('Målområde saknas');
    goalAreaKnown = false;
  } else if (goalArea !== '' && refs.goalAreas) {
    const known = refs.goalAreaNames.get('')?.get(normalizeName(goalArea));
    const found =
      known !== undefined
        ? { kind: 'found' as const, name: known }
        : resolveName(goalArea, refs.goalAreas.map((g) => g.name), 'Målområdet', 'bladet Målområden');
    if (found.kind === 'found') goalArea = found.name;
    else {
      errors.push(found.message);
      goalAreaKnown = false;
    }
  }
  if (match.columns[H.indicator] !== undefined && indicator === '') errors.push('Indikator saknas');
  else if (indicator !== '' && refs.indicators && goalAreaKnown) {
    const key = normalizeName(goalArea);
    const known = refs.indicatorNames.get(key)?.get(normalizeName(indicator));
    const found =
      known !== undefined
        ? { kind: 'found' as const, name: known }
        : resolveName(indicator, refs.indicators.filter((i) => normalizeName(i.goalArea) === key).map((i) => i.name), 'Indikatorn', `bladet Indikatorer under målområdet '${goalArea}'`);
    if (found.kind === 'found') indicator = found.name;
    else errors.push(found.message);
  }
  return { goalArea, indicator };
}

function readOutcomes(row: SheetRow, columns: YearColumn[], metric: MetricRow): void {
  const qualitative = metric.direction === 'Kvalitativ';
  for (const yc of columns) {
    const cell = row.cells[yc.column - 1];
    if (isBlankCell(cell)) continue;
    if (yc.footnote) metric.notes.push(`Fotnotsmarkering i rubriken '${yc.header}' ignorerad`);
    const v = cell!.value;
    // the common case, a plain finite number cell, read without parseNumberCell's result object or the
    // text and label that only qualitative rows and messages need (what parseNumberCell would return)
    if (typeof v === 'number' && !cell!.percent && !cell!.error && !cell!.date && !(cell!.formula && cell!.uncached) && Number.isFinite(v)) {
      if (qualitative) metric.outcomeTexts[yc.year] = String(v);
      metric.outcomes[yc.year] = v;
      continue;
    }
    const label = `${OUTCOME_PREFIX} ${yc.year}`;
    const text = cellText(cell);
    const n = parseNumberCell(cell);
    if (qualitative) {
      metric.outcomeTexts[yc.year] = text;
      if (n.kind === 'number') metric.outcomes[yc.year] = n.value;
      continue;
    }
    if (n.kind === 'error') {
      metric.errors.push(`${label}: ${n.message}`);
      metric.badOutcomeYears.push(yc.year);
    } else if (n.kind === 'number') {
      const problem = unitProblem(n, cell, metric.unit);
      if (problem !== null) {
        metric.errors.push(`${label}: ${problem}`);
        metric.badOutcomeYears.push(yc.year);
        continue;
      }
      metric.outcomes[yc.year] = n.value;
      if (n.footnote) metric.notes.push(`Fotnotsmarkering i ${label} ignorerad`);
    }
  }
}

/** A header in two columns is ambiguous only when the two cells of a row disagree. */
function checkDuplicateColumns(row: SheetRow, match: HeaderMatch, errors: string[]): void {
  const productHeaders = PRODUCT_COLUMNS[SHEETS.metrics] ?? [];
  for (const [header, cols] of Object.entries(match.duplicates)) {
    if (productHeaders.includes(header)) continue;
    const texts = cols.map((c) => cellText(row.cells[c - 1]));
    if (new Set(texts).size > 1) {
      errors.push(`${header} finns i flera kolumner (${cols.map(columnLetter).join(', ')}) med olika värden`);
    }
  }
}

/** The defined names a metric row is checked against, indexed once per sheet (see `nameIndex`). */
interface ReferenceIndex extends MetricReferences {
  goalAreaNames: Map<string, Map<string, string>>;
  indicatorNames: Map<string, Map<string, string>>;
}

function referenceIndex(refs: MetricReferences): ReferenceIndex {
  return {
    ...refs,
    goalAreaNames: nameIndex(refs.goalAreas ?? [], () => ''),
    indicatorNames: nameIndex(refs.indicators ?? [], (i) => normalizeName(i.goalArea)),
  };
}

/**
 * Defined names by group (goal area) and normalised name, first row winning as in resolveName. Built once
 * per sheet: scanning every indicator for every metric row made parsing quadratic. A miss still goes through resolveName for its message and suggestion.
 */
function nameIndex<T extends { name: string }>(rows: readonly T[], groupOf: (row: T) => string): Map<string, Map<string, string>> {
  const index = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const group = groupOf(row);
    let names = index.get(group);
    if (!names) index.set(group, (names = new Map()));
    const key = normalizeName(row.name);
    if (!names.has(key)) names.set(key, row.name);
  }
  return index;
}
