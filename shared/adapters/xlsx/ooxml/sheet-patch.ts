/**
 * Splices cells into a worksheet part: each written cell replaces the `<c>` at its place or is inserted in
 * column order (a missing row in row order); every other byte of the part is copied as it was. A new row or
 * cell always has its `r`, and is never put right before a row or cell that lacks one (that one would then
 * count from the new one): both follow from inserting strictly in order. `spans` and `<dimension>` are
 * widened when a write falls outside them. Refused, so the workbook is left as it was: overwriting a shared
 * formula's master, an array or data-table formula, or a cell inside an array formula's range. A cell hidden
 * under a merged range is not written (and said so).
 * @module
 */
import { cellRef, contains, parseRange, rangeRef, type Rect } from './cell-ref.ts';
import { PackageError } from './package-error.ts';
import { SheetScanner, type ScannedCell, type ScannedRow } from './sheet-scan.ts';
import { Splice } from './splice.ts';
import { XmlScanner, name } from './xml-scan.ts';
import { xmlText } from './xml-text.ts';

export type CellValue = { text: string } | { number: number } | null;

export interface SheetCellWrite {
  row: number;
  column: number;
  value: CellValue;
}

/** The style index a written cell gets, from the one the cell has now (0 for a new cell). */
export type StyleOf<W extends SheetCellWrite> = (write: W, current: number) => number;

export interface SheetPatchResult {
  /** the new part, in pieces (the old part alone when nothing was written) */
  xml: Buffer[];
  changed: boolean;
  /** a formula was overwritten (its calculation chain entry is then stale) */
  formulaReplaced: boolean;
  /** cells not written, each with why (Swedish) */
  skipped: string[];
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARACTERS = 32_767;
const MERGE_CELL = name('mergeCell');

export function patchSheet<W extends SheetCellWrite>(xml: Buffer, sheetName: string, writes: W[], styleOf: StyleOf<W>): SheetPatchResult {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.column - b.column);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.row === sorted[i - 1]!.row && sorted[i]!.column === sorted[i - 1]!.column) {
      throw new Error(`two writes to ${sheetName}!${cellRef(sorted[i]!.row, sorted[i]!.column)}`);
    }
  }
  const merges = mergedRanges(xml);
  const skipped: string[] = [];
  const todo = sorted.filter((w) => {
    const merge = merges.find((m) => contains(m, w.row, w.column) && (m.top !== w.row || m.left !== w.column));
    if (merge) skipped.push(`${sheetName}!${cellRef(w.row, w.column)} skrevs inte: cellen ligger under den sammanslagna cellen ${rangeRef(merge)}`);
    return !merge;
  });
  const result: SheetPatchResult = { xml: [xml], changed: false, formulaReplaced: false, skipped };
  if (todo.length === 0) return result;

  const scanner = new SheetScanner(xml, { values: false });
  const p = scanner.prefix;
  const splice = new Splice(xml);
  const arrays: Rect[] = [];
  let next = 0;

  if (scanner.dimension) {
    const widened = widenDimension(scanner.dimension.ref, todo);
    if (widened !== null) splice.replace(scanner.dimension.start, scanner.dimension.end, replaceAttr(xml.toString('utf8', scanner.dimension.start, scanner.dimension.end), 'ref', widened));
  }
  const sheetData = scanner.sheetData!;
  const cellXml = (write: W, current: number) => cellElement(write, styleOf(write, current), p, sheetName);
  const newRows = (until: number): string => {
    let out = '';
    while (next < todo.length && todo[next]!.row < until) {
      const row = todo[next]!.row;
      let cells = '';
      while (next < todo.length && todo[next]!.row === row) cells += cellXml(todo[next++]!, 0);
      out += `<${p}row r="${row}">${cells}</${p}row>`;
    }
    return out;
  };

  if (sheetData.selfClosing) {
    const open = xml.toString('utf8', sheetData.start, sheetData.end - 2).trimEnd();
    splice.replace(sheetData.start, sheetData.end, `${open}>${newRows(Infinity)}</${p}sheetData>`);
    return { ...result, xml: splice.result(), changed: true };
  }

  const wanted = new Set(todo.map((w) => w.row));
  const cellsOf = (rowNumber: number) => wanted.has(rowNumber);
  for (let row = scanner.nextRow(cellsOf); row; row = scanner.nextRow(cellsOf)) {
    for (const cell of row.cells) if (cell.formula?.type === 'array' && cell.formula.ref) {
      const range = parseRange(cell.formula.ref);
      if (range) arrays.push(range);
    }
    if (next >= todo.length) break;
    if (todo[next]!.row < row.number) splice.insert(row.start, newRows(row.number));
    if (next < todo.length && todo[next]!.row === row.number) {
      const mine: W[] = [];
      while (next < todo.length && todo[next]!.row === row.number) mine.push(todo[next++]!);
      if (patchRow(xml, row, mine, { splice, prefix: p, sheetName, arrays, cellXml })) result.formulaReplaced = true;
    }
  }
  if (next < todo.length) {
    if (scanner.sheetDataClose < 0) while (scanner.nextRow());
    splice.insert(scanner.sheetDataClose, newRows(Infinity));
  }
  return { ...result, xml: splice.result(), changed: splice.changed };
}

