// One function instance: a `node bootstrap.mjs` child and its Runtime API
// server. Hands it one invocation at a time, enforces the timeout by killing
// it, turns its output into log records and frames each invocation with
// START, END and REPORT. Which instance runs what is function.ts's business.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { bootstrapDir, bootstrapFile } from "./bootstrap-path.js";
import { buildEnvironment, functionArn, FUNCTION_VERSION, logStreamName, memoryFlags } from "./environment.js";
import { endLine, reportLine, startLine, type InvocationReport, type LogLevel, type LogRecord } from "./log-record.js";
import {
  exitError,
  exitReason,
  parseFunctionError,
  parseResponse,
  responseTooLargeError,
  timeoutError,
  timeoutMessage,
  type FunctionError,
  type Outcome,
} from "./invocation.js";
import type { ResolvedOptions } from "./options.js";
import { LineSplitter, parseLine } from "./output-lines.js";
import { startRuntimeApi, type RuntimeApiServer } from "./runtime-api.js";

/** One invocation handed to an instance. */
export interface Dispatch {
  requestId: string;
  /** The event as JSON, UTF-8. */
  payload: Buffer;
  traceId: string;
  /** Called once, after END and REPORT are logged. */
  finish(outcome: Outcome, report: InvocationReport): void;
}

export interface InstanceHooks {
  log(record: LogRecord): void;
  /** The runtime waits for an event. */
  ready(instance: Instance): void;
  /** The runtime ended before it was ready: its init error, or why it exited. */
  initFailed(instance: Instance, error: FunctionError): void;
  /** The process is gone and the server closed. */
  ended(instance: Instance): void;
}

/** starting: loading the handler; ready: waiting on /next; busy: running; settling: answered, not yet back on /next. */
export type InstanceState = "starting" | "ready" | "busy" | "settling" | "ended";

interface Running {
  dispatch: Dispatch;
  startedAt: number;
  timer: NodeJS.Timeout;
  outcome: Outcome | undefined;
  durationMs: number;
  markers: number;
  timedOut: boolean;
  /** Reads the process's peak memory while it runs: a crash leaves nothing to read. */
  sampler: NodeJS.Timeout;
}

// How often a running invocation's peak memory is read (a cheap /proc read):
// after a crash, REPORT shows the last figure read.
const MEMORY_SAMPLE_MS = 100;

// How long to wait for the child's pipes to close after it exited (a
// grandchild may hold them) before finishing without its last lines.
const PIPE_GRACE_MS = 500;

export class Instance {
  state: InstanceState = "starting";
  /** When it last finished an invocation (for idle ends). */
  lastUsed = 0;
  readonly #options: ResolvedOptions;
  readonly #hooks: InstanceHooks;
  readonly #spawnedAt = performance.now();
  #server!: RuntimeApiServer;
  #child!: ChildProcess;
  #pendingNext: ServerResponse | undefined;
  #running: Running | undefined;
  #initDurationMs: number | undefined;
  #initError: FunctionError | undefined;
  #initTimer: NodeJS.Timeout | undefined;
  #maxRssKB = 0;
  #ended!: Promise<void>;
  #splitters: LineSplitter[] = [];
  /** AWS_LAMBDA_LOG_STREAM_NAME: every record of this instance names it. */
  readonly #logStream = logStreamName(new Date());

  private constructor(options: ResolvedOptions, hooks: InstanceHooks) {
    this.#options = options;
    this.#hooks = hooks;
  }

