/**
 * No audit row lost (issue 13, item 4): a status change reaches Ändringslogg exactly once, whichever Google
 * call fails — not applied, or applied with the answer lost — and whenever it is retried; inline (one run
 * writes workbook and summary) and with the queue (the workbook's run, then the set's summary run).
 * Through the production wiring, the real googleapis clients and the Google fake.
 */
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../shared/testing/google-fake/index.ts';
import { useGoogleFake } from '../support/use-google-fake.ts';
import { invoke } from '../../shared/testing/tasks-fake/invoke.ts';
import type { ProductionRecalc } from '../../shared/app/production.ts';
import { METRIC_SHEET, NOW, applyEdit } from './interleaving-fixtures.ts';
import { regionOnFake } from './region-on-fake.ts';

const SECRET = 'once-secret-0123456789-abcdefghijklmnopq';
const { fake, ...clients } = useGoogleFake({ fresh: true });

async function setUp() {
  const { book, summary, production, handler, signedEdit } = regionOnFake(fake, {
    secret: SECRET,
    clients,
    retry: { retries: 1, timeoutMs: 150, sleep: async () => {}, random: () => 0.5 },
  });
  let calls = 0;
  // the trigger signs every call afresh (a signature is accepted once)
  const call = () => signedEdit(new Date(NOW.getTime() + ++calls * 1000));
  expect((await invoke(handler, call())).status).toBe(200); // the region as it runs: statuses, summary, Ändringslogg
  // a person raises Resor's 2025 outcome above 2024's: Positiv → Negativ
  applyEdit(fake, book, { row: 2, column: 7, value: 40 });
  return { book, summary, production, edit: () => invoke(handler, call()) };
}

/** Ändringslogg's rows for Resor (row 2 of Mätetal) going Positiv → Negativ. */
function loggedChanges(summary: string): number {
  return fake.getSheetValues(summary, 'Ändringslogg').filter((r) => r[2] === METRIC_SHEET && String(r[3]) === '2' && r[5] === 'Positiv' && r[6] === 'Negativ').length;
}

/** `answered`: what the failing call may answer — a write applied with its answer lost may be found done on a later look. */
type Point = { name: string; fault: (ids: { book: string; summary: string }) => Fault; answered?: number[] };
const POINTS: Point[] = [
  { name: 'workbook read', fault: ({ book }) => ({ method: 'sheets.spreadsheets.get', target: book, status: 503 }) },
  { name: 'workbook write, not applied', fault: ({ book }) => ({ method: 'sheets.spreadsheets.batchUpdate', target: book, status: 503 }) },
  { name: 'workbook write applied, answer lost', fault: ({ book }) => ({ method: 'sheets.spreadsheets.batchUpdate', target: book, afterApply: true }) },
  { name: 'summary read', fault: ({ summary }) => ({ method: 'sheets.spreadsheets.values.batchGet', target: summary, status: 503 }) },
  { name: 'summary write, not applied', fault: ({ summary }) => ({ method: 'sheets.spreadsheets.batchUpdate', target: summary, status: 503 }) },
  { name: 'summary write applied, answer lost', fault: ({ summary }) => ({ method: 'sheets.spreadsheets.batchUpdate', target: summary, afterApply: true }), answered: [200, 503] },
];

describe('a status change reaches Ändringslogg exactly once', () => {
  it.each(POINTS)('inline, $name fails: 503, then the retried edit logs it once', async ({ fault, answered }) => {
    const s = await setUp();
    fake.inject({ ...fault(s), times: 99 });
    expect(answered ?? [503]).toContain((await s.edit()).status);
    fake.clearFaults();
    expect((await s.edit()).status).toBe(200);
    expect(loggedChanges(s.summary)).toBe(1);
    // and again later: nothing twice
    expect((await s.edit()).status).toBe(200);
    expect((await s.production.recalculateAll()).summary).not.toBe('skipped');
    expect(loggedChanges(s.summary)).toBe(1);
  });

  it('inline, sharing fails after the summary was written: the retried run logs nothing twice', async () => {
    const s = await setUp();
    fake.inject({ method: 'drive.permissions.list', status: 503, times: 99 });
    await expect(s.production.recalculateAll()).rejects.toMatchObject({ operation: 'drive.permissions.list' });
    expect(loggedChanges(s.summary)).toBe(1);
    fake.clearFaults();
    await s.production.recalculateAll();
    expect(loggedChanges(s.summary)).toBe(1);
  });

  const queueRun = async (production: ProductionRecalc, book: string) => {
    await production.recalculateWorkbook(book, { spreadsheetId: book, sheetName: METRIC_SHEET, range: 'G2', editedAt: NOW.toISOString() });
    await production.rebuildSummary();
  };

  it.each(POINTS)('with the queue, $name fails in the workbook\'s run or the summary run: the retries log it once', async ({ fault, answered }) => {
    const s = await setUp();
    fake.inject({ ...fault(s), times: 99 });
    const failed = await queueRun(s.production, s.book).then(() => 200, () => 503);
    expect(answered ?? [503]).toContain(failed);
    fake.clearFaults();
    await queueRun(s.production, s.book);
    expect(loggedChanges(s.summary)).toBe(1);
    // Cloud Tasks may deliver a run twice
    await queueRun(s.production, s.book);
    expect(loggedChanges(s.summary)).toBe(1);
  });

  it('with the queue, the change waits in the workbook until the summary run', async () => {
    const s = await setUp();
    await s.production.recalculateWorkbook(s.book, null);
    expect(loggedChanges(s.summary)).toBe(0);
    expect(fake.getSheetValues(s.book, METRIC_SHEET)[1]![7]).toBe('Negativ');
    await s.production.rebuildSummary();
    expect(loggedChanges(s.summary)).toBe(1);
  });
});
