/**
 * A first `recalc DIR`, run in this process from the same parts as the CLI's (cli/local-set.ts), with the wall time
 * of each of its phases: what `local_recalc_10000_ms` is made of. Started with the `malkoll` script's flags by
 * bench/local-recalc.ts; prints one JSON line (RecalcPhases).
 * @module
 */
import path from 'node:path';
import { localRecalcDeps } from '../../shared/cli/local-set.ts';
import { recalcSet } from '../../shared/app/recalc-set.ts';
import type { RecalcPhases } from '../local-recalc.ts';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: recalc-phases.ts DIR');

type Span = { phase: 'read' | 'gc' | 'write' | 'summary'; from: number; to: number };
const spans: Span[] = [];
const timed =
  <A extends unknown[], R>(phase: Span['phase'], work: (...args: A) => R) =>
  (...args: A): R => {
    const from = performance.now();
    const done = () => spans.push({ phase, from, to: performance.now() });
    const result = work(...args);
    if (result instanceof Promise) return result.finally(done) as R;
    done();
    return result;
  };

const deps = await localRecalcDeps(path.resolve(dir), null);
const { store, summary, collectGarbage } = deps;
// performance.now() counts from the process's start: Node's start, the modules and the stores
const setUp = performance.now();
const report = await recalcSet({
  ...deps,
  store: { ...store, read: timed('read', store.read), write: timed('write', store.write) },
  summary: { ...summary, write: timed('summary', summary.write) },
  ...(collectGarbage ? { collectGarbage: timed('gc', collectGarbage) } : {}),
});
const total = performance.now();
if (report.workbooks.some((w) => w.outcome !== 'written') || report.summary !== 'written') {
  throw new Error(`bench: a first run that wrote everything was expected: ${JSON.stringify(report.workbooks)}, summary ${report.summary}`);
}

const of = (phase: Span['phase']) => spans.filter((s) => s.phase === phase);
const sum = (list: Span[]) => list.reduce((ms, s) => ms + (s.to - s.from), 0);
const readsEnd = Math.max(...of('read').map((s) => s.to));
const writesStart = Math.min(...of('write').map((s) => s.from));
const between = of('gc').filter((s) => s.from >= readsEnd && s.to <= writesStart);
const phases: RecalcPhases = {
  startMs: setUp,
  readMs: sum(of('read')),
  engineMs: writesStart - readsEnd - sum(between),
  workbookWriteMs: sum(of('write')),
  summaryMs: sum(of('summary')),
  gcMs: sum(of('gc')),
  totalMs: total,
  otherMs: 0,
};
phases.otherMs = total - (phases.startMs + phases.readMs + phases.engineMs + phases.workbookWriteMs + phases.summaryMs + phases.gcMs);
console.log(JSON.stringify(phases));
