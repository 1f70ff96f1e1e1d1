/**
 * The WorkbookStore contract (shared/ports.ts): what the app layer (shared/app/recalc-set.ts, change-log.ts) relies
 * on, run against every adapter as Hono runs one router suite against every router. Each adapter's
 * test/adapters/<adapter>/contract.test.ts calls `runWorkbookStoreContract` with a set-up; vitest.config.ts keeps
 * this file from running on its own.
 *
 * Optional per store, checked where a store has it:
 * - `versions`: each workbook's version without reading it, the one a read gives;
 * - `keepsChangeLog`: ProductState.changeLog reads back as written;
 * - the set-up's `detectsConflicts`: a write after a person saved answers `conflict` and writes nothing (local
 *   files); without it a store writes only its own cells, so what the person typed stays and the next run corrects
 *   the status (Google: Sheets keeps no version of cell content to compare against).
 */
import { describe, expect, it } from 'vitest';
import { recalculate, type ProductState, type SheetGrid, type WorkbookGrid, type WritePlan } from '../../shared/engine/index.ts';
import { UnreadableWorkbookError, type WorkbookRef, type WorkbookSnapshot, type WorkbookStore, type WriteOutcome } from '../../shared/ports.ts';
import type { DemoWorkbook } from '../../sheets-templates/demo/types.ts';
import { gridOf, titleOf } from '../integration/support/demo-seeds.ts';
import { TYPED, contractWorkbooks } from './workbooks.ts';

export interface WorkbookSet {
  store: WorkbookStore;
  /** the workbooks' ids, in the order they were given */
  ids: string[];
  /** a ref that names no workbook (a file that is gone, a spreadsheet that was deleted) */
  missing: WorkbookRef;
  /** a person types `value` into a cell (1-based) and saves, with another program than the store */
  type(id: string, sheet: string, rowNumber: number, columnNumber: number, value: string | number): Promise<void>;
  /**
   * what the store has done to the set, as a value: two equal footprints mean it did nothing in between — changed
   * no file or cell, and (a store whose every call counts against a quota) made no call
   */
  footprint(): Promise<unknown>;
}

export interface WorkbookStoreSetUp {
  /** a store over a new set holding these workbooks */
  create(workbooks: DemoWorkbook[]): Promise<WorkbookSet>;
  /** true: a write after a person saved answers `conflict`; false: it writes only its own cells anyway */
  detectsConflicts: boolean;
}

const TODAY = '2026-03-02';
const AT = '2026-03-02T09:00:00Z';

/** The plan the engine makes for a workbook as read: what recalcSet hands the store. */
function planFor(grid: WorkbookGrid): WritePlan {
  return recalculate([grid], { today: TODAY, changedAt: AT }).plans[0]!;
}

const emptyPlan = (workbookId: string, state: ProductState): WritePlan => ({ workbookId, writes: [], state, stateChanged: false, changes: [] });
const stateOnly = (workbookId: string, state: ProductState): WritePlan => ({ ...emptyPlan(workbookId, state), stateChanged: true });

/** Sheets with every empty cell null and no trailing empties: a grid may leave them out (engine/model/grid.ts). */
function cells(sheets: SheetGrid[]): SheetGrid[] {
  const trimmed = <T>(list: T[], empty: (item: T) => boolean) => {
    const out = [...list];
    while (out.length > 0 && empty(out.at(-1)!)) out.pop();
    return out;
  };
  return sheets.map((s) => ({ ...s, rows: trimmed(s.rows.map((r) => trimmed(Array.from(r, (c) => c ?? null), (c) => c === null)), (r) => r.length === 0) }));
}

/**
 * The sheets as a read gives them back after `plan`: the cells it wrote hold its texts (an empty text leaves the cell
 * empty), every other cell is as it was.
 */
function withWrites(grid: WorkbookGrid, plan: WritePlan): SheetGrid[] {
  const sheets = grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  for (const w of plan.writes) {
    const rows = sheets.find((s) => s.name === w.sheet)!.rows;
    while (rows.length < w.rowNumber) rows.push([]);
    rows[w.rowNumber - 1]![w.columnNumber - 1] = w.value === '' ? null : { value: w.value };
  }
  return cells(sheets);
}

/** A `written` outcome, and the workbook as read after it (its version the one the outcome gives, when it gives one). */
async function readAfterWrite(store: WorkbookStore, ref: WorkbookRef, outcome: WriteOutcome): Promise<WorkbookSnapshot> {
  expect(outcome.kind).toBe('written');
  const after = await store.read(ref);
  if (outcome.kind === 'written' && outcome.version !== undefined) expect(outcome.version).toBe(after.version);
  return after;
}

