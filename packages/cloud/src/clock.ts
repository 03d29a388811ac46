// The daemon's clock: real time plus an offset that tests (and
// `closure-pack cloud tick`) can advance, so schedules and delays can be
// exercised without waiting. Everything time-based in the cloud reads it.

export class Clock {
  #offsetMs = 0;
  readonly #listeners = new Set<() => void>();

  /** Milliseconds since the epoch, advanced by every tick so far. */
  now(): number {
    return Date.now() + this.#offsetMs;
  }

  /** Moves time forward by `ms` and wakes everything waiting on the clock. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
    this.#offsetMs += ms;
    for (const listener of [...this.#listeners]) listener();
  }

  /** Calls `listener` after every advance; returns the function that stops it. */
  onAdvance(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Resolves when the clock reaches `at` (ms since the epoch): by real time
   * passing or by an advance. `signal` rejects it early.
   */
  waitUntil(at: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        clearTimeout(timer);
        stop();
        signal?.removeEventListener("abort", abort);
      };
      const check = (): void => {
        const left = at - this.now();
        if (left <= 0) {
          done();
          resolve();
          return;
        }
        clearTimeout(timer);
        // setTimeout's limit is 2^31-1 ms; re-checking then is harmless.
        timer = setTimeout(check, Math.min(left, 2 ** 31 - 1));
      };
      const abort = (): void => {
        done();
        reject(signal?.reason);
      };
      const stop = this.onAdvance(check);
      signal?.addEventListener("abort", abort, { once: true });
      check();
    });
  }
}
