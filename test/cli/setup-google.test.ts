import type { sheets_v4 } from '@googleapis/sheets';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeClients } from '../../shared/testing/google-fake/index.ts';
import { useGoogleFake } from '../support/use-google-fake.ts';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { parseSetupConfig, setupGoogle, SUMMARY_TITLE, TEMPLATE_TITLE, COMPUTED_HEADER_FILL } from '../../shared/app/setup-google.ts';
import { createSheetsWorkbookStore } from '../../shared/adapters/sheets/index.ts';
import { hexOf } from '../../shared/adapters/sheets/cell-format.ts';
import { PROTECTION_DESCRIPTION } from '../../shared/adapters/sheets/protection.ts';
import { templateSheets, VALIDATED_ROWS, COMPUTED_NOTE } from '../../sheets-templates/template-spec.ts';
import { demoWorkbooks } from '../../sheets-templates/demo/index.ts';
import { ConfigError } from '../../shared/config.ts';
import { SHEETS } from '../../shared/engine/model/template.ts';
import { titleOf } from '../integration/support/demo-seeds.ts';

const { fake, sheets } = useGoogleFake({ fresh: true });
let folder = '';

beforeEach(() => {
  folder = fake.drive.addFolder('Målkoll', { sharedDrive: true });
});

const run = async (args: string[], env: Record<string, string | undefined> = { MALKOLL_DRIVE_FOLDER: folder }) => {
  const io = recordingConsole();
  const code = await runCli(args, io, { setup: { env, clients: fakeClients } });
  return { code, io, out: io.lines.filter((l) => l.stream === 'out').map((l) => l.text).join('\n'), err: io.lines.filter((l) => l.stream === 'err').map((l) => l.text).join('\n') };
};

const batchRequests = (id: string): sheets_v4.Schema$Request[] =>
  fake.calls.requests.filter((r) => r.method === 'sheets.spreadsheets.batchUpdate' && r.url.pathname.includes(id)).flatMap((r) => (r.body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest).requests ?? []);

const createdSpreadsheets = () => [...fake.drive.files.values()].filter((f) => f.parents.includes(folder));

describe('setup google --demo', () => {
  it('creates one workbook per demo workbook plus the summary: files.create + ONE batchUpdate each', async () => {
    const { code, out, err } = await run(['setup', 'google', '--demo']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const demo = demoWorkbooks();
    const files = createdSpreadsheets();
    expect(files.map((f) => f.name)).toEqual([...demo.map(titleOf), SUMMARY_TITLE]);
    expect(fake.calls.byMethod()).toEqual({ 'drive.files.create': demo.length + 1, 'sheets.spreadsheets.batchUpdate': demo.length + 1 });
    for (const r of fake.calls.requests.filter((q) => q.method === 'drive.files.create')) {
      expect(r.url.searchParams.get('supportsAllDrives')).toBe('true');
      expect(r.body).toMatchObject({ mimeType: 'application/vnd.google-apps.spreadsheet', parents: [folder] });
    }
    // every demo cell arrives; the first sheet of each is the template's first sheet, with row 1 frozen
    demo.forEach((wb, i) => {
      const id = files[i]!.id;
      const book = fake.getSpreadsheet(id);
      expect(book.sheets.map((s) => s.properties.title)).toEqual(wb.sheets.map((s) => s.name));
      expect(book.sheets[0]!.properties.gridProperties).toMatchObject({ frozenRowCount: 1 });
      for (const sheet of wb.sheets) {
        const values = fake.getSheetValues(id, sheet.name);
        expect(values[0]).toEqual(sheet.headers);
        expect(values.length).toBe(sheet.rows.length + 1);
      }
    });
    const ids = files.slice(0, demo.length).map((f) => f.id);
    expect(out).toContain(`export MALKOLL_SPREADSHEETS=${ids.join(',')}`);
    expect(out).toContain(`export MALKOLL_SUMMARY_SPREADSHEET=${files.at(-1)!.id}`);
  });

  it('the created workbooks read back through the production store with percent and date cells intact', async () => {
    await run(['setup', 'google', '--demo']);
    const files = createdSpreadsheets();
    const store = createSheetsWorkbookStore({ sheets, spreadsheetIds: [files[0]!.id] });
    const { grid } = await store.read({ id: files[0]!.id, name: 'x' });
    const demo = demoWorkbooks()[0]!;
    const metrics = demo.sheets.find((s) => s.name === SHEETS.metrics)!;
    const gridMetrics = grid.sheets.find((s) => s.name === SHEETS.metrics)!;
    metrics.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const read = gridMetrics.rows[r + 1]?.[c] ?? null;
        if (cell === null) expect(read?.value ?? null).toBeNull();
        else if (typeof cell === 'object' && 'format' in cell) expect(read).toMatchObject({ value: cell.value, percent: true });
        else if (typeof cell === 'object') expect(read).toMatchObject({ date: cell.date });
        else expect(read?.value).toBe(cell);
      });
    });
  });
});

