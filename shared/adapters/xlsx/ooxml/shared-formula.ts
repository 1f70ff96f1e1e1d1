/**
 * A shared formula's text as seen from one of the cells that share it: the master's relative references
 * moved by the cell's offset (`G2+4` in H2 shared to H5 reads `G5+4`), as Excel shows it. Only used to
 * name a formula in a message, so references it does not recognise stay as written.
 * @module
 */
import { columnName } from './cell-ref.ts';

const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(!])/g;

export function translateFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  // string literals and quoted sheet names are left alone
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(REFERENCE, (whole, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const column = colAbs ? letterNumber(letters) : letterNumber(letters) + columns;
      const row = rowAbs ? Number(digits) : Number(digits) + rows;
      if (column < 1 || row < 1) return whole;
      return `${colAbs}${colAbs ? letters : columnName(column)}${rowAbs}${row}`;
    })))
    .join('');
}

function letterNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
