/**
 * The template words of domain.md §3 and §7 that the year-after-year features use, by the names the earlier
 * building blocks import; the words themselves are declared once, in template.ts.
 * @module
 */
import { METRIC_HEADERS, SETTING_NAMES } from './template.ts';

export { APPROVED_SETTING_PREFIX, APPROVED_CHANGES_HEADING } from './template.ts';

/** Column of `Mätetal`: a Kolada key-figure id such as `N00945`. */
export const KOLADA_KPI_HEADER = METRIC_HEADERS.koladaKpi;

/** Setting of `Inställningar`: the organisation's id in Kolada (`0019`; a typed 19 means `0019`). */
export const KOLADA_ID_SETTING = SETTING_NAMES.koladaId;