function typedInto(grid: WorkbookGrid, value: string): SheetGrid[] {
  return withWrites(grid, { ...emptyPlan(grid.id, { written: {} }), writes: [{ ...TYPED, value, style: 'text' }] });
}

export function runWorkbookStoreContract(setUp: WorkbookStoreSetUp): void {
  /** A new set of the contract's workbooks, its refs as listed, and the first workbook as read. */
  async function firstRead() {
    const set = await setUp.create(contractWorkbooks());
    const refs = await set.store.list();
    const ref = refs.find((r) => r.id === set.ids[0])!;
    return { set, store: set.store, refs, ref, snapshot: await set.store.read(ref) };
  }

  describe('WorkbookStore contract', () => {
    it('lists the configured set, and listing changes nothing', async () => {
      const set = await setUp.create(contractWorkbooks());
      const before = await set.footprint();
      const refs = await set.store.list();
      expect(refs.map((r) => r.id).sort()).toEqual([...set.ids].sort());
      expect(await set.footprint()).toEqual(before);
    });

    it('reads each workbook into a grid: its id and name, its sheets and cells as typed, no state yet, the same version twice', async () => {
      const workbooks = contractWorkbooks();
      const set = await setUp.create(workbooks);
      for (const ref of await set.store.list()) {
        const workbook = workbooks[set.ids.indexOf(ref.id)]!;
        const { grid, version } = await set.store.read(ref);
        expect(grid.id).toBe(ref.id);
        expect(grid.name).toBe(titleOf(workbook));
        expect(cells(grid.sheets)).toEqual(cells(gridOf(workbook).sheets));
        expect(grid.state).toBeNull();
        expect(version).toEqual(expect.any(String));
        expect(version).not.toBe('');
        expect(await set.store.read(ref)).toEqual({ grid, version });
      }
    });

    it("writes the plan's cells and the state and nothing else: the workbook reads back as before with them", async () => {
      const { store, ref, snapshot } = await firstRead();
      const plan = planFor(snapshot.grid);
      expect(plan.writes.length).toBeGreaterThan(0);
      const after = await readAfterWrite(store, ref, await store.write(ref, plan, snapshot.version));
      expect(cells(after.grid.sheets)).toEqual(withWrites(snapshot.grid, plan));
      expect(after.grid.state).toEqual(plan.state);
      expect(after.version).not.toBe(snapshot.version);
    });

    it('reads back what it wrote so exactly that the next run has nothing to write, and then writes nothing', async () => {
      const { set, store, ref, snapshot } = await firstRead();
      await store.write(ref, planFor(snapshot.grid), snapshot.version);
      const again = await store.read(ref);
      const plan = planFor(again.grid);
      expect(plan.writes).toEqual([]);
      expect(plan.stateChanged).toBe(false);
      const before = await set.footprint();
      expect(await store.write(ref, plan, again.version)).toEqual({ kind: 'unchanged' });
      expect(await set.footprint()).toEqual(before);
      expect((await store.read(ref)).version).toBe(again.version);
    });

    it('writes nothing for an empty plan with the state unchanged, and answers unchanged without comparing versions', async () => {
      const { set, store, ref, snapshot } = await firstRead();
      const before = await set.footprint();
      expect(await store.write(ref, emptyPlan(ref.id, { written: {} }), 'not even compared')).toEqual({ kind: 'unchanged' });
      expect(await set.footprint()).toEqual(before);
      expect(await store.read(ref)).toEqual(snapshot);
    });

    it('a second write, after a person typed a new outcome, replaces the cells and the state of the first', async () => {
      const { set, store, ref, snapshot } = await firstRead();
      const first = planFor(snapshot.grid);
      await store.write(ref, first, snapshot.version);
      await set.type(ref.id, TYPED.sheet, TYPED.rowNumber, TYPED.columnNumber, '80 %');
      const typed = await store.read(ref);
      const second = planFor(typed.grid);
      expect(second.writes.length).toBeGreaterThan(0);
      expect(second.state).not.toEqual(first.state);
      const after = await readAfterWrite(store, ref, await store.write(ref, second, typed.version));
      expect(cells(after.grid.sheets)).toEqual(withWrites(typed.grid, second));
      expect(after.grid.state).toEqual(second.state);
    });

    it('writes a change of the state alone', async () => {
      const { store, ref, snapshot } = await firstRead();
      const after = await readAfterWrite(store, ref, await store.write(ref, stateOnly(ref.id, { written: { a: 'b' } }), snapshot.version));
      expect(after.grid.state).toEqual({ written: { a: 'b' } });
      expect(cells(after.grid.sheets)).toEqual(cells(snapshot.grid.sheets));
    });

    it('keeps a long state, and a shorter one after it leaves nothing of the longer behind', async () => {
      const { store, ref, snapshot } = await firstRead();
      const long = { written: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`Mätetal!rad ${i}!Förklaring`, `text ${'x'.repeat(40)} ${i}`])) };
      const written = await readAfterWrite(store, ref, await store.write(ref, stateOnly(ref.id, long), snapshot.version));
      expect(written.grid.state).toEqual(long);
      const shorter = await readAfterWrite(store, ref, await store.write(ref, stateOnly(ref.id, { written: { a: 'b' } }), written.version));
      expect(shorter.grid.state).toEqual({ written: { a: 'b' } });
    });

    it.runIf(setUp.detectsConflicts)('answers conflict when a person saved after the read, and writes nothing', async () => {
      const { set, store, ref, snapshot } = await firstRead();
      await set.type(ref.id, TYPED.sheet, TYPED.rowNumber, TYPED.columnNumber, '80 %');
      const theirs = await set.footprint();
      expect(await store.write(ref, planFor(snapshot.grid), snapshot.version)).toEqual({ kind: 'conflict' });
      expect(await set.footprint()).toEqual(theirs);
      const after = await store.read(ref);
      expect(cells(after.grid.sheets)).toEqual(typedInto(snapshot.grid, '80 %'));
      expect(after.grid.state).toBeNull();
    });

    it.runIf(!setUp.detectsConflicts)('writes only its own cells when a person saved after the read: what they typed stays', async () => {
      const { set, store, ref, snapshot } = await firstRead();
      await set.type(ref.id, TYPED.sheet, TYPED.rowNumber, TYPED.columnNumber, '80 %');
      const plan = planFor(snapshot.grid);
      const after = await readAfterWrite(store, ref, await store.write(ref, plan, snapshot.version));
      expect(cells(after.grid.sheets)).toEqual(withWrites({ ...snapshot.grid, sheets: typedInto(snapshot.grid, '80 %') }, plan));
      expect(after.grid.state).toEqual(plan.state);
    });

    it('gives ProductState.changeLog back as written (stores that keep change logs)', async (context) => {
      const { store, ref, snapshot } = await firstRead();
      if (!store.keepsChangeLog) context.skip();
      const plan = planFor(snapshot.grid);
      const change = { workbookId: ref.id, workbookName: snapshot.grid.name, sheet: TYPED.sheet, rowNumber: 2, subject: 'Andel förnybar el', from: null, to: 'Positiv' };
      plan.state.changeLog = { epoch: `${AT}~contract`, seq: 2, pending: [{ seq: 1, at: AT, cause: null, change }, { seq: 2, at: AT, cause: 'Redigering av Mätetal!P2', change: { ...change, from: 'Positiv', to: 'Negativ' } }] };
      const after = await readAfterWrite(store, ref, await store.write(ref, plan, snapshot.version));
      expect(after.grid.state?.changeLog).toEqual(plan.state.changeLog);
    });

    it("gives each workbook's version without reading it, the version a read gives (stores with versions)", async (context) => {
      const { set, store, refs, ref, snapshot } = await firstRead();
      if (!store.versions) context.skip();
      const versionsOf = async () => (await store.versions!(refs));
      const reads = async () => Object.fromEntries(await Promise.all(refs.map(async (r) => [r.id, (await store.read(r)).version] as const)));
      expect(await versionsOf()).toEqual(await reads());
      await store.write(ref, planFor(snapshot.grid), snapshot.version);
      const written = await versionsOf();
      expect(written).toEqual(await reads());
      expect(written[ref.id]).not.toBe(snapshot.version);
      await set.type(ref.id, TYPED.sheet, TYPED.rowNumber, TYPED.columnNumber, '80 %');
      expect((await versionsOf())[ref.id]).not.toBe(written[ref.id]);
    });

    it('throws UnreadableWorkbookError naming the ref for a workbook that is not there', async () => {
      const set = await setUp.create(contractWorkbooks());
      const error = await set.store.read(set.missing).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreadableWorkbookError);
      expect((error as UnreadableWorkbookError).ref).toEqual(set.missing);
    });
  });
}
