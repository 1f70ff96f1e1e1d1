/**
 * The XML of a Book's parts: styles from its looks, each sheet's rows (text as inline strings), and the
 * drawing, comments and VML shapes that carry its pictures and notes.
 * @module
 */
import { cellRef } from '../ooxml/cell-ref.ts';
import { escapeAttribute, xmlText } from '../ooxml/xml-text.ts';
import { shorten } from '../ooxml/sheet-patch.ts';
import type { BookSheet, BookValue, Look, Picture } from './book.ts';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const DEFAULT_FONT = { size: 11, name: 'Calibri' };
const FIRST_CUSTOM_FORMAT = 164;
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EMU_PER_PX = 9525;

export function stylesXml(looks: Look[]): string {
  const fonts: string[] = [];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  const formats: string[] = [];
  const index = (list: string[], xml: string): number => {
    const i = list.indexOf(xml);
    return i >= 0 ? i : list.push(xml) - 1;
  };
  const xfs = looks.map((look) => {
    const f = look.font ?? {};
    const font = `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="${f.size ?? DEFAULT_FONT.size}"/>${f.color ? `<color rgb="FF${f.color}"/>` : ''}<name val="${DEFAULT_FONT.name}"/><family val="2"/></font>`;
    const fontId = index(fonts, font);
    const fillId = look.fill ? index(fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const numFmtId = look.numFmt ? FIRST_CUSTOM_FORMAT + index(formats, look.numFmt) : 0;
    const align = look.wrap || look.vertical ? `<alignment${look.vertical ? ` vertical="${look.vertical}"` : ''}${look.wrap ? ' wrapText="1"' : ''}/>` : '';
    const applies = `${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${numFmtId ? ' applyNumberFormat="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    return `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}${align ? `>${align}</xf>` : '/>'}`;
  });
  const numFmts = formats.length
    ? `<numFmts count="${formats.length}">${formats.map((code, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${escapeAttribute(code)}"/>`).join('')}</numFmts>`
    : '';
  return (
    `${HEAD}<styleSheet xmlns="${NS.main}">${numFmts}<fonts count="${fonts.length}">${fonts.join('')}</fonts>` +
    `<fills count="${fills.length}">${fills.join('')}</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

/** The worksheet part, a row at a time (compressed as it comes: the whole sheet never exists as text). */
export function* sheetXml(sheet: BookSheet, selected: boolean, rels: { drawing: string | null; legacyDrawing: string | null }): Generator<string> {
  yield HEAD + `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`;
  if (sheet.pageSetup) yield '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  let lastColumn = 1;
  for (const row of sheet.rows) if (row && row.length > lastColumn) lastColumn = row.length;
  for (const c of sheet.widths.keys()) lastColumn = Math.max(lastColumn, c);
  let rowCount = sheet.rows.length;
  for (const r of sheet.heights.keys()) rowCount = Math.max(rowCount, r);
  if (sheet.streamed) {
    lastColumn = Math.max(lastColumn, sheet.streamed.columns);
    rowCount = sheet.rows.length + sheet.streamed.count;
  }
  yield `<dimension ref="A1:${cellRef(Math.max(1, rowCount), lastColumn)}"/>`;
  const pane = sheet.frozenRows > 0
    ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.frozenRows + 1}" sqref="A${sheet.frozenRows + 1}"/>`
    : '';
  yield `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`;
  if (sheet.widths.size > 0) {
    yield `<cols>${[...sheet.widths].sort((a, b) => a[0] - b[0]).map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
  }
  yield '<sheetData>';
  for (let r = 1; r <= rowCount; r++) {
    const cells = sheet.rows[r - 1];
    const height = sheet.heights.get(r);
    if (!cells?.length && height === undefined) continue;
    let xml = `<row r="${r}"${height === undefined ? '' : ` ht="${height}" customHeight="1"`}>`;
    cells?.forEach((cell, i) => {
      if (cell) xml += cellXml(cellRef(r, i + 1), cell.value, cell.look);
    });
    yield `${xml}</row>`;
  }
  if (sheet.streamed) {
    let r = sheet.rows.length;
    for (const values of sheet.streamed.rows()) {
      r++;
      const look = sheet.streamed.dateLook;
      yield `<row r="${r}">${values.map((v, i) => (v === null ? '' : cellXml(cellRef(r, i + 1), v, v instanceof Date ? look : 0))).join('')}</row>`;
    }
  }
  yield '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const p = sheet.pageSetup;
  if (p) yield `<pageSetup paperSize="${p.paperSize}" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>`;
  if (rels.drawing) yield `<drawing r:id="${rels.drawing}"/>`;
  if (rels.legacyDrawing) yield `<legacyDrawing r:id="${rels.legacyDrawing}"/>`;
  yield '</worksheet>';
}

function cellXml(ref: string, value: BookValue, look: number): string {
  const s = look ? ` s="${look}"` : '';
  if (value === null || value === '') return `<c r="${ref}"${s}/>`;
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
  if (value instanceof Date) return `<c r="${ref}"${s}><v>${(value.getTime() - EPOCH_1900) / DAY_MS}</v></c>`;
  if (typeof value === 'string') return `<c r="${ref}"${s} t="inlineStr"><is>${t(value)}</is></c>`;
  const runs = value.map((run) => `<r>${run.superscript ? '<rPr><vertAlign val="superscript"/></rPr>' : ''}${t(run.text)}</r>`).join('');
  return `<c r="${ref}"${s} t="inlineStr"><is>${runs}</is></c>`;
}

function t(text: string): string {
  const value = shorten(text);
  const preserve = /^\s|\s$|[\t\n]| {2}/.test(value) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${xmlText(value)}</t>`;
}

export function drawingXml(pictures: Picture[]): string {
  const anchors = pictures.map((p, i) => {
    const cx = Math.round(p.width * EMU_PER_PX);
    const cy = Math.round(p.height * EMU_PER_PX);
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="Bild ${i + 1}" descr="${escapeAttribute(p.alt)}"/>` +
      `<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  return `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.rel}">${anchors.join('')}</xdr:wsDr>`;
}

export function commentsXml(notes: Map<string, string>): string {
  const list = [...notes].map(([ref, text]) => `<comment ref="${ref}" authorId="0"><text>${t(text)}</text></comment>`).join('');
  return `${HEAD}<comments xmlns="${NS.main}"><authors><author>Målkoll</author></authors><commentList>${list}</commentList></comments>`;
}

/** The shapes Excel draws notes in (hidden until the cell is pointed at). */
export function notesVml(notes: Map<string, string>): string {
  const shapes = [...notes.keys()].map((ref, i) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const column = columnNumber(m[1]!) - 1;
    const row = Number(m[2]) - 1;
    return (
      `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:80pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${column + 1}, 15, ${row}, 2, ${column + 5}, 15, ${row + 5}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${column}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes.join('')}</xml>`
  );
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
