/**
 * The SummaryStore contract (shared/ports.ts): what the app layer (shared/app/recalc-set.ts, change-log.ts,
 * model-cache.ts) relies on, run against every adapter by test/adapters/<adapter>/contract.test.ts. The summary's
 * state round-trips (a store made afterwards, as by the next process, reads what was written), Ändringslogg rows
 * are appended and never rewritten, the summary itself is rewritten, and reading writes nothing. As recalcSet does,
 * a state is written with the summary whose content hash it carries.
 *
 * Optional per store, checked where a store has it:
 * - `cachesModels`: SummaryState.models and modelFingerprints read back, the models asked for at least;
 * - `writeState`: replaces the state and nothing a person reads;
 * - the set-up's `keepsLastRun`: SummaryState.lastRun reads back (the store beside workbooks that give `versions`).
 */
import { describe, expect, it } from 'vitest';
import { CHANGE_LOG_HEADERS, SHEETS, recalculate, type ChangeLogRow, type SummaryDocument } from '../../shared/engine/index.ts';
import type { RecalcReport } from '../../shared/app/report.ts';
import type { SummaryState, SummaryStore } from '../../shared/ports.ts';
import { gridOf } from '../integration/support/demo-seeds.ts';
import { contractWorkbooks } from './workbooks.ts';

export interface SummarySet {
  /** a new store over the set's summary (as the next process would make one) */
  store(): SummaryStore;
  /** the summary's sheets in order, and whether each is hidden */
  sheets(): Promise<{ name: string; hidden: boolean }[]>;
  /** a sheet's rows as a person reads them: each cell's text, '' for an empty one */
  rows(sheet: string): Promise<string[][]>;
  /** what the summary holds, as a value: two equal ones mean nothing was written in between */
  stored(): Promise<unknown>;
}

export interface SummaryStoreSetUp {
  /** a new summary for a set of these workbooks, with nothing written yet */
  create(workbookIds: string[]): Promise<SummarySet>;
  /** true when the store keeps SummaryState.lastRun */
  keepsLastRun: boolean;
}

const AT = '2026-03-02T09:00:00Z';
const LATER = '2026-03-03T10:30:00Z';
const PRODUCT_SHEETS: string[] = [SHEETS.summary, SHEETS.actionPlan, SHEETS.changeLog, SHEETS.state];
const LAST_REPORT: RecalcReport = {
  year: 2025, yearReason: 'Redovisningsår', organisation: 'Positiv', workbooks: [], summary: 'written', summaryLocation: 'här', issues: [], changes: 2,
};

/** What the engine makes of the contract's workbooks: the summary, each workbook's model, the status changes. */
function firstRun() {
  const result = recalculate(contractWorkbooks().map((w) => gridOf(w)), { today: AT.slice(0, 10), changedAt: AT });
  const changes: ChangeLogRow[] = result.plans.flatMap((p) => p.changes.map((change) => ({ at: AT, change, cause: null })));
  return { doc: result.summary, models: result.models, ids: result.models.map((m) => m.workbookId), changes };
}

/** The same summary with another overall assessment (and so another content hash). */
function withOverall(doc: SummaryDocument, text: string): SummaryDocument {
  const blocks = doc.blocks.map((b) => (b.kind === 'keyValue' && b.label === 'Samlad bedömning' ? { ...b, value: { text } } : b));
  return { ...doc, blocks, contentHash: `${doc.contentHash}-${text}` };
}

function withActionPlan(doc: SummaryDocument): SummaryDocument {
  const actionPlan = { columns: ['Målområde', 'Aktivitet', 'Läge'], rows: [[{ text: 'Klimat' }, { text: 'Solceller' }, { text: 'Försenad', style: 'Försenad' as const }]] };
  return { ...doc, actionPlan, contentHash: `${doc.contentHash}-plan` };
}

/** The state recalcSet writes with a summary: its content hash is the document's. */
const plainState = (doc: SummaryDocument, changedAt: string | null): SummaryState => ({ contentHash: doc.contentHash, changedAt });

/** An Ändringslogg row as a person reads it. */
const logged = (r: ChangeLogRow) => [r.at, r.change.workbookName, r.change.sheet, String(r.change.rowNumber), r.change.subject, r.change.from ?? '', r.change.to, r.cause ?? ''];

/** Rows without their trailing empty cells (stores differ in how far a row reaches). */
const trimmed = (rows: string[][]) =>
  rows.map((r) => {
    const out = [...r];
    while (out.length > 0 && out.at(-1) === '') out.pop();
    return out;
  });

