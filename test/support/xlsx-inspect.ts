/**
 * An independent reader for .xlsx packages in tests: fflate unzips, fast-xml-parser parses. It shares no
 * code with the adapter, so a test that compares "before" and "after" through it cannot be fooled by a
 * bug in the adapter's own reading. It resolves only what tests look at: values, styles, notes, validations,
 * panes, column widths and the parts that must survive a write.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

type Xml = Record<string, unknown>;

const ARRAYS = new Set([
  'sheet', 'row', 'c', 'definedName', 'mergeCell', 'conditionalFormatting', 'cfRule', 'dataValidation',
  'hyperlink', 'col', 'si', 'r', 'Relationship', 'Override', 'Default', 'xf', 'numFmt', 'comment',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
  // a workbook written with a prefix (`<x:row>`, Open XML SDK) reads like one without
  removeNSPrefix: true,
});

export function unzipXlsx(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partNames(bytes: Uint8Array): string[] {
  return Object.keys(unzipXlsx(bytes)).sort();
}

export function parseXml(text: string): Xml {
  return parser.parse(text) as Xml;
}

export function partXml(parts: Record<string, Uint8Array>, name: string): Xml | null {
  const part = parts[name];
  return part ? parseXml(strFromU8(part)) : null;
}

export interface InspectedCell {
  /** the text of <v> (or the string for t="s"/inlineStr) */
  value: string | null;
  type: string;
  formula: string | null;
  style: string | null;
}

export interface InspectedValidation {
  sqref: string;
  type: string;
  formula: string;
  errorStyle: string | null;
}

export interface InspectedSheet {
  name: string;
  path: string;
  state: string;
  cells: Map<string, InspectedCell>;
  /** cell notes (legacy comments) by address */
  notes: Map<string, string>;
  merged: string[];
  conditionalFormatting: string[];
  validations: InspectedValidation[];
  /** the validations as `sqref type formula1`, for comparing before and after */
  dataValidations: string[];
  hyperlinks: string[];
  hiddenColumns: string[];
  /** column widths by 1-based column number, as written in <cols> */
  columnWidths: Map<number, number>;
  pane: { xSplit: number; ySplit: number; state: string } | null;
  /** `xSplit,ySplit` of a frozen pane */
  frozenPane: string | null;
  hiddenRows: number[];
  /** relationship types of the sheet (drawing, comments, vmlDrawing, hyperlink …) with their targets */
  relationships: string[];
  hasDrawing: boolean;
  hasLegacyDrawing: boolean;
}

export interface InspectedWorkbook {
  parts: string[];
  sheets: InspectedSheet[];
  definedNames: Record<string, string>;
  /** cellXfs as parsed, to look styles up by index */
  cellXfs: Xml[];
  fills: Xml[];
  fonts: Xml[];
  numFmts: Record<string, string>;
}

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : v === undefined || v === null ? [] : [v as T]);
const text = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(text).join('');
  const o = v as Xml;
  if ('#text' in o) return text(o['#text']);
  return '';
};

