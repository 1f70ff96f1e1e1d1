/**
 * Läge of each Handlingsplan row on the day of the run (domain.md §3 "Handlingsplan").
 * The due date is the last day allowed, so an activity due today is still Enligt plan.
 * @module
 */
import type { ActionAssessment, ActionRow, IsoDate, PlanPosition } from '../model/model.ts';

export function assessActions(actions: ActionRow[], today: IsoDate): ActionAssessment[] {
  // ISO dates compare correctly as strings; a caller handing a full timestamp still works
  const day = today.slice(0, 10);
  return actions.map((row) => ({ ...row, position: positionOf(row, day) }));
}

function positionOf(row: ActionRow, today: IsoDate): PlanPosition | null {
  if (row.errors.length > 0 || row.status === null) return null;
  // a finished activity is finished whatever its date says
  if (row.status === 'Klar') return 'Klar';
  if (row.due === null) return null;
  return row.due.slice(0, 10) < today ? 'Försenad' : 'Enligt plan';
}
