/**
 * `Fastställd ÅÅÅÅ` against the archives that exist (domain.md §7): which year's summary the next
 * recalculation archives, and the notes for dates that make no archive — a second, different date for an
 * archived year, a date for a year the summary does not report, a day that has not come yet.
 * @module
 */
import type { Issue, IsoDate, SetSettings } from '../model/model.ts';
import { APPROVED_SETTING_PREFIX, SETTINGS_HEADERS, SHEETS } from '../model/template.ts';

/** An archive that exists: its year and the date it was approved on. */
export interface ArchivedYear {
  year: number;
  approvedOn: IsoDate;
}

export interface ApprovalPlan {
  /** the reporting year's summary to archive now (a date and no archive yet), or null */
  archive: ArchivedYear | null;
  issues: Issue[];
}

export function planApprovals(settings: SetSettings, archived: readonly ArchivedYear[], today: IsoDate): ApprovalPlan {
  const issues: Issue[] = [];
  const note = (year: number, message: string) =>
    issues.push({ kind: 'note', workbookId: '', workbookName: '', sheet: SHEETS.settings, column: SETTINGS_HEADERS.value, subject: `${APPROVED_SETTING_PREFIX} ${year}`, message });
  const byYear = new Map(archived.map((a) => [a.year, a]));
  let archive: ArchivedYear | null = null;
  for (const [key, date] of Object.entries(settings.approved)) {
    const year = Number(key);
    const label = `${APPROVED_SETTING_PREFIX} ${year}`;
    const done = byYear.get(year);
    if (done) {
      if (done.approvedOn !== date) {
        note(year, `${label} är ${date}, men redovisningen för ${year} arkiverades som fastställd ${done.approvedOn} – arkivet behålls som det är och inget nytt arkiv görs`);
      }
      continue;
    }
    if (date > today) {
      note(year, `${label}: ${date} har inte inträffat än – sammanfattningen arkiveras som fastställd när dagen har kommit`);
    } else if (year !== settings.reportingYear) {
      note(year, `${label} (${date}): sammanfattningen redovisar ${settings.reportingYear ?? 'inget år'}, så ingen fastställd kopia görs för ${year}`);
    } else {
      archive = { year, approvedOn: date };
    }
  }
  return { archive, issues };
}
