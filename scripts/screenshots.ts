/**
 * Regenerates the README's pictures of the demo summary: the HTML file in headless Chromium (its first screen,
 * and the agendapyramid and risk-area sections), and Sammanfattning.xlsx as LibreOffice prints it (its first
 * page and the page with the agendapyramids; PDF → PNG with poppler's pdftoppm and pdftotext).
 * Needs Debian's chromium, libreoffice-calc-nogui and poppler-utils. Usage: npm run screenshots
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { runCli } from '../shared/cli/app.ts';
import { recordingConsole } from '../shared/cli/console.ts';

const out = path.resolve('docs/screenshots');
const work = mkdtempSync(path.join(tmpdir(), 'malkoll-shots-'));
const demo = path.join(work, 'demo');
if ((await runCli(['demo', demo], recordingConsole())) !== 0) throw new Error('demo failed');

/** From the heading with id `from` down to the next level-2 heading after it. */
async function section(page: Page, from: string, file: string): Promise<void> {
  const box = (await page.evaluate(`(() => {
    const start = document.getElementById(${JSON.stringify(from)});
    let end = start.nextElementSibling;
    while (end && end.tagName !== 'H2') end = end.nextElementSibling;
    const top = start.getBoundingClientRect().top + window.scrollY;
    const bottom = end ? end.getBoundingClientRect().top + window.scrollY : document.body.scrollHeight;
    return { x: 0, y: top - 8, width: document.documentElement.clientWidth, height: bottom - top };
  })()`)) as { x: number; y: number; width: number; height: number };
  await page.screenshot({ path: path.join(out, file), clip: box, captureBeyondViewport: true });
}

const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setViewport({ width: 1100, height: 1500 });
await page.goto(`file://${path.join(demo, 'Sammanfattning.html')}`);
await page.screenshot({ path: path.join(out, 'summary-html.png') });
await section(page, 'agendapyramid', 'summary-html-agendapyramid.png');
await section(page, 'riskomraden', 'summary-html-riskomraden.png');
await browser.close();

execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/lo`, '--convert-to', 'pdf', '--outdir', work, path.join(demo, 'Sammanfattning.xlsx')]);
const pdf = path.join(work, 'Sammanfattning.pdf');

/** One page of the PDF as a PNG in docs/screenshots. */
function pagePng(n: number, name: string): void {
  const prefix = path.join(work, `page-${n}`);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(n), '-l', String(n), pdf, prefix]);
  const png = readdirSync(work).find((f) => f.startsWith(`page-${n}`) && f.endsWith('.png'))!;
  renameSync(path.join(work, png), path.join(out, name));
}

pagePng(1, 'summary-xlsx-libreoffice.png');
// the page where the agendapyramids are drawn: pages are separated by form feeds in pdftotext's output
const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
const pyramidPage = pages.findIndex((p) => /^\s*Agendapyramid\s*$/m.test(p));
if (pyramidPage >= 0) pagePng(pyramidPage + 1, 'summary-xlsx-agendapyramid.png');
rmSync(work, { recursive: true, force: true });
console.log(`Skärmbilder i ${out}`);
