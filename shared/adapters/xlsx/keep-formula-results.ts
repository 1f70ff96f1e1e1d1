/**
 * xlsx-populate drops a formula cell's cached result when it saves (Cell#toXml: "Don't emit value if a
 * formula is set"). A workbook saved by Excel or LibreOffice then comes back with every formula uncached,
 * so the next read would see no outcome where the user has one. This puts the cached result back on the
 * way out, unchanged, for every formula cell the product did not touch (the product never writes formulas).
 * Measured in test/adapters/xlsx/foreign-workbooks.test.ts.
 * @module
 */
import XlsxPopulate, { type XmlNode } from 'xlsx-populate';
import CellClass from 'xlsx-populate/lib/Cell.js';

interface CellInternals {
  _formulaType?: string;
  _value?: unknown;
}

let installed = false;

/** Idempotent: patches xlsx-populate's Cell once per process. */
export function keepFormulaResults(): void {
  if (installed) return;
  installed = true;
  const proto = CellClass.prototype;
  const original = proto.toXml;
  proto.toXml = function toXmlKeepingResult(this: CellInternals): XmlNode {
    const node = original.call(this);
    if (this._formulaType == null) return keepErrorValue(this, node);
    const cached = cachedValueNode(this._value);
    if (!cached) return node;
    const fIndex = node.children.findIndex((c) => typeof c === 'object' && c.name === 'f');
    node.children.splice(fIndex + 1, 0, cached.v);
    // A copy: node.attributes is the cell's own leftover-attributes object.
    node.attributes = { ...node.attributes };
    if (cached.t) node.attributes.t = cached.t;
    else delete node.attributes.t;
    return node;
  };
}

/**
 * The same loss for a plain error cell (`<c t="e"><v>#REF!</v></c>`, no formula): Cell#toXml has no branch
 * for a FormulaError value and writes an empty `<v>`, so a person's `#REF!` would silently become blank.
 */
function keepErrorValue(cell: CellInternals, node: XmlNode): XmlNode {
  if (!(cell._value instanceof XlsxPopulate.FormulaError)) return node;
  const children = node.children.filter((c) => !(typeof c === 'object' && c.name === 'v'));
  return { ...node, attributes: { ...node.attributes, t: 'e' }, children: [{ name: 'v', attributes: {}, children: [cell._value.error()] }, ...children] };
}

function cachedValueNode(value: unknown): { v: XmlNode; t?: string } | null {
  const v = (text: string | number): XmlNode => ({ name: 'v', attributes: {}, children: [text] });
  if (typeof value === 'number') return Number.isFinite(value) ? { v: v(value) } : null;
  if (typeof value === 'string') return { v: v(value), t: 'str' };
  if (typeof value === 'boolean') return { v: v(value ? 1 : 0), t: 'b' };
  if (value instanceof XlsxPopulate.FormulaError) return { v: v(value.error()), t: 'e' };
  return null;
}
