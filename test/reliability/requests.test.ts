/**
 * Requests (issue 4, item 5) beyond test/functions/on-sheet-edit.test.ts (which covers method, 64 KB
 * limit, signature, 5-minute window, replay, shape, allowlist and their order): the queue settings,
 * secrets kept out of error messages and logs, and the run header bound to the signature.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../shared/config.ts';
import { invoke } from '../../shared/testing/tasks-fake/invoke.ts';
import { runSigningKey, signRunRequest } from '../../functions/on-sheet-edit.ts';
import { BOOK, FUNCTION_URL, QUEUE, SECRET, editCall, instance, type Recorded } from './storm-fixtures.ts';

const base = { MALKOLL_SIGNING_SECRET: SECRET, MALKOLL_SPREADSHEETS: BOOK };

describe('queue settings (MALKOLL_TASKS_QUEUE, MALKOLL_FUNCTION_URL)', () => {
  it('both set: parsed; neither: null', () => {
    expect(parseConfig({ ...base, MALKOLL_TASKS_QUEUE: QUEUE, MALKOLL_FUNCTION_URL: FUNCTION_URL })).toMatchObject({ tasksQueue: QUEUE, functionUrl: FUNCTION_URL });
    expect(parseConfig({ ...base, MALKOLL_TASKS_QUEUE: ' ', MALKOLL_FUNCTION_URL: '' })).toMatchObject({ tasksQueue: null, functionUrl: null });
  });

  it.each([
    { name: 'queue without URL', env: { MALKOLL_TASKS_QUEUE: QUEUE }, variable: 'MALKOLL_FUNCTION_URL' },
    { name: 'URL without queue', env: { MALKOLL_FUNCTION_URL: FUNCTION_URL }, variable: 'MALKOLL_TASKS_QUEUE' },
    { name: 'queue as a bare name', env: { MALKOLL_TASKS_QUEUE: 'malkoll-edits', MALKOLL_FUNCTION_URL: FUNCTION_URL }, variable: 'MALKOLL_TASKS_QUEUE' },
    { name: 'queue with /tasks', env: { MALKOLL_TASKS_QUEUE: `${QUEUE}/tasks`, MALKOLL_FUNCTION_URL: FUNCTION_URL }, variable: 'MALKOLL_TASKS_QUEUE' },
    { name: 'URL over plain http', env: { MALKOLL_TASKS_QUEUE: QUEUE, MALKOLL_FUNCTION_URL: 'http://example.com/onSheetEdit' }, variable: 'MALKOLL_FUNCTION_URL' },
    { name: 'URL with a query', env: { MALKOLL_TASKS_QUEUE: QUEUE, MALKOLL_FUNCTION_URL: `${FUNCTION_URL}?x=1` }, variable: 'MALKOLL_FUNCTION_URL' },
  ])('refuses $name, naming $variable', ({ env, variable }) => {
    let error: unknown;
    try {
      parseConfig({ ...base, ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual([variable]);
  });
});

describe('secrets never appear', () => {
  it('a refused secret is not echoed in the configuration error', () => {
    const short = 'kort-hemlighet-123';
    let message = '';
    try {
      parseConfig({ MALKOLL_SIGNING_SECRET: short, MALKOLL_SPREADSHEETS: BOOK });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('MALKOLL_SIGNING_SECRET');
    expect(message).not.toContain(short);
  });

  it('no log line of any path (refusals, queued, run, failure) holds the secret, the run key or a signature', async () => {
    const record: Recorded = { recalcs: [], logs: [] };
    const clock = 1_760_001_000_000;
    const inline = instance({ clock: () => clock, record, withQueue: false, fail: () => (record.recalcs.length === 3 ? Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) : null) });
    const signatures: string[] = [];
    const send = async (call: { headers: Record<string, string>; body: string }) => {
      signatures.push(call.headers['x-malkoll-signature'] ?? '');
      return (await invoke(inline, call)).status;
    };
    const good = editCall({ editedAt: new Date(clock).toISOString() }, clock);
    const statuses = [
      await send(good),
      await send(good), // replay
      await send(editCall({ editedAt: new Date(clock + 1).toISOString() }, clock, 'fel-hemlighet-0123456789-abcdefghijklmno')),
      await send(editCall({ editedAt: new Date(clock + 2).toISOString() }, clock - 400_000)),
      await send(editCall({ editedAt: new Date(clock + 3).toISOString(), spreadsheetId: '1NotAllowed' }, clock)),
      await send(editCall({ editedAt: 'igår' }, clock)),
      await send({ headers: signRunRequest(SECRET, JSON.stringify({ spreadsheetId: BOOK, sheetName: 'Mätetal', range: 'A1', editedAt: new Date(clock).toISOString() }), clock), body: JSON.stringify({ spreadsheetId: BOOK, sheetName: 'Mätetal', range: 'A1', editedAt: new Date(clock).toISOString() }) }),
      await send(editCall({ editedAt: new Date(clock + 4).toISOString() }, clock)), // recalculation fails → 503
    ];
    expect(statuses).toEqual([200, 401, 401, 401, 403, 400, 200, 503]);
    const text = JSON.stringify(record.logs);
    expect(record.logs.length).toBeGreaterThanOrEqual(statuses.length);
    for (const secret of [SECRET, runSigningKey(SECRET)]) expect(text).not.toContain(secret);
    for (const sig of signatures) expect(text).not.toContain(sig.replace(/^sha256=/, ''));
  });
});
