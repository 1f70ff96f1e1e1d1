/** The local summary's own file: its sheets, colours, images and HTML. What every SummaryStore does is in contract.test.ts. */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { createXlsxSummaryStore } from '../../../shared/adapters/xlsx/summary-store.ts';
import { buildSummary } from '../../../shared/engine/summary/build.ts';
import type { ChangeLogRow } from '../../../shared/engine/model/summary-model.ts';
import { PALETTE } from '../../../shared/engine/model/palette.ts';
import { demoSet, settings, SOURCES } from '../../engine/set-fixtures.ts';

/** An independent .xlsx reader (unzip + XML), so the test does not trust exceljs to read what exceljs wrote. */
function readXlsx(path: string) {
  const files = unzipSync(readFileSync(path));
  const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['sheet', 'row', 'c', 'si', 'r', 'Relationship', 'xf', 'fill'].includes(name) });
  const text = (name: string) => strFromU8(files[name]!);
  const shared: string[] = files['xl/sharedStrings.xml']
    ? (xml.parse(text('xl/sharedStrings.xml')).sst.si ?? []).map((si: { t?: unknown; r?: { t: unknown }[] }) =>
        si.t !== undefined ? str(si.t) : (si.r ?? []).map((r) => str(r.t)).join(''),
      )
    : [];
  const rels = xml.parse(text('xl/_rels/workbook.xml.rels')).Relationships.Relationship as { '@_Id': string; '@_Target': string }[];
  const sheets = (xml.parse(text('xl/workbook.xml')).workbook.sheets.sheet as Record<string, string>[]).map((s) => {
    const target = rels.find((r) => r['@_Id'] === s['@_r:id'])!['@_Target'].replace(/^\/?xl\//, '');
    const data = xml.parse(text(`xl/${target}`)).worksheet.sheetData;
    const rows = new Map<number, Map<string, { text: string; s?: string }>>();
    for (const row of data?.row ?? []) {
      const cells = new Map<string, { text: string; s?: string }>();
      for (const c of row.c ?? []) {
        const col = String(c['@_r']).replace(/\d+/g, '');
        let value = '';
        if (c['@_t'] === 's') value = shared[Number(c.v)] ?? '';
        else if (c['@_t'] === 'inlineStr') value = c.is?.t !== undefined ? str(c.is.t) : (c.is?.r ?? []).map((r: { t: unknown }) => str(r.t)).join('');
        else if (c.v !== undefined) value = String(c.v);
        cells.set(col, { text: value, s: c['@_s'] });
      }
      rows.set(Number(row['@_r']), cells);
    }
    return { name: s['@_name'], state: s['@_state'] ?? 'visible', rows };
  });
  const styles = xml.parse(text('xl/styles.xml')).styleSheet;
  const fillOf = (s: string | undefined) => {
    const xf = styles.cellXfs.xf[Number(s ?? 0)];
    const fill = styles.fills.fill[Number(xf?.['@_fillId'] ?? 0)];
    return (fill?.patternFill?.fgColor?.['@_rgb'] as string | undefined) ?? null;
  };
  const grid = (name: string) => {
    const sheet = sheets.find((s) => s.name === name)!;
    const maxRow = Math.max(0, ...sheet.rows.keys());
    return Array.from({ length: maxRow }, (_, i) => {
      const cells = sheet.rows.get(i + 1) ?? new Map();
      return ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((col) => cells.get(col)?.text ?? '');
    });
  };
  const cell = (name: string, ref: string) => {
    const sheet = sheets.find((s) => s.name === name)!;
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return sheet.rows.get(Number(row))?.get(col!);
  };
  return { files: Object.keys(files), sheets, grid, cell, fillOf };
}

function str(t: unknown): string {
  if (t && typeof t === 'object' && '#text' in t) return String((t as { '#text': unknown })['#text']);
  return String(t ?? '');
}

const log = (at: string, subject: string, from: string | null, to: string, cause: string | null = null): ChangeLogRow => ({
  at,
  change: { workbookId: 'klimat.xlsx', workbookName: 'Klimat', sheet: 'Mätetal', rowNumber: 4, subject, from, to },
  cause,
});

