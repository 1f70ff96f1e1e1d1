/**
 * The engine is pure (docs/architecture.md): no I/O, no clock, no platform or spreadsheet library.
 * A grep as a test, so a stray import fails CI instead of waiting for a review.
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

describe('shared/engine imports no platform code', () => {
  const files = readdirSync(ENGINE).filter((f) => f.endsWith('.ts'));
  it('has files to check', () => expect(files.length).toBeGreaterThan(20));
  it.each(files)('%s', (file) => {
    const source = readFileSync(path.join(ENGINE, file), 'utf8');
    const found = FORBIDDEN.filter(([, pattern]) => pattern.test(source)).map(([what]) => what);
    expect(found).toEqual([]);
  });
});
