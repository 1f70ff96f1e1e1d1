/**
 * Opens `Sammanfattning.xlsx` with exceljs, but only the sheets a caller needs: the state (`_malkoll`, one
 * cell) and the Ändringslogg. The Sammanfattning sheet itself (one table row per metric, millions of
 * characters of XML) is dropped from the package before exceljs sees it, which saves most of the time and
 * memory of reading the file back on every run (10,000 metrics: ~1 s and ~200 MB of peak memory).
 *
 * Which part is which sheet is found with a small scan of workbook.xml and its rels; exceljs still parses
 * everything that is kept, and it names the sheets itself. When the scan finds no worksheet to drop, or a
 * wanted sheet is missing from the result, the whole file is read as before, so a file this scan does not
 * understand reads exactly as it did.
 * @module
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export async function openSummarySheets(bytes: Buffer, wanted: string[]): Promise<ExcelJS.Workbook> {
  const reduced = await withoutOtherSheets(bytes, wanted).catch(() => null);
  if (reduced) {
    const wb = await load(reduced).catch(() => null);
    if (wb && wanted.every((name) => wb.getWorksheet(name))) return wb;
  }
  return load(bytes);
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** The package without the worksheets (and their rels) of sheets not wanted; null when nothing is dropped. */
async function withoutOtherSheets(bytes: Buffer, wanted: string[]): Promise<Buffer | null> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  const relsXml = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbookXml || !relsXml) return null;

  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    // the same path rule as exceljs's workbook reconcile
    if (id !== null && target !== null) targets.set(id, `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
  }
  const drop: string[] = [];
  for (const tag of workbookXml.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const rId = /\s[\w.-]+:id="([^"]*)"/.exec(tag)?.[1];
    const part = rId === undefined ? undefined : targets.get(rId);
    if (name === null || part === undefined || wanted.includes(name)) continue;
    if (!zip.file(part)) continue;
    drop.push(part, part.replace(/([^/]+)$/, '_rels/$1.rels'));
  }
  if (drop.length === 0) return null;
  for (const part of drop) zip.remove(part);
  // the kept parts are copied as they were compressed, not inflated and compressed again
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function attribute(tag: string, name: string): string | null {
  const raw = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return raw === undefined ? null : unescapeXml(raw);
}

function unescapeXml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (entity, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" }[entity]!;
  });
}
