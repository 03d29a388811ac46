// Schedule rules firing on the daemon's clock: each rule's next firing is
// stored, so a restart (kill -9 included) resumes where the schedule stood;
// a firing writes its deliveries and the following time in one transaction.
// Firings missed while the daemon was down are not made up, as EventBridge
// makes none up: the rule fires once for the missed time and moves on to
// the next future one. Advancing the clock (tests, `cloud tick`) fires what
// falls due.
import { nextFireTime, parseSchedule } from "@closure-pack/event-rules";
import type { CloudContext } from "../service.js";
import { deliverToTargets, scheduledEvent } from "./deliver.js";
import type { EventsStore, RuleRow } from "./events-store.js";

export class Scheduler {
  readonly #context: CloudContext;
  readonly #store: EventsStore;
  #wake = new AbortController();
  #closed = false;

  constructor(context: CloudContext, store: EventsStore) {
    this.#context = context;
    this.#store = store;
  }

  start(): void {
    void this.#loop();
  }

  /** A rule changed: look again at when the next firing is. */
  poke(): void {
    this.#wake.abort();
  }

  close(): void {
    this.#closed = true;
    this.#wake.abort();
  }

  async #loop(): Promise<void> {
    while (!this.#closed) {
      let next: number | undefined;
      try {
        next = this.#fireDue();
      } catch (error) {
        // A firing that cannot be written now (the store closing under it) is retried, never lost: next_fire stays.
        if (this.#closed) return;
        process.stderr.write(`eventbridge schedules: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        next = this.#context.clock.now() + 1000;
      }
      this.#wake = new AbortController();
      // Far in the future when nothing is scheduled: a poke wakes the loop.
      await this.#context.clock.waitUntil(next ?? this.#context.clock.now() + 2 ** 31 - 1, this.#wake.signal).catch(() => undefined);
    }
  }

  #fireDue(): number | undefined {
    const now = this.#context.clock.now();
    return this.#store.transaction(() => {
      const { due } = this.#store.dueSchedules(now);
      for (const rule of due) this.#fire(rule, now);
      return this.#store.dueSchedules(now).next;
    });
  }

  #fire(rule: RuleRow, now: number): void {
    const at = rule.nextFire!;
    deliverToTargets(this.#context, this.#store, rule, scheduledEvent(rule, at));
    this.#store.setNextFire(rule.arn, nextFireTime(parseSchedule(rule.schedule!), Math.max(at, now), rule.created) ?? null);
  }
}
