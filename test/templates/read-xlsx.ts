/**
 * A small .xlsx reader for tests, independent of exceljs (the writer): fflate unzips, fast-xml-parser
 * reads the OOXML parts. It resolves only what the template tests look at.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

export interface ReadCell {
  value: string | number | boolean | null;
  numFmt: string | null;
  bold: boolean;
  fill: string | null;
}

export interface ReadSheet {
  name: string;
  cells: Map<string, ReadCell>;
  comments: Map<string, string>;
  validations: { sqref: string; type: string; formula: string; errorStyle: string | null }[];
  pane: { xSplit: number; ySplit: number; state: string } | null;
  widths: Map<number, number>;
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['sheet', 'Relationship', 'row', 'c', 'si', 'r', 'comment', 'dataValidation', 'xf', 'fill', 'font', 'numFmt', 'col']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

const BUILTIN_FORMATS: Record<number, string> = { 0: 'General', 9: '0%', 10: '0.00%', 14: 'mm-dd-yy' };

function arr(value: unknown): Node[] {
  return Array.isArray(value) ? (value as Node[]) : value === undefined ? [] : [value as Node];
}

function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  const n = node as Node;
  if ('#text' in n) return String(n['#text']);
  if ('t' in n || 'r' in n) return text(n.t) + arr(n.r).map((r) => text(r.t)).join('');
  return '';
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else parts.push(piece);
  }
  return parts.join('/');
}

function relsOf(files: Record<string, Uint8Array>, part: string): Map<string, string> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const data = files[relsPath];
  const map = new Map<string, string>();
  if (!data) return map;
  const doc = parser.parse(strFromU8(data)) as Node;
  for (const rel of arr((doc.Relationships as Node).Relationship)) {
    map.set(String(rel['@_Id']), resolvePath(part, String(rel['@_Target'])));
  }
  return map;
}

export function readXlsx(path: string): ReadSheet[] {
  const files = unzipSync(readFileSync(path));
  const xml = (name: string): Node => {
    const data = files[name];
    if (!data) throw new Error(`missing part ${name}`);
    return parser.parse(strFromU8(data)) as Node;
  };
  const shared = files['xl/sharedStrings.xml'] ? arr((xml('xl/sharedStrings.xml').sst as Node).si).map(text) : [];
  const styles = xml('xl/styles.xml').styleSheet as Node;
  const formats = new Map<number, string>(Object.entries(BUILTIN_FORMATS).map(([k, v]) => [Number(k), v]));
  for (const f of arr((styles.numFmts as Node | undefined)?.numFmt)) formats.set(Number(f['@_numFmtId']), String(f['@_formatCode']));
  const fonts = arr((styles.fonts as Node).font);
  const fills = arr((styles.fills as Node).fill);
  const xfs = arr((styles.cellXfs as Node).xf);

  const workbookRels = relsOf(files, 'xl/workbook.xml');
  const sheets = arr(((xml('xl/workbook.xml').workbook as Node).sheets as Node).sheet);
  return sheets.map((entry) => {
    const part = workbookRels.get(String(entry['@_r:id']));
    if (!part) throw new Error('sheet without part');
    const ws = xml(part).worksheet as Node;
    const cells = new Map<string, ReadCell>();
    for (const row of arr((ws.sheetData as Node | undefined)?.row)) {
      for (const c of arr(row.c)) {
        const xf = xfs[Number(c['@_s'] ?? 0)] ?? {};
        const font = fonts[Number(xf['@_fontId'] ?? 0)] ?? {};
        const fill = fills[Number(xf['@_fillId'] ?? 0)] ?? {};
        const fg = ((fill.patternFill as Node | undefined)?.fgColor as Node | undefined)?.['@_rgb'];
        const raw = c.v === undefined ? null : text(c.v);
        const type = c['@_t'];
        const value =
          type === 's' ? (shared[Number(raw)] ?? null)
          : type === 'inlineStr' ? text((c.is as Node).t)
          : type === 'str' ? raw
          : type === 'b' ? raw === '1'
          : raw === null ? null : Number(raw);
        cells.set(String(c['@_r']), {
          value,
          numFmt: formats.get(Number(xf['@_numFmtId'] ?? 0)) ?? null,
          bold: font.b !== undefined,
          fill: typeof fg === 'string' ? fg.slice(-6).toUpperCase() : null,
        });
      }
    }
    const comments = new Map<string, string>();
    for (const [, target] of relsOf(files, part)) {
      if (!/comments\d*\.xml$/.test(target)) continue;
      for (const c of arr(((xml(target).comments as Node).commentList as Node).comment)) {
        comments.set(String(c['@_ref']), text(c.text));
      }
    }
    const validations = arr((ws.dataValidations as Node | undefined)?.dataValidation).map((v) => ({
      sqref: String(v['@_sqref']),
      type: String(v['@_type']),
      formula: text(v.formula1),
      errorStyle: v['@_errorStyle'] === undefined ? null : String(v['@_errorStyle']),
    }));
    const paneNode = ((ws.sheetViews as Node | undefined)?.sheetView as Node | undefined)?.pane as Node | undefined;
    const pane = paneNode
      ? { xSplit: Number(paneNode['@_xSplit'] ?? 0), ySplit: Number(paneNode['@_ySplit'] ?? 0), state: String(paneNode['@_state']) }
      : null;
    const widths = new Map<number, number>();
    for (const col of arr((ws.cols as Node | undefined)?.col)) {
      for (let i = Number(col['@_min']); i <= Number(col['@_max']); i++) widths.set(i, Number(col['@_width']));
    }
    return { name: String(entry['@_name']), cells, comments, validations, pane, widths };
  });
}

/** Row `n` (1-based) as values, from column A to the last filled cell. */
export function rowValues(sheet: ReadSheet, n: number): (string | number | boolean | null)[] {
  const out: (string | number | boolean | null)[] = [];
  for (const [address, cell] of sheet.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m || Number(m[2]) !== n || !m[1]) continue;
    out[columnIndex(m[1]) - 1] = cell.value;
  }
  return Array.from(out, (v) => v ?? null);
}

export function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
