/**
 * A user's workbook bytes → WorkbookGrid (engine/grid.ts) without a model of the whole package: only the
 * template's sheets are scanned (matched like findSheet: trim, case-fold, NFC), plus what they need — the
 * workbook and its relationships, the shared strings, the styles' number formats — and the hidden `_malkoll`
 * state. Every other sheet is listed by name only (the engine names it when a template sheet looks renamed).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { normalizeName, SHEETS, type CellInput, type SheetGrid, type WorkbookGrid } from '../../engine/index.ts';
import { UnreadableWorkbookError } from '../../ports.ts';
import { numberKinds, toCellInput, type CellContext, type SharedFormulas } from './cell-input.ts';
import { readNumberFormats } from './ooxml/number-format-table.ts';
import { openPackage, type SheetEntry, type XlsxPackage } from './ooxml/package.ts';
import { NOT_XLSX, PackageError } from './ooxml/package-error.ts';
import { SheetScanner } from './ooxml/sheet-scan.ts';
import { readSharedStrings } from './ooxml/strings.ts';
import { XmlError } from './ooxml/xml-scan.ts';
import { parseState } from './state-sheet.ts';
import { workbookNameOf } from './list-workbooks.ts';

/** The template's sheets a person types in (the product's summary sheets are never in a user's workbook). */
const TEMPLATE_SHEETS = new Set(
  Object.values(SHEETS)
    .filter((n) => n !== SHEETS.state && n !== SHEETS.summary && n !== SHEETS.changeLog)
    .map(sheetKey),
);

/** How a sheet name is matched: as findSheet does, after Unicode NFC (macOS writes names decomposed). */
export function sheetKey(sheetName: string): string {
  return normalizeName(sheetName.normalize('NFC'));
}

export function isStateSheet(sheetName: string): boolean {
  return sheetKey(sheetName) === sheetKey(SHEETS.state);
}

/** An OLE compound file: what Excel makes of a password-protected .xlsx (and what an old .xls is). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/** Opens the package; every failure becomes UnreadableWorkbookError with a Swedish reason naming the file. */
export function openWorkbookPackage(bytes: Uint8Array, fileName: string): XlsxPackage {
  const fail = (why: string) =>
    new UnreadableWorkbookError({ id: fileName, name: workbookNameOf(fileName) }, `Arbetsboken '${fileName}' kunde inte öppnas: ${why}`);
  if (isCompoundFile(bytes)) {
    throw fail('filen är lösenordsskyddad eller en äldre .xls-fil – spara den som .xlsx utan lösenord');
  }
  try {
    return openPackage(bytes);
  } catch (error) {
    throw fail(readFailure(error));
  }
}

export function readFailure(error: unknown): string {
  if (error instanceof PackageError) return error.reason;
  if (error instanceof XmlError || error instanceof RangeError) return NOT_XLSX;
  throw error;
}

export function readWorkbookGrid(bytes: Uint8Array, id: string, name: string): WorkbookGrid {
  const pkg = openWorkbookPackage(bytes, id);
  try {
    return gridOf(pkg, id, name);
  } catch (error) {
    throw new UnreadableWorkbookError({ id, name }, `Arbetsboken '${id}' kunde inte öppnas: ${readFailure(error)}`);
  }
}

function gridOf(pkg: XlsxPackage, id: string, name: string): WorkbookGrid {
  let ctx: CellContext | null = null;
  const context = (): CellContext => {
    if (ctx) return ctx;
    const strings = pkg.related('sharedStrings');
    const styles = pkg.related('styles');
    ctx = {
      sharedStrings: strings?.target ? readSharedStrings(pkg.read(strings.target)) : [],
      kindOf: numberKinds(readNumberFormats(styles?.target ? pkg.read(styles.target) : null)),
      date1904: pkg.date1904,
    };
    return ctx;
  };
  const sheets: SheetGrid[] = [];
  let state: WorkbookGrid['state'] = null;
  for (const entry of pkg.sheets) {
    if (isStateSheet(entry.name)) {
      if (entry.part) state = readState(pkg, entry, context());
      continue;
    }
    const scan = entry.part !== null && TEMPLATE_SHEETS.has(sheetKey(entry.name));
    const grid: SheetGrid = scan ? readSheet(pkg.read(entry.part!), entry.name, context()) : { name: entry.name, rows: [] };
    if (entry.hidden) grid.hidden = true;
    sheets.push(grid);
  }
  return { id, name, sheets, state };
}

export function readSheet(xml: Buffer, sheetName: string, ctx: CellContext): SheetGrid {
  const scanner = new SheetScanner(xml);
  const rows: (CellInput | null)[][] = [];
  const hiddenRows: number[] = [];
  const shared: SharedFormulas = new Map();
  for (let row = scanner.nextRow(); row; row = scanner.nextRow()) {
    if (row.hidden) hiddenRows.push(row.number);
    const cells = rows[row.number - 1] ?? [];
    for (const cell of row.cells) {
      const input = toCellInput(cell, row.number, ctx, shared);
      if (input === null) continue;
      for (let i = cells.length; i < cell.column - 1; i++) cells.push(null);
      cells[cell.column - 1] = input;
    }
    rows[row.number - 1] = cells;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const grid: SheetGrid = { name: sheetName, rows };
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  const merges = scanner.merges();
  if (merges.length > 0) grid.merges = merges;
  return grid;
}

/** Column A from row 2 down, as long as it holds text: the state's JSON in chunks (state-sheet.ts). */
function readState(pkg: XlsxPackage, entry: SheetEntry, ctx: CellContext): WorkbookGrid['state'] {
  const sheet = readSheet(pkg.read(entry.part!), entry.name, ctx);
  let json = '';
  for (let r = 1; r < sheet.rows.length; r++) {
    const value = sheet.rows[r]?.[0]?.value;
    if (typeof value !== 'string' || value === '') break;
    json += value;
  }
  return parseState(json);
}

/** Reads one workbook file into a grid; id = file name, name = file name without its extension. */
export async function readWorkbookFile(path: string): Promise<WorkbookGrid> {
  const file = basename(path);
  return readWorkbookGrid(await readFile(path), file, workbookNameOf(file));
}
