// Asynchronous invocation (Invoke with Event, S3 notifications): events are
// queued in the database inside the producer's transaction, and a deliverer
// invokes each function with them. It wakes on the next turn of the event
// loop after an enqueue (the producer's transaction has committed by then),
// runs at most the function's concurrency at once (more wait: throttled,
// never failed; the next waits in memory and goes the moment one finishes),
// deletes an event only after the function finished with it
// (at least once across kill -9; the outcomes of one turn are written in one
// transaction), and follows Lambda's retry policy: a function error is
// retried after each of the configured delays, then the event moves to the
// failed events with its last error.
import { RuntimeError, type FunctionError } from "@closure-pack/runtime";
import type { CloudContext } from "../service.js";
import type { AsyncStore, QueuedEvent } from "./async-store.js";
import { DEFAULT_CONCURRENCY, type FunctionRunner } from "./function-runner.js";
import type { FunctionRow, FunctionStore } from "./function-store.js";

// Due events fetched beyond what is handed out at once, for the handoffs until the next pump.
const PREFETCH = 32;

export class AsyncQueue {
  readonly #context: CloudContext;
  readonly #store: AsyncStore;
  readonly #functions: FunctionStore;
  readonly #runner: FunctionRunner;
  /** Event ids handed to a function and not yet settled. */
  readonly #inFlight = new Set<number>();
  /** Per function: how many of its events are in flight. */
  readonly #running = new Map<string, number>();
  /** Invocations finished since the last turn, written together before the next pump. */
  #settled: Array<{ name: string; event: QueuedEvent; error: FunctionError | undefined }> = [];
  #wakeScheduled = false;
  /** Invoke events waiting for the next turn's transaction (enqueueDurably). */
  #arriving: Array<{ event: { functionName: string; payload: string; source: string }; resolve: () => void; reject: (error: unknown) => void }> = [];
  /** Per function: due events fetched by the last pump and not yet handed out (the next one goes the moment one finishes). */
  readonly #ready = new Map<string, QueuedEvent[]>();
  /** Per function: how many events it may have at once, as the last pump decided. */
  readonly #caps = new Map<string, number>();
  #timer: AbortController | undefined;
  #timerAt = Infinity;
  #closed = false;

  constructor(context: CloudContext, store: AsyncStore, functions: FunctionStore, runner: FunctionRunner) {
    this.#context = context;
    this.#store = store;
    this.#functions = functions;
    this.#runner = runner;
  }

  /** Queues one event (call inside the producer's transaction); delivery starts once it has committed. */
  enqueue(functionName: string, payload: string, source: string): void {
    this.#store.insert(functionName, payload, source, this.#context.clock.now());
    this.wake();
  }

