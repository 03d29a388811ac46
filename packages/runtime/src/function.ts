// A local function: its code on disk, a pool of instances up to the
// concurrency limit, a FIFO queue past it, warm reuse (the most recently used
// ready instance first), idle instances ended after idleTimeout, and the log
// store. One instance runs one invocation at a time, as in Lambda.
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { touchEntry } from "./cache-bound.js";
import { prepareCode } from "./code-cache.js";
import { RuntimeError } from "./errors.js";
import { Instance, type Dispatch, type InstanceHooks } from "./instance.js";
import type { FunctionError, InvokeResult, Outcome } from "./invocation.js";
import type { InvocationReport, LogRecord } from "./log-record.js";
import { LogStore, type LogListener } from "./log-store.js";
import { resolveOptions, type FunctionOptions, type ResolvedOptions } from "./options.js";
import { MAX_PAYLOAD_BYTES } from "./runtime-api.js";

export interface FunctionStats {
  /** Instances alive or starting. */
  instances: number;
  /** Instances running an invocation. */
  busy: number;
  /** Invocations waiting for an instance. */
  queued: number;
}

/** A function running locally; see {@link createFunction}. */
export interface LocalFunction {
  readonly name: string;
  /** base64 SHA-256 of the zip; undefined when the code is a folder. */
  readonly codeSha256: string | undefined;
  /** The folder the code runs from (LAMBDA_TASK_ROOT). */
  readonly taskRoot: string;
  /** The JSONL log file, when `logDir` was given. */
  readonly logFile: string | undefined;
  /** Runs the handler with `event` (sent as JSON); resolves with its value or its error. */
  invoke(event: unknown): Promise<InvokeResult>;
  /** As invoke(), with the event already JSON text (sent as it is; the caller has checked it parses). */
  invokeJson(json: string | Buffer): Promise<InvokeResult>;
  /** Calls `listener` with every log record from now on; returns the function that stops it. */
  subscribe(listener: LogListener): () => void;
  stats(): FunctionStats;
  /** Ends every instance and server, rejects invocations not finished, flushes the log file. */
  close(): Promise<void>;
}

interface Pending {
  requestId: string;
  payload: Buffer;
  logs: LogRecord[];
  settle(result: InvokeResult | RuntimeError): void;
}

/** Prepares the code (extracting a zip once into the cache) and returns the function; no instance starts before the first invoke. */
export async function createFunction(options: FunctionOptions): Promise<LocalFunction> {
  const resolved = resolveOptions(options);
  const code = await prepareCode(resolved.code, resolved.cacheDir, resolved.codeName);
  return new FunctionPool(resolved, code.dir, code.codeSha256);
}

class FunctionPool implements LocalFunction {
  readonly name: string;
  readonly codeSha256: string | undefined;
  readonly taskRoot: string;
  readonly logFile: string | undefined;
  readonly #options: ResolvedOptions;
  readonly #store: LogStore;
  readonly #queue: Pending[] = [];
  readonly #inFlight = new Map<string, Pending>();
  readonly #instances = new Set<Instance>();
  readonly #starting = new Set<Promise<void>>();
  readonly #idleTimers = new Map<Instance, NodeJS.Timeout>();
  readonly #hooks: InstanceHooks;
  #closed = false;

