/**
 * MALKOLL_GOOGLE_API_ROOT is for tests and emulators: nothing in production reads it unless it is set.
 * The variable is named in one place (shared/config.ts, which reads the environment once at start-up); the
 * product code that builds Google clients takes the parsed value and, when it is null, passes no root at
 * all, so the clients' own Google hosts apply. A bad value stops start-up naming the variable.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createGoogleClients } from '../../shared/adapters/sheets/client.ts';
import { TASKS_ENDPOINT, tasksEndpoint } from '../../shared/adapters/tasks/index.ts';
import { parseConfig } from '../../shared/config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PRODUCT = ['shared', 'functions', 'scripts', 'bin', 'sheets-templates'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'testing' || name === 'node_modules' ? [] : sources(full);
    return /\.(ts|js)$/.test(name) ? [full] : [];
  });
}

describe('MALKOLL_GOOGLE_API_ROOT', () => {
  it('is named only by shared/config.ts in the product code (comments aside)', () => {
    const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const naming = PRODUCT.flatMap((d) => sources(path.join(root, d))).filter((f) => code(f).includes('MALKOLL_GOOGLE_API_ROOT'));
    expect(naming.map((f) => path.relative(root, f))).toEqual(['shared/config.ts']);
  });

  it('unset: the clients get no root and Cloud Tasks is Google\'s', () => {
    const config = parseConfig({ MALKOLL_SIGNING_SECRET: 's'.repeat(32), MALKOLL_SPREADSHEETS: '1A' });
    expect(config.googleApiRoot).toBeNull();
    const clients = createGoogleClients({ rootUrl: config.googleApiRoot });
    const options = (c: unknown) => (c as { context: { _options: Record<string, unknown> } }).context._options;
    expect(options(clients.sheets)).not.toHaveProperty('rootUrl');
    expect(options(clients.drive)).not.toHaveProperty('rootUrl');
    expect(tasksEndpoint(config.googleApiRoot)).toBe(TASKS_ENDPOINT);
  });

  it('set: every client goes there', () => {
    const clients = createGoogleClients({ rootUrl: 'http://127.0.0.1:9099/' });
    const options = (c: unknown) => (c as { context: { _options: Record<string, unknown> } }).context._options;
    expect(options(clients.sheets).rootUrl).toBe('http://127.0.0.1:9099/');
    expect(options(clients.drive).rootUrl).toBe('http://127.0.0.1:9099/');
    expect(tasksEndpoint('http://127.0.0.1:9099/')).toBe('http://127.0.0.1:9099/v2');
  });

  it('a value that is neither loopback nor https stops the functions at start-up, naming the variable', () => {
    const env = { ...process.env, MALKOLL_SIGNING_SECRET: 's'.repeat(32), MALKOLL_SPREADSHEETS: '1A', MALKOLL_GOOGLE_API_ROOT: 'http://sheets.example.org/' };
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('./functions/index.ts')"], { cwd: root, env, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('MALKOLL_GOOGLE_API_ROOT');
  });
});