interface RowContext<W> {
  splice: Splice;
  prefix: string;
  sheetName: string;
  arrays: Rect[];
  cellXml: (write: W, current: number) => string;
}

/** Writes one row's cells; true when a formula was overwritten. */
function patchRow<W extends SheetCellWrite>(xml: Buffer, row: ScannedRow, writes: W[], ctx: RowContext<W>): boolean {
  const { cellXml } = ctx;
  const { splice, prefix: p } = ctx;
  const openTag = rowOpenTag(xml, row, writes);
  if (row.selfClosing) {
    splice.replace(row.start, row.end, `${openTag}${writes.map((w) => cellXml(w, 0)).join('')}</${p}row>`);
    return false;
  }
  if (openTag !== null) splice.replace(row.start, row.openEnd, openTag);
  let formula = false;
  let i = 0;
  for (const cell of row.cells) {
    let before = '';
    while (i < writes.length && writes[i]!.column < cell.column) before += cellXml(writes[i++]!, 0);
    if (before) splice.insert(cell.start, before);
    if (i < writes.length && writes[i]!.column === cell.column) {
      const write = writes[i++]!;
      refuseOverwrite(cell, write, ctx);
      if (cell.formula) formula = true;
      splice.replace(cell.start, cell.end, cellXml(write, cell.style));
    }
  }
  if (i < writes.length) splice.insert(row.closeStart, writes.slice(i).map((w) => cellXml(w, 0)).join(''));
  return formula;
}

function refuseOverwrite<W extends SheetCellWrite>(cell: ScannedCell, write: W, ctx: RowContext<W>): void {
  const where = `${ctx.sheetName}!${cellRef(write.row, write.column)}`;
  const f = cell.formula;
  if (f?.type === 'array' || f?.type === 'dataTable') {
    throw new PackageError(`cellen ${where} innehåller en ${f.type === 'array' ? 'matrisformel' : 'datatabell'}, som Målkoll inte skriver över – flytta den ur kolumnen och kör igen`);
  }
  if (f?.type === 'shared' && f.ref !== null && f.ref !== cellRef(write.row, write.column)) {
    throw new PackageError(`cellen ${where} är början på en delad formel för ${f.ref}, som Målkoll inte skriver över – ta bort formlerna ur kolumnen och kör igen`);
  }
  const array = ctx.arrays.find((r) => contains(r, write.row, write.column));
  if (array) throw new PackageError(`cellen ${where} ligger i matrisformeln ${rangeRef(array)}, som Målkoll inte skriver över – flytta den och kör igen`);
}

