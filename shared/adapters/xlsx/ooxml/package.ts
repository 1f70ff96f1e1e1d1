/**
 * The parts of a spreadsheet package the adapter needs, found the way the format says: the workbook through
 * `_rels/.rels` (so an .xlsm, or a workbook part not at xl/workbook.xml, is found too), its sheets and their
 * parts through the workbook's relationships, part names compared case-insensitively, targets relative,
 * absolute or percent-encoded. Nothing is parsed beyond what is asked for.
 * @module
 */
import { inflateEntry, readZip, type ZipArchive, type ZipEntry } from './zip-read.ts';
import { NOT_XLSX, PackageError } from './package-error.ts';
import { isUtf16, name, XmlError, XmlScanner } from './xml-scan.ts';

export interface Relationship {
  id: string;
  /** the relationship type's last path segment (`worksheet`, `styles`, `officeDocument` …) */
  kind: string;
  type: string;
  /** the part it points to, resolved (no leading slash); null for an external target */
  target: string | null;
}

export interface SheetEntry {
  name: string;
  hidden: boolean;
  /** the state attribute as written (`hidden`, `veryHidden`), or null */
  state: string | null;
  sheetId: number;
  relId: string;
  /** the worksheet part; null for a chart sheet or a dangling relationship */
  part: string | null;
}

export interface XlsxPackage {
  zip: ZipArchive;
  workbookPath: string;
  workbookRelsPath: string;
  workbookRels: Relationship[];
  sheets: SheetEntry[];
  date1904: boolean;
  /** the entry of a part name (case-insensitive), if stored */
  entry(part: string): ZipEntry | undefined;
  /** a part's bytes, checked; throws PackageError when missing, unreadable or UTF-16 */
  read(part: string): Buffer;
  /** the workbook relationship of a kind (`styles`, `sharedStrings`, `calcChain`) */
  related(kind: string): Relationship | undefined;
}

const RELATIONSHIP = name('Relationship');
const SHEET = name('sheet');
const WORKBOOK_PR = name('workbookPr');
const SHEETS = name('sheets');

export function openPackage(bytes: Uint8Array): XlsxPackage {
  const zip = readZip(bytes);
  const byName = new Map<string, ZipEntry>();
  for (const e of zip.entries) {
    const key = e.name.toLowerCase();
    if (byName.has(key)) throw new PackageError(`${NOT_XLSX} (delen ${e.name} finns två gånger)`);
    byName.set(key, e);
  }
  const entry = (part: string) => byName.get(part.replace(/^\//, '').toLowerCase());
  const read = (part: string): Buffer => {
    const e = entry(part);
    if (!e) throw new PackageError(`${NOT_XLSX} (delen ${part} saknas)`);
    const data = inflateEntry(zip, e);
    if (isUtf16(data)) throw new PackageError(`delen ${e.name} är sparad som UTF-16, som Målkoll inte kan läsa – spara arbetsboken på nytt i Excel`);
    return data;
  };

  try {
    const rootRels = readRelationships(read('_rels/.rels'), '');
    const office = rootRels.find((r) => r.kind === 'officeDocument' && r.target !== null);
    if (!office?.target || !entry(office.target)) throw new PackageError(`${NOT_XLSX} (ingen arbetsbok i paketet)`);
    const workbookPath = entry(office.target)!.name;
    const workbookRelsPath = relsPathOf(workbookPath);
    const workbookRels = entry(workbookRelsPath) ? readRelationships(read(workbookRelsPath), workbookPath) : [];
    const { sheets, date1904 } = readWorkbook(read(workbookPath), workbookRels, (p) => entry(p)?.name ?? null);
    return {
      zip,
      workbookPath,
      workbookRelsPath: entry(workbookRelsPath)?.name ?? workbookRelsPath,
      workbookRels,
      sheets,
      date1904,
      entry,
      read,
      related: (kind) => workbookRels.find((r) => r.kind === kind && r.target !== null && entry(r.target) !== undefined),
    };
  } catch (error) {
    if (error instanceof XmlError) throw new PackageError(`${NOT_XLSX} (${error.message})`);
    throw error;
  }
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels` */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function readRelationships(xml: Buffer, source: string): Relationship[] {
  const s = new XmlScanner(xml);
  const out: Relationship[] = [];
  while (s.find(RELATIONSHIP)) {
    const type = s.attr('Type') ?? '';
    const target = s.attr('Target');
    out.push({
      id: s.attr('Id') ?? '',
      type,
      kind: type.slice(type.lastIndexOf('/') + 1),
      target: target === null || s.attr('TargetMode') === 'External' ? null : resolveTarget(source, target),
    });
  }
  return out;
}

/** A relationship target relative to its source part (or absolute), as a part name without a leading slash. */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // not percent-encoded after all
  }
  const parts = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of decoded.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function readWorkbook(xml: Buffer, rels: Relationship[], stored: (part: string) => string | null): { sheets: SheetEntry[]; date1904: boolean } {
  const s = new XmlScanner(xml);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let inSheets = false;
  while (s.next()) {
    if (s.is(SHEETS)) inSheets = s.kind === 1;
    else if (s.kind !== 2 && s.is(WORKBOOK_PR)) {
      const v = s.attr('date1904');
      date1904 = v === '1' || v === 'true';
    } else if (inSheets && s.kind !== 2 && s.is(SHEET)) {
      const relId = relationshipIdOf(s);
      const rel = rels.find((r) => r.id === relId);
      const state = s.attr('state');
      sheets.push({
        name: s.attr('name') ?? '',
        hidden: state === 'hidden' || state === 'veryHidden',
        state,
        sheetId: Number(s.attr('sheetId') ?? 0),
        relId,
        part: rel?.kind === 'worksheet' && rel.target ? stored(rel.target) : null,
      });
    }
  }
  return { sheets, date1904 };
}

/** The `r:id` of a `<sheet>` under whatever prefix the relationships namespace has in this file. */
function relationshipIdOf(s: XmlScanner): string {
  for (const [n, v] of s.attrs()) if (n.endsWith(':id')) return v;
  return '';
}
