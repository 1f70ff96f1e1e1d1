/**
 * One sheet of a template workbook laid out from its content (the empty template or a demo sheet): frozen
 * columns, each header's note, width, product marker and dropdown, and the notes and dropdowns of the
 * `Inställningar` rows. Pure data, so the .xlsx writer and `setup google` lay out the same workbook and
 * differ only in how they render it.
 * @module
 */
import { SETTINGS_HEADERS, SHEETS } from '../shared/engine/index.ts';
import {
  COMPUTED_NOTE,
  COMPUTED_PLAN_NOTE,
  VALIDATED_ROWS,
  defaultSettings,
  findColumnSpec,
  findSettingSpec,
  templateSheets,
  type ColumnSpec,
  type TemplateCell,
} from './template-spec.ts';
import type { DemoSheet } from './demo/types.ts';

/** Header fill of the product's columns: grey-blue, so they read as "not for typing". */
export const COMPUTED_HEADER_FILL = 'D6DCE4';
/** Width of a column the template does not know (a user's or the demo's own). */
export const DEFAULT_COLUMN_WIDTH = 14;

export interface HeaderLayout {
  header: string;
  /** 1-based */
  column: number;
  width: number;
  /** null for a column the template does not know */
  note: string | null;
  computed: boolean;
}

/** A dropdown that warns instead of refusing, over rows `firstRow`–`lastRow` (1-based) of one column. */
export interface ListValidation {
  firstRow: number;
  lastRow: number;
  /** 1-based */
  column: number;
  /** the header or setting it belongs to */
  title: string;
  list: readonly string[];
}

/** A note on a cell below the header row (1-based). */
export interface CellNote {
  row: number;
  column: number;
  text: string;
}

export interface SheetLayout {
  name: string;
  /** row 1 is always frozen; these columns too */
  frozenColumns: number;
  headers: HeaderLayout[];
  /** rows 2…, as in the content */
  rows: TemplateCell[][];
  notes: CellNote[];
  /** the headers' dropdowns first, then the settings' */
  validations: ListValidation[];
}

/** The empty template as content: headers only, plus the default rows of `Inställningar`. */
export function emptyTemplate(): DemoSheet[] {
  return templateSheets().map((spec) => ({
    name: spec.name,
    headers: spec.columns.map((c) => c.header),
    rows: spec.name === SHEETS.settings ? defaultSettings().map((s) => [s.name, s.value]) : [],
  }));
}

export function headerNote(sheetName: string, spec: ColumnSpec): string {
  if (!spec.computed) return spec.note;
  const marker = sheetName === SHEETS.actionPlan ? COMPUTED_PLAN_NOTE : COMPUTED_NOTE;
  return `${marker}.\n\n${spec.note}`;
}

export function sheetLayout(sheet: DemoSheet): SheetLayout {
  const headers = sheet.headers.map((header, i): HeaderLayout => {
    const spec = findColumnSpec(sheet.name, header);
    return {
      header,
      column: i + 1,
      width: spec?.width ?? DEFAULT_COLUMN_WIDTH,
      note: spec ? headerNote(sheet.name, spec) : null,
      computed: spec?.computed === true,
    };
  });
  const validations: ListValidation[] = [];
  sheet.headers.forEach((header, i) => {
    const list = findColumnSpec(sheet.name, header)?.list;
    if (list) validations.push({ firstRow: VALIDATED_ROWS.first, lastRow: VALIDATED_ROWS.last, column: i + 1, title: header, list });
  });
  const notes: CellNote[] = [];
  if (sheet.name === SHEETS.settings) {
    const nameIndex = sheet.headers.indexOf(SETTINGS_HEADERS.name);
    const valueIndex = sheet.headers.indexOf(SETTINGS_HEADERS.value);
    sheet.rows.forEach((row, r) => {
      const name = nameIndex < 0 ? undefined : row[nameIndex];
      const spec = typeof name === 'string' ? findSettingSpec(name) : undefined;
      if (!spec) return;
      notes.push({ row: r + 2, column: nameIndex + 1, text: spec.note });
      if (spec.list && valueIndex >= 0) {
        validations.push({ firstRow: r + 2, lastRow: r + 2, column: valueIndex + 1, title: spec.name, list: spec.list });
      }
    });
  }
  return {
    name: sheet.name,
    frozenColumns: templateSheets([]).find((s) => s.name === sheet.name)?.frozenColumns ?? 0,
    headers,
    rows: sheet.rows,
    notes,
    validations,
  };
}
