/**
 * LibreOffice headless as an outside judge: if it can convert a workbook, the workbook opens. Each call
 * gets its own user profile so parallel test files do not fight over one.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';

const run = promisify(execFile);

/** Comma-separated, UTF-8 (76), first line as is, every sheet to its own file (the last token, -1). */
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/**
 * LibreOffice's "Recalculation on File Load" setting for Excel files: its default, "Never recalculate" (keep
 * the results stored in the file, whatever the file asks for), or "Always recalculate".
 */
export type RecalcOnLoad = 'never' | 'always';

const ALWAYS_RECALCULATE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">' +
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n';

async function convert(input: string | string[], target: string, recalc: RecalcOnLoad = 'never'): Promise<{ outDir: string; cleanup: () => Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'lo-out-'));
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  const inputs = typeof input === 'string' ? [input] : input;
  if (recalc === 'always') {
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
  }
  try {
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', target, '--outdir', outDir, ...inputs], {
      timeout: 120_000 + inputs.length * 10_000,
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return { outDir, cleanup: () => rm(outDir, { recursive: true, force: true }) };
}

/** Every sheet as CSV rows (LibreOffice's own reading of the file), by sheet name. */
export async function libreOfficeCsv(input: string): Promise<Map<string, string[][]>> {
  const { outDir, cleanup } = await convert(input, CSV_ALL_SHEETS);
  try {
    const stem = basename(input).replace(/\.xls[xm]$/i, '');
    const sheets = new Map<string, string[][]>();
    for (const file of await readdir(outDir)) {
      if (!file.startsWith(`${stem}-`) || !file.endsWith('.csv')) continue;
      sheets.set(file.slice(stem.length + 1, -4), parseCsv(await readFile(join(outDir, file), 'utf8')));
    }
    if (sheets.size === 0) throw new Error(`LibreOffice could not open ${input}`);
    return sheets;
  } finally {
    await cleanup();
  }
}

/** Many files in one LibreOffice start: each one's sheets as CSV rows, by file and sheet name. */
export async function libreOfficeCsvMany(inputs: string[], recalc: RecalcOnLoad = 'never'): Promise<Map<string, Map<string, string[][]>>> {
  const { outDir, cleanup } = await convert(inputs, CSV_ALL_SHEETS, recalc);
  try {
    const files = await readdir(outDir);
    const out = new Map<string, Map<string, string[][]>>();
    for (const input of inputs) {
      const stem = basename(input).replace(/\.xls[xm]$/i, '');
      const sheets = new Map<string, string[][]>();
      for (const file of files) {
        if (!file.startsWith(`${stem}-`) || !file.endsWith('.csv')) continue;
        sheets.set(file.slice(stem.length + 1, -4), parseCsv(await readFile(join(outDir, file), 'utf8')));
      }
      out.set(input, sheets);
    }
    return out;
  } finally {
    await cleanup();
  }
}

/** Many files opened by LibreOffice and saved again as .xlsx in one start; the bytes by input path. */
export async function libreOfficeResaveMany(inputs: string[]): Promise<Map<string, Uint8Array>> {
  const { outDir, cleanup } = await convert(inputs, 'xlsx');
  try {
    const out = new Map<string, Uint8Array>();
    for (const input of inputs) out.set(input, await readFile(join(outDir, basename(input).replace(/\.xlsm$/i, '.xlsx'))));
    return out;
  } finally {
    await cleanup();
  }
}

/** LibreOffice opens the file and saves it again as .xlsx; returns the bytes. */
export async function libreOfficeResave(input: string): Promise<Uint8Array> {
  const { outDir, cleanup } = await convert(input, 'xlsx');
  try {
    return await readFile(join(outDir, basename(input)));
  } finally {
    await cleanup();
  }
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
