/**
 * One small element (a style's `<xf>`, `<font>`) as attributes and raw child elements, to clone it with a few
 * changes: children the change does not concern are kept as the bytes they were.
 * @module
 */
import { escapeAttribute } from './xml-text.ts';
import { CLOSE, OPEN, XmlScanner } from './xml-scan.ts';

export interface Child {
  local: string;
  attrs: [string, string][];
  raw: string;
}

export interface Element {
  /** qualified name, with its prefix */
  name: string;
  attrs: [string, string][];
  children: Child[];
}

export function parseElement(xml: Buffer, start: number, end: number): Element {
  const s = new XmlScanner(xml, start, end);
  if (!s.next()) throw new Error('no element');
  const element: Element = { name: s.qualifiedName(), attrs: s.attrs(), children: [] };
  if (s.kind !== OPEN) return element;
  while (s.next()) {
    if ((s.kind as number) === CLOSE) break;
    const childStart = s.start;
    const local = s.buf.toString('latin1', s.localStart, s.nameEnd);
    const attrs = s.attrs();
    const childEnd = s.skip();
    element.children.push({ local, attrs, raw: xml.toString('utf8', childStart, childEnd) });
  }
  return element;
}

export function setAttr(attrs: [string, string][], attrName: string, value: string): [string, string][] {
  const out = attrs.map(([n, v]): [string, string] => [n, n === attrName ? value : v]);
  if (!attrs.some(([n]) => n === attrName)) out.push([attrName, value]);
  return out;
}

export function getAttr(attrs: [string, string][], attrName: string): string | undefined {
  return attrs.find(([n]) => n === attrName)?.[1];
}

export function serialize(qualifiedName: string, attrs: [string, string][], inner: string): string {
  const a = attrs.map(([n, v]) => ` ${n}="${escapeAttribute(v)}"`).join('');
  return inner === '' ? `<${qualifiedName}${a}/>` : `<${qualifiedName}${a}>${inner}</${qualifiedName}>`;
}