describe('createXlsxSummaryStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'malkoll-summary-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const doc = () => buildSummary(demoSet(), settings(), { sources: SOURCES, today: '2026-03-14', changedAt: '2026-03-14T09:22:00Z' });

  it('names its file', () => {
    expect(createXlsxSummaryStore(dir).location()).toBe(join(dir, 'Sammanfattning.xlsx'));
  });

  it('writes the summary sheet, the plan, the hidden state, the image and the HTML', async () => {
    const store = createXlsxSummaryStore(dir);
    const d = doc();
    await store.write(d, { contentHash: d.contentHash, changedAt: '2026-03-14T09:22:00Z' }, []);
    const x = readXlsx(join(dir, 'Sammanfattning.xlsx'));
    expect(x.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Sammanfattning', 'visible'],
      ['Handlingsplan', 'visible'],
      ['Ändringslogg', 'visible'],
      ['_malkoll', 'hidden'],
    ]);
    const rows = x.grid('Sammanfattning');
    expect(rows[0]![0]).toBe('Hållbarhetsredovisning Region Exempel 2025');
    const overall = rows.map((r, i) => ({ r, i })).filter(({ r }) => r[0] === 'Samlad bedömning');
    expect(overall).toHaveLength(1);
    expect(overall[0]!.r[1]).toBe('Positiv');
    expect(x.fillOf(x.cell('Sammanfattning', `B${overall[0]!.i + 1}`)?.s)).toBe(`FF${PALETTE.Positiv.fill}`);
    const goalHeader = rows.findIndex((r) => r[0] === 'Målområde' && r[1] === 'Hållbarhetsmål');
    expect(rows[goalHeader + 1]!.slice(0, 3)).toEqual(['Minskad klimatpåverkan', 'År 2030 har regionen halverat sina utsläpp jämfört med 2019.', 'Positiv']);
    expect(rows.some((r) => r[0] === '2. Målet för 2025 var 36 % och nivån hölls.')).toBe(true);
    expect(rows.at(-1)![0]).toBe('Senast ändrad 2026-03-14 10:22 · Källor: Klimat, Konsumtion');

    const media = x.files.filter((f) => /^xl\/media\/.+\.png$/.test(f));
    expect(media.length).toBe(3);
    const png = unzipSync(readFileSync(join(dir, 'Sammanfattning.xlsx')))[media[0]!]!;
    expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    expect(x.grid('Handlingsplan')[0]).toEqual(['Målområde', 'Aktivitet', 'Ansvarig', 'Klart senast', 'Status', 'Läge', '', '']);
    expect(x.grid('Handlingsplan')[1]![5]).toBe('Försenad');
    expect(JSON.parse(x.grid('_malkoll')[0]![0]!)).toEqual({ contentHash: d.contentHash, changedAt: '2026-03-14T09:22:00Z' });
    expect(await store.readState()).toEqual({ contentHash: d.contentHash, changedAt: '2026-03-14T09:22:00Z' });

    const html = readFileSync(join(dir, 'Sammanfattning.html'), 'utf8');
    expect(html).toContain('<html lang="sv">');
    expect(readdirSync(dir).sort()).toEqual(['Sammanfattning.html', 'Sammanfattning.xlsx']); // no temp files left
  });

  it('appends Ändringslogg rows in its own columns, and tells a page whose hash is not the state\'s (rewrite)', async () => {
    const store = createXlsxSummaryStore(dir);
    const d = doc();
    await store.write(d, { contentHash: 'a', changedAt: '2026-03-14T09:00:00Z' }, [
      log('2026-03-14T09:00:00Z', 'Energi i lokaler', null, 'Negativ'),
      log('2026-03-14T09:00:00Z', 'Resor och transporter', 'Oförändrad', 'Positiv', '”Bra!” skrevs i Utveckling'),
    ]);
    await store.write(d, { contentHash: 'b', changedAt: '2026-03-15T08:00:00Z' }, [log('2026-03-15T08:00:00Z', 'Energi i lokaler', 'Negativ', 'Oförändrad')]);
    await store.write(d, { contentHash: 'b', changedAt: '2026-03-15T08:00:00Z' }, []);
    const rows = readXlsx(join(dir, 'Sammanfattning.xlsx')).grid('Ändringslogg');
    expect(rows).toEqual([
      ['Tidpunkt', 'Arbetsbok', 'Blad', 'Rad', 'Avser', 'Från', 'Till', 'Orsak'],
      ['2026-03-14T09:00:00Z', 'Klimat', 'Mätetal', '4', 'Energi i lokaler', '', 'Negativ', ''],
      ['2026-03-14T09:00:00Z', 'Klimat', 'Mätetal', '4', 'Resor och transporter', 'Oförändrad', 'Positiv', '”Bra!” skrevs i Utveckling'],
      ['2026-03-15T08:00:00Z', 'Klimat', 'Mätetal', '4', 'Energi i lokaler', 'Negativ', 'Oförändrad', ''],
    ]);
    // the page carries the document's own hash, not the made-up 'b' of the state: the next run would write both again
    expect(await store.readState()).toEqual({ contentHash: 'b', changedAt: '2026-03-15T08:00:00Z', rewrite: true });
  });

  it('keeps whatever the state holds, however long, and can replace only the state', async () => {
    const store = createXlsxSummaryStore(dir);
    const d = doc();
    const pending = Array.from({ length: 2000 }, (_, i) => ({ id: `ändring-${i}`, text: 'x'.repeat(40) }));
    const state = { contentHash: d.contentHash, changedAt: '2026-03-14T09:22:00Z', pending, nested: { a: [1, 'två', null] } };
    await store.write(d, state as never, []);
    expect(await store.readState()).toEqual(state);
    const before = readXlsx(join(dir, 'Sammanfattning.xlsx'));
    await store.writeState!({ contentHash: 'c', changedAt: null });
    // the page still carries the hash of the document it was written from, not 'c'
    expect(await store.readState()).toEqual({ contentHash: 'c', changedAt: null, rewrite: true });
    const after = readXlsx(join(dir, 'Sammanfattning.xlsx'));
    expect(after.grid('Sammanfattning')).toEqual(before.grid('Sammanfattning'));
    expect(after.sheets.map((s) => [s.name, s.state])).toEqual(before.sheets.map((s) => [s.name, s.state]));
  });

  it('omits the Handlingsplan sheet without actions, and keeps a copy of an unreadable old file', async () => {
    writeFileSync(join(dir, 'Sammanfattning.xlsx'), 'inte en arbetsbok');
    const store = createXlsxSummaryStore(dir);
    expect(await store.readState()).toBeNull();
    const d = buildSummary({ ...demoSet(), actions: [] }, settings(), { sources: SOURCES, today: '2026-03-14', changedAt: null });
    await store.write(d, { contentHash: d.contentHash, changedAt: null }, []);
    expect(readXlsx(join(dir, 'Sammanfattning.xlsx')).sheets.map((s) => s.name)).toEqual(['Sammanfattning', 'Ändringslogg', '_malkoll']);
    expect(existsSync(join(dir, 'Sammanfattning.xlsx.bak'))).toBe(true);
  });
});
