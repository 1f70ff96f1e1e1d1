/**
 * Sheet `Inställningar` (columns `Inställning`, `Värde`): the workbook's settings as typed. A bad value is an
 * issue and leaves the setting unset (the default or another workbook's value then applies).
 * @module
 */
import type { CellInput, SheetGrid } from '../model/grid.ts';
import type { WorkbookSettings } from '../model/model.ts';
import { normalizeName } from '../model/grid.ts';
import { SETTING_NAMES as S, SETTINGS_HEADERS } from '../model/template.ts';
import { findHeaderRow, suggestNearest } from './headers.ts';
import { addIssue, reportHeaderProblems, type ParseContext } from './common.ts';
import { cellText, parseNumberCell, parsePercentFraction, parseYearCell, quote, shownText } from './values.ts';
import { parseAssessmentWord } from './words.ts';
import { parseApprovedSetting } from './approved-setting.ts';
import { parseKoladaId } from './kolada-ids.ts';

export function emptySettings(): WorkbookSettings {
  return {
    organisation: null,
    reportingYear: null,
    tolerance: null,
    threshold: null,
    shareWith: null,
    manualOverall: null,
    answerOrder: null,
    departments: null,
    strengthsCount: null,
  };
}

/** Splits a list typed in one cell: comma, semicolon or new line; trimmed; `grupp: x` kept as `grupp:x`. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n\r]+/)
    .map((part) => part.replace(/[\s\u00a0]+/g, ' ').trim())
    .map((part) => part.replace(/^grupp\s*:\s*/i, 'grupp:'))
    .filter((part) => part !== '');
}

interface SettingEntry {
  rowNumber: number;
  name: string;
  value: CellInput | null | undefined;
}

function readEntries(sheet: SheetGrid, ctx: ParseContext): SettingEntry[] {
  const match = findHeaderRow(sheet, { known: Object.values(SETTINGS_HEADERS), required: Object.values(SETTINGS_HEADERS) });
  reportHeaderProblems(ctx, sheet, match);
  let nameCol = match.columns[SETTINGS_HEADERS.name];
  let valueCol = match.columns[SETTINGS_HEADERS.value];
  let first = match.row;
  if (nameCol === undefined || valueCol === undefined) {
    // a sheet without its header row is still readable as the two template columns
    addIssue(ctx, 'note', sheet.name, `Rubrikerna '${SETTINGS_HEADERS.name}' och '${SETTINGS_HEADERS.value}' saknas – kolumn A och B läses som inställningar`, { rowNumber: 1 });
    nameCol = 1;
    valueCol = 2;
    first = 0;
  }
  const entries: SettingEntry[] = [];
  sheet.rows.forEach((cells, i) => {
    if (i < first) return;
    const name = cellText(cells?.[nameCol - 1]);
    if (name !== '') entries.push({ rowNumber: i + 1, name, value: cells?.[valueCol - 1] });
  });
  return entries;
}

