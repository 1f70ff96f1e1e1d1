/**
 * Regenerates the README's pictures of the demo summary: the HTML file in headless Chromium, and
 * Sammanfattning.xlsx as LibreOffice prints it (PDF → PNG with poppler's pdftoppm).
 * Needs Debian's chromium, libreoffice-calc-nogui and poppler-utils. Usage: npm run screenshots
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { runCli } from '../shared/cli/app.ts';
import { recordingConsole } from '../shared/cli/console.ts';

const out = path.resolve('docs/screenshots');
const work = mkdtempSync(path.join(tmpdir(), 'malkoll-shots-'));
const demo = path.join(work, 'demo');
if ((await runCli(['demo', demo], recordingConsole())) !== 0) throw new Error('demo failed');

const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setViewport({ width: 1100, height: 1500 });
await page.goto(`file://${path.join(demo, 'Sammanfattning.html')}`);
await page.screenshot({ path: path.join(out, 'summary-html.png') });
await browser.close();

execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/lo`, '--convert-to', 'pdf', '--outdir', work, path.join(demo, 'Sammanfattning.xlsx')]);
execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', path.join(work, 'Sammanfattning.pdf'), path.join(work, 'page')]);
const first = readdirSync(work).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
renameSync(path.join(work, first), path.join(out, 'summary-xlsx-libreoffice.png'));
rmSync(work, { recursive: true, force: true });
console.log(`Skärmbilder i ${out}`);
