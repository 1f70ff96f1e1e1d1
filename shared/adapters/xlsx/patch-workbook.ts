/**
 * Patches a user's workbook: the cells of a WorkbookPatch spliced into their sheets, the formats they need
 * appended to the styles, the hidden `_malkoll` sheet replaced or added last, the calculation chain dropped
 * when a formula was overwritten, and `fullCalcOnLoad` set so that the person's own formulas that read the
 * product's cells show current results when the file is opened. Every other zip entry is copied as its
 * compressed bytes. What cannot be done safely throws PackageError, and nothing is written.
 * @module
 */
import { PALETTE } from '../../engine/index.ts';
import type { CellPatch, PatchLook, WorkbookPatch } from './cell-patch.ts';
import { cellRef } from './ooxml/cell-ref.ts';
import { editContentTypes, editRelationships, editWorkbook, rootNamespace, type ListEdit, type WorkbookEdit } from './ooxml/package-edit.ts';
import { openPackage, resolveTarget, type SheetEntry, type XlsxPackage } from './ooxml/package.ts';
import { PackageError } from './ooxml/package-error.ts';
import { SheetScanner } from './ooxml/sheet-scan.ts';
import { patchSheet } from './ooxml/sheet-patch.ts';
import { MINIMAL_STYLES, StylesEditor } from './ooxml/styles-edit.ts';
import { writeZip, type ZipChanges } from './ooxml/zip-write.ts';
import { isStateSheet, sheetKey } from './read-grid.ts';
import { stateSheetXml } from './state-sheet.ts';
import { SHEETS } from '../../engine/index.ts';

export interface PatchResult {
  bytes: Buffer;
  /** what was not written, and why (Swedish) */
  notes: string[];
}

const TRANSITIONAL_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const SPREADSHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

export function patchWorkbook(bytes: Uint8Array, patch: WorkbookPatch): PatchResult {
  const pkg = openPackage(bytes);
  const changes: ZipChanges = { replace: new Map(), remove: new Set(), add: [] };
  const rels: ListEdit = { remove: [], add: [] };
  const types: ListEdit = { remove: [], add: [] };
  const workbook: WorkbookEdit = { fullCalcOnLoad: patch.recalcOnOpen ?? patch.cells.length > 0 };
  const notes: string[] = [];
  const worksheetRelType = pkg.workbookRels.find((r) => r.kind === 'worksheet')?.type ?? `${TRANSITIONAL_REL}worksheet`;
  const newPart = newPartNamer(pkg);
  const relIds = newRelIds(pkg);

  const stylesRel = pkg.related('styles');
  const styles = new StylesEditor(stylesRel?.target ? pkg.read(stylesRel.target) : Buffer.from(MINIMAL_STYLES));
  let formulaReplaced = false;
  for (const [entry, cells] of bySheet(pkg, patch.cells)) {
    const xml = pkg.read(entry.part!);
    const copied = copiedStyles(xml, cells);
    const result = patchSheet(xml, entry.name, cells, (c, current) => styleOf(styles, c.look, current, copied));
    if (result.changed) changes.replace.set(pkg.entry(entry.part!)!.name, result.xml);
    notes.push(...result.skipped);
    formulaReplaced ||= result.formulaReplaced;
  }

  const newStyles = styles.result();
  if (newStyles && stylesRel?.target) changes.replace.set(pkg.entry(stylesRel.target)!.name, newStyles);
  else if (newStyles) {
    const part = newPart('', 'styles');
    changes.add.push({ name: part, data: newStyles });
    rels.add.push(relationship(relIds(), worksheetRelType.replace(/worksheet$/, 'styles'), pkg.workbookPath, part));
    types.add.push(override(part, CONTENT_TYPE.styles));
  }

  if (patch.state) {
    const namespace = rootNamespace(pkg.read(pkg.workbookPath)) ?? SPREADSHEET_NS;
    const xml = stateSheetXml(patch.state, namespace);
    const existing = pkg.sheets.find((s) => isStateSheet(s.name) && s.part !== null);
    if (existing) {
      changes.replace.set(pkg.entry(existing.part!)!.name, xml);
      workbook.hideSheet = existing.relId;
    } else {
      const part = newPart('worksheets', 'sheet');
      const relId = relIds();
      changes.add.push({ name: part, data: xml });
      rels.add.push(relationship(relId, worksheetRelType, pkg.workbookPath, part));
      types.add.push(override(part, worksheetContentType(pkg)));
      workbook.addSheet = { name: SHEETS.state, relId, hidden: true };
    }
  }

  const calcChain = pkg.related('calcChain');
  if (formulaReplaced && calcChain?.target) {
    changes.remove.add(pkg.entry(calcChain.target)!.name);
    rels.remove.push(calcChain.target);
    types.remove.push(calcChain.target);
  }

  const replaceIfChanged = (part: string, before: Buffer, after: Buffer) => {
    if (after !== before) changes.replace.set(pkg.entry(part)!.name, after);
  };
  const workbookXml = pkg.read(pkg.workbookPath);
  replaceIfChanged(pkg.workbookPath, workbookXml, editWorkbook(workbookXml, workbook));
  if (rels.add.length + rels.remove.length > 0) {
    if (!pkg.entry(pkg.workbookRelsPath)) throw new PackageError('arbetsboken saknar relationsdelen för sina blad – spara den på nytt i Excel');
    const xml = pkg.read(pkg.workbookRelsPath);
    replaceIfChanged(pkg.workbookRelsPath, xml, editRelationships(xml, rels, (t) => resolveTarget(pkg.workbookPath, t)));
  }
  if (types.add.length + types.remove.length > 0) {
    const xml = pkg.read('[Content_Types].xml');
    replaceIfChanged('[Content_Types].xml', xml, editContentTypes(xml, types));
  }
  return { bytes: writeZip(pkg.zip, changes), notes };
}