export function parseSettings(sheet: SheetGrid, ctx: ParseContext): WorkbookSettings {
  const settings = emptySettings();
  const byKey = new Map(Object.values(S).map((n) => [normalizeName(n), n]));
  const seen = new Map<string, number>();
  let justification: string | null = null;
  const problem = (kind: 'error' | 'note', entry: SettingEntry, message: string) =>
    addIssue(ctx, kind, sheet.name, message, { rowNumber: entry.rowNumber, column: SETTINGS_HEADERS.value, subject: entry.name });

  for (const entry of readEntries(sheet, ctx)) {
    const name = byKey.get(normalizeName(entry.name));
    if (name === undefined && readApproved(entry, settings, seen, problem)) continue;
    if (name === undefined) {
      const near = suggestNearest(entry.name, Object.values(S));
      const hint = near === null ? '' : ` – menade du '${near}'?`;
      addIssue(ctx, 'note', sheet.name, `Inställningen ${quote(entry.name)} känns inte igen${hint}`, { rowNumber: entry.rowNumber, column: SETTINGS_HEADERS.name, subject: entry.name });
      continue;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      problem('error', entry, `Inställningen '${name}' finns på rad ${earlier} och ${entry.rowNumber} – den första används`);
      continue;
    }
    seen.set(name, entry.rowNumber);
    const text = cellText(entry.value);
    if (text === '') continue;
    const bad = (what: string) => problem('error', entry, `${name}: ${what}`);

    switch (name) {
      case S.organisation:
        settings.organisation = text;
        break;
      case S.reportingYear: {
        const y = parseYearCell(entry.value);
        if (y.kind === 'year') settings.reportingYear = y.year;
        else if (y.kind === 'error') bad(y.message);
        break;
      }
      case S.tolerance: {
        const f = parsePercentFraction(entry.value);
        if (f.kind === 'error') bad(`ogiltig tolerans: ${f.message}`);
        else if (f.kind === 'fraction' && f.value < 0) bad(`ogiltig tolerans ${quote(shownText(entry.value))}: får inte vara negativ`);
        else if (f.kind === 'fraction') settings.tolerance = f.value;
        break;
      }
      case S.threshold: {
        const n = parseNumberCell(entry.value);
        const value = n.kind === 'number' ? (n.percent ? n.value / 100 : n.value) : null;
        if (n.kind === 'error') bad(n.message);
        else if (value !== null && (value < 0 || value > 1)) bad(`${quote(shownText(entry.value))} måste vara ett tal mellan 0 och 1, t.ex. 0,5`);
        else if (value !== null) settings.threshold = value;
        break;
      }
      case S.shareWith:
        settings.shareWith = splitList(text);
        break;
      case S.manualOverall: {
        const w = parseAssessmentWord(text);
        if (w.kind === 'error') bad(w.message);
        else if (w.kind === 'word') settings.manualOverall = { assessment: w.value, justification: null, year: null };
        break;
      }
      case S.manualOverallJustification:
        justification = text;
        break;
      case S.answerOrder:
        settings.answerOrder = splitList(text);
        break;
      case S.departments:
        settings.departments = splitList(text);
        break;
      case S.koladaId: {
        const id = parseKoladaId(entry.value);
        if (id.kind === 'id') settings.koladaId = id.id;
        else if (id.kind === 'error') problem('error', entry, id.message);
        break;
      }
      case S.strengthsCount: {
        const n = parseNumberCell(entry.value);
        if (n.kind === 'number' && Number.isInteger(n.value) && n.value >= 1 && !n.percent) settings.strengthsCount = n.value;
        else bad(`${quote(shownText(entry.value))} måste vara ett heltal, minst 1`);
        break;
      }
    }
  }
  if (settings.manualOverall) settings.manualOverall.justification = justification;
  return settings;
}

/**
 * A `Fastställd ÅÅÅÅ` row (domain.md §7): its date goes into `approved`; true when the row was one (handled, or
 * reported). A day in the future is checked where the day is known (assess/approved.ts).
 */
function readApproved(
  entry: SettingEntry,
  settings: WorkbookSettings,
  seen: Map<string, number>,
  problem: (kind: 'error' | 'note', entry: SettingEntry, message: string) => void,
): boolean {
  const approved = parseApprovedSetting(entry.name, entry.value);
  if (approved.kind === 'other') return false;
  if (approved.kind === 'error') {
    problem('error', entry, approved.message);
    return true;
  }
  const label = `Fastställd ${approved.year}`;
  const earlier = seen.get(label);
  if (earlier !== undefined) {
    problem('error', entry, `Inställningen '${label}' finns på rad ${earlier} och ${entry.rowNumber} – den första används`);
    return true;
  }
  seen.set(label, entry.rowNumber);
  if (approved.kind === 'date') settings.approved = { ...settings.approved, [approved.year]: approved.date };
  return true;
}
