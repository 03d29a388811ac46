// The one embedded database of the daemon (SQLite through better-sqlite3):
// metadata, queues of pending events and logs, in WAL mode so readers never
// wait for the writer. A write that returned survives what the durability
// setting promises (services/service.ts: a crash of the process, or a power
// cut too): an S3 PUT answered 200 has its notification queued with it,
// whatever happens to the daemon next. Each service creates its own tables through
// migrate(), keyed by a name and a version so a restart never redoes one.
import Database from "better-sqlite3";
import { join } from "node:path";
import { CloudError } from "../errors.js";
import type { Durability } from "../services/service.js";

export type { Database };

/** Opens (creating when missing) `<dataDir>/cloud.db`. */
export function openDatabase(dataDir: string, durability: Durability = "machine"): Database.Database {
  const path = join(dataDir, "cloud.db");
  let db: Database.Database;
  try {
    db = new Database(path);
    // The daemon is the only process that opens its database (daemon.lock):
    // holding SQLite's lock for the connection's life spares every statement
    // and commit the file-lock system calls (the WAL index lives in the
    // process's memory instead of the -shm file).
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = WAL");
    // WAL with synchronous=NORMAL: a commit is in the log file (the OS cache)
    // when it returns, so it survives the process; FULL also fsyncs the log.
    db.pragma(`synchronous = ${durability === "machine" ? "FULL" : "NORMAL"}`);
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    db.exec("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, version INTEGER NOT NULL)");
  } catch (error) {
    throw new CloudError("DATA_CORRUPT", path, `cannot open the local cloud's database: ${(error as Error).message}`, {
      hint: "move the data folder aside (or delete it to start empty) and start the cloud again",
      cause: error,
    });
  }
  return db;
}

/**
 * Applies the steps of `name` that this database has not seen yet, each in a
 * transaction with its version bump. Steps are append-only: a released step
 * is never edited, a change is a new step.
 */
export function migrate(db: Database.Database, name: string, steps: readonly string[]): void {
  const row = db.prepare("SELECT version FROM migrations WHERE name = ?").get(name) as { version: number } | undefined;
  const done = row?.version ?? 0;
  if (done > steps.length) {
    throw new CloudError("DATA_CORRUPT", name, `the data folder was written by a newer closure-pack (schema ${done}, this one knows ${steps.length})`, {
      hint: "use that newer closure-pack, or start this one with another --data folder",
    });
  }
  for (let version = done + 1; version <= steps.length; version++) {
    db.transaction(() => {
      db.exec(steps[version - 1]!);
      db.prepare("INSERT INTO migrations (name, version) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET version = excluded.version").run(name, version);
    })();
  }
}

/**
 * Runs `work` in a transaction whose commit does not wait for the disk
 * (synchronous=NORMAL for this commit only; WAL mode): it survives a crash
 * of the process, kill -9 included, but not a power cut. Only for writes
 * whose loss repeats work rather than loses it: deleting an event already
 * delivered (it is delivered again), storing log lines. Saves a flush per
 * commit, which at hundreds of events a second is what holds the event loop.
 */
export function transactionWithoutFlush<T>(db: Database.Database, work: () => T): T {
  // Inside another transaction the commit is the outer one's: nothing to change.
  if (db.inTransaction) return db.transaction(work)();
  const level = db.pragma("synchronous", { simple: true }) as number;
  // 1 is NORMAL: already a commit without a flush.
  if (level <= 1) return db.transaction(work)();
  db.pragma("synchronous = NORMAL");
  try {
    return db.transaction(work)();
  } finally {
    db.pragma(`synchronous = ${level}`);
  }
}
