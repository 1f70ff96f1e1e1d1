/**
 * String items: a shared-strings table (`<sst><si>`) and an inline string (`<is>`) read the same way — plain
 * `<t>` or rich-text runs `<r><t>`, phonetic runs (`<rPh>`) left out.
 * @module
 */
import { CLOSE, EMPTY, name, OPEN, XmlScanner } from './xml-scan.ts';

const SI = name('si');
const T = name('t');
const RPH = name('rPh');

export function readSharedStrings(xml: Buffer): string[] {
  const s = new XmlScanner(xml);
  const out: string[] = [];
  while (s.find(SI)) out.push(s.kind === EMPTY ? '' : stringItem(s));
  return out;
}

/** With the scanner on an item's open tag: its text; leaves the scanner on the item's close tag. */
export function stringItem(s: XmlScanner): string {
  if (s.kind === EMPTY) return '';
  let text = '';
  let depth = 1;
  while (s.next()) {
    if (s.kind === OPEN) {
      if (s.is(T)) text += s.text();
      else if (s.is(RPH)) s.skip();
      else depth++;
    } else if (s.kind === CLOSE && --depth === 0) {
      return text;
    }
  }
  return text;
}