export function runSummaryStoreContract(setUp: SummaryStoreSetUp): void {
  async function fresh() {
    const run = firstRun();
    return { ...run, set: await setUp.create(run.ids) };
  }

  /** A state such as recalcSet writes with the first run's summary, with what this store keeps. */
  function stateFor(store: SummaryStore, run: ReturnType<typeof firstRun>, changedAt: string | null): SummaryState {
    const models = Object.fromEntries(run.models.map((m) => [m.workbookId, m]));
    return {
      contentHash: run.doc.contentHash,
      changedAt,
      logged: { [run.ids[0]!]: { epoch: `${AT}~kontrakt`, seq: 3 } },
      ...(store.cachesModels ? { models, modelFingerprints: Object.fromEntries(run.ids.map((id, i) => [id, `fingeravtryck-${i}`])) } : {}),
      ...(setUp.keepsLastRun ? { lastRun: { inputs: 'indata', report: LAST_REPORT } } : {}),
    };
  }

  describe('SummaryStore contract', () => {
    it('has no state before the first write, and reading it writes nothing', async () => {
      const { set } = await fresh();
      const before = await set.stored();
      expect(await set.store().readState()).toBeNull();
      expect(await set.stored()).toEqual(before);
    });

    it('gives the state it was written with back to a store made afterwards, and reading it writes nothing', async () => {
      const run = await fresh();
      const first = stateFor(run.set.store(), run, AT);
      await run.set.store().write(run.doc, first, []);
      const before = await run.set.stored();
      expect(await run.set.store().readState()).toEqual(first);
      expect(await run.set.stored()).toEqual(before);
      const other = withOverall(run.doc, 'Negativ');
      const second = { ...first, contentHash: other.contentHash, changedAt: null };
      await run.set.store().write(other, second, []);
      expect(await run.set.store().readState()).toEqual(second);
    });

    it('gives back the cached models asked for (stores that cache models)', async (context) => {
      const run = await fresh();
      const store = run.set.store();
      if (!store.cachesModels) context.skip();
      const state = stateFor(store, run, AT);
      await store.write(run.doc, state, []);
      const [first] = run.ids;
      const read = await run.set.store().readState({ models: [first!] });
      expect(read?.models?.[first!]).toEqual(state.models![first!]);
      expect(read?.modelFingerprints).toEqual(state.modelFingerprints);
    });

    it('writes the summary anew each time: one Samlad bedömning row, the latest, first the title', async () => {
      const { set, doc } = await fresh();
      const title = doc.blocks.find((b) => b.kind === 'title');
      await set.store().write(doc, plainState(doc, AT), []);
      const second = withOverall(doc, 'Negativ');
      await set.store().write(second, plainState(second, LATER), []);
      const rows = await set.rows(SHEETS.summary);
      expect(rows[0]![0]).toBe(title?.kind === 'title' ? title.text : null);
      expect(rows.filter((r) => r[0] === 'Samlad bedömning').map((r) => r.slice(0, 2))).toEqual([['Samlad bedömning', 'Negativ']]);
    });

    it('appends Ändringslogg rows, oldest first, and never rewrites the ones it holds', async () => {
      const { set, doc, changes } = await fresh();
      expect(changes.length).toBeGreaterThanOrEqual(2);
      const later: ChangeLogRow = { at: LATER, change: { ...changes[0]!.change, from: changes[0]!.change.to, to: 'Negativ' }, cause: 'Redigering av Mätetal!P2' };
      const second = withOverall(doc, 'Negativ');
      await set.store().write(doc, plainState(doc, AT), changes);
      await set.store().write(second, plainState(second, LATER), [later]);
      await set.store().write(second, plainState(second, LATER), []);
      expect(trimmed(await set.rows(SHEETS.changeLog))).toEqual(trimmed([[...CHANGE_LOG_HEADERS], ...[...changes, later].map(logged)]));
    });

    it('keeps its own sheets in order, the state hidden, and Handlingsplan only while there is one', async () => {
      const { set, doc } = await fresh();
      const own = async () => (await set.sheets()).filter((s) => PRODUCT_SHEETS.includes(s.name));
      const planned = withActionPlan(doc);
      await set.store().write(planned, plainState(planned, AT), []);
      expect(await own()).toEqual([
        { name: SHEETS.summary, hidden: false },
        { name: SHEETS.actionPlan, hidden: false },
        { name: SHEETS.changeLog, hidden: false },
        { name: SHEETS.state, hidden: true },
      ]);
      expect(trimmed((await set.rows(SHEETS.actionPlan)).slice(0, 2))).toEqual([['Målområde', 'Aktivitet', 'Läge'], ['Klimat', 'Solceller', 'Försenad']]);
      await set.store().write(doc, plainState(doc, AT), []);
      expect((await own()).map((s) => s.name)).toEqual([SHEETS.summary, SHEETS.changeLog, SHEETS.state]);
    });

    it('replaces only the state with writeState: nothing a person reads changes (stores that have it)', async (context) => {
      const run = await fresh();
      const store = run.set.store();
      if (!store.writeState) context.skip();
      await store.write(run.doc, stateFor(store, run, AT), run.changes);
      const seen = async () => ({ sheets: await run.set.sheets(), summary: await run.set.rows(SHEETS.summary), log: await run.set.rows(SHEETS.changeLog) });
      const before = await seen();
      const next = { ...stateFor(store, run, AT), logged: { [run.ids[0]!]: { epoch: `${AT}~kontrakt`, seq: 5 } } };
      await run.set.store().writeState!(next);
      expect(await run.set.store().readState()).toEqual(next);
      expect(await seen()).toEqual(before);
    });

    it('tells where a person finds it, the same place after writing', async () => {
      const { set, doc } = await fresh();
      await set.store().write(doc, plainState(doc, AT), []);
      const location = set.store().location();
      expect(location).toEqual(expect.any(String));
      expect(location.length).toBeGreaterThan(0);
      expect(set.store().location()).toBe(location);
    });
  });
}
