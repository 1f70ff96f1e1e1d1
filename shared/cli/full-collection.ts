/**
 * A full garbage collection between a run's phases, when Node was started with `--expose-gc` (the `start` and
 * `malkoll` scripts do). Without the flag there is none, and the run only peaks higher (docs/performance.md).
 * @module
 */
export function fullCollection(): (() => void) | undefined {
  const gc: unknown = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? () => void gc() : undefined;
}
