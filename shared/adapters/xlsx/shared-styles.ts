/**
 * One exceljs style object per distinct look, shared by every cell that has it. exceljs gives each cell its
 * own style object and, when writing, turns every one of them into styles.xml XML to find its entry (it
 * caches by object identity only); with shared objects that happens once per look instead of once per cell,
 * and a summary of 10,000 metrics keeps a few dozen style objects instead of ~100,000. The file is the same.
 * @module
 */
import type ExcelJS from 'exceljs';

export class SharedStyles {
  readonly #byKey = new Map<string, Partial<ExcelJS.Style>>();

  /**
   * Gives `cell` its current style with `look` laid over it. The shared object is never changed afterwards:
   * always style a cell through here, never with exceljs's setters (`cell.font = …` would change every
   * cell that shares the object).
   */
  add(cell: ExcelJS.Cell, look: Partial<ExcelJS.Style>): void {
    const style = { ...cell.style, ...look };
    const key = JSON.stringify(style);
    let shared = this.#byKey.get(key);
    if (!shared) {
      shared = style;
      this.#byKey.set(key, shared);
    }
    cell.style = shared;
  }
}
