import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { computeSignature } from '../../functions/signature.ts';
import { freePort } from '../../shared/testing/functions-process.ts';
import { CHANGES, ENV, FULL_LIST, READ_ONLY, useDeployWork } from '../support/deploy-run.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const realProduction = path.join(root, 'shared/app/production.ts');
const usesStub = !existsSync(realProduction);
const SECRET = 'build-test-secret-0123456789-abcdefgh';
const ID = '1BuildTestSheet_abc';
const env = { ...process.env, MALKOLL_SIGNING_SECRET: SECRET, MALKOLL_SPREADSHEETS: ID };
const children: ChildProcess[] = [];
const { deploy } = useDeployWork();


/** `npx functions-framework --target=<target>` in the project root, as the contract says. */
async function serve(target: string): Promise<string> {
  const port = await freePort();
  const bin = path.join(root, 'node_modules/.bin/functions-framework');
  const child = spawn(bin, [`--target=${target}`, `--port=${port}`], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`functions-framework stopped: ${output}`);
    try {
      await fetch(url, { method: 'OPTIONS' });
      return url;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`functions-framework did not listen: ${output}`);
}

beforeAll(async () => {
  await build({ root, replace: usesStub ? { [realProduction]: path.join(root, 'test/functions/fixtures/production-stub.ts') } : {} });
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

describe('npm run build', () => {
  it('writes the package main and one deployable folder per function', () => {
    const main = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).main;
    expect(main).toBe('dist/index.js');
    expect(existsSync(path.join(root, 'dist/index.js'))).toBe(true);
    for (const target of ['onSheetEdit', 'recalculateAll']) {
      const dir = path.join(root, 'dist/functions', target);
      expect(readFileSync(path.join(dir, 'index.js'), 'utf8')).toBe(readFileSync(path.join(root, 'dist/index.js'), 'utf8'));
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      expect(pkg).toMatchObject({ main: 'index.js', type: 'module' });
      expect(Object.keys(pkg.dependencies)).toContain('@google-cloud/functions-framework');
    }
  });

  it('bundles everything but the framework (and native modules)', () => {
    const code = readFileSync(path.join(root, 'dist/index.js'), 'utf8');
    const bareImports = [...code.matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1]);
    expect(bareImports.filter((s) => !s!.startsWith('node:'))).toEqual(['@google-cloud/functions-framework']);
    expect(code).not.toMatch(/from ["']zod["']/);
  });

  it('importing dist/index.js registers both targets', () => {
    const script =
      "const t = await import('@google-cloud/functions-framework/testing');" +
      "await import('./dist/index.js');" +
      "console.log(JSON.stringify(['onSheetEdit','recalculateAll'].map((n) => typeof t.getFunction(n))));";
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toEqual(['function', 'function']);
  });

  it('a missing variable stops the start with a message naming it', () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('./dist/index.js')"], {
      cwd: root,
      env: { ...env, MALKOLL_SPREADSHEETS: '' },
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('MALKOLL_SPREADSHEETS');
  });

  it('functions-framework --target=onSheetEdit serves the edit call and checks it', async () => {
    const url = await serve('onSheetEdit');
    expect((await fetch(url)).status).toBe(405);
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"spreadsheetId":"x"}' });
    expect(unsigned.status).toBe(401);
    const malformed = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad' });
    expect(malformed.status).toBe(401);
    const ts = String(Math.floor(Date.now() / 1000));
    const foreign = JSON.stringify({ spreadsheetId: '1NotConfigured', sheetName: 'Mätetal', range: 'F7', editedAt: new Date().toISOString() });
    const refused = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-malkoll-timestamp': ts, 'x-malkoll-signature': computeSignature(SECRET, ts, foreign) },
      body: foreign,
    });
    expect(refused.status).toBe(403);
  });

  it('functions-framework --target=recalculateAll serves POST only', async () => {
    const url = await serve('recalculateAll');
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    if (usesStub) {
      const post = await fetch(url, { method: 'POST', body: 'ignored' });
      expect(post.status).toBe(200);
      expect(((await post.json()) as { workbooks: { id: string }[] }).workbooks.map((w) => w.id)).toEqual([ID]);
    }
  });

  it('bundles the Apps Script with top-level handlers and its manifest', () => {
    const code = readFileSync(path.join(root, 'dist/apps-script/Code.gs'), 'utf8');
    expect(code).toMatch(/^function onEditTrigger\(e\) \{/m);
    expect(code).toMatch(/^function installTriggers\(e\) \{/m);
    expect(code).not.toMatch(/^(import|export) /m);
    const manifest = JSON.parse(readFileSync(path.join(root, 'dist/apps-script/appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ timeZone: 'Europe/Stockholm', runtimeVersion: 'V8' });
  });
});

// here, not in deploy.test.ts: a run without --dry-run deploys dist/, which this file's build has just written
describe('npm run deploy, after npm run build', () => {
  it('runs: creates what is missing, the secret generated and piped, never printed; a second run creates nothing new', () => {
    const first = deploy(['--project=p'], ENV, 'none');
    expect(first.status).toBe(0);
    const ran = first.calls.filter((c) => !READ_ONLY.test(c.args.join(' ')));
    expect(ran.filter((c) => CHANGES.test(`gcloud ${c.args.join(' ')}`)).length).toBe(FULL_LIST.length - 2);
    const secret = ran.find((c) => c.args.slice(0, 3).join(' ') === 'secrets versions add')!;
    expect(secret.stdinBytes).toBe(64); // 48 random bytes in base64
    expect(first.stdout + first.stderr).not.toMatch(/[A-Za-z0-9+/]{64}/);
    const second = deploy(['--project=p'], ENV, 'all');
    expect(second.status).toBe(0);
    const changed = second.calls.filter((c) => !READ_ONLY.test(c.args.join(' '))).map((c) => c.args.slice(0, 3).join(' '));
    expect(changed).toEqual(['functions deploy onSheetEdit', 'functions deploy recalculateAll']);
  });

});
