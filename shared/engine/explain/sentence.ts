/**
 * Ending sentences that may end in text a person typed (a Motivering, a name): a full stop only where none is, so
 * "Nivån hölls." followed by a remark gives no "..".
 * @module
 */

/** `text` ending a sentence: trimmed, with a full stop unless it already ends in `.`, `!`, `?` or `…`. */
export function asSentence(text: string): string {
  const t = text.trimEnd();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}
