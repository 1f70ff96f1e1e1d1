/**
 * buildSummary: the whole summary as renderer-neutral blocks, in the order of domain.md §3 — first what
 * leadership reads at a glance, then the detail. The hash covers the content but never `changedAt`,
 * so a recalculation that changes nothing can write nothing.
 * @module
 */
import type { IsoDate, SetAssessment, SetSettings } from '../model/model.ts';
import type { SummaryBlock, SummaryDocument } from '../model/summary-model.ts';
import { Footnotes, nameLookup } from './cells.ts';
import { overviewBlocks, resultLists } from './overview.ts';
import { chartBlocks } from './charts.ts';
import { goalAreaBlocks } from './goal-areas.ts';
import { paceBlocks } from './pace.ts';
import { surveyBlocks, actionPlanBlocks, actionPlanSheet } from './survey.ts';
import { qualityBlocks } from './quality.ts';
import { themeBlocks } from './survey-themes.ts';
import { pyramidBlocks } from './agenda-pyramid.ts';
import { riskBlocks } from './risk-areas.ts';
import { canonicalHash } from './hash.ts';
import { cutNotes, fitBlocks } from './fit.ts';
import { shortenedNote } from '../model/cell-limit.ts';
import type { ApprovedSnapshot } from '../model/approved.ts';
import { approvedChangesBlocks } from './approved-changes.ts';

export interface SummaryContext {
  sources: { id: string; name: string }[];
  today: IsoDate;
  changedAt: string | null;
  /** the archived approved report of the reporting year, when there is one: the section of what changed since */
  approved?: ApprovedSnapshot | null;
}

export function buildSummary(set: SetAssessment, settings: SetSettings, ctx: SummaryContext): SummaryDocument {
  const workbook = nameLookup(ctx.sources);
  const notes = new Footnotes();
  const blocks: SummaryBlock[] = [
    ...overviewBlocks(set, settings, notes),
    ...resultLists(set, workbook),
    ...(ctx.approved ? approvedChangesBlocks(ctx.approved, set, ctx.sources) : []),
    ...chartBlocks(set, settings.answerOrder),
    ...goalAreaBlocks(set, notes, workbook),
    ...paceBlocks(set.pace, set.year),
    ...surveyBlocks(set.survey),
    ...themeBlocks(set.survey, settings.answerOrder),
    ...pyramidBlocks(set.pyramids),
    ...riskBlocks(set.risks, workbook),
    ...actionPlanBlocks(set.actions, set.goalAreas.map((a) => a.name)),
  ];
  // no text longer than a cell takes: what had to be cut is listed in Datakvalitet, which is fitted too
  const cut = cutNotes(fitBlocks(blocks));
  const quality = qualityBlocks(cut.length > 0 ? { ...set, issues: [...set.issues, ...cut] } : set, settings, workbook);
  const cutInQuality = fitBlocks(quality).length;
  if (cutInQuality > 0) quality.push({ kind: 'paragraph', text: shortenedNote(cutInQuality === 1 ? 'En text ovan' : `${cutInQuality} texter ovan`) });
  blocks.push(...quality);
  const actionPlan = actionPlanSheet(set.actions);
  const sourceNames = ctx.sources.map((s) => s.name);
  const contentHash = canonicalHash({ blocks, actionPlan, sources: sourceNames });
  blocks.push({ kind: 'paragraph', text: footerText(ctx.changedAt, sourceNames) });
  return {
    organisation: settings.organisation,
    year: set.year,
    blocks,
    actionPlan,
    contentHash,
    builtFor: ctx.today,
    sources: ctx.sources,
  };
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});

export function formatChangedAt(changedAt: string | null): string {
  if (!changedAt) return '–';
  const ms = Date.parse(changedAt);
  return Number.isNaN(ms) ? changedAt : STOCKHOLM.format(ms);
}

export function footerText(changedAt: string | null, sourceNames: string[]): string {
  return `Senast ändrad ${formatChangedAt(changedAt)} · Källor: ${sourceNames.length > 0 ? sourceNames.join(', ') : '–'}`;
}
