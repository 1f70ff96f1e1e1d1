/**
 * The engine is pure (docs/architecture.md): no I/O, no clock, no platform or spreadsheet library. Its
 * folders are the stages data passes through, and each imports only the stages before it; everything
 * outside the engine comes in through engine/index.ts, and every adapter's caller through the adapter's index.ts.
 * Greps as tests, so a stray import fails CI instead of waiting for a review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = path.resolve('shared/engine');
const FORBIDDEN: [string, RegExp][] = [
  ['node: built-ins', /from ['"]node:/],
  ['bare Node built-ins', /from ['"](fs|path|os|crypto|child_process|http|https)['"]/],
  ['the process', /\bprocess\./],
  ['the clock', /Date\.now|new Date\(/],
  ['Google clients', /googleapis|@google-cloud/],
  ['xlsx libraries', /exceljs|xlsx-populate/],
];

/** Each stage and the stages it may import (besides itself). The engine's root (index, pipeline) may import all. */
const LAYERS: Record<string, string[]> = {
  model: [],
  parse: ['model'],
  explain: ['model'],
  assess: ['model', 'explain'],
  summary: ['model', 'explain'],
  write: ['model'],
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const relative = (file: string) => path.relative(ENGINE, file);
/** The engine folder a file is in ('' for the engine's root). */
const stageOf = (file: string) => (path.dirname(relative(file)) === '.' ? '' : path.dirname(relative(file)).split(path.sep)[0]!);

/** Every relative import of a file, resolved to an absolute path. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => path.resolve(path.dirname(file), m[1]!));
}

const files = walk(ENGINE);

describe('shared/engine imports no platform code', () => {
  it('has files to check, in sub-folders too', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.some((f) => stageOf(f) === 'assess')).toBe(true);
  });
  it.each(files.map(relative))('%s', (file) => {
    const source = readFileSync(path.join(ENGINE, file), 'utf8');
    const found = FORBIDDEN.filter(([, pattern]) => pattern.test(source)).map(([what]) => what);
    expect(found).toEqual([]);
  });
});

describe('each stage imports only the stages before it', () => {
  it('knows every folder of the engine', () => {
    const folders = new Set(files.map(stageOf).filter((s) => s !== ''));
    expect([...folders].sort()).toEqual(Object.keys(LAYERS).sort());
  });
  it.each(files.filter((f) => stageOf(f) !== '').map(relative))('%s', (file) => {
    const stage = stageOf(path.join(ENGINE, file));
    const allowed = new Set([stage, ...(LAYERS[stage] ?? [])]);
    const wrong = importsOf(path.join(ENGINE, file))
      .filter((target) => !target.startsWith(ENGINE + path.sep) || !allowed.has(stageOf(target)))
      .map((target) => path.relative(ENGINE, target));
    expect(wrong).toEqual([]);
  });
});

describe('the rest of the product comes in through engine/index.ts', () => {
  const PRODUCTION = ['shared/adapters', 'shared/app', 'shared/cli', 'shared/render', 'functions', 'sheets-templates'];
  const outside = [
    ...[...PRODUCTION, 'shared/testing', 'bench', 'scripts'].flatMap((dir) => walk(path.resolve(dir))),
    path.resolve('shared/ports.ts'),
    path.resolve('shared/config.ts'),
  ];
  /** bundled for Apps Script, which takes the template contract (model/) and nothing with npm dependencies */
  const APPS_SCRIPT = path.resolve('sheets-templates/apps-script');
  const allowed = (file: string, target: string) =>
    target === path.join(ENGINE, 'index.ts') || (file.startsWith(APPS_SCRIPT + path.sep) && stageOf(target) === 'model');
  it.each(outside.map((f) => path.relative(path.resolve('.'), f)))('%s', (file) => {
    const reached = importsOf(path.resolve(file)).filter((t) => t.startsWith(ENGINE + path.sep) && !allowed(path.resolve(file), t));
    expect(reached.map((t) => path.relative(path.resolve('.'), t))).toEqual([]);
  });
});

describe('the product never imports the test fakes (shared/testing needs dev dependencies)', () => {
  const TESTING = path.resolve('shared/testing');
  const production = ['shared/adapters', 'shared/app', 'shared/cli', 'shared/render', 'shared/engine', 'functions', 'sheets-templates']
    .flatMap((dir) => walk(path.resolve(dir)));
  it.each(production.map((f) => path.relative(path.resolve('.'), f)))('%s', (file) => {
    expect(importsOf(path.resolve(file)).filter((t) => t.startsWith(TESTING + path.sep))).toEqual([]);
  });
});

describe('the app, the CLI and the functions reach an adapter only through its index.ts', () => {
  const ADAPTERS = path.resolve('shared/adapters');
  const callers = ['shared/app', 'shared/cli', 'functions'].flatMap((dir) => walk(path.resolve(dir)));
  const pastIndex = (target: string) => target.startsWith(ADAPTERS + path.sep) && path.basename(target) !== 'index.ts';
  it.each(callers.map((f) => path.relative(path.resolve('.'), f)))('%s', (file) => {
    expect(importsOf(path.resolve(file)).filter(pastIndex).map((t) => path.relative(path.resolve('.'), t))).toEqual([]);
  });
});

describe('the benchmark, the scripts and the shared fakes import nothing from test/ (what they share is in shared/testing)', () => {
  const TESTS = path.resolve('test');
  const sharers = ['bench', 'scripts', 'shared/testing'].flatMap((dir) => walk(path.resolve(dir)));
  it.each(sharers.map((f) => path.relative(path.resolve('.'), f)))('%s', (file) => {
    expect(importsOf(path.resolve(file)).filter((t) => t.startsWith(TESTS + path.sep)).map((t) => path.relative(path.resolve('.'), t))).toEqual([]);
  });
});
