/**
 * The live summary's section **Ändrat sedan fastställd rapport** (domain.md §7): every metric, indicator, goal
 * area (and the organisation) whose status now differs from the approved snapshot, approved → now, with why:
 * a corrected outcome (the outcome values differ), a new, changed or removed override, and otherwise the
 * Förklaring as it reads now. Renderer-neutral blocks, so the xlsx, HTML and Google summaries show the same.
 * @module
 */
import type { SetAssessment, Status } from '../model/model.ts';
import type { ApprovedEntry, ApprovedLevel, ApprovedOverride, ApprovedSnapshot } from '../model/approved.ts';
import type { SummaryBlock, SummaryCell } from '../model/summary-model.ts';
import { normalizeName } from '../model/grid.ts';
import { APPROVED_CHANGES_HEADING } from '../model/year-after-year.ts';
import { formatWithUnit } from '../explain/format.ts';
import { approvedEntries } from './approved-snapshot.ts';
import { NO_VALUE, nameLookup, slug, statusCell } from './cells.ts';

export interface ApprovedChange {
  level: ApprovedLevel;
  workbookId: string | null;
  goalArea: string | null;
  indicator: string | null;
  name: string;
  /** null: not in the approved report (a new row) */
  from: Status | null;
  /** null: no longer in the workbooks */
  to: Status | null;
  reasons: string[];
}

const LEVELS: { level: ApprovedLevel; label: string; of: (s: Omit<ApprovedSnapshot, 'version' | 'year' | 'approvedOn' | 'workbooks'>) => ApprovedEntry[] }[] = [
  { level: 'organisation', label: 'Organisation', of: (s) => [s.organisation] },
  { level: 'målområde', label: 'Målområde', of: (s) => s.goalAreas },
  { level: 'indikator', label: 'Indikator', of: (s) => s.indicators },
  { level: 'mätetal', label: 'Mätetal', of: (s) => s.metrics },
];

/** Figures can be corrected in the second decimal; show enough of them to see it. */
const DECIMALS = 4;

function keyOf(e: ApprovedEntry): string {
  // the organisation's name may change with `Organisation`; it is one row either way
  if (e.level === 'organisation') return 'organisation';
  const names = [e.goalArea ?? '', e.indicator ?? '', e.name].map(normalizeName).join('\u0000');
  return e.level === 'mätetal' ? `${e.workbookId ?? ''}\u0000${names}` : names;
}

function outcomeReasons(before: ApprovedEntry, now: ApprovedEntry): string[] {
  const a = before.outcomes ?? {};
  const b = now.outcomes ?? {};
  const unit = now.unit ?? before.unit ?? null;
  const show = (v: number) => formatWithUnit(v, unit, DECIMALS);
  const years = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const out: string[] = [];
  for (const y of years) {
    const was = a[y];
    const is = b[y];
    if (was !== undefined && is !== undefined && Number(was.toPrecision(12)) !== Number(is.toPrecision(12))) {
      out.push(`Utfall ${y} rättat: ${show(was)} → ${show(is)}`);
    } else if (was === undefined && is !== undefined) out.push(`Utfall ${y} tillagt: ${show(is)}`);
    else if (was !== undefined && is === undefined) out.push(`Utfall ${y} borttaget (var ${show(was)})`);
  }
  return out;
}

function withJustification(text: string, o: ApprovedOverride): string {
  const j = o.justification?.trim();
  return j ? `${text}. Motivering: ${j}` : text;
}

function overrideReason(before: ApprovedOverride | null, now: ApprovedOverride | null): string | null {
  if (!before && now) return withJustification(`ny manuell bedömning ${now.assessment}`, now);
  if (before && !now) return `manuell bedömning borttagen (var ${before.assessment})`;
  if (before && now && before.assessment !== now.assessment) {
    return withJustification(`ändrad manuell bedömning ${before.assessment} → ${now.assessment}`, now);
  }
  if (before && now && (before.justification ?? '') !== (now.justification ?? '')) return withJustification('ändrad motivering', now);
  return null;
}

function reasonsFor(before: ApprovedEntry | undefined, now: ApprovedEntry | undefined): string[] {
  if (!now) return ['finns inte längre i arbetsböckerna'];
  if (!before) return [`nytt sedan den fastställda rapporten. Förklaring: ${now.explanation}`];
  const reasons = outcomeReasons(before, now);
  const o = overrideReason(before.override, now.override);
  if (o) reasons.push(o);
  return reasons.length > 0 ? reasons : [`Förklaring nu: ${now.explanation}`];
}

/** What differs between the approved snapshot and today's set, in the order organisation → goal areas → indicators → metrics. */
export function changesSinceApproved(approved: ApprovedSnapshot, set: SetAssessment): ApprovedChange[] {
  const now = approvedEntries(set, approved.year);
  const changes: ApprovedChange[] = [];
  for (const { level, of } of LEVELS) {
    const before = new Map(of(approved).map((e) => [keyOf(e), e]));
    const current = of(now);
    const keys = [...new Set([...before.keys(), ...current.map(keyOf)])];
    const byKey = new Map(current.map((e) => [keyOf(e), e]));
    for (const key of keys) {
      const a = before.get(key);
      const b = byKey.get(key);
      if (a && b && a.status === b.status) continue;
      const e = (b ?? a)!;
      changes.push({
        level,
        workbookId: e.workbookId,
        goalArea: e.goalArea,
        indicator: e.indicator,
        name: e.name,
        from: a?.status ?? null,
        to: b?.status ?? null,
        reasons: reasonsFor(a, b),
      });
    }
  }
  return changes;
}

function status(s: Status | null): SummaryCell {
  return s === null ? { text: NO_VALUE } : statusCell(s);
}

/**
 * The section's blocks while the approved year is the reporting year; none otherwise (another year is
 * reported, or the snapshot is of a year the set no longer assesses).
 */
export function approvedChangesBlocks(approved: ApprovedSnapshot, set: SetAssessment, sources: { id: string; name: string }[]): SummaryBlock[] {
  if (set.year !== approved.year) return [];
  const changes = changesSinceApproved(approved, set);
  const workbook = nameLookup([...approved.workbooks, ...sources]);
  const label = new Map(LEVELS.map((l) => [l.level, l.label]));
  const blocks: SummaryBlock[] = [{ kind: 'heading', level: 2, text: APPROVED_CHANGES_HEADING, id: slug(APPROVED_CHANGES_HEADING) }];
  if (changes.length === 0) {
    blocks.push({ kind: 'paragraph', text: `Inga bedömningar har ändrats sedan redovisningen för ${approved.year} fastställdes ${approved.approvedOn}.` });
    return blocks;
  }
  const count = changes.length === 1 ? 'En bedömning har' : `${changes.length} bedömningar har`;
  blocks.push({ kind: 'paragraph', text: `Redovisningen för ${approved.year} fastställdes ${approved.approvedOn}. ${count} ändrats sedan dess.` });
  blocks.push({
    kind: 'table',
    caption: APPROVED_CHANGES_HEADING,
    columns: ['Nivå', 'Namn', 'Arbetsbok', 'Fastställd', 'Nu', 'Varför'],
    rows: changes.map((c) => [
      { text: label.get(c.level)! },
      { text: c.level === 'mätetal' && c.indicator ? `${c.name} (${c.indicator})` : c.name },
      { text: c.workbookId === null ? NO_VALUE : workbook(c.workbookId) },
      status(c.from),
      status(c.to),
      { text: c.reasons.join('; ') },
    ]),
  });
  return blocks;
}
