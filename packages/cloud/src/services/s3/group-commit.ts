// Group commit: S3 writes that arrive together share one SQLite transaction,
// so one fsync of the log makes a whole batch durable instead of one fsync
// per object (what bounds concurrent uploads, sync of many files, and the
// events they queue). Each write runs in its own savepoint: one refused
// write (a precondition, a bucket gone) rolls back alone. A caller's promise
// settles only after the batch commits, so a 200 still means on disk.
import type { Database } from "../../store/database.js";

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  #queue: Pending[] = [];
  #scheduled = false;
  // Made once: better-sqlite3 builds four wrapper functions per
  // db.transaction() call, which cost as much as a small write's statements.
  readonly #transaction: (batch: readonly Pending[]) => Outcome[];

  constructor(db: Database.Database) {
    // Nested in #transaction, a transaction function runs as a savepoint.
    const savepoint = db.transaction((work: () => unknown) => work());
    this.#transaction = db.transaction((batch: readonly Pending[]): Outcome[] => {
      // One write alone needs no savepoint: if it throws, the batch is undone, which is that write.
      if (batch.length === 1) return [{ ok: true, value: batch[0]!.work() }];
      return batch.map((pending): Outcome => {
        try {
          return { ok: true, value: savepoint(pending.work) };
        } catch (error) {
          return { ok: false, error };
        }
      });
    });
  }

  /** Runs `work` inside the next batch's transaction; resolves with its result once the batch is committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // setImmediate, not a microtask: requests whose bodies completed in
        // this turn of the event loop join the batch.
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = this.#transaction(batch);
    } catch (error) {
      // The commit itself failed (disk full, I/O error), or a batch's only
      // write threw: nothing in the batch happened.
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}
