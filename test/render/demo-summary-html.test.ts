/**
 * The printable summary of the real demo set (not a hand-made fixture): built by `malkoll demo`, opened in
 * Debian's Chromium, every section present with content, printed to PDF and free of axe-core violations.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../shared/cli/app.ts';
import { recordingConsole } from '../../shared/cli/console.ts';

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'malkoll-demo-html-'));
  expect(await runCli(['demo', path.join(dir, 'demo')], recordingConsole())).toBe(0);
  browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo summary in Chromium', () => {
  it('shows every section with real content, prints, and has no accessibility violations', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${path.join(dir, 'demo', 'Sammanfattning.html')}`);
    const headings = await page.$$eval('h1, h2', (hs) => hs.map((h) => h.textContent?.trim() ?? ''));
    expect(headings[0]).toMatch(/Region Exempelland 2025/);
    for (const section of ['Samlad bedömning av måluppfyllelse', 'Positiva resultat', 'Behöver förstärkas', 'Takt mot målen', 'Självskattning', 'Handlingsplan', 'Datakvalitet']) {
      expect(headings.some((h) => h.startsWith(section)), section).toBe(true);
    }
    const text = await page.$eval('body', (b) => b.textContent ?? '');
    expect(text).toContain('12 / 15'); // the demo's broken row, in the data-quality section
    expect(text).toMatch(/Tandvårdsförvaltningen/); // the förvaltning that did not answer
    expect(text).toMatch(/Försenad/);
    expect(await page.$$eval('svg[role="img"]', (s) => s.length)).toBeGreaterThanOrEqual(3);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(Buffer.from(pdf).toString('latin1').startsWith('%PDF-')).toBe(true);

    await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
    const result = (await page.evaluate('axe.run(document)')) as { violations: { id: string; nodes: unknown[] }[] };
    expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
    await page.close();
  });
});
