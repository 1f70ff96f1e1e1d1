/**
 * The settings of a whole set of workbooks (domain.md §3 "A set of workbooks"). Set-wide settings must
 * agree wherever they are set; on a conflict the first workbook by name (Swedish collation) wins, the
 * conflict becomes a data-quality issue, and no new sharing happens until it is resolved.
 * @module
 */
import { normalizeName } from '../model/grid.ts';
import type { Issue, ManualAssessment, SetSettings, WorkbookModel, WorkbookSettings } from '../model/model.ts';
import { APPROVED_SETTING_PREFIX, DEFAULTS, DEFAULT_ANSWER_ORDER, SETTING_NAMES, SHEETS } from '../model/template.ts';
import { formatNumber } from '../explain/format.ts';
import { chooseReportingYear, settingsYearReason } from './reporting-year.ts';
import { byWorkbookName } from './match.ts';
import { sameDecimal } from '../model/rule-compare.ts';


interface SettingSpec<T> {
  name: string;
  get: (s: WorkbookSettings) => T | null;
  same: (a: T, b: T) => boolean;
  show: (v: T) => string;
  /** one of the four settings of domain.md that block sharing when they conflict */
  setWide: boolean;
}

interface Resolved<T> {
  value: T | null;
  conflict: boolean;
}

/**
 * The default Tolerans for one workbook's metrics: its own `Inställningar`, else the template's default. Not a
 * set-wide setting (domain.md §3 "A set of workbooks"): another workbook's Tolerans never applies.
 */
export function workbookTolerance(model: Pick<WorkbookModel, 'settings'>): number {
  return model.settings.tolerance ?? DEFAULTS.tolerance;
}

export function resolveSetSettings(models: WorkbookModel[]): SetSettings {
  const ordered = byWorkbookName(models);
  const issues: Issue[] = [];
  const resolve = <T>(spec: SettingSpec<T>): Resolved<T> => resolveOne(ordered, spec, issues);

  const organisation = resolve<string>({
    name: SETTING_NAMES.organisation,
    get: (s) => blankToNull(s.organisation),
    same: (a, b) => normalizeName(a) === normalizeName(b),
    show: (v) => v,
    setWide: true,
  });
  const year = resolve<number>({
    name: SETTING_NAMES.reportingYear,
    get: (s) => s.reportingYear,
    same: (a, b) => a === b,
    show: (v) => String(v),
    setWide: true,
  });
  const threshold = resolve<number>({
    name: SETTING_NAMES.threshold,
    get: (s) => s.threshold,
    same: sameDecimal,
    show: (v) => formatNumber(v, 4),
    setWide: true,
  });
  const shareWith = resolve<string[]>({
    name: SETTING_NAMES.shareWith,
    get: (s) => s.shareWith,
    same: (a, b) => addressKey(a) === addressKey(b),
    show: (v) => (v.length > 0 ? v.join(', ') : '(tomt)'),
    setWide: true,
  });
  const manualOverall = resolve<ManualAssessment>({
    name: SETTING_NAMES.manualOverall,
    get: (s) => s.manualOverall,
    same: (a, b) => a.assessment === b.assessment && (a.justification ?? '').trim() === (b.justification ?? '').trim(),
    show: (v) => (v.justification ? `${v.assessment} (${v.justification.trim()})` : v.assessment),
    setWide: false,
  });
  const answerOrder = resolve<string[]>({
    name: SETTING_NAMES.answerOrder,
    get: (s) => emptyToNull(s.answerOrder),
    same: (a, b) => listKey(a) === listKey(b),
    show: (v) => v.join(', '),
    setWide: false,
  });
  const departments = resolve<string[]>({
    name: SETTING_NAMES.departments,
    get: (s) => s.departments,
    same: (a, b) => [...a.map(normalizeName)].sort().join('\n') === [...b.map(normalizeName)].sort().join('\n'),
    show: (v) => v.join(', '),
    setWide: false,
  });
  const strengthsCount = resolve<number>({
    name: SETTING_NAMES.strengthsCount,
    get: (s) => s.strengthsCount,
    same: (a, b) => a === b,
    show: (v) => String(v),
    setWide: false,
  });

  const koladaId = resolve<string>({
    name: SETTING_NAMES.koladaId,
    get: (s) => s.koladaId ?? null,
    same: (a, b) => a === b,
    show: (v) => v,
    setWide: false,
  });
  const approved: Record<number, string> = {};
  const approvedYears = new Set(ordered.flatMap((m) => Object.keys(m.settings.approved ?? {}).map(Number)));
  for (const y of [...approvedYears].sort((a, b) => a - b)) {
    const date = resolve<string>({
      name: `${APPROVED_SETTING_PREFIX} ${y}`,
      get: (s) => s.approved?.[y] ?? null,
      same: (a, b) => a === b,
      show: (v) => v,
      setWide: false,
    });
    if (date.value !== null) approved[y] = date.value;
  }

  const chosen =
    year.value !== null
      ? { year: year.value, reason: settingsYearReason(year.value) }
      : chooseReportingYear(models);

  return {
    organisation: organisation.value,
    reportingYear: chosen.year,
    reportingYearReason: chosen.reason,
    threshold: threshold.value ?? DEFAULTS.threshold,
    shareWith: shareWith.value ?? [],
    shareAgreed: ![organisation, year, threshold, shareWith].some((r) => r.conflict),
    manualOverall: manualOverall.value,
    answerOrder: answerOrder.value ?? [...DEFAULT_ANSWER_ORDER],
    departments: departments.value ?? [],
    strengthsCount: strengthsCount.value ?? DEFAULTS.strengthsCount,
    koladaId: koladaId.value,
    approved,
    issues,
  };
}

function resolveOne<T>(ordered: WorkbookModel[], spec: SettingSpec<T>, issues: Issue[]): Resolved<T> {
  let winner: { model: WorkbookModel; value: T } | null = null;
  let conflict = false;
  for (const model of ordered) {
    const value = spec.get(model.settings);
    if (value === null) continue;
    if (winner === null) {
      winner = { model, value };
      continue;
    }
    if (spec.same(winner.value, value)) continue;
    conflict = true;
    issues.push({
      kind: 'conflict',
      workbookId: model.workbookId,
      workbookName: model.workbookName,
      sheet: SHEETS.settings,
      subject: spec.name,
      message:
        `Inställningen ”${spec.name}” skiljer sig mellan arbetsböckerna: ` +
        `”${spec.show(winner.value)}” i ${winner.model.workbookName} och ”${spec.show(value)}” i ${model.workbookName}. ` +
        `Värdet från ${winner.model.workbookName} används` +
        (spec.setWide ? '; ingen ny delning görs förrän skillnaden är löst.' : '.'),
    });
  }
  return { value: winner?.value ?? null, conflict };
}

function blankToNull(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : text.trim();
}

function emptyToNull(list: string[] | null): string[] | null {
  return list === null || list.length === 0 ? null : list;
}

/** The same readers in another order or case are the same setting. */
function addressKey(list: string[]): string {
  return [...new Set(list.map(normalizeName).filter((a) => a !== ''))].sort().join(',');
}

/** Answer order is an order: the sequence matters, case does not. */
function listKey(list: string[]): string {
  return list.map(normalizeName).join('\n');
}
