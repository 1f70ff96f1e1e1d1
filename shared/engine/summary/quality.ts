/**
 * "Datakvalitet": every issue of the set, grouped by kind, each naming workbook, sheet, row, subject
 * and message. Errors and overrides the rules engine did not list as issues are added from the
 * assessments themselves, so nothing that affects a status goes unmentioned.
 * @module
 */
import type { Issue, IssueKind, SetAssessment, SetSettings, MetricAssessment, AggregateAssessment } from '../model/model.ts';
import type { SummaryBlock } from '../model/summary-model.ts';
import { SHEETS } from '../model/template.ts';
import { NO_VALUE } from './cells.ts';

export const QUALITY_HEADING = 'Datakvalitet';

export const QUALITY_GROUPS: { kind: IssueKind; heading: string }[] = [
  { kind: 'unreadable-workbook', heading: 'Arbetsböcker som inte kunde läsas' },
  { kind: 'not-read-file', heading: 'Filer i mappen som inte läses' },
  { kind: 'error', heading: 'Rader med fel' },
  { kind: 'conflict', heading: 'Motstridiga uppgifter mellan arbetsböcker' },
  { kind: 'missing-outcome', heading: 'Saknade utfall' },
  { kind: 'override', heading: 'Manuella bedömningar och deras motiveringar' },
  { kind: 'inactive-override', heading: 'Inaktuella manuella bedömningar' },
  { kind: 'typed-in-product-column', heading: 'Text skriven i produktens kolumner' },
  { kind: 'refused-sharing', heading: 'Delning som inte gjordes' },
  { kind: 'kolada', heading: 'Utfall som skiljer sig från Kolada' },
  { kind: 'note', heading: 'Övriga anmärkningar' },
];

const place = (i: { workbookId: string; sheet: string; rowNumber?: number | undefined }) =>
  `${i.workbookId}\u0000${i.sheet}\u0000${i.rowNumber ?? ''}`;

export function collectIssues(
  set: SetAssessment,
  settings: SetSettings,
  workbook: (id: string | null) => string,
): Issue[] {
  const seen = new Set<string>();
  // kind + place of every issue in `out`: scanning `out` for each derived issue was quadratic
  const places = new Set<string>();
  const out: Issue[] = [];
  const add = (issue: Issue) => {
    const key = `${issue.kind}\u0000${place(issue)}\u0000${issue.subject ?? ''}\u0000${issue.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    places.add(`${issue.kind}\u0000${place(issue)}`);
    out.push(issue);
  };
  for (const issue of [...set.issues, ...settings.issues]) add(issue);

  const listed = (kind: IssueKind, at: { workbookId: string; sheet: string; rowNumber?: number }) =>
    places.has(`${kind}\u0000${place(at)}`);
  const derived = (kind: IssueKind, sheet: string, a: MetricAssessment | AggregateAssessment, message: string) => {
    if (a.workbookId === null || a.rowNumber === null) return;
    const at = { workbookId: a.workbookId, sheet, rowNumber: a.rowNumber };
    if (listed(kind, at)) return;
    add({ kind, ...at, workbookName: workbook(a.workbookId), subject: a.name, message });
  };
  const levels: [string, (MetricAssessment | AggregateAssessment)[]][] = [
    [SHEETS.metrics, set.metrics],
    [SHEETS.indicators, set.indicators],
    [SHEETS.goalAreas, set.goalAreas],
  ];
  for (const [sheet, list] of levels) {
    for (const a of list) {
      if (a.status === 'Fel') derived('error', sheet, a, a.explanation);
      if (a.rule === 'manuell' && a.manual) {
        derived('override', sheet, a, `${a.manual.assessment}: ${a.manual.justification ?? 'motivering saknas'}`);
      }
    }
  }
  return out;
}

export function qualityBlocks(
  set: SetAssessment,
  settings: SetSettings,
  workbook: (id: string | null) => string,
): SummaryBlock[] {
  const issues = collectIssues(set, settings, workbook);
  const blocks: SummaryBlock[] = [{ kind: 'heading', level: 2, text: QUALITY_HEADING, id: 'datakvalitet' }];
  if (issues.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'Inga anmärkningar: alla rader kunde läsas och bedömas.' });
    return blocks;
  }
  for (const group of QUALITY_GROUPS) {
    const rows = issues.filter((i) => i.kind === group.kind);
    if (rows.length === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: `${group.heading} (${rows.length})` });
    blocks.push({
      kind: 'table',
      caption: group.heading,
      columns: ['Arbetsbok', 'Blad', 'Rad', 'Gäller', 'Meddelande'],
      rows: rows.map((i) => [
        { text: i.workbookName || workbook(i.workbookId) || NO_VALUE },
        { text: i.sheet || NO_VALUE },
        i.rowNumber === undefined ? { text: NO_VALUE } : { text: String(i.rowNumber), number: i.rowNumber },
        { text: i.subject ?? (i.column ? `kolumn ${i.column}` : NO_VALUE) },
        { text: i.message },
      ]),
    });
  }
  return blocks;
}
