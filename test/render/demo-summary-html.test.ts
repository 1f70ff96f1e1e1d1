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

  // issue 15: the other shapes, in the same page that axe-core checked above
  it('shows Styrmått after Samlad bedömning, the pyramids with a text alternative naming every goal and rank, risks and the theme', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${path.join(dir, 'demo', 'Sammanfattning.html')}`);
    const order = await page.$$eval('dl.overall, h2', (els) => els.map((e) => (e.tagName === 'DL' ? 'Samlad bedömning' : (e.textContent?.trim() ?? ''))));
    const at = (text: string) => order.indexOf(text);
    expect(at('Samlad bedömning')).toBeLessThan(at('Styrmått'));
    expect(at('Styrmått')).toBeLessThan(at('Samlad bedömning av måluppfyllelse'));
    for (const section of ['Agendapyramid', 'Riskområden i inköp', 'Barnets rättigheter']) expect(at(section), section).toBeGreaterThan(0);

    // the pyramid's accessible name is its text alternative: every goal of every pyramid, with its rank
    const name = String(
      await page.evaluate(`(() => {
        const svg = document.querySelector('svg[aria-labelledby="chart-agendapyramid-title"]');
        return document.getElementById(svg.getAttribute('aria-labelledby')).textContent;
      })()`),
    );
    const goals = ['Ingen fattigdom', 'Ingen hunger', 'Hälsa och välbefinnande', 'God utbildning för alla', 'Jämställdhet', 'Rent vatten och sanitet för alla', 'Hållbar energi för alla', 'Anständiga arbetsvillkor och ekonomisk tillväxt', 'Hållbar industri, innovationer och infrastruktur', 'Minskad ojämlikhet', 'Hållbara städer och samhällen', 'Hållbar konsumtion och produktion', 'Bekämpa klimatförändringarna', 'Hav och marina resurser', 'Ekosystem och biologisk mångfald', 'Fredliga och inkluderande samhällen', 'Genomförande och globalt partnerskap'];
    const parts = name.split('. ').filter((part: string) => /^(Politisk|Division)/.test(part));
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      for (const [i, goal] of goals.entries()) expect(part, `${part.slice(0, 20)} ${i + 1}`).toContain(`${i + 1} ${goal}`);
      for (const rank of ['Central:', 'Betydande:', 'Generell:', 'Ej rangordnade:']) expect(part).toContain(rank);
    }
    expect(parts[1]).toContain('Generell: 4 God utbildning för alla, 6 Rent vatten och sanitet för alla, 7 Hållbar energi för alla');

    // risk levels keep their word beside their colour
    const badges = await page.$$eval('ul.items li span.status', (spans) => spans.map((s) => s.textContent));
    expect(badges).toEqual(expect.arrayContaining(['Hög', 'Potentiell hög']));
    await page.close();
  });
});