  constructor(options: ResolvedOptions, taskRoot: string, codeSha256: string | undefined) {
    this.#options = options;
    this.name = options.name;
    this.taskRoot = taskRoot;
    this.codeSha256 = codeSha256;
    this.#store = new LogStore(options.name, options.logDir);
    this.logFile = this.#store.path;
    if (options.onLog) this.#store.subscribe(options.onLog);
    this.#hooks = {
      log: (record) => this.#onLog(record),
      ready: () => this.#dispatch(),
      initFailed: (_instance, error) => this.#onInitFailed(error),
      ended: (instance) => this.#onEnded(instance),
    };
  }

  invoke(event: unknown): Promise<InvokeResult> {
    // Encoded once: measured here, sent as it is by the instance.
    return this.invokeJson(JSON.stringify(event === undefined ? null : event));
  }

  invokeJson(json: string | Buffer): Promise<InvokeResult> {
    if (this.#closed) return Promise.reject(new RuntimeError("FUNCTION_CLOSED", this.name, "the function is closed"));
    const payload = typeof json === "string" ? Buffer.from(json) : json;
    const bytes = payload.length;
    if (bytes > MAX_PAYLOAD_BYTES) {
      return Promise.reject(new RuntimeError("PAYLOAD_TOO_LARGE", this.name, `the event is ${bytes} bytes; Lambda accepts at most ${MAX_PAYLOAD_BYTES}`));
    }
    return new Promise((resolve, reject) => {
      const requestId = randomUUID();
      let settled = false;
      const pending: Pending = {
        requestId,
        payload,
        logs: [],
        settle: (result) => {
          if (settled) return;
          settled = true;
          this.#inFlight.delete(requestId);
          if (result instanceof RuntimeError) reject(result);
          else resolve(result);
        },
      };
      this.#inFlight.set(requestId, pending);
      this.#queue.push(pending);
      this.#dispatch();
    });
  }

  subscribe(listener: LogListener): () => void {
    return this.#store.subscribe(listener);
  }

  stats(): FunctionStats {
    const busy = [...this.#instances].filter((instance) => instance.state === "busy").length;
    return { instances: this.#instances.size + this.#starting.size, busy, queued: this.#queue.length };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue.length = 0;
    for (const pending of [...this.#inFlight.values()])
      pending.settle(new RuntimeError("FUNCTION_CLOSED", this.name, "the function was closed before the invocation finished"));
    for (const timer of this.#idleTimers.values()) clearTimeout(timer);
    this.#idleTimers.clear();
    await Promise.all(this.#starting);
    await Promise.all([...this.#instances].map((instance) => instance.stop()));
    await this.#store.close();
  }

  // Hands queued invocations to ready instances, warmest first, and starts
  // instances while more are queued than will soon be free.
  #dispatch(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      const instance = this.#warmestReady();
      if (instance !== undefined) {
        this.#run(instance, this.#queue.shift()!);
        continue;
      }
      const soon = [...this.#instances].filter((each) => each.state === "starting" || each.state === "settling").length + this.#starting.size;
      const total = this.#instances.size + this.#starting.size;
      if (this.#queue.length <= soon || total >= this.#options.concurrency) break;
      this.#spawn();
    }
    for (const instance of this.#instances) if (instance.state === "ready") this.#keepIdle(instance);
  }

  #warmestReady(): Instance | undefined {
    let best: Instance | undefined;
    for (const instance of this.#instances) {
      if (instance.state === "ready" && (best === undefined || instance.lastUsed > best.lastUsed)) best = instance;
    }
    return best;
  }

  #run(instance: Instance, pending: Pending): void {
    this.#clearIdle(instance);
    const dispatch: Dispatch = {
      requestId: pending.requestId,
      payload: pending.payload,
      traceId: traceId(),
      finish: (outcome, report) => finish(pending, outcome, report),
    };
    instance.run(dispatch);
  }

  #spawn(): void {
    const starting: Promise<void> = this.#ensureCode()
      .then(() => Instance.start(this.#options, this.taskRoot, this.#hooks))
      .then(
        (instance) => {
          this.#starting.delete(starting);
          this.#instances.add(instance);
          if (this.#closed) void instance.stop();
        },
        (error: unknown) => {
          this.#starting.delete(starting);
          this.#queue.shift()?.settle(new RuntimeError("FUNCTION_CLOSED", this.name, `could not start an instance: ${String(error)}`, { cause: error }));
        },
      );
    this.#starting.add(starting);
  }

  // An extracted zip stays in the cache while an instance runs in it; an idle
  // function's may have been removed to bound the cache: extract it again.
  async #ensureCode(): Promise<void> {
    if (this.codeSha256 === undefined) return;
    if (existsSync(this.taskRoot)) await touchEntry(this.taskRoot);
    else await prepareCode(this.#options.code, this.#options.cacheDir, this.#options.codeName);
  }

  #keepIdle(instance: Instance): void {
    if (this.#idleTimers.has(instance)) return;
    const timer = setTimeout(() => {
      this.#idleTimers.delete(instance);
      if (instance.state === "ready") void instance.stop();
    }, this.#options.idleTimeout * 1000);
    this.#idleTimers.set(instance, timer);
  }

  #clearIdle(instance: Instance): void {
    const timer = this.#idleTimers.get(instance);
    if (timer !== undefined) clearTimeout(timer);
    this.#idleTimers.delete(instance);
  }

  // A cold start that failed fails the invocation waiting longest, as
  // Lambda fails the invocation that caused the cold start.
  #onInitFailed(error: FunctionError): void {
    const pending = this.#queue.shift();
    if (pending === undefined) return;
    const report: InvocationReport = { durationMs: 0, billedDurationMs: 0, memorySizeMB: this.#options.memorySize, maxMemoryUsedMB: 0, status: "error" };
    finish(pending, { ok: false, error }, report);
  }

  #onEnded(instance: Instance): void {
    this.#instances.delete(instance);
    this.#clearIdle(instance);
    this.#dispatch();
  }

  #onLog(record: LogRecord): void {
    this.#store.write(record);
    if (record.requestId !== null) this.#inFlight.get(record.requestId)?.logs.push(record);
  }
}

/** Settles an invocation with its outcome, the log lines it wrote and its REPORT figures. */
function finish(pending: Pending, outcome: Outcome, report: InvocationReport): void {
  pending.settle({ ...outcome, requestId: pending.requestId, logs: pending.logs, report });
}

/** An X-Ray trace header as Lambda passes it: `Root=1-<time hex>-<24 hex>;Parent=<16 hex>;Sampled=0`. */
function traceId(): string {
  const time = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${time}-${randomBytes(12).toString("hex")};Parent=${randomBytes(8).toString("hex")};Sampled=0`;
}
