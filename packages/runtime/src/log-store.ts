// Where a function's log records go: appended to `<logDir>/<name>.jsonl`
// (one record per line, in order) and handed to every subscriber.
import { mkdirSync, createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";
import type { LogRecord } from "./log-record.js";

export type LogListener = (record: LogRecord) => void;

export class LogStore {
  readonly #listeners = new Set<LogListener>();
  readonly #file: WriteStream | undefined;
  /** The JSONL file, when a log dir was given. */
  readonly path: string | undefined;

  constructor(name: string, logDir: string | undefined) {
    if (logDir === undefined) return;
    mkdirSync(logDir, { recursive: true });
    this.path = join(logDir, `${name}.jsonl`);
    this.#file = createWriteStream(this.path, { flags: "a" });
  }

  /** Adds a listener; returns the function that removes it. Listeners must not throw. */
  subscribe(listener: LogListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  write(record: LogRecord): void {
    this.#file?.write(`${JSON.stringify(record)}\n`);
    for (const listener of this.#listeners) listener(record);
  }

  /** Resolves once every record is on disk. */
  close(): Promise<void> {
    this.#listeners.clear();
    const file = this.#file;
    if (file === undefined) return Promise.resolve();
    return new Promise((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