describe('setup google (empty template)', () => {
  it('lays out every template sheet: headers, notes, product columns marked and protected, dropdowns', async () => {
    const { code } = await run(['setup', 'google']);
    expect(code).toBe(0);
    const [template, summary] = createdSpreadsheets();
    expect(template!.name).toBe(TEMPLATE_TITLE);
    expect(summary!.name).toBe(SUMMARY_TITLE);
    const book = fake.getSpreadsheet(template!.id);
    const specs = templateSheets();
    expect(book.sheets.map((s) => s.properties.title)).toEqual(specs.map((s) => s.name));
    for (const spec of specs) {
      const sheet = book.sheets.find((s) => s.properties.title === spec.name)!;
      spec.columns.forEach((col, c) => {
        const cell = fake.getCell(template!.id, spec.name, 1, c + 1)!;
        expect(cell.userEnteredValue?.stringValue).toBe(col.header);
        expect(cell.note).toContain(col.note);
        expect(cell.userEnteredFormat?.textFormat?.bold).toBe(true);
        // the same column width as the .xlsx template (character units → pixels)
        expect(sheet.columnProperties.get(c)?.pixelSize).toBe(Math.round(col.width * 7 + 5));
        const fill = hexOf(cell.userEnteredFormat?.backgroundColor);
        if (col.computed) {
          expect(fill).toBe(COMPUTED_HEADER_FILL);
          expect(cell.note).toMatch(/^Fylls i av Målkoll/);
          expect(sheet.protectedRanges).toContainEqual(
            expect.objectContaining({ description: PROTECTION_DESCRIPTION, warningOnly: true, range: { sheetId: sheet.properties.sheetId, startColumnIndex: c, endColumnIndex: c + 1 } }),
          );
        } else {
          expect(fill).toBeNull();
        }
        // the dropdown covers exactly rows VALIDATED_ROWS.first–last of its column
        const ruleAt = (row: number) => fake.getCell(template!.id, spec.name, row, c + 1)?.dataValidation;
        const rule = ruleAt(VALIDATED_ROWS.first);
        if (col.list) {
          expect(ruleAt(VALIDATED_ROWS.first - 1)).toBeUndefined();
          expect(ruleAt(VALIDATED_ROWS.last)).toEqual(rule);
          expect(ruleAt(VALIDATED_ROWS.last + 1)).toBeUndefined();
          expect(rule?.condition?.type).toBe('ONE_OF_LIST');
          expect(rule?.condition?.values?.map((v) => v.userEnteredValue)).toEqual([...col.list]);
          expect(rule?.strict).toBe(false);
        } else {
          expect(rule).toBeUndefined();
        }
      });
      expect(sheet.properties.gridProperties).toMatchObject({ frozenRowCount: 1, frozenColumnCount: spec.frozenColumns });
    }
    // Riktning, Manuell bedömning (three sheets), Status, and the overall override in Inställningar; since the other
    // shapes (issue 15) also Jämförelse, Dimension, Rang, and Risknivå, its five criteria and Status in Riskområden
    expect(batchRequests(template!.id).filter((r) => r.setDataValidation)).toHaveLength(16);
    const validatedColumns = fake.getSpreadsheet(template!.id).sheets.flatMap((s) =>
      [...new Set(s.rows.flatMap((row) => row.flatMap((cell, c) => (cell?.dataValidation ? [c] : []))))].map((c) => `${s.properties.title}!${c}`),
    );
    expect(validatedColumns).toHaveLength(16);
    expect(COMPUTED_NOTE).toMatch(/^Fylls i av Målkoll/);
    // the summary's sheet already has its final name, so the function's first write reuses it
    expect(fake.getSpreadsheet(summary!.id).sheets.map((s) => s.properties.title)).toEqual([SHEETS.summary]);
  });

  it('prints the remaining manual steps exactly, with the ids and the service account', async () => {
    const { out } = await run(['setup', 'google', '--folder', folder], { MALKOLL_SERVICE_ACCOUNT: 'malkoll@proj-1.iam.gserviceaccount.com' });
    const [template, summary] = createdSpreadsheets();
    const steps = out.slice(out.indexOf('Kvar att göra'));
    for (const line of [
      `export MALKOLL_SPREADSHEETS=${template!.id}`,
      `export MALKOLL_SUMMARY_SPREADSHEET=${summary!.id}`,
      'Dela varje kalkylark med funktionens tjänstekonto malkoll@proj-1.iam.gserviceaccount.com som Redigerare',
      `- ${TEMPLATE_TITLE}: https://docs.google.com/spreadsheets/d/${template!.id}/edit`,
      `- ${SUMMARY_TITLE}: https://docs.google.com/spreadsheets/d/${summary!.id}/edit`,
      'npm run deploy -- --dry-run',
      'npx @google/clasp create --type standalone --title "Målkoll – redigeringsutlösare" --rootDir dist/apps-script',
      'npx @google/clasp push --force',
      'MALKOLL_SIGNING_SECRET = ',
      'MALKOLL_ENDPOINT = ',
      `MALKOLL_SPREADSHEETS = ${template!.id}`,
      'installTriggers',
    ]) expect(steps).toContain(line);
    const order = ['MALKOLL_SPREADSHEETS=', 'Dela varje', 'npm run build', 'clasp create', 'clasp push', 'MALKOLL_ENDPOINT', 'installTriggers'];
    const positions = order.map((w) => steps.indexOf(w));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('setup google: refusals', () => {
  it.each([
    { name: 'no folder anywhere', args: ['setup', 'google'], env: {}, code: 1, err: /MALKOLL_DRIVE_FOLDER: saknas/ },
    { name: 'a pasted URL as folder', args: ['setup', 'google'], env: { MALKOLL_DRIVE_FOLDER: 'https://drive.google.com/drive/folders/abc' }, code: 1, err: /MALKOLL_DRIVE_FOLDER: ska vara ett id/ },
    { name: 'unknown target', args: ['setup', 'azure'], env: {}, code: 2, err: /stöder bara 'google'/ },
    { name: 'unknown flag', args: ['setup', 'google', '--force'], env: {}, code: 2, err: /--force/ },
  ])('$name → exit $code, no Google call', async ({ args, env, code, err }) => {
    const result = await run(args, env);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(err);
    expect(fake.calls.count()).toBe(0);
  });

  it('a folder outside a shared drive the fake treats as service-account owned: explains the person login', async () => {
    const myDrive = fake.drive.addFolder('Min mapp');
    const result = await run(['setup', 'google', '--folder', myDrive], {});
    expect(result.code).toBe(1);
    expect(result.err).toContain('gcloud auth application-default login --scopes=');
    expect(fake.calls.count('sheets.spreadsheets.batchUpdate')).toBe(0);
  });

  it('does not need the signing secret; --folder wins over the environment', () => {
    expect(parseSetupConfig({ MALKOLL_DRIVE_FOLDER: 'envFolder' }, 'flagFolder')).toEqual({ driveFolder: 'flagFolder', serviceAccount: null, googleApiRoot: null });
    expect(() => parseSetupConfig({ MALKOLL_DRIVE_FOLDER: 'f', MALKOLL_SERVICE_ACCOUNT: 'someone@gmail.com' })).toThrow(ConfigError);
  });

  it('local commands still take exactly one folder', async () => {
    const result = await run(['recalc']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('behöver exakt en mapp');
  });
});

it('setupGoogle can be called without the CLI', async () => {
  const result = await setupGoogle(fakeClients(), { folderId: folder, demo: false });
  expect(result.workbooks).toHaveLength(1);
  expect(result.summary.url).toBe(`https://docs.google.com/spreadsheets/d/${result.summary.id}/edit`);
});
