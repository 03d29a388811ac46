// The tables of asynchronous invocation: events waiting to be delivered (a
// row lives until the function has finished with it, so a kill -9 at any
// moment redelivers it) and events that failed every attempt (kept until a
// user clears them, never dropped).
import type { Database } from "../../store/database.js";
import { migrate, transactionWithoutFlush } from "../../store/database.js";

export interface QueuedEvent {
  id: number;
  functionName: string;
  payload: string;
  source: string;
  attempts: number;
  enqueuedAt: number;
}

export interface FailedEvent {
  id: number;
  functionName: string;
  payload: string;
  source: string;
  /** `{ errorType, errorMessage, trace }` of the last attempt, as JSON. */
  error: string;
  attempts: number;
  enqueuedAt: number;
  failedAt: number;
}

const MIGRATIONS = [
  `CREATE TABLE lambda_async_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     function_name TEXT NOT NULL,
     payload TEXT NOT NULL,
     source TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     not_before INTEGER NOT NULL,
     enqueued_at INTEGER NOT NULL
   );
   CREATE INDEX lambda_async_events_due ON lambda_async_events (not_before);
   CREATE INDEX lambda_async_events_function ON lambda_async_events (function_name, id);
   CREATE TABLE lambda_failed_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     function_name TEXT NOT NULL,
     payload TEXT NOT NULL,
     source TEXT NOT NULL,
     error TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     enqueued_at INTEGER NOT NULL,
     failed_at INTEGER NOT NULL
   );`,
];

const EVENT_COLUMNS = "id, function_name AS functionName, payload, source, attempts, enqueued_at AS enqueuedAt";

export class AsyncStore {
  readonly #db: Database.Database;
  readonly #statements;

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "lambda-async", MIGRATIONS);
    this.#statements = {
      insert: db.prepare("INSERT INTO lambda_async_events (function_name, payload, source, not_before, enqueued_at) VALUES (?, ?, ?, ?, ?)"),
      dueFunctions: db.prepare("SELECT DISTINCT function_name AS name FROM lambda_async_events WHERE not_before <= ?").pluck(),
      due: db.prepare(`SELECT ${EVENT_COLUMNS} FROM lambda_async_events WHERE function_name = ? AND not_before <= ? ORDER BY id LIMIT ?`),
      nextDue: db.prepare("SELECT min(not_before) FROM lambda_async_events WHERE not_before > ?").pluck(),
      delete: db.prepare("DELETE FROM lambda_async_events WHERE id = ?"),
      retry: db.prepare("UPDATE lambda_async_events SET attempts = ?, not_before = ? WHERE id = ?"),
      fail: db.prepare(
        `INSERT INTO lambda_failed_events (function_name, payload, source, error, attempts, enqueued_at, failed_at)
         SELECT function_name, payload, source, ?, ?, enqueued_at, ? FROM lambda_async_events WHERE id = ?`,
      ),
      ofFunction: db.prepare("SELECT id FROM lambda_async_events WHERE function_name = ?").pluck(),
      count: db.prepare("SELECT count(*) FROM lambda_async_events").pluck(),
      retrying: db.prepare("SELECT count(*) FROM lambda_async_events WHERE attempts > 0").pluck(),
    };
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  /** A transaction that a power cut may undo (never a crash): for outcomes of deliveries, which are then delivered again. */
  transactionWithoutFlush<T>(work: () => T): T {
    return transactionWithoutFlush(this.#db, work);
  }

  /** Queues many events in one transaction (one flush to disk for all). */
  insertMany(events: ReadonlyArray<{ functionName: string; payload: string; source: string }>, now: number): void {
    this.transaction(() => {
      for (const event of events) this.#statements.insert.run(event.functionName, event.payload, event.source, now, now);
    });
  }

  insert(functionName: string, payload: string, source: string, now: number): void {
    this.#statements.insert.run(functionName, payload, source, now, now);
  }

  /** Names of the functions with an event due at `now`. */
  dueFunctions(now: number): string[] {
    return this.#statements.dueFunctions.all(now) as string[];
  }

  /** The oldest `limit` events of `functionName` due at `now`. */
  due(functionName: string, now: number, limit: number): QueuedEvent[] {
    return this.#statements.due.all(functionName, now, limit) as QueuedEvent[];
  }

  /** When the next event waiting for a retry falls due, if any does. */
  nextDue(now: number): number | undefined {
    return (this.#statements.nextDue.get(now) as number | null) ?? undefined;
  }

  delete(id: number): void {
    this.#statements.delete.run(id);
  }

  retryAt(id: number, attempts: number, at: number): void {
    this.#statements.retry.run(attempts, at, id);
  }

  /** Moves the event to the failed events with its last error; a no-op when it is already gone. */
  fail(id: number, error: string, attempts: number, now: number): void {
    this.#db.transaction(() => {
      this.#statements.fail.run(error, attempts, now, id);
      this.#statements.delete.run(id);
    })();
  }

  /** Ids of the events still waiting for `functionName`. */
  eventsOf(functionName: string): number[] {
    return this.#statements.ofFunction.all(functionName) as number[];
  }

  pending(): number {
    return this.#statements.count.get() as number;
  }

  /** Events that failed at least once and wait for a retry. */
  retrying(): number {
    return this.#statements.retrying.get() as number;
  }

  failed(functionName: string | undefined): FailedEvent[] {
    const where = functionName === undefined ? "" : "WHERE function_name = ?";
    const columns = `id, function_name AS functionName, payload, source, error, attempts, enqueued_at AS enqueuedAt, failed_at AS failedAt`;
    const statement = this.#db.prepare(`SELECT ${columns} FROM lambda_failed_events ${where} ORDER BY id`);
    return (functionName === undefined ? statement.all() : statement.all(functionName)) as FailedEvent[];
  }

  clearFailed(): number {
    return this.#db.prepare("DELETE FROM lambda_failed_events").run().changes;
  }
}
