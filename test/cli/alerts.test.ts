/**
 * People hear when a colour changes (domain.md §7), through `malkoll recalc` on real files with
 * `MALKOLL_ALERT_WEBHOOK` pointing at a receiver on the loopback (the generic JSON format): the first
 * recalculation announces nothing, each run that changes statuses sends exactly one message (the CLI prints it
 * too), an unchanged run sends none, and a refused delivery fails nothing: its changes go with the next changing
 * run's, oldest first, and are never sent again.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../shared/testing/webhook-receiver/index.ts';
import { typeInto, writeDemoSet } from './year-round-fixtures.ts';

interface Sent {
  text: string;
  changes: { workbook: string; sheet: string; row: number; name: string; from: string | null; to: string; förklaring: string }[];
}

let root: string;
let dir: string;
let hook: WebhookReceiver;
const workbook = () => path.join(dir, 'Miljöprogram.xlsx');
const sent = () => hook.requests.map((r) => r.json as Sent);

async function recalc(): Promise<string> {
  const io = recordingConsole();
  expect(await runCli(['recalc', dir], io)).toBe(0);
  return io.text();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'malkoll-alerts-'));
  dir = path.join(root, 'set');
  await writeDemoSet(dir);
  hook = await startWebhookReceiver();
  vi.stubEnv('MALKOLL_ALERT_WEBHOOK', hook.url);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await hook.close();
  await rm(root, { recursive: true, force: true });
});

describe('alerts from the CLI', () => {
  it('the first recalculation (no earlier statuses) announces nothing', async () => {
    const out = await recalc();
    expect(out).toMatch(/Statusändringar: \d+/);
    expect(hook.requests).toEqual([]);
    expect(out).not.toContain('Målkoll:');
  });

  it('a run that changes a status sends exactly one message, and prints it', async () => {
    await typeInto(workbook(), 'Försäljning av diklofenak', 'Utfall 2025', '33,7 kg');
    const out = await recalc();
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]!.headers['content-type']).toMatch(/^application\/json/);
    const [message] = sent();
    const metric = message!.changes.find((c) => c.name === 'Försäljning av diklofenak');
    expect(metric).toEqual({
      workbook: 'Miljöprogram',
      sheet: 'Mätetal',
      row: expect.any(Number),
      name: 'Försäljning av diklofenak',
      from: 'Negativ',
      to: 'Positiv',
      förklaring: expect.stringMatching(/^33,7\skg \(2025\) mot 33,9\skg \(2024\)/),
    });
    // the levels above that changed with it are announced in the same message
    expect(message!.changes.map((c) => c.sheet)).toContain('Indikatorer');
    expect(out).toContain(message!.text.split('\n')[0]!);
    expect(out).toContain('(meddelandet skickades till MALKOLL_ALERT_WEBHOOK)');
  });

  it('an unchanged run sends nothing', async () => {
    await recalc();
    expect(hook.requests).toHaveLength(1);
  });

  it('a refused delivery fails nothing; its changes go with the next changing run’s, oldest first, once', async () => {
    hook.refuse(500);
    await typeInto(workbook(), 'Försäljning av diklofenak', 'Utfall 2025', '34,8 kg');
    const refused = await recalc();
    expect(refused).toContain('(meddelandet kunde inte skickas till MALKOLL_ALERT_WEBHOOK: webhooken svarade 500; det skickas med nästa körnings ändringar)');
    expect(hook.requests).toHaveLength(2);
    hook.accept();

    // nothing changed: the backlog waits for a run with something to say
    await recalc();
    expect(hook.requests).toHaveLength(2);

    await typeInto(workbook(), 'Antibiotikarecept per 1 000 invånare', 'Utfall 2025', 290);
    await recalc();
    expect(hook.requests).toHaveLength(3);
    const last = sent()[2]!;
    const names = last.changes.map((c) => `${c.name}: ${c.from} → ${c.to}`);
    expect(names.indexOf('Försäljning av diklofenak: Positiv → Negativ')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('Antibiotikarecept per 1 000 invånare: Positiv → Negativ')).toBeGreaterThan(names.indexOf('Försäljning av diklofenak: Positiv → Negativ'));

    await recalc();
    expect(hook.requests).toHaveLength(3);
  });

  it('a change whose summary write failed is announced by the next run that writes the summary, once', async () => {
    const summary = path.join(dir, 'Sammanfattning.xlsx');
    await chmod(summary, 0o444);
    await typeInto(workbook(), 'Försäljning av diklofenak', 'Utfall 2025', '33,7 kg');
    const io = recordingConsole();
    expect(await runCli(['recalc', dir], io)).toBe(1);
    expect(io.text()).toContain('Sammanfattningen skrevs inte');
    expect(io.text()).not.toContain('MALKOLL_ALERT_WEBHOOK');
    const before = hook.requests.length;
    expect(before).toBe(3);
    await chmod(summary, 0o644);

    await recalc();
    expect(hook.requests).toHaveLength(before + 1);
    expect(sent().at(-1)!.changes.map((c) => `${c.name}: ${c.from} → ${c.to}`)).toContain('Försäljning av diklofenak: Negativ → Positiv');
    await recalc();
    expect(hook.requests).toHaveLength(before + 1);
  });

  it('a webhook address over plain http to another machine is refused, naming the variable', async () => {
    vi.stubEnv('MALKOLL_ALERT_WEBHOOK', 'http://example.org/hook');
    const io = recordingConsole();
    expect(await runCli(['recalc', dir], io)).toBe(1);
    expect(io.text()).toContain('MALKOLL_ALERT_WEBHOOK');
    expect(io.text()).not.toContain('example.org/hook');
    vi.stubEnv('MALKOLL_ALERT_WEBHOOK', hook.url);
  });
});

describe('the organisation’s overall assessment is announced and logged like the rest', () => {
  it('a change of Samlad bedömning goes to Ändringslogg and into the message, once', async () => {
    const small = path.join(root, 'liten');
    const { writeTemplateWorkbook } = await import('../../shared/adapters/xlsx/create-workbook.ts');
    const { mkdir, readFile } = await import('node:fs/promises');
    const { inspectXlsx, rowValues, sheetOf } = await import('../support/xlsx-inspect.ts');
    await mkdir(small);
    await writeTemplateWorkbook(path.join(small, 'Klimat.xlsx'), {
      fileName: 'Klimat.xlsx',
      sheets: [
        { name: 'Mätetal', headers: ['Målområde', 'Indikator', 'Mätetal', 'Enhet', 'Riktning', 'Utfall 2024', 'Utfall 2025'], rows: [['Klimat', 'Energi', 'El', 'kWh', 'Minska', 1000, 950]] },
        { name: 'Indikatorer', headers: ['Målområde', 'Indikator'], rows: [['Klimat', 'Energi']] },
        { name: 'Målområden', headers: ['Målområde', 'Hållbarhetsmål'], rows: [['Klimat', 'Mindre utsläpp']] },
        { name: 'Inställningar', headers: ['Inställning', 'Värde'], rows: [['Organisation', 'Region Liten']] },
      ],
    });
    const run = async () => expect(await runCli(['recalc', small], recordingConsole())).toBe(0);
    await run();
    const before = hook.requests.length;
    await typeInto(path.join(small, 'Klimat.xlsx'), 'El', 'Utfall 2025', 1100);
    await run();
    expect(hook.requests).toHaveLength(before + 1);
    const message = hook.requests.at(-1)!.json as Sent;
    expect(message.changes.map((c) => `${c.workbook} › ${c.sheet}: ${c.name} ${c.from} → ${c.to}`)).toEqual([
      'Klimat › Mätetal: El Positiv → Negativ',
      'Klimat › Indikatorer: Energi Positiv → Negativ',
      'Klimat › Målområden: Klimat Positiv → Negativ',
      'Region Liten › Sammanfattning: Samlad bedömning Positiv → Negativ',
    ]);
    expect(message.text).toContain('• Region Liten › Sammanfattning – Samlad bedömning: Positiv → Negativ.');
    const log = sheetOf(inspectXlsx(await readFile(path.join(small, 'Sammanfattning.xlsx'))), 'Ändringslogg');
    const rows = Array.from({ length: 12 }, (_, i) => rowValues(log, i + 2)).filter((r) => r.length > 0);
    expect(rows.filter((r) => r[4] === 'Samlad bedömning').map((r) => [r[1], r[2], r[3] ?? null, r[5], r[6]])).toEqual([['Region Liten', 'Sammanfattning', null, 'Positiv', 'Negativ']]);
    await run();
    expect(hook.requests).toHaveLength(before + 1);
  });
});
