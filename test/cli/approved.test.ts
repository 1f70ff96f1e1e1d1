/**
 * An approved report stays as approved (domain.md §7), through `malkoll recalc` on real files: `Fastställd 2025`
 * with a date archives the summary as it stands (`Sammanfattning 2025 fastställd.xlsx` and `.html`, read-only,
 * recognised by its hidden state); later edits never touch it while the live summary (xlsx and HTML) lists what
 * changed since; a second, different date is a data-quality note and no new archive; clearing the date deletes
 * nothing. And issue 17 B.7: copies of the summary and of an archive are neither read as workbooks (their
 * Handlingsplan is not counted again) nor written.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { summaryKindOf } from '../../shared/adapters/xlsx/summary-kind.ts';
import { inspectXlsx, sheetOf, typedValue } from '../support/xlsx-inspect.ts';
import { typeInto, typeSetting, writeDemoSet } from './year-round-fixtures.ts';

const ARCHIVE = 'Sammanfattning 2025 fastställd.xlsx';
const ARCHIVE_HTML = 'Sammanfattning 2025 fastställd.html';
const DICLOFENAC = 'Försäljning av diklofenak';

let root: string;
let dir: string;
const at = (f: string) => path.join(dir, f);
const hash = async (f: string) => createHash('sha256').update(await readFile(at(f))).digest('hex');
const html = (f = 'Sammanfattning.html') => readFile(at(f), 'utf8').then((t) => t.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));

async function recalc(): Promise<string> {
  const io = recordingConsole();
  expect(await runCli(['recalc', dir], io)).toBe(0);
  return io.text();
}

/** Every text of the xlsx summary's Sammanfattning sheet, in reading order. */
async function summaryTexts(file = 'Sammanfattning.xlsx'): Promise<string> {
  const sheet = sheetOf(inspectXlsx(await readFile(at(file))), 'Sammanfattning');
  return [...sheet.cells.values()].map((c) => String(typedValue(c) ?? '')).join(' | ');
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'malkoll-approved-'));
  dir = path.join(root, 'set');
  // the demo set as typed, Fastställd 2025 = 2026-03-02 included, without the archive init makes
  await writeDemoSet(dir);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('Fastställd: the archive, and the live summary’s difference section', () => {
  let archived: { xlsx: string; html: string };
  let firstRun: string;

  beforeAll(async () => {
    firstRun = await recalc();
    archived = { xlsx: await hash(ARCHIVE), html: await hash(ARCHIVE_HTML) };
  });

  it('archives the summary as it stands at the first recalculation with a date, and says so', async () => {
    expect(firstRun).toContain(`Fastställd redovisning för 2025 arkiverad: ${at(ARCHIVE)} (och ${at(ARCHIVE_HTML)})`);
    for (const f of [ARCHIVE, ARCHIVE_HTML]) expect((await stat(at(f))).mode & 0o222, f).toBe(0);
    expect(summaryKindOf(await readFile(at(ARCHIVE)))).toBe('archive');
    expect(summaryKindOf(await readFile(at('Sammanfattning.xlsx')))).toBe('summary');
    const archive = await html(ARCHIVE_HTML);
    expect(archive).toContain('Fastställd redovisning för 2025, fastställd 2026-03-02');
    expect(archive).not.toContain('Ändrat sedan fastställd rapport');
    expect(await summaryTexts(ARCHIVE)).toContain('Fastställd redovisning för 2025, fastställd 2026-03-02');
    expect(await html()).toContain('Ändrat sedan fastställd rapport Inga bedömningar har ändrats sedan redovisningen för 2025 fastställdes 2026-03-02.');
  });

  it('after a correction the archive is unchanged and the live summary (HTML and xlsx) lists the difference', async () => {
    await typeInto(at('Miljöprogram.xlsx'), DICLOFENAC, 'Utfall 2025', '33,7 kg');
    const out = await recalc();
    expect(out).not.toContain('arkiverad');
    expect({ xlsx: await hash(ARCHIVE), html: await hash(ARCHIVE_HTML) }).toEqual(archived);
    const live = await html();
    expect(live).toContain('Redovisningen för 2025 fastställdes 2026-03-02.');
    expect(live).toMatch(new RegExp(`Mätetal ${DICLOFENAC} \\(Utsläppen av läkemedelsrester ska minska\\) Miljöprogram Negativ Positiv Utfall 2025 rättat: 34,8\\skg → 33,7\\skg`));
    const texts = await summaryTexts();
    expect(texts).toContain('Ändrat sedan fastställd rapport');
    expect(texts).toMatch(new RegExp(`${DICLOFENAC} \\(Utsläppen av läkemedelsrester ska minska\\) \\| Miljöprogram \\| Negativ \\| Positiv \\| Utfall 2025 rättat`));
  });

  it('a second, different date is a data-quality note, not a new archive', async () => {
    const before = (await readdir(dir)).sort();
    await typeSetting(at('Miljöprogram.xlsx'), 'Fastställd 2025', '2026-04-01');
    const out = await recalc();
    expect(out).toMatch(/Fastställd 2025 är 2026-04-01, men redovisningen för 2025 arkiverades som fastställd 2026-03-02 – arkivet behålls som det är/);
    expect(await html()).toContain('Fastställd 2025 är 2026-04-01, men redovisningen för 2025 arkiverades som fastställd 2026-03-02');
    expect((await readdir(dir)).sort()).toEqual(before);
    expect({ xlsx: await hash(ARCHIVE), html: await hash(ARCHIVE_HTML) }).toEqual(archived);
  });

  it('clearing the date deletes nothing: the archive stays, and so does the difference section', async () => {
    await typeSetting(at('Miljöprogram.xlsx'), 'Fastställd 2025', null);
    await recalc();
    expect({ xlsx: await hash(ARCHIVE), html: await hash(ARCHIVE_HTML) }).toEqual(archived);
    expect(await html()).toContain('Redovisningen för 2025 fastställdes 2026-03-02.');
  });
});

describe('the product’s own summaries are not workbooks of the set (issue 17 B.7)', () => {
  it('copies of the summary and of an archive are neither read nor written; their Handlingsplan is not counted again', async () => {
    const actionRows = async () => sheetOf(inspectXlsx(await readFile(at('Sammanfattning.xlsx'))), 'Handlingsplan').cells.size;
    const before = await actionRows();
    await copyFile(at('Sammanfattning.xlsx'), at('Sammanfattning - Kopia.xlsx'));
    await copyFile(at(ARCHIVE), at('Sammanfattning 2025 fastställd - Kopia.xlsx'));
    const copies = { live: await hash('Sammanfattning - Kopia.xlsx'), archive: await hash('Sammanfattning 2025 fastställd - Kopia.xlsx') };
    // an edit, so the run reads and computes the whole set
    await typeInto(at('Miljöprogram.xlsx'), DICLOFENAC, 'Utfall 2025', '33,8 kg');
    const out = await recalc();
    expect(out).not.toMatch(/Kopia/);
    expect(out).toMatch(/Miljöprogram .* uppdaterad/);
    expect({ live: await hash('Sammanfattning - Kopia.xlsx'), archive: await hash('Sammanfattning 2025 fastställd - Kopia.xlsx') }).toEqual(copies);
    expect(await actionRows()).toBe(before);
    expect(await summaryTexts()).not.toMatch(/Kopia/);
  });
});
