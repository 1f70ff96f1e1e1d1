/**
 * openpyxl (Debian's python3-openpyxl, what pandas.read_excel uses) as an outside judge: it opens each file
 * and reports cells' values and colours. Run with /usr/bin/python3: the `python3` on a developer's PATH may
 * be another Python without openpyxl.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PYTHON = '/usr/bin/python3';

export interface OpenpyxlCell {
  value: string | number | boolean | null;
  /** fill foreground as RRGGBB, or null */
  fill: string | null;
  font: string | null;
  bold: boolean;
}

const SCRIPT = `
import json, sys, openpyxl
req = json.loads(sys.stdin.read())
out = {}
for path in req["files"]:
    try:
        wb = openpyxl.load_workbook(path)
    except Exception as e:
        out[path] = {"error": type(e).__name__ + ": " + str(e)}
        continue
    cells = {}
    for sheet, refs in req["cells"].items():
        ws = wb[sheet]
        for ref in refs:
            c = ws[ref]
            fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type not in (None, "none") else None
            font = c.font.color.rgb if c.font is not None and c.font.color is not None and isinstance(c.font.color.rgb, str) else None
            v = c.value
            if not isinstance(v, (str, int, float, bool)) and v is not None:
                v = str(v)
            cells[sheet + "!" + ref] = {"value": v, "fill": fill[-6:] if isinstance(fill, str) else None, "font": font[-6:] if font else None, "bold": bool(c.font.b) if c.font is not None else False}
    out[path] = {"sheets": wb.sheetnames, "cells": cells}
print(json.dumps(out))
`;

export interface OpenpyxlResult {
  /** set when openpyxl could not open the file */
  error?: string;
  sheets: string[];
  cells: Record<string, OpenpyxlCell>;
}

/** Opens every file with openpyxl and reads the cells; a file it cannot open has `error`. */
export async function openpyxlCells(files: string[], cells: Record<string, string[]> = {}): Promise<Record<string, OpenpyxlResult>> {
  const child = run(PYTHON, ['-c', SCRIPT], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  child.child.stdin!.end(JSON.stringify({ files, cells }));
  const { stdout } = await child;
  return JSON.parse(stdout) as Record<string, OpenpyxlResult>;
}
