/**
 * The demo's approved report (domain.md §7): `init` archives the demo set's summary as it stood when its 2025
 * report was approved (sheets-templates/demo: DEMO_APPROVAL), before the one correction made since, so that the
 * first `recalc` adopts that archive and the live summary's "Ändrat sedan fastställd rapport" has content.
 * @module
 */
import { approvedSnapshot, recalculate } from '../engine/index.ts';
import { createXlsxArchiveStore } from '../adapters/xlsx/index.ts';
import { archiveDocument } from '../app/year-round.ts';
import { DEMO_APPROVAL, demoWorkbooks } from '../../sheets-templates/demo/index.ts';
import { demoGrid } from '../../sheets-templates/demo/grid.ts';

/** The archive's path; throws when a file not the product's is in its place. */
export async function archiveDemoApproval(dir: string): Promise<string> {
  const { year, approvedOn } = DEMO_APPROVAL;
  const result = recalculate(demoWorkbooks({ approved: true }).map(demoGrid), { today: approvedOn, changedAt: `${approvedOn}T12:00:00Z` });
  const snapshot = approvedSnapshot(result.set, { approvedOn, workbooks: result.summary.sources });
  if (!snapshot || snapshot.year !== year) throw new Error(`the demo set's reporting year is not ${year}`);
  const archived = await createXlsxArchiveStore(dir).archive(archiveDocument(result.summary, year, approvedOn), snapshot, { addresses: [], agreed: false });
  return archived.location;
}