/** Text of a string item (<si>, <is> or a comment's <text>): plain <t> and rich-text runs <r><t>, without phonetic runs. */
function stringItem(si: Xml): string {
  return text(si.t) + arr<Xml>(si.r).map((r) => text(r.t)).join('');
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function relsPathOf(partPath: string): string {
  const i = partPath.lastIndexOf('/');
  return `${partPath.slice(0, i)}/_rels/${partPath.slice(i + 1)}.rels`;
}

export function inspectXlsx(bytes: Uint8Array): InspectedWorkbook {
  const parts = unzipXlsx(bytes);
  const workbook = (partXml(parts, 'xl/workbook.xml')?.workbook ?? {}) as Xml;
  const rels = arr<Xml>(((partXml(parts, 'xl/_rels/workbook.xml.rels')?.Relationships ?? {}) as Xml).Relationship);
  const relTarget = new Map(rels.map((r) => [String(r['@_Id']), resolveTarget('xl/workbook.xml', String(r['@_Target']))]));
  const sst = arr<Xml>(((partXml(parts, 'xl/sharedStrings.xml')?.sst ?? {}) as Xml).si).map(stringItem);
  const styles = (partXml(parts, 'xl/styles.xml')?.styleSheet ?? {}) as Xml;

  const sheets = arr<Xml>((workbook.sheets as Xml | undefined)?.sheet).map((s): InspectedSheet => {
    const path = relTarget.get(String(s['@_id'])) ?? '';
    return inspectSheet(parts, path, String(s['@_name']), String(s['@_state'] ?? 'visible'), sst);
  });
  const definedNames: Record<string, string> = {};
  for (const d of arr<Xml>((workbook.definedNames as Xml | undefined)?.definedName)) {
    definedNames[String(d['@_name'])] = text(d);
  }
  const numFmts: Record<string, string> = {};
  for (const n of arr<Xml>((styles.numFmts as Xml | undefined)?.numFmt)) numFmts[String(n['@_numFmtId'])] = String(n['@_formatCode']);
  return {
    parts: Object.keys(parts).sort(),
    sheets,
    definedNames,
    cellXfs: arr<Xml>((styles.cellXfs as Xml | undefined)?.xf),
    fills: arr<Xml>((styles.fills as Xml | undefined)?.fill),
    fonts: arr<Xml>((styles.fonts as Xml | undefined)?.font),
    numFmts,
  };
}

function inspectSheet(parts: Record<string, Uint8Array>, path: string, name: string, state: string, sst: string[]): InspectedSheet {
  const ws = (partXml(parts, path)?.worksheet ?? {}) as Xml;
  const cells = new Map<string, InspectedCell>();
  const hiddenRows: number[] = [];
  for (const row of arr<Xml>((ws.sheetData as Xml | undefined)?.row)) {
    if (row['@_hidden'] === '1' || row['@_hidden'] === 'true') hiddenRows.push(Number(row['@_r']));
    for (const c of arr<Xml>(row.c)) {
      const type = String(c['@_t'] ?? 'n');
      let value: string | null;
      if (type === 's') value = c.v === undefined ? null : (sst[Number(text(c.v))] ?? null);
      else if (type === 'inlineStr') value = stringItem((c.is ?? {}) as Xml);
      else value = c.v === undefined || text(c.v) === '' ? null : text(c.v);
      const formula = c.f === undefined ? null : text(c.f);
      cells.set(String(c['@_r']), { value, type, formula, style: c['@_s'] === undefined ? null : String(c['@_s']) });
    }
  }
  const rels = arr<Xml>(((partXml(parts, relsPathOf(path))?.Relationships ?? {}) as Xml).Relationship).map((r) => ({
    type: String(r['@_Type']).split('/').pop() ?? '',
    target: r['@_TargetMode'] === 'External' ? String(r['@_Target']) : resolveTarget(path, String(r['@_Target'])),
  }));
  const notes = new Map<string, string>();
  for (const rel of rels.filter((r) => r.type === 'comments')) {
    const list = (((partXml(parts, rel.target)?.comments ?? {}) as Xml).commentList ?? {}) as Xml;
    for (const c of arr<Xml>(list.comment)) notes.set(String(c['@_ref']), stringItem((c.text ?? {}) as Xml));
  }
  const validations = arr<Xml>((ws.dataValidations as Xml | undefined)?.dataValidation).map((d): InspectedValidation => ({
    sqref: String(d['@_sqref']),
    type: String(d['@_type']),
    formula: text(d.formula1),
    errorStyle: d['@_errorStyle'] === undefined ? null : String(d['@_errorStyle']),
  }));
  const cols = arr<Xml>((ws.cols as Xml | undefined)?.col);
  const columnWidths = new Map<number, number>();
  for (const c of cols) for (let i = Number(c['@_min']); i <= Number(c['@_max']); i++) columnWidths.set(i, Number(c['@_width']));
  const paneXml = (((ws.sheetViews as Xml | undefined)?.sheetView as Xml | undefined)?.pane ?? null) as Xml | null;
  const pane = paneXml && { xSplit: Number(paneXml['@_xSplit'] ?? 0), ySplit: Number(paneXml['@_ySplit'] ?? 0), state: String(paneXml['@_state']) };
  return {
    name,
    path,
    state,
    cells,
    notes,
    merged: arr<Xml>((ws.mergeCells as Xml | undefined)?.mergeCell).map((m) => String(m['@_ref'])).sort(),
    conditionalFormatting: arr<Xml>(ws.conditionalFormatting).map((cf) => `${String(cf['@_sqref'])} ${arr<Xml>(cf.cfRule).map((r) => `${String(r['@_type'])}:${String(r['@_operator'])}:${text(r.formula)}`).join(';')}`),
    validations,
    dataValidations: validations.map((v) => `${v.sqref} ${v.type} ${v.formula}`),
    hyperlinks: arr<Xml>((ws.hyperlinks as Xml | undefined)?.hyperlink).map((h) => String(h['@_ref'])).sort(),
    hiddenColumns: cols
      .filter((c) => c['@_hidden'] === '1' || c['@_hidden'] === 'true')
      .map((c) => `${String(c['@_min'])}-${String(c['@_max'])}`),
    columnWidths,
    pane,
    frozenPane: pane?.state === 'frozen' ? `${pane.xSplit},${pane.ySplit}` : null,
    hiddenRows,
    relationships: rels.map((r) => `${r.type} ${r.target}`).sort(),
    hasDrawing: ws.drawing !== undefined,
    hasLegacyDrawing: ws.legacyDrawing !== undefined,
  };
}

export function sheetOf(wb: InspectedWorkbook, name: string): InspectedSheet {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The fill colour (rgb, without alpha) and font colour/bold of a cell's style. */
export function cellColours(wb: InspectedWorkbook, cell: InspectedCell | undefined): { fill: string | null; font: string | null; bold: boolean } {
  const xf = wb.cellXfs[Number(cell?.style ?? 0)] ?? {};
  const fill = wb.fills[Number(xf['@_fillId'] ?? 0)] ?? {};
  const pattern = (fill.patternFill ?? {}) as Xml;
  const fg = (pattern.fgColor ?? {}) as Xml;
  const font = wb.fonts[Number(xf['@_fontId'] ?? 0)] ?? {};
  const colour = (font.color ?? {}) as Xml;
  const rgb = (v: unknown): string | null => (typeof v === 'string' ? v.slice(-6).toUpperCase() : null);
  const b = font.b as Xml | string | undefined;
  return {
    // any visible pattern counts as a fill, not only a solid one
    fill: pattern['@_patternType'] !== undefined && pattern['@_patternType'] !== 'none' ? rgb(fg['@_rgb']) : null,
    font: rgb(colour['@_rgb']),
    bold: b !== undefined && !(typeof b === 'object' && (b['@_val'] === '0' || b['@_val'] === 'false')),
  };
}

const BUILTIN_FORMATS: Record<string, string> = { 0: 'General', 9: '0%', 10: '0.00%', 14: 'mm-dd-yy' };

/** The format code of a cell's style (the built-in ones tests meet, and the workbook's own). */
export function numberFormat(wb: InspectedWorkbook, cell: InspectedCell | undefined): string | null {
  const id = String(wb.cellXfs[Number(cell?.style ?? 0)]?.['@_numFmtId'] ?? 0);
  return wb.numFmts[id] ?? BUILTIN_FORMATS[id] ?? null;
}

export type CellValue = string | number | boolean | null;

/** The value as stored: numbers and booleans typed, everything else (strings, errors) as text. */
export function typedValue(cell: InspectedCell | undefined): CellValue {
  if (!cell || cell.value === null) return null;
  if (cell.type === 'n') return Number(cell.value);
  if (cell.type === 'b') return cell.value === '1';
  return cell.value;
}

export function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Row `n` (1-based) as typed values, from column A to the last cell the row holds. */
export function rowValues(sheet: InspectedSheet, n: number): CellValue[] {
  const out: CellValue[] = [];
  for (const [address, cell] of sheet.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m?.[1] || Number(m[2]) !== n) continue;
    out[columnIndex(m[1]) - 1] = typedValue(cell);
  }
  return Array.from(out, (v) => v ?? null);
}
