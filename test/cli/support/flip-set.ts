/**
 * A small set of real .xlsx workbooks for the tests of the local run's guarantees (issue 17 B and C): each
 * workbook has its own goal area and a few metrics whose 2025 outcome a "person" flips between a rise and a
 * fall, so every flip changes each metric's status (Positiv ↔ Negativ) and with it the indicator's and the goal
 * area's. The edit is spliced into the file (the product's own patcher, so the workbook's `_malkoll` state stays
 * as a person's save in Excel leaves it) and saved the way Excel saves: a new file renamed over the old.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTemplateWorkbook } from '../../../shared/adapters/xlsx/create-workbook.ts';
import { patchWorkbook } from '../../../shared/adapters/xlsx/patch-workbook.ts';
import { readChangeLog } from '../../../shared/adapters/xlsx/summary-read.ts';
import { inspectXlsx, sheetOf } from '../../support/xlsx-inspect.ts';

export const METRICS = 4;
const OUTCOME_2025_COLUMN = 7;
const RISE = 120;
const FALL = 80;

export async function writeFlipSet(dir: string, goalAreas: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const goal of goalAreas) {
    const file = `${goal}.xlsx`;
    await writeTemplateWorkbook(join(dir, file), {
      fileName: file,
      sheets: [
        { name: 'Målområden', headers: ['Målområde', 'Hållbarhetsmål'], rows: [[goal, `Målet för ${goal}`]] },
        { name: 'Indikatorer', headers: ['Målområde', 'Indikator'], rows: [[goal, `${goal}s indikator`]] },
        {
          name: 'Mätetal',
          headers: ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2024', 'Utfall 2025'],
          rows: Array.from({ length: METRICS }, (_, i) => [goal, `${goal}s indikator`, `${goal} mätetal ${i + 1}`, 'st', 'Öka', 100, RISE]),
        },
        { name: 'Inställningar', headers: ['Inställning', 'Värde'], rows: [['Organisation', 'Region Prov'], ['Redovisningsår', 2025]] },
      ],
    });
    files.push(file);
  }
  return files;
}

/** A person's save that turns every metric of `file` the other way (Positiv ↔ Negativ). */
export async function flip(dir: string, file: string): Promise<void> {
  const path = join(dir, file);
  const bytes = await readFile(path);
  const now = sheetOf(inspectXlsx(bytes), 'Mätetal').cells.get('G2')?.value;
  const next = Number(now) === RISE ? FALL : RISE;
  const cells = Array.from({ length: METRICS }, (_, i) => ({
    sheet: 'Mätetal',
    row: i + 2,
    column: OUTCOME_2025_COLUMN,
    value: { number: next },
    look: { kind: 'keep' as const },
  }));
  await writeFile(`${path}.sparar`, patchWorkbook(bytes, { cells, state: null }).bytes);
  await rename(`${path}.sparar`, path);
}

/** Each status cell of a workbook (`Blad|rad` → status), as the product last wrote it. */
export function statusesOf(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const wb = inspectXlsx(bytes);
  for (const sheet of ['Målområden', 'Indikatorer', 'Mätetal']) {
    const cells = sheetOf(wb, sheet).cells;
    const column = [...cells].find(([address, c]) => /^[A-Z]+1$/.test(address) && c.value === 'Utveckling')?.[0].replace('1', '');
    if (!column) continue;
    for (const [address, cell] of cells) {
      const m = new RegExp(`^${column}(\\d+)$`).exec(address);
      if (m && m[1] !== '1' && cell.value) out.set(`${sheet}|${m[1]}`, String(cell.value));
    }
  }
  return out;
}

/**
 * Checks that Ändringslogg holds every status change exactly once: per status cell, the logged changes form one
 * unbroken chain from nothing to the status the workbook shows now (a missing change breaks the chain, a doubled
 * one repeats a link); the organisation's overall assessment, which has no status cell, forms an unbroken chain of its
 * own. Returns how many rows the log holds about status cells (the changes a run prints).
 */
export async function expectEveryChangeOnce(dir: string, files: string[]): Promise<number> {
  const rows = readChangeLog(await readFile(join(dir, 'Sammanfattning.xlsx')));
  const chains = new Map<string, { from: string; to: string }[]>();
  for (const row of rows) {
    const key = `${String(row[1])}|${String(row[2])}|${String(row[3])}`;
    const list = chains.get(key) ?? [];
    list.push({ from: row[5] === null ? '' : String(row[5]), to: String(row[6]) });
    chains.set(key, list);
  }
  const problems: string[] = [];
  const expected = new Set<string>();
  for (const file of files) {
    const name = file.replace(/\.xlsx$/, '');
    for (const [cell, status] of statusesOf(await readFile(join(dir, file)))) {
      const key = `${name}|${cell}`;
      expected.add(key);
      const chain = chains.get(key) ?? [];
      let at = '';
      for (const link of chain) {
        if (link.from !== at) problems.push(`${key}: ${at || '(inget)'} följs av ${link.from || '(inget)'} → ${link.to}`);
        at = link.to;
      }
      if (at !== status) problems.push(`${key}: loggen slutar på ${at || '(inget)'}, arbetsboken visar ${status}`);
    }
  }
  for (const [key, chain] of chains) {
    if (expected.has(key)) continue;
    // the organisation's overall assessment lives in the summary only: logged from its first change on, unbroken
    if (key.split('|')[1] === 'Sammanfattning') {
      chain.slice(1).forEach((link, i) => {
        if (link.from !== chain[i]!.to) problems.push(`${key}: ${chain[i]!.to} följs av ${link.from} → ${link.to}`);
      });
    } else problems.push(`${key}: loggad men ingen statuscell`);
  }
  if (problems.length > 0) throw new Error(`Ändringslogg håller inte varje ändring en gång:\n${problems.join('\n')}`);
  return cellRows(rows).length;
}

/** The rows of Ändringslogg about a workbook's status cell (the organisation's overall assessment has no row number). */
export function cellRows<T extends unknown[]>(rows: T[]): T[] {
  return rows.filter((row) => row[3] !== null && row[3] !== '');
}
