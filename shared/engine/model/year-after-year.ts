/**
 * The template words of domain.md §3 and §7 that the year-after-year features add: the `Kolada-KPI` column,
 * the `Kolada-id` and `Fastställd ÅÅÅÅ` settings and the heading of the live summary's difference section.
 * Declared here until the integration moves them into template.ts beside the rest of the contract.
 * @module
 */

/** Column of `Mätetal`: a Kolada key-figure id such as `N00945`. */
export const KOLADA_KPI_HEADER = 'Kolada-KPI';

/** Setting of `Inställningar`: the organisation's id in Kolada (`0019`; a typed 19 means `0019`). */
export const KOLADA_ID_SETTING = 'Kolada-id';

/** Settings `Fastställd 2025`, `Fastställd 2026` …: the date that year's report was approved. */
export const APPROVED_SETTING_PREFIX = 'Fastställd';

/** The live summary's section listing what changed since the approved report. */
export const APPROVED_CHANGES_HEADING = 'Ändrat sedan fastställd rapport';
