/**
 * Styrmått (domain.md §3): metrics marked as the annual report's headline measures. One label names one
 * metric; a second metric with the same label is still shown, with a data-quality note.
 * @module
 */
import type { Issue, MetricAssessment, WorkbookModel } from '../model/model.ts';
import { normalizeName } from '../model/grid.ts';
import { METRIC_HEADERS, SHEETS } from '../model/template.ts';

/** A note on every metric after the first that carries a label already used. */
export function headlineIssues(sorted: readonly WorkbookModel[], metrics: readonly MetricAssessment[]): Issue[] {
  const names = new Map(sorted.map((m) => [m.workbookId, m.workbookName]));
  const first = new Map<string, MetricAssessment>();
  const issues: Issue[] = [];
  for (const m of metrics) {
    if (m.headline === undefined) continue;
    const key = normalizeName(m.headline);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, m);
      continue;
    }
    issues.push({
      kind: 'note',
      workbookId: m.workbookId,
      workbookName: names.get(m.workbookId) ?? m.workbookId,
      sheet: SHEETS.metrics,
      rowNumber: m.rowNumber,
      column: METRIC_HEADERS.headline,
      subject: m.name,
      message: `${METRIC_HEADERS.headline} '${m.headline}' är redan satt på mätetalet ”${earlier.name}” (${names.get(earlier.workbookId) ?? earlier.workbookId}, rad ${earlier.rowNumber}); båda visas – ett styrmått per etikett är tanken`,
    });
  }
  return issues;
}
