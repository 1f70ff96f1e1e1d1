/**
 * Each cell style's number format code: `cellXfs` → `numFmtId` → the workbook's own `numFmts` or the built-in
 * codes (ECMA-376 Part 1, 18.8.30). Only what the reader needs to tell percentages and dates.
 * @module
 */
import { name, XmlScanner } from './xml-scan.ts';

const BUILT_IN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
};

export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

const NUM_FMT = name('numFmt');
const CELL_XFS = name('cellXfs');
const XF = name('xf');

/** Format code by style index (a cell's `s`); undefined for an index the styles do not have. */
export function readNumberFormats(xml: Buffer | null): (styleIndex: number) => string | undefined {
  if (!xml) return (i) => (i === 0 ? 'General' : undefined);
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  const s = new XmlScanner(xml);
  let inCellXfs = false;
  while (s.next()) {
    if (s.is(CELL_XFS)) inCellXfs = s.kind === 1;
    else if (s.kind === 2) continue;
    else if (s.is(NUM_FMT)) custom.set(Number(s.attr('numFmtId')), s.attr('formatCode') ?? '');
    else if (inCellXfs && s.is(XF)) {
      xfs.push(Number(s.attr('numFmtId') ?? 0));
      s.skip();
    }
  }
  return (i) => {
    const id = xfs[i];
    return id === undefined ? undefined : (custom.get(id) ?? BUILT_IN[id]);
  };
}
