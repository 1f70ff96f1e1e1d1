/**
 * The small edits to a package's bookkeeping parts that registering or dropping a part takes: a `<sheet>` in
 * workbook.xml (added last, so `localSheetId` and `activeTab` keep pointing where they did), the hidden state,
 * `<calcPr fullCalcOnLoad="1">`, a relationship, a content-type override. Each is spliced in; the rest of
 * the part stays byte for byte.
 * @module
 */
import { Splice } from './splice.ts';
import { CLOSE, EMPTY, name, OPEN, XmlScanner } from './xml-scan.ts';
import { escapeAttribute } from './xml-text.ts';

const SHEETS = name('sheets');
const SHEET = name('sheet');
const CALC_PR = name('calcPr');
const RELATIONSHIP = name('Relationship');
const RELATIONSHIPS = name('Relationships');
const OVERRIDE = name('Override');
const TYPES = name('Types');
/** CT_Workbook's children that come after calcPr */
const AFTER_CALC_PR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'].map(name);

export interface WorkbookEdit {
  /** a sheet to register at the end of `<sheets>` */
  addSheet?: { name: string; relId: string; hidden: boolean };
  /** the relationship id of a sheet to make hidden (when it is not) */
  hideSheet?: string;
  fullCalcOnLoad: boolean;
}

export function editWorkbook(xml: Buffer, edit: WorkbookEdit): Buffer {
  const s = new XmlScanner(xml);
  const splice = new Splice(xml);
  let depth = 0;
  let rootPrefix = '';
  let relPrefix: string | null = null;
  let maxSheetId = 0;
  let calcPrDone = !edit.fullCalcOnLoad;
  while (s.next()) {
    if (s.kind === CLOSE) {
      depth--;
      if (depth === 1 && s.is(SHEETS) && edit.addSheet) {
        const { name: sheetName, relId, hidden } = edit.addSheet;
        const r = relPrefix ?? 'r:';
        const ns = relPrefix === null ? ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' : '';
        splice.insert(s.start, `<${rootPrefix}sheet name="${escapeAttribute(sheetName)}" sheetId="${maxSheetId + 1}"${hidden ? ' state="hidden"' : ''} ${r}id="${escapeAttribute(relId)}"${ns}/>`);
      }
      if (depth === 0 && !calcPrDone) {
        splice.insert(s.start, `<${rootPrefix}calcPr fullCalcOnLoad="1"/>`);
        calcPrDone = true;
      }
      continue;
    }
    if (depth === 0) rootPrefix = s.prefix();
    if (depth === 2 && s.is(SHEET)) {
      maxSheetId = Math.max(maxSheetId, Number(s.attr('sheetId')) || 0);
      const idAttr = s.attrs().find(([n]) => n.endsWith(':id'));
      if (idAttr) relPrefix = idAttr[0].slice(0, -2);
      if (edit.hideSheet !== undefined && idAttr?.[1] === edit.hideSheet) {
        const state = s.attr('state');
        if (state !== 'hidden' && state !== 'veryHidden') splice.replace(s.start, s.end, withAttr(xml.toString('utf8', s.start, s.end), 'state', 'hidden'));
      }
    } else if (depth === 1 && !calcPrDone) {
      if (s.is(CALC_PR)) {
        if (s.attr('fullCalcOnLoad') !== '1' && s.attr('fullCalcOnLoad') !== 'true') {
          const tag = xml.toString('utf8', s.start, s.end);
          splice.replace(s.start, s.end, withAttr(tag, 'fullCalcOnLoad', '1'));
        }
        calcPrDone = true;
      } else if (AFTER_CALC_PR.some((n) => s.is(n))) {
        splice.insert(s.start, `<${rootPrefix}calcPr fullCalcOnLoad="1"/>`);
        calcPrDone = true;
      }
    }
    if (s.kind === OPEN) depth++;
  }
  return splice.bytes();
}

export interface ListEdit {
  /** elements to drop, by the value of their key attribute (compared case-insensitively, without a leading slash) */
  remove: string[];
  /** elements to add at the end, as XML without a prefix (the list's own prefix is put in) */
  add: { tag: string; attrs: [string, string][] }[];
}

/** Relationships: drop by Target (as resolved by the caller) or add. */
export function editRelationships(xml: Buffer, edit: ListEdit, resolve: (target: string) => string): Buffer {
  return editList(xml, RELATIONSHIPS, RELATIONSHIP, (s) => {
    const target = s.attr('Target');
    return target === null || s.attr('TargetMode') === 'External' ? null : resolve(target);
  }, edit);
}

/** Content types: drop an Override by PartName or add one. */
export function editContentTypes(xml: Buffer, edit: ListEdit): Buffer {
  return editList(xml, TYPES, OVERRIDE, (s) => s.attr('PartName'), edit);
}

function editList(xml: Buffer, list: Uint8Array, item: Uint8Array, keyOf: (s: XmlScanner) => string | null, edit: ListEdit): Buffer {
  const s = new XmlScanner(xml);
  const splice = new Splice(xml);
  const remove = new Set(edit.remove.map(partKey));
  let prefix = '';
  while (s.next()) {
    if (s.kind !== CLOSE && s.is(list)) {
      prefix = s.prefix();
      if (s.kind === EMPTY && edit.add.length > 0) {
        const open = xml.toString('utf8', s.start, s.end - 2).trimEnd();
        splice.replace(s.start, s.end, `${open}>${added(edit, prefix)}</${prefix}${s.buf.toString('latin1', s.localStart, s.nameEnd)}>`);
      }
    } else if (s.kind !== CLOSE && s.is(item)) {
      const key = keyOf(s);
      const start = s.start;
      const end = s.kind === OPEN ? s.skip() : s.end;
      if (key !== null && remove.has(partKey(key))) splice.replace(start, end, '');
    } else if (s.kind === CLOSE && s.is(list) && edit.add.length > 0) {
      splice.insert(s.start, added(edit, prefix));
    }
  }
  return splice.bytes();
}

function added(edit: ListEdit, prefix: string): string {
  return edit.add.map((a) => `<${prefix}${a.tag}${a.attrs.map(([n, v]) => ` ${n}="${escapeAttribute(v)}"`).join('')}/>`).join('');
}

function partKey(part: string): string {
  return part.replace(/^\//, '').toLowerCase();
}

/** A start tag with an attribute set (replaced when present, added before the end otherwise). */
export function withAttr(tag: string, attrName: string, value: string): string {
  const pattern = new RegExp(`(\\s${attrName}\\s*=\\s*)(["'])[^"']*\\2`);
  return pattern.test(tag) ? tag.replace(pattern, `$1"${value}"`) : tag.replace(/\s*(\/?>)$/, ` ${attrName}="${value}"$1`);
}

/** The namespace URI of a part's root element (for a new part in the same vocabulary). */
export function rootNamespace(xml: Buffer): string | null {
  const s = new XmlScanner(xml);
  if (!s.next()) return null;
  const prefix = s.prefix();
  const attrName = prefix === '' ? 'xmlns' : `xmlns:${prefix.slice(0, -1)}`;
  return s.attr(attrName);
}
