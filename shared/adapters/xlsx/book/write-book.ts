/**
 * A Book → the bytes of an .xlsx package: workbook, styles, one part per sheet, and per sheet with pictures
 * or notes its drawing, media, comments and VML shapes.
 * @module
 */
import { writeZip, type ZipData } from '../ooxml/zip-write.ts';
import { escapeAttribute } from '../ooxml/xml-text.ts';
import type { Book } from './book.ts';
import { commentsXml, drawingXml, NS, notesVml, sheetXml, stylesXml } from './book-xml.ts';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
};
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export function writeBook(book: Book, modified = new Date()): Buffer {
  const parts: { name: string; data: ZipData }[] = [];
  const overrides: [string, string][] = [['/xl/workbook.xml', TYPE.workbook], ['/xl/styles.xml', TYPE.styles]];
  const add = (name: string, data: string | ZipData) => parts.push({ name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
  let image = 0;
  book.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const rels: [string, string, string][] = [];
    let drawing: string | null = null;
    let legacyDrawing: string | null = null;
    if (sheet.pictures.length > 0) {
      drawing = `rId${rels.length + 1}`;
      rels.push([drawing, 'drawing', `../drawings/drawing${n}.xml`]);
      add(`xl/drawings/drawing${n}.xml`, drawingXml(sheet.pictures));
      overrides.push([`/xl/drawings/drawing${n}.xml`, TYPE.drawing]);
      const pictureRels = sheet.pictures.map((p, j) => {
        add(`xl/media/image${++image}.png`, p.png);
        return relationship(`rId${j + 1}`, 'image', `../media/image${image}.png`);
      });
      add(`xl/drawings/_rels/drawing${n}.xml.rels`, relationships(pictureRels));
    }
    if (sheet.notes.size > 0) {
      legacyDrawing = `rId${rels.length + 1}`;
      rels.push([legacyDrawing, 'vmlDrawing', `../drawings/vmlDrawing${n}.vml`]);
      rels.push([`rId${rels.length + 1}`, 'comments', `../comments${n}.xml`]);
      add(`xl/drawings/vmlDrawing${n}.vml`, notesVml(sheet.notes));
      add(`xl/comments${n}.xml`, commentsXml(sheet.notes));
      overrides.push([`/xl/comments${n}.xml`, TYPE.comments]);
    }
    add(`xl/worksheets/sheet${n}.xml`, sheetXml(sheet, i === 0, { drawing, legacyDrawing }));
    overrides.push([`/xl/worksheets/sheet${n}.xml`, TYPE.worksheet]);
    if (rels.length > 0) add(`xl/worksheets/_rels/sheet${n}.xml.rels`, relationships(rels.map(([id, kind, target]) => relationship(id, kind, target))));
  });
  add('xl/styles.xml', stylesXml(book.looks.looks));
  const sheets = book.sheets
    .map((s, i) => `<sheet name="${escapeAttribute(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
    .join('');
  add('xl/workbook.xml', `${HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets></workbook>`);
  add(
    'xl/_rels/workbook.xml.rels',
    relationships([...book.sheets.map((_, i) => relationship(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)), relationship(`rId${book.sheets.length + 1}`, 'styles', 'styles.xml')]),
  );
  add('_rels/.rels', relationships([relationship('rId1', 'officeDocument', 'xl/workbook.xml')]));
  const types =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    `${overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('')}</Types>`;
  // the content types first, as every writer puts them
  return writeZip({ bytes: Buffer.alloc(0), entries: [], comment: Buffer.alloc(0) }, { replace: new Map(), remove: new Set(), add: [{ name: '[Content_Types].xml', data: Buffer.from(types, 'utf8') }, ...parts], modified });
}

function relationship(id: string, kind: string, target: string): string {
  return `<Relationship Id="${id}" Type="${REL}${kind}" Target="${target}"/>`;
}

function relationships(items: string[]): string {
  return `${HEAD}<Relationships xmlns="${NS.pkgRel}">${items.join('')}</Relationships>`;
}
