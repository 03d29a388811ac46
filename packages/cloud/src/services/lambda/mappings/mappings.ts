// The event source mappings of the daemon at run time: one run per enabled
// mapping (its kind's run(), see event-source.ts), started when the daemon
// starts, when a mapping is created or enabled, restarted when it or its
// function changes, stopped when it is disabled or deleted. State
// transitions settle on the next turn of the event loop: Create answers
// Creating, and the mapping is Enabled (or Disabled) by the next request.
import { RuntimeError } from "@closure-pack/runtime";
import type { CloudContext, InvocationOutcome } from "../../service.js";
import { DEFAULT_CONCURRENCY, type FunctionRunner } from "../function-runner.js";
import type { FunctionStore } from "../function-store.js";
import { functionArn } from "../function-config.js";
import type { EventSourceKind, MappingRun } from "./event-source.js";
import { kindOf } from "./event-sources.js";
import { MappingStore, type MappingRow } from "./mapping-store.js";

interface Running {
  controller: AbortController;
  lastResult: string | null;
}

export class EventSourceMappings {
  readonly store: MappingStore;
  readonly #context: CloudContext;
  readonly #functions: FunctionStore;
  readonly #runner: FunctionRunner;
  readonly #runs = new Map<string, Running>();
  #closed = false;

  constructor(context: CloudContext, functions: FunctionStore, runner: FunctionRunner) {
    this.#context = context;
    this.#functions = functions;
    this.#runner = runner;
    this.store = new MappingStore(context.db);
  }

  kindOf(eventSourceArn: string): EventSourceKind | undefined {
    return kindOf(eventSourceArn);
  }

  /** Settles what a previous daemon left mid-transition and starts every enabled mapping. */
  start(): void {
    for (const row of this.store.all()) this.#settle(row.uuid);
  }

  /** A mapping was created or updated: settle its state next turn and (re)start or stop its run. */
  changed(uuid: string): void {
    setImmediate(() => this.#settle(uuid));
  }

  /** A mapping was deleted: its run stops (batches in flight finish). */
  deleted(uuid: string): void {
    this.#stop(uuid);
  }

  close(): void {
    this.#closed = true;
    for (const uuid of [...this.#runs.keys()]) this.#stop(uuid);
  }

  #settle(uuid: string): void {
    if (this.#closed) return;
    this.#stop(uuid);
    const row = this.store.get(uuid);
    if (row === undefined) return;
    const state = row.enabled ? "Enabled" : "Disabled";
    if (row.state !== state) this.store.setState(uuid, state);
    const kind = kindOf(row.eventSourceArn);
    if (row.enabled && kind !== undefined) this.#start(row, kind);
  }

  #stop(uuid: string): void {
    this.#runs.get(uuid)?.controller.abort();
    this.#runs.delete(uuid);
  }

  #start(row: MappingRow, kind: EventSourceKind): void {
    const running: Running = { controller: new AbortController(), lastResult: row.lastResult };
    this.#runs.set(row.uuid, running);
    const run = this.#runFor(row, running);
    kind.run(run).catch((error: unknown) => {
      // A kind's bug, not a source problem: say so and leave the mapping stopped until it changes.
      run.report(`PROBLEM: the local cloud's ${kind.name} poller failed: ${error instanceof Error ? error.message : String(error)}`);
      process.stderr.write(`event source mapping ${row.uuid}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    });
  }

  #runFor(row: MappingRow, running: Running): MappingRun {
    const { signal } = running.controller;
    const clock = this.#context.clock;
    return {
      mapping: {
        uuid: row.uuid,
        functionName: row.functionName,
        functionArn: functionArn(row.region, row.functionName),
        region: row.region,
        eventSourceArn: row.eventSourceArn,
        settings: row.settings,
      },
      context: this.#context,
      clock,
      signal,
      invoke: (payload) => this.#invoke(row.functionName, payload),
      concurrency: () => this.#concurrency(row),
      report: (result) => {
        if (running.lastResult === result || this.#closed) return;
        running.lastResult = result;
        this.store.setLastResult(row.uuid, result);
      },
      sleep: (ms) => clock.waitUntil(clock.now() + ms, signal).catch(() => undefined),
      checkpoints: { get: (key) => this.store.checkpoint(row.uuid, key), set: (key, value) => this.store.setCheckpoint(row.uuid, key, value) },
    };
  }

  #concurrency(row: MappingRow): number {
    const fn = this.#functions.get(row.functionName);
    if (fn === undefined) return 0;
    const limit = fn.reservedConcurrency ?? DEFAULT_CONCURRENCY;
    return Math.min(limit, row.settings.ScalingConfig?.MaximumConcurrency ?? limit);
  }

  async #invoke(name: string, payload: string): Promise<InvocationOutcome> {
    const fn = this.#functions.get(name);
    if (fn === undefined) return { ok: false, errorType: "ResourceNotFoundException", errorMessage: `Function not found: ${name}` };
    try {
      const result = await this.#runner.invoke(fn, payload);
      return result.ok
        ? { ok: true, payload: JSON.stringify(result.value ?? null) }
        : { ok: false, errorType: result.error.errorType, errorMessage: result.error.errorMessage };
    } catch (error) {
      // The instance could not be made or died mid-batch: a failed invocation.
      const type = error instanceof RuntimeError ? `Runtime.${error.code}` : "Runtime.Unknown";
      return { ok: false, errorType: type, errorMessage: error instanceof Error ? error.message : String(error) };
    }
  }
}