  /** Starts the server and the runtime process; the hooks say when it is ready. */
  static async start(options: ResolvedOptions, taskRoot: string, hooks: InstanceHooks): Promise<Instance> {
    const instance = new Instance(options, hooks);
    await instance.#start(taskRoot);
    return instance;
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  async #start(taskRoot: string): Promise<void> {
    this.#server = await startRuntimeApi({
      next: (res) => this.#onNext(res),
      result: (id, kind, body, type) => this.#onResult(id, kind, body, type),
      initError: (body, type) => void (this.#initError = parseFunctionError(body, type)),
    });
    const env = buildEnvironment(this.#options, {
      taskRoot,
      runtimeDir: bootstrapDir(),
      runtimeApi: this.#server.address,
      logStreamName: this.#logStream,
    });
    const client = this.#options.runtimeClient;
    const [command, args] = client ? [client.command, client.args] : [process.execPath, [...memoryFlags(this.#options.memorySize), bootstrapFile()]];
    // fd 3 is a pipe the child only watches: when this process dies, even by
    // kill -9, it closes and the bootstrap exits (bootstrap/parent-watch.mjs).
    const child = spawn(command, args, { cwd: taskRoot, env, stdio: ["ignore", "pipe", "pipe", "pipe"] });
    // An init that never finishes must not hold its invocations forever:
    // past Lambda's init limit the instance is killed and the init fails.
    const initTimer = setTimeout(() => {
      if (this.state !== "starting") return;
      this.#initError = { errorType: "Runtime.InitTimeout", errorMessage: `Init timed out after ${this.#options.initTimeout.toFixed(2)} seconds`, trace: [] };
      child.kill("SIGKILL");
    }, this.#options.initTimeout * 1000);
    this.#initTimer = initTimer;
    child.once("exit", () => clearTimeout(initTimer));
    this.#child = child;
    this.#ended = new Promise((resolve) => this.#watchExit(child, resolve));
    for (const source of ["stdout", "stderr"] as const) {
      const splitter = new LineSplitter(
        (line) => this.#onLine(line, source),
        (fields) => this.#onMarker(fields),
      );
      this.#splitters.push(splitter);
      child[source]!.setEncoding("utf8").on("data", (chunk: string) => splitter.push(chunk));
    }
  }

  /** Sends one invocation; only when the state is "ready". */
  run(dispatch: Dispatch): void {
    const res = this.#pendingNext;
    if (this.state !== "ready" || res === undefined) throw new Error(`instance is ${this.state}, not ready`);
    this.#pendingNext = undefined;
    this.state = "busy";
    const timeoutMs = this.#options.timeout * 1000;
    this.#log("platform", "INFO", startLine(dispatch.requestId, FUNCTION_VERSION), dispatch.requestId);
    const timer = setTimeout(() => this.#onTimeout(), timeoutMs);
    this.#measureMemory();
    const sampler = setInterval(() => this.#measureMemory(), MEMORY_SAMPLE_MS).unref();
    this.#running = { dispatch, startedAt: performance.now(), timer, sampler, outcome: undefined, durationMs: 0, markers: 0, timedOut: false };
    res.writeHead(200, {
      "Content-Type": "application/json",
      "Lambda-Runtime-Aws-Request-Id": dispatch.requestId,
      "Lambda-Runtime-Deadline-Ms": String(Date.now() + timeoutMs),
      "Lambda-Runtime-Invoked-Function-Arn": functionArn(this.#options),
      "Lambda-Runtime-Trace-Id": dispatch.traceId,
      "Content-Length": dispatch.payload.length,
    });
    res.end(dispatch.payload);
  }

  /** Kills the process (if alive) and resolves once it and the server are gone. */
  stop(): Promise<void> {
    if (this.state !== "ended") this.#child.kill("SIGKILL");
    return this.#ended;
  }

  #onNext(res: ServerResponse): void {
    this.#pendingNext = res;
    if (this.state === "starting") {
      clearTimeout(this.#initTimer);
      this.#initDurationMs = performance.now() - this.#spawnedAt;
      this.#becomeReady();
    } else if (this.state === "settling") {
      this.#becomeReady();
    }
    // busy: the answer's END is still waiting for the last output lines; #complete() picks the request up.
  }

  #becomeReady(): void {
    this.state = "ready";
    this.#hooks.ready(this);
  }

  #onResult(requestId: string, kind: "response" | "error", body: Buffer | undefined, errorType: string | undefined): number {
    const running = this.#running;
    if (running === undefined || running.dispatch.requestId !== requestId || running.outcome !== undefined) return 400;
    running.durationMs = performance.now() - running.startedAt;
    if (body === undefined) running.outcome = { ok: false, error: responseTooLargeError() };
    else if (kind === "response") running.outcome = { ok: true, value: parseResponse(body) };
    else running.outcome = { ok: false, error: parseFunctionError(body, errorType) };
    this.#completeWhenFlushed();
    return body === undefined ? 413 : 202;
  }

  #onMarker(fields: string[]): void {
    const running = this.#running;
    if (running === undefined || fields[0] !== running.dispatch.requestId) return;
    running.markers += 1;
    const rss = Number(fields[1]);
    if (fields[1] !== undefined && Number.isFinite(rss)) this.#maxRssKB = Math.max(this.#maxRssKB, rss);
    this.#completeWhenFlushed();
  }

  // Both streams must have reached the invocation's end marker: only then
  // has every line it wrote been logged, and END may follow.
  #completeWhenFlushed(): void {
    const running = this.#running;
    const flushed = running !== undefined && (running.markers >= 2 || this.#options.runtimeClient !== undefined);
    if (running?.outcome !== undefined && flushed) this.#complete(running, running.outcome, "success");
  }

  #complete(running: Running, outcome: Outcome, status: InvocationReport["status"]): void {
    clearTimeout(running.timer);
    clearInterval(running.sampler);
    this.#running = undefined;
    this.lastUsed = performance.now();
    const { requestId } = running.dispatch;
    const report: InvocationReport = {
      durationMs: running.durationMs,
      billedDurationMs: Math.max(1, Math.ceil(running.durationMs)),
      memorySizeMB: this.#options.memorySize,
      maxMemoryUsedMB: Math.ceil(this.#maxRssKB / 1024),
      status: status === "success" && !outcome.ok ? "error" : status,
    };
    if (this.#initDurationMs !== undefined) report.initDurationMs = this.#initDurationMs;
    this.#initDurationMs = undefined;
    this.#log("platform", "INFO", endLine(requestId), requestId);
    this.#log("platform", "INFO", reportLine(requestId, report), requestId, report);
    if (this.state === "busy") this.state = this.#pendingNext === undefined ? "settling" : "ready";
    running.dispatch.finish(outcome, report);
    if (this.state === "ready") this.#hooks.ready(this);
  }

  #onTimeout(): void {
    const running = this.#running;
    if (running === undefined || running.outcome !== undefined) return;
    running.timedOut = true;
    running.durationMs = this.#options.timeout * 1000;
    this.#measureMemory();
    this.#child.kill("SIGKILL");
  }

  #measureMemory(): void {
    if (this.state !== "ended") this.#maxRssKB = Math.max(this.#maxRssKB, peakRssKB(this.#child.pid));
  }

  #watchExit(child: ChildProcess, resolve: () => void): void {
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let done = false;
    const finish = () => {
      if (done || exit === undefined) return;
      done = true;
      this.#onEnded(exit.code, exit.signal).then(resolve, resolve);
    };
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      setTimeout(finish, PIPE_GRACE_MS).unref();
    });
    child.on("close", finish);
    child.on("error", (error) => {
      // spawn itself failed (no node?): there will be no exit event.
      exit = { code: null, signal: null };
      this.#initError ??= { errorType: "Runtime.ExitError", errorMessage: `Error: cannot start the runtime: ${error.message}`, trace: [] };
      finish();
    });
  }

  async #onEnded(code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    for (const splitter of this.#splitters) splitter.flush();
    const wasStarting = this.state === "starting";
    this.state = "ended";
    this.#pendingNext = undefined;
    const running = this.#running;
    if (running !== undefined) this.#failRunning(running, code, signal);
    else if (wasStarting) {
      const error = this.#initError ?? exitError(undefined, exitReason(code, signal));
      this.#log(
        "platform",
        "INFO",
        `INIT_REPORT Init Duration: ${(performance.now() - this.#spawnedAt).toFixed(2)} ms\tPhase: init\tStatus: error\tError Type: ${error.errorType}`,
        null,
      );
      this.#hooks.initFailed(this, error);
    }
    await this.#server.close();
    this.#hooks.ended(this);
  }

  #failRunning(running: Running, code: number | null, signal: NodeJS.Signals | null): void {
    const { requestId } = running.dispatch;
    if (running.outcome !== undefined) return this.#complete(running, running.outcome, "success");
    if (running.timedOut) {
      this.#log("platform", "INFO", `${new Date().toISOString()} ${requestId} ${timeoutMessage(this.#options.timeout)}`, requestId);
      return this.#complete(running, { ok: false, error: timeoutError(requestId, this.#options.timeout) }, "timeout");
    }
    running.durationMs = performance.now() - running.startedAt;
    const error = exitError(requestId, exitReason(code, signal));
    this.#log("platform", "INFO", `${error.errorMessage}\n${error.errorType}`, requestId);
    this.#complete(running, { ok: false, error }, "crash");
  }

  #onLine(line: string, source: "stdout" | "stderr"): void {
    const parsed = parseLine(line, source, new Date());
    const requestId = parsed.requestId === undefined ? (this.#running?.dispatch.requestId ?? null) : parsed.requestId;
    this.#hooks.log({
      timestamp: parsed.timestamp,
      function: this.#options.name,
      logStream: this.#logStream,
      requestId,
      level: parsed.level,
      source,
      message: parsed.message,
    });
  }

  #log(source: LogRecord["source"], level: LogLevel, message: string, requestId: string | null, report?: InvocationReport): void {
    const record: LogRecord = {
      timestamp: new Date().toISOString(),
      function: this.#options.name,
      logStream: this.#logStream,
      requestId,
      level,
      source,
      message,
    };
    if (report !== undefined) record.report = report;
    this.#hooks.log(record);
  }
}

/** The process's peak resident memory (VmHWM) in KB, where /proc has it; 0 elsewhere. */
function peakRssKB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