/** The row's start tag with `spans` widened to the written columns; null when it can stay as it is. */
function rowOpenTag(xml: Buffer, row: ScannedRow, writes: SheetCellWrite[]): string | null {
  const tag = xml.toString('utf8', row.start, row.openEnd);
  const asOpen = row.selfClosing ? `${tag.slice(0, -2).trimEnd()}>` : tag;
  if (row.spans === null) return row.selfClosing ? asOpen : null;
  const bounds = row.spans.trim().split(/\s+/).flatMap((s) => s.split(':').map(Number));
  if (bounds.some((n) => !Number.isInteger(n))) return row.selfClosing ? asOpen : null;
  const low = Math.min(...bounds);
  const high = Math.max(...bounds);
  const columns = writes.map((w) => w.column);
  if (Math.min(...columns) >= low && Math.max(...columns) <= high) return row.selfClosing ? asOpen : null;
  return replaceAttr(asOpen, 'spans', `${Math.min(low, ...columns)}:${Math.max(high, ...columns)}`);
}

function widenDimension(ref: string, writes: SheetCellWrite[]): string | null {
  const range = parseRange(ref);
  const rows = writes.map((w) => w.row);
  const columns = writes.map((w) => w.column);
  const wanted: Rect = { top: Math.min(...rows), left: Math.min(...columns), bottom: Math.max(...rows), right: Math.max(...columns) };
  if (!range) return null;
  // an empty sheet's dimension is A1 with no cell in it
  const union: Rect = {
    top: Math.min(range.top, wanted.top),
    left: Math.min(range.left, wanted.left),
    bottom: Math.max(range.bottom, wanted.bottom),
    right: Math.max(range.right, wanted.right),
  };
  const next = rangeRef(union);
  return next === ref ? null : next;
}

const ATTRIBUTE: Record<string, RegExp> = {};

function replaceAttr(tag: string, attrName: string, value: string): string {
  const pattern = (ATTRIBUTE[attrName] ??= new RegExp(`(\\s${attrName}\\s*=\\s*)(["'])[^"']*\\2`));
  return pattern.test(tag) ? tag.replace(pattern, `$1"${value}"`) : tag.replace(/\s*(\/?>)$/, ` ${attrName}="${value}"$1`);
}

/** The `<c>` element of a write: text as an inline string (sharedStrings.xml stays untouched), a number, or empty. */
function cellElement(write: SheetCellWrite, s: number, p: string, sheetName: string): string {
  const head = `<${p}c r="${cellRef(write.row, write.column)}"${s ? ` s="${s}"` : ''}`;
  const value = write.value;
  if (value === null) return `${head}/>`;
  if ('number' in value) {
    if (!Number.isFinite(value.number)) throw new PackageError(`talet till ${sheetName}!${cellRef(write.row, write.column)} är inte ett ändligt tal`);
    return `${head}><${p}v>${String(value.number)}</${p}v></${p}c>`;
  }
  const text = shorten(value.text);
  const preserve = /^\s|\s$|[\t\n\r]| {2}/.test(text) ? ' xml:space="preserve"' : '';
  return `${head} t="inlineStr"><${p}is><${p}t${preserve}>${xmlText(text)}</${p}t></${p}is></${p}c>`;
}

/** At most Excel's 32,767 characters: a longer text ends in "…" (never cutting a character in two). */
export function shorten(text: string): string {
  if (text.length <= MAX_CELL_CHARACTERS) return text;
  let cut = MAX_CELL_CHARACTERS - 1;
  if (/[\ud800-\udbff]/.test(text[cut - 1]!)) cut--;
  return `${text.slice(0, cut)}…`;
}

/** The merged ranges, from `<mergeCells>` after the rows (found without reading the rows). */
function mergedRanges(xml: Buffer): Rect[] {
  const after = xml.lastIndexOf('sheetData>');
  const s = new XmlScanner(xml, after < 0 ? 0 : after);
  const out: Rect[] = [];
  while (s.find(MERGE_CELL)) {
    const range = parseRange(s.attr('ref') ?? '');
    if (range) out.push(range);
  }
  return out;
}
