import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { buildSummary } from '../../shared/engine/summary/build.ts';
import { renderSummaryHtml } from '../../shared/render/html-summary.ts';
import { PALETTE } from '../../shared/engine/model/palette.ts';
import { demoSet, settings, SOURCES } from '../engine/set-fixtures.ts';

const doc = buildSummary(demoSet(), settings(), { sources: SOURCES, today: '2026-03-14', changedAt: '2026-03-14T09:22:00Z' });
const html = renderSummaryHtml(doc);

describe('renderSummaryHtml (structure)', () => {
  it('is one Swedish document with h1/h2/h3 and no external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<html lang="sv">/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<h1>Hållbarhetsredovisning Region Exempel 2025</h1>');
    expect(html).toMatch(/<h2 id="takt">Takt mot målen<\/h2>/);
    expect(html).toMatch(/<h3>/);
    expect(html).not.toMatch(/<(link|script|img|iframe)\b/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(/);
  });

  it('has real tables with scoped headers and one per table block', () => {
    const tableBlocks = doc.blocks.filter((b) => b.kind === 'table').length;
    expect(html.match(/<table>/g)).toHaveLength(tableBlocks);
    expect(html).toContain('<th scope="col">Utveckling</th>');
    expect(html).toContain('<th scope="row">Minskad klimatpåverkan</th>');
    expect(html).not.toMatch(/<th(?! scope="(col|row)")[ >]/);
  });

  it('shows status cells as word and colour from the palette', () => {
    const { fill, font } = PALETTE.Negativ;
    expect(html).toContain(`<td class="status" style="background-color:#${fill};color:#${font}">Negativ</td>`);
    expect(html).toContain(`style="background-color:#${PALETTE['Ej i takt'].fill};color:#${PALETTE['Ej i takt'].font}">Ej i takt</td>`);
    expect(html).toMatch(/<dt>Samlad bedömning<\/dt><dd><span class="status" style="[^"]+">Positiv<\/span><\/dd>/);
  });

  it('links footnote marks to a footnote list', () => {
    expect(html).toMatch(/<sup><a href="#fn-2" aria-label="Fotnot 2">2<\/a><\/sup>/);
    expect(html).toContain('<li id="fn-2" value="2">Målet för 2025 var 36 % och nivån hölls.</li>');
  });

  it('inlines every chart as an SVG image with its alt text', () => {
    const charts = doc.blocks.filter((b) => b.kind === 'chart').length;
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(charts);
    expect(html).toContain('Linjediagram över indikatorn Utsläpp av CO2e');
  });

  it('has an A4 print stylesheet that keeps rows together', () => {
    expect(html).toMatch(/@page\s*{\s*size:\s*A4;\s*margin:/);
    expect(html).toMatch(/@media print[\s\S]*tr, figure, li { break-inside: avoid/);
  });

  it('escapes user text', () => {
    const set = demoSet();
    set.goalAreas[0] = { ...set.goalAreas[0]!, goal: '<script>alert(1)</script> & mer' };
    const out = renderSummaryHtml(buildSummary(set, settings(), { sources: SOURCES, today: '2026-03-14', changedAt: null }));
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer');
    expect(out).not.toContain('<script>');
  });
});

describe('renderSummaryHtml in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], headless: true });
    dir = mkdtempSync(join(tmpdir(), 'malkoll-html-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders, prints to an A4 PDF and has no axe-core violations', async () => {
    const file = join(dir, 'Sammanfattning.html');
    writeFileSync(file, html);
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) external.push(r.url());
    });
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    expect(await page.title()).toBe('Hållbarhetsredovisning Region Exempel 2025');
    const svgBoxes = await page.$$eval('svg', (els) => els.map((e) => e.getBoundingClientRect().width));
    expect(svgBoxes.length).toBe(3);
    expect(svgBoxes.every((w) => w > 200)).toBe(true);
    expect(external).toEqual([]);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = Buffer.from(pdf).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
    expect(box).not.toBeNull();
    // A4 is 595,28 × 841,89 pt; Chromium rounds to whole CSS pixels (Letter would be 612 × 792)
    expect(Math.abs(Number(box![1]) - 595.28)).toBeLessThan(2);
    expect(Math.abs(Number(box![2]) - 841.89)).toBeLessThan(2);

    await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
    const result = (await page.evaluate(`axe.run(document)`)) as { violations: { id: string; help: string; nodes: { html: string }[] }[] };
    const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html.slice(0, 80)).join(' | ')})`);
    expect(summary).toEqual([]);

    // the screenshot proves it paints (non-trivial PNG); the README's picture comes from `npm run screenshots`
    const png = await page.screenshot({ fullPage: true });
    expect(png.byteLength).toBeGreaterThan(20_000);
    await page.close();
  });
});