function bySheet(pkg: XlsxPackage, cells: CellPatch[]): Map<SheetEntry, CellPatch[]> {
  const out = new Map<SheetEntry, CellPatch[]>();
  for (const cell of cells) {
    const entry = pkg.sheets.find((s) => s.name === cell.sheet) ?? pkg.sheets.find((s) => sheetKey(s.name) === sheetKey(cell.sheet));
    if (!entry) throw new PackageError(`bladet '${cell.sheet}' finns inte i arbetsboken`);
    if (entry.part === null) throw new PackageError(`bladet '${cell.sheet}' är inget kalkylblad (ett diagramblad?)`);
    if (isStateSheet(entry.name)) throw new PackageError(`bladet '${cell.sheet}' är Målkolls eget`);
    const list = out.get(entry) ?? [];
    list.push(cell);
    out.set(entry, list);
  }
  return out;
}

function styleOf(styles: StylesEditor, look: PatchLook, current: number, copied: Map<string, number>): number {
  switch (look.kind) {
    case 'palette': {
      const colours = PALETTE[look.key];
      return styles.paletteXf(current, { fill: colours.fill, font: colours.font, bold: colours.bold === true }, look.wrap === true);
    }
    case 'keep':
      return look.numberFormat === undefined ? current : styles.numberFormatXf(current, look.numberFormat);
    case 'copy': {
      const from = copied.get(cellRef(look.from.row, look.from.column)) ?? 0;
      return look.numberFormat === undefined ? from : styles.numberFormatXf(from, look.numberFormat);
    }
  }
}

/** The style index of every cell a 'copy' look copies from (one pass over the sheet, only when there are any). */
function copiedStyles(xml: Buffer, cells: CellPatch[]): Map<string, number> {
  const wanted = new Set<string>();
  for (const c of cells) if (c.look.kind === 'copy') wanted.add(cellRef(c.look.from.row, c.look.from.column));
  const found = new Map<string, number>();
  if (wanted.size === 0) return found;
  const scanner = new SheetScanner(xml);
  for (let row = scanner.nextRow(); row; row = scanner.nextRow()) {
    for (const cell of row.cells) {
      const ref = cellRef(row.number, cell.column);
      if (wanted.has(ref)) found.set(ref, cell.style);
    }
  }
  return found;
}

/** Part names not in the package yet, beside the workbook part: `xl/worksheets/sheet7.xml`, `xl/styles.xml`. */
function newPartNamer(pkg: XlsxPackage): (folder: string, stem: string) => string {
  const base = pkg.workbookPath.slice(0, pkg.workbookPath.lastIndexOf('/') + 1);
  const taken = new Set<string>();
  return (folder, stem) => {
    for (let n = 1; ; n++) {
      const part = `${base}${folder ? `${folder}/` : ''}${stem}${n === 1 && stem === 'styles' ? '' : n}.xml`;
      if (!pkg.entry(part) && !taken.has(part.toLowerCase())) {
        taken.add(part.toLowerCase());
        return part;
      }
    }
  };
}

function newRelIds(pkg: XlsxPackage): () => string {
  const used = new Set(pkg.workbookRels.map((r) => r.id));
  let n = Math.max(0, ...pkg.workbookRels.map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0)));
  return () => {
    do n++;
    while (used.has(`rId${n}`));
    used.add(`rId${n}`);
    return `rId${n}`;
  };
}

function relationship(id: string, type: string, source: string, part: string): ListEdit['add'][number] {
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  const target = part.startsWith(folder) ? part.slice(folder.length) : `/${part}`;
  return { tag: 'Relationship', attrs: [['Id', id], ['Type', type], ['Target', target]] };
}

function override(part: string, contentType: string): ListEdit['add'][number] {
  return { tag: 'Override', attrs: [['PartName', `/${part}`], ['ContentType', contentType]] };
}

/** The content type the package gives its worksheets (Strict and Transitional packages agree on it). */
function worksheetContentType(pkg: XlsxPackage): string {
  const sheet = pkg.sheets.find((s) => s.part !== null);
  if (!sheet) return CONTENT_TYPE.worksheet;
  const xml = pkg.read('[Content_Types].xml').toString('utf8');
  const escaped = sheet.part!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName="/${escaped}"[^>]*ContentType="([^"]+)"`, 'i').exec(xml)
    ?? new RegExp(`<(?:\\w+:)?Override\\b[^>]*ContentType="([^"]+)"[^>]*PartName="/${escaped}"`, 'i').exec(xml);
  return match?.[1] ?? CONTENT_TYPE.worksheet;
}
