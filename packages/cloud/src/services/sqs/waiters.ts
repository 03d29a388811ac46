// Long polling: receivers waiting for a queue to have a visible message.
// A send (once committed), a visibility change to 0 or a dead-lettered
// message wakes the queue's waiters at once; a message whose visibility
// timeout ends wakes them through the daemon's clock (so advancing it, as
// tests do, also ends waits); closing the service releases everyone.
import type { Clock } from "../../clock.js";

export class Waiters {
  readonly #clock: Clock;
  readonly #byQueue = new Map<number, Set<() => void>>();
  readonly #closed = new AbortController();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * Resolves when `queueId` may have a visible message: on notify(), when
   * the clock reaches `until`, when `signal` aborts or the service closes.
   */
  wait(queueId: number, until: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const timer = new AbortController();
      const signals = [timer.signal, this.#closed.signal, ...(signal === undefined ? [] : [signal])];
      const set = this.#byQueue.get(queueId) ?? new Set();
      this.#byQueue.set(queueId, set);
      const done = (): void => {
        set.delete(done);
        if (set.size === 0 && this.#byQueue.get(queueId) === set) this.#byQueue.delete(queueId);
        for (const each of signals) each.removeEventListener("abort", done);
        timer.abort();
        resolve();
      };
      set.add(done);
      for (const each of signals) {
        if (each.aborted) return done();
        each.addEventListener("abort", done, { once: true });
      }
      this.#clock.waitUntil(until, timer.signal).then(done, () => {});
    });
  }

  /** Wakes every receiver waiting on `queueId`. */
  notify(queueId: number): void {
    const set = this.#byQueue.get(queueId);
    if (set !== undefined) for (const done of [...set]) done();
  }

  get closed(): boolean {
    return this.#closed.signal.aborted;
  }

  close(): void {
    this.#closed.abort();
  }
}
