// Running functions: one runtime pool per function, made on its first
// invocation from the stored zip and settings. When the function changes,
// its pool retires: new invocations go to a new pool, and the old one
// closes once the invocations it had finish. Deleting a function, or closing
// the cloud, ends its instances at once.
import { createFunction, type InvokeResult, type LocalFunction, type LogRecord } from "@closure-pack/runtime";
import { ACCOUNT_ID } from "../service.js";
import type { CodeStore } from "./code-store.js";
import type { FunctionRow } from "./function-store.js";

/** Instances a function may run at once when it has no reserved concurrency. */
export const DEFAULT_CONCURRENCY = 10;

export interface RunnerOptions {
  code: CodeStore;
  /** AWS_ENDPOINT_URL of every function: the daemon itself (read when a pool is made). */
  endpoint(): string;
  /** The @aws-sdk packages functions may import without bundling (provideAwsSdk), if any. */
  providedModules: string | undefined;
  /** Every log record of every function. */
  onLog(functionName: string, record: LogRecord): void;
}

interface Pool {
  revisionId: string;
  concurrency: number;
  fn: Promise<LocalFunction>;
  inFlight: number;
  retired: boolean;
}

export class FunctionRunner {
  readonly #options: RunnerOptions;
  readonly #current = new Map<string, Pool>();
  readonly #retired = new Set<Pool>();

  constructor(options: RunnerOptions) {
    this.#options = options;
  }

  /** Runs `row` with the event `payload` (JSON text) on its current pool. */
  async invoke(row: FunctionRow, payload: string): Promise<InvokeResult> {
    const pool = this.#poolFor(row);
    pool.inFlight += 1;
    try {
      return await (await pool.fn).invokeJson(payload);
    } finally {
      pool.inFlight -= 1;
      if (pool.retired && pool.inFlight === 0) void this.#close(pool);
    }
  }

  /** Invocations of `name` running now (or waiting for an instance) through this runner. */
  inFlight(name: string): number {
    return this.#current.get(name)?.inFlight ?? 0;
  }

  /** The function changed: the next invocation makes a new pool; the old one finishes what it runs. */
  retire(name: string): void {
    const pool = this.#current.get(name);
    if (pool === undefined) return;
    this.#current.delete(name);
    pool.retired = true;
    this.#retired.add(pool);
    if (pool.inFlight === 0) void this.#close(pool);
  }

  /** The function was deleted: its instances end now, failing what they run. */
  async remove(name: string): Promise<void> {
    const pool = this.#current.get(name);
    if (pool === undefined) return;
    this.#current.delete(name);
    await this.#close(pool);
  }

  async close(): Promise<void> {
    const pools = [...this.#current.values(), ...this.#retired];
    this.#current.clear();
    await Promise.all(pools.map((pool) => this.#close(pool)));
  }

  #poolFor(row: FunctionRow): Pool {
    const current = this.#current.get(row.name);
    if (current !== undefined && current.revisionId === row.revisionId) return current;
    if (current !== undefined) this.retire(row.name);
    const concurrency = row.reservedConcurrency ?? DEFAULT_CONCURRENCY;
    const pool: Pool = { revisionId: row.revisionId, concurrency, fn: this.#create(row, concurrency), inFlight: 0, retired: false };
    // A pool that could not be made is forgotten, so the next invocation tries again.
    pool.fn.catch(() => {
      if (this.#current.get(row.name) === pool) this.#current.delete(row.name);
    });
    this.#current.set(row.name, pool);
    return pool;
  }

  #create(row: FunctionRow, concurrency: number): Promise<LocalFunction> {
    const { settings } = row;
    const environment = { AWS_ENDPOINT_URL: this.#options.endpoint(), ...settings.environment };
    return createFunction({
      name: row.name,
      code: this.#options.code.path(row.codeSha256),
      codeName: row.name,
      handler: settings.handler,
      timeout: settings.timeout,
      memorySize: settings.memorySize,
      environment,
      // Reserved concurrency 0 throttles every invocation before it gets here.
      concurrency: Math.max(1, concurrency),
      region: row.region,
      accountId: ACCOUNT_ID,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      onLog: (record) => this.#options.onLog(row.name, record),
      ...(this.#options.providedModules === undefined ? {} : { providedModules: this.#options.providedModules }),
    });
  }

  async #close(pool: Pool): Promise<void> {
    this.#retired.delete(pool);
    const fn = await pool.fn.catch(() => undefined);
    await fn?.close();
  }
}
