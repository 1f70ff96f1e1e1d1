/**
 * Writes a WritePlan's cells into an open workbook: the text, and fill/font from the palette. Nothing
 * else is touched: no other cell, row, column or sheet, and input cells are never recoloured (the plan
 * only holds product cells, and only those cells get a style).
 * @module
 */
import type { Cell, Style, Workbook, XmlNode } from 'xlsx-populate';
import { PALETTE, normalizeName, METRIC_HEADERS, type CellWrite, type WritePlan } from '../../engine/index.ts';
import { writeStateSheet } from './state-sheet.ts';

export function applyPlan(wb: Workbook, plan: WritePlan): void {
  const styles = new StyleCache(wb);
  for (const write of plan.writes) {
    const sheet = wb.sheet(write.sheet);
    if (!sheet) throw new Error(`Skrivplanen nämner bladet '${write.sheet}', som inte finns i arbetsboken`);
    const cell = sheet.cell(write.rowNumber, write.columnNumber);
    const wrap = write.rowNumber > 1 && isExplanationColumn(sheet.row(1), write.columnNumber);
    cell.value(write.value === '' ? null : write.value);
    cell.style(styles.get(cell, write, wrap));
  }
  writeStateSheet(wb, plan.state);
}

function isExplanationColumn(headerRow: { hasCell(c: number): boolean; cell(c: number): Cell }, column: number): boolean {
  if (!headerRow.hasCell(column)) return false;
  const header = headerRow.cell(column).value();
  return typeof header === 'string' && normalizeName(header) === normalizeName(METRIC_HEADERS.explanation);
}

/**
 * One style per (palette key, the cell's previous style, wrap): keeps the cell's own borders and number
 * format, and keeps styles.xml from growing by one entry per written cell.
 */
class StyleCache {
  readonly #wb: Workbook;
  readonly #cache = new Map<string, Style>();
  readonly #defaultFont: { name?: string; size?: number };

  constructor(wb: Workbook) {
    this.#wb = wb;
    this.#defaultFont = defaultFont(wb);
  }

  get(cell: Cell, write: CellWrite, wrap: boolean): Style {
    const source = cell._styleId ?? 0;
    const key = `${write.style}|${source}|${wrap}`;
    let style = this.#cache.get(key);
    if (!style) {
      style = this.#create(source, write, wrap);
      this.#cache.set(key, style);
    }
    return style;
  }

  #create(source: number, write: CellWrite, wrap: boolean): Style {
    const colours = PALETTE[write.style];
    const style = this.#wb.styleSheet().createStyle(source);
    // createStyle leaves the font empty unless the source applied one; name the workbook's default font.
    if (this.#defaultFont.name && style.style('fontFamily') === undefined) style.style('fontFamily', this.#defaultFont.name);
    if (this.#defaultFont.size && style.style('fontSize') === undefined) style.style('fontSize', this.#defaultFont.size);
    style.style('fontColor', colours.font);
    style.style('bold', colours.bold === true);
    style.style('fill', colours.fill ?? undefined);
    if (wrap) style.style('wrapText', true);
    return style;
  }
}

function defaultFont(wb: Workbook): { name?: string; size?: number } {
  const first = wb.styleSheet()._fontsNode.children[0];
  if (!first || typeof first !== 'object') return {};
  const attr = (name: string): string | number | undefined => {
    const child = first.children.find((c): c is XmlNode => typeof c === 'object' && c.name === name);
    return child?.attributes.val;
  };
  const name = attr('name');
  const size = Number(attr('sz'));
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(Number.isFinite(size) && size > 0 ? { size } : {}),
  };
}
