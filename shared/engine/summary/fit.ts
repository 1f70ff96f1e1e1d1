/**
 * Every text of the summary within what one spreadsheet cell takes (model/cell-limit.ts): a list item or a paragraph
 * that quotes a very long Motivering is cut with "…", and the data-quality section says where.
 * @module
 */
import type { Issue } from '../model/model.ts';
import type { SummaryBlock, SummaryCell } from '../model/summary-model.ts';
import { SHEETS } from '../model/template.ts';
import { CELL_TEXT_LIMIT, fitCell, shortenedNote } from '../model/cell-limit.ts';

/** room left in each cell for what a renderer puts before a text (`12. ` before a footnote, `Fotnot 3`) */
const RENDERER_RESERVE = 16;
const LIMIT = CELL_TEXT_LIMIT - RENDERER_RESERVE;

/** A text that was cut: the section it is in and its first words, to name it in the note. */
export interface CutText {
  section: string;
  start: string;
}

/** Fits every text of the blocks in place; returns what was cut. */
export function fitBlocks(blocks: SummaryBlock[]): CutText[] {
  const cut: CutText[] = [];
  let section = '';
  const fit = (text: string): string => {
    if (text.length <= LIMIT) return text;
    const fitted = fitCell(text, RENDERER_RESERVE);
    if (fitted !== text) cut.push({ section, start: text.slice(0, 40) });
    return fitted;
  };
  // in place, and only a cell that is too long is copied: the tables of a large set hold 100,000 rows
  const fitCells = (cells: SummaryCell[]): void => {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      const text = fit(cell.text);
      if (text !== cell.text) cells[i] = { ...cell, text };
    }
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
      case 'paragraph':
        block.text = fit(block.text);
        break;
      case 'heading':
        block.text = fit(block.text);
        section = block.text;
        break;
      case 'keyValue': {
        const cells = [block.value];
        fitCells(cells);
        block.value = cells[0]!;
        break;
      }
      case 'table':
        for (const row of block.rows) fitCells(row);
        break;
      case 'list':
        fitCells(block.items);
        break;
      case 'footnotes':
        for (const item of block.items) item.text = fit(item.text);
        break;
      case 'chart':
        break;
    }
  }
  return cut;
}

/** The data-quality notes for texts that were cut (one per text, naming its section and first words). */
export function cutNotes(cut: readonly CutText[]): Issue[] {
  return cut.map((c) => ({
    kind: 'note',
    workbookId: '',
    workbookName: '',
    sheet: SHEETS.summary,
    subject: c.section || SHEETS.summary,
    message: shortenedNote(`Texten ”${c.start}…”${c.section ? ` i avsnittet ${c.section}` : ''}`),
  }));
}
