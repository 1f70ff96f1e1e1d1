/**
 * Simulated time for a reporting week that takes minutes, not an hour: every wait of the code under test
 * (Google's latency in the fake, the retry policy's backoff, the queue's schedule) is a `sleep` on this
 * clock. Time moves only when every actor is waiting on it, to the earliest wake-up; until then the real
 * work (the product's code, the fakes' handlers) runs at full speed. An actor is an async function started
 * with `spawn`; the count of actors not waiting is what tells "everyone is waiting".
 * @module
 */

interface Timer {
  at: number;
  seq: number;
  wake: () => void;
}

export class VirtualClock {
  #now: number;
  #running = 0;
  #seq = 0;
  readonly #timers: Timer[] = [];
  readonly #errors: unknown[] = [];

  constructor(startMs: number) {
    this.#now = startMs;
  }

  readonly now = (): number => this.#now;

  /** Waits `ms` of simulated time (the caller counts as waiting meanwhile). */
  readonly sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      this.#running--;
      this.#timers.push({ at: this.#now + Math.max(0, ms), seq: this.#seq++, wake: () => { this.#running++; resolve(); } });
    });

  /** Starts an actor at simulated time `atMs` (now when absent). */
  spawn(fn: () => Promise<void>, atMs?: number): void {
    this.#running++;
    void (async () => {
      try {
        if (atMs !== undefined && atMs > this.#now) await this.sleep(atMs - this.#now);
        await fn();
      } catch (error) {
        this.#errors.push(error);
      } finally {
        this.#running--;
      }
    })();
  }

  /** Runs until `untilMs` or until nothing is left to wake; throws the first error an actor threw. */
  async run(untilMs: number): Promise<void> {
    for (;;) {
      // let the real work settle: promises, the fakes' handlers, I/O of the in-process HTTP interception
      while (this.#running > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.#errors.length) throw this.#errors[0];
      this.#timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.#timers[0];
      if (!next || next.at > untilMs) return;
      this.#timers.shift();
      this.#now = Math.max(this.#now, next.at);
      next.wake();
    }
  }
}
