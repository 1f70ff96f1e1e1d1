/**
 * Excel's limit on the text of one cell (32 767 characters): a longer Förklaring or summary text makes Excel offer to
 * repair the file. Every text the product writes into a cell is fitted here; what was cut ends in "…" and the data-
 * quality section says so.
 * @module
 */

export const CELL_TEXT_LIMIT = 32_767;
const MARK = '…';

/** `text` when it fits in a cell with `reserve` characters to spare (a renderer's "12. " before a footnote), else cut with "…". */
export function fitCell(text: string, reserve = 0): string {
  const limit = CELL_TEXT_LIMIT - reserve;
  if (text.length <= limit) return text;
  let end = limit - MARK.length;
  // never split a surrogate pair (an emoji) in two
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + MARK;
}

/** True for a text `fitCell` had to cut. */
export function wasShortened(text: string, reserve = 0): boolean {
  return text.length >= CELL_TEXT_LIMIT - reserve - 1 && text.endsWith(MARK);
}

/** The Swedish note for a cut text. */
export function shortenedNote(what: string): string {
  return `${what} är längre än 32\u00a0767 tecken (gränsen för en cell i Excel) och har kortats med "…"`;
}