  /**
   * Queues one event durably on its own (Invoke with InvocationType Event):
   * events that arrive in the same turn share one transaction, and each
   * promise resolves once that transaction is on disk.
   */
  enqueueDurably(functionName: string, payload: string, source: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#arriving.push({ event: { functionName, payload, source }, resolve, reject });
      if (this.#arriving.length > 1) return;
      setImmediate(() => {
        const batch = this.#arriving;
        this.#arriving = [];
        try {
          this.#store.insertMany(
            batch.map((each) => each.event),
            this.#context.clock.now(),
          );
        } catch (error) {
          for (const each of batch) each.reject(error);
          return;
        }
        for (const each of batch) each.resolve();
        this.wake();
      });
    });
  }

  /** Looks for due events on the next turn of the event loop (coalesced). */
  wake(): void {
    if (this.#wakeScheduled || this.#closed) return;
    this.#wakeScheduled = true;
    setImmediate(() => {
      this.#wakeScheduled = false;
      if (this.#closed) return;
      this.#applySettled();
      this.#pump();
    });
  }

  /** Events handed to a function whose outcome is not written yet. */
  inFlight(): number {
    return this.#inFlight.size;
  }

  /** The function is gone: what still waits for it becomes failed events. */
  functionDeleted(name: string): void {
    this.#ready.delete(name);
    const error = JSON.stringify({
      errorType: "ResourceNotFoundException",
      errorMessage: `The function ${name} was deleted before this event was delivered`,
      trace: [],
    });
    for (const id of this.#store.eventsOf(name)) if (!this.#inFlight.has(id)) this.#store.fail(id, error, 0, this.#context.clock.now());
  }

  /** Stops delivering; events in flight stay queued and are delivered again by the next start. */
  close(): void {
    this.#closed = true;
    this.#timer?.abort();
  }

  #pump(): void {
    if (this.#closed) return;
    const now = this.#context.clock.now();
    this.#ready.clear();
    for (const name of this.#store.dueFunctions(now)) {
      const row = this.#functions.get(name);
      if (row === undefined) {
        this.functionDeleted(name);
        continue;
      }
      const cap = row.reservedConcurrency ?? DEFAULT_CONCURRENCY;
      this.#caps.set(name, cap);
      // In-flight events are still due rows: fetch past them, and a few more to hand out as instances free up.
      const running = this.#running.get(name) ?? 0;
      this.#ready.set(
        name,
        this.#store.due(name, now, cap + running + PREFETCH).filter((event) => !this.#inFlight.has(event.id)),
      );
      this.#fill(row);
    }
    this.#scheduleRetries(now);
  }

  /** Hands the function fetched events while it has room for them. */
  #fill(row: FunctionRow): void {
    const ready = this.#ready.get(row.name);
    const cap = this.#caps.get(row.name) ?? 1;
    while (ready !== undefined && ready.length > 0 && (this.#running.get(row.name) ?? 0) < cap) this.#deliver(row, ready.shift()!);
  }

  #deliver(row: FunctionRow, event: QueuedEvent): void {
    this.#inFlight.add(event.id);
    this.#running.set(row.name, (this.#running.get(row.name) ?? 0) + 1);
    this.#runner.invoke(row, event.payload).then(
      (result) => this.#settle(row.name, event, result.ok ? undefined : result.error),
      (error: unknown) => this.#settle(row.name, event, platformError(error)),
    );
  }

  #settle(name: string, event: QueuedEvent, error: FunctionError | undefined): void {
    // Closing ends instances mid-invocation: the event stays queued for the next start.
    if (this.#closed) return;
    this.#settled.push({ name, event, error });
    this.#running.set(name, (this.#running.get(name) ?? 1) - 1);
    // The instance that just finished gets the next event now, not after the
    // outcome is written and the queue read again (a gap each event would pay).
    const row = this.#functions.get(name);
    if (row !== undefined) this.#fill(row);
    this.wake();
  }

  // Deletes what succeeded, schedules retries and records what failed for
  // good, in one transaction; the events stay "in flight" until then, so the
  // pump never hands out an event whose outcome is not yet written.
  #applySettled(): void {
    const batch = this.#settled;
    if (batch.length === 0) return;
    this.#settled = [];
    const now = this.#context.clock.now();
    const delays = this.#context.settings.asyncRetryDelaysMs;
    // A power cut may undo these writes, never a crash: the events are then delivered again.
    this.#store.transactionWithoutFlush(() => {
      for (const { name, event, error } of batch) {
        const attempts = event.attempts + 1;
        if (error === undefined) this.#store.delete(event.id);
        else if (this.#functions.get(name) === undefined || attempts > delays.length) this.#store.fail(event.id, JSON.stringify(error), attempts, now);
        else this.#store.retryAt(event.id, attempts, now + delays[attempts - 1]!);
      }
    });
    for (const { event } of batch) this.#inFlight.delete(event.id);
  }

  // One timer, for the earliest retry; an advance of the clock wakes it early.
  #scheduleRetries(now: number): void {
    const at = this.#store.nextDue(now);
    if (at === undefined || at >= this.#timerAt) return;
    this.#timer?.abort();
    const timer = new AbortController();
    this.#timer = timer;
    this.#timerAt = at;
    this.#context.clock.waitUntil(at, timer.signal).then(
      () => {
        this.#timerAt = Infinity;
        this.wake();
      },
      () => {},
    );
  }
}

/** An invocation that did not reach the handler (pool not made, instance gone), as a function error. */
function platformError(error: unknown): FunctionError {
  if (error instanceof RuntimeError) return { errorType: `Runtime.${error.code}`, errorMessage: error.message, trace: [] };
  return { errorType: "Runtime.Unknown", errorMessage: error instanceof Error ? error.message : String(error), trace: [] };
}
