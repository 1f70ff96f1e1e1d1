/**
 * A1 references: `AB12` ↔ row 12, column 28 (1-based), and ranges `A2:C5`.
 * @module
 */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const NAMES: string[] = [];

export function columnName(column: number): string {
  if (column < 1024) return (NAMES[column] ??= spell(column));
  return spell(column);
}

function spell(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function cellRef(row: number, column: number): string {
  return `${columnName(column)}${row}`;
}

/** `B7` (or `$B$7`) → { row: 7, column: 2 }; null when it is not a cell reference. */
export function parseCellRef(ref: string): { row: number; column: number } | null {
  let column = 0;
  let i = 0;
  if (ref[i] === '$') i++;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + c - 64;
    else if (c >= 97 && c <= 122) column = column * 26 + c - 96;
    else break;
  }
  if (ref[i] === '$') i++;
  const digits = ref.slice(i);
  if (column === 0 || !/^[0-9]+$/.test(digits)) return null;
  return { row: Number(digits), column };
}

/** The column of a cell reference (its letters only), 0 when there are none. */
export function columnOfRef(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + c - 64;
    else if (c !== 36) break;
  }
  return column;
}

/** `A2:C5` or a single `B3` → a rectangle; null when it is not a range of cells. */
export function parseRange(ref: string): Rect | null {
  const [a, b = a] = ref.split(':');
  const from = a === undefined ? null : parseCellRef(a);
  const to = b === undefined ? null : parseCellRef(b);
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.column, to.column),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.column, to.column),
  };
}

export function rangeRef(r: Rect): string {
  const a = cellRef(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellRef(r.bottom, r.right)}`;
}

export function contains(r: Rect, row: number, column: number): boolean {
  return row >= r.top && row <= r.bottom && column >= r.left && column <= r.right;
}
