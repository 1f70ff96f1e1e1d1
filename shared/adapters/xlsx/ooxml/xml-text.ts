/**
 * XML text both ways: entities, and OOXML's `_xHHHH_` escapes for characters XML cannot hold (ST_Xstring).
 * @module
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves the five named entities and numeric character references; an unknown entity stays as written. */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/** Text as element content: `&`, `<` and `>` escaped. */
export function escapeText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
}

/** Text as an attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return /[&<>"\t\n\r]/.test(text)
    ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
    : text;
}

/** `_x000D_` → carriage return: what Excel stores for characters XML 1.0 cannot carry. */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The reverse: control characters (other than tab and line feed, which XML keeps; a carriage return would be
 * folded into a line feed by every XML reader), lone surrogates and U+FFFE/U+FFFF as `_xHHHH_`, and a literal
 * `_xHHHH_` protected as `_x005F_xHHHH_`.
 */
export function encodeXstring(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/_x[0-9a-fA-F]{4}_|[\u0000-\u0008\u000b-\u001f\ufffe\uffff\ud800-\udfff]/.test(text)) return text;
  let out = text.replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1');
  // eslint-disable-next-line no-control-regex
  out = out.replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, (ch) => hex4(ch.charCodeAt(0)));
  // surrogates: pairs stay, lone halves are escaped
  return out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (ch) => hex4(ch.charCodeAt(0)));
}

function hex4(code: number): string {
  return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
}

const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000b-\u001f\ufffe\uffff\ud800-\udfff]|_x[0-9a-fA-F]{4}_/;

/** Text as cell content: `encodeXstring` then `escapeText`, after one look for whether either has work to do. */
export function xmlText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? escapeText(encodeXstring(text)) : text;
}
