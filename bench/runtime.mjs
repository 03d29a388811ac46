// Benchmark (issue 4, "Performance"): closure-pack's local Lambda runtime
// (@closure-pack/runtime) against lambda-local (npm), both running the same
// empty handler (bench/runtime/handler/index.cjs), in the same run:
//  - cold start: a new function instance to its first answer, median of N;
//  - warm overhead: p50 and p99 of sequential invocations of a warm instance;
//  - throughput: 1,000 small events on one function, concurrency 2.
// closure-pack runs in this process (its instances are child processes
// speaking the Runtime API); lambda-local runs in fresh child processes
// (bench/runtime/lambda-local-child.mjs), since it runs handlers inside the
// calling process. Prints markdown on stdout; progress goes to stderr.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { createFunction } from "@closure-pack/runtime";
import { machineFacts } from "./lib/machine.mjs";
import { benchDir, ensureBuilt, ensurePeers, peersDir, root } from "./lib/prepare.mjs";
import { resultOf } from "./lib/result-line.mjs";
import { median, progress } from "./lib/stats.mjs";

const quick = process.argv.includes("--quick");
const sizes = quick ? { cold: 3, warm: 200, events: 200 } : { cold: 10, warm: 1_000, events: 1_000 };
const CONCURRENCY = 2;
const WARM_UP = 50;
const targets = { warmP50Ms: 2, coldMs: 150, eventsPerSecond: 500 };

const handlerDir = join(benchDir, "runtime", "handler");
const handlerFile = join(handlerDir, "index.cjs");
const childScript = join(benchDir, "runtime", "lambda-local-child.mjs");

/** Nearest-rank percentile. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

let functions = 0;
function newFunction(concurrency) {
  functions += 1;
  return createFunction({ name: `bench-runtime-${functions}`, code: handlerDir, handler: "index.handler", timeout: 10, concurrency });
}

async function invokeChecked(fn, n) {
  const result = await fn.invoke({ n });
  if (!result.ok) throw new Error(`closure-pack runtime failed: ${result.error.errorType}: ${result.error.errorMessage}`);
  if (result.value?.n !== n) throw new Error(`closure-pack runtime answered ${JSON.stringify(result.value)} for n=${n}`);
  return result;
}

// ---- closure-pack's runtime ----

async function closurePackCold() {
  const times = [];
  const inits = [];
  // One untimed round first, so the disk cache and node's own start-up files are warm for every measured one.
  for (let i = 0; i <= sizes.cold; i++) {
    const t = performance.now();
    const fn = await newFunction(1);
    try {
      const result = await invokeChecked(fn, i);
      const ms = performance.now() - t;
      if (i > 0) {
        times.push(ms);
        if (result.report?.initDurationMs !== undefined) inits.push(result.report.initDurationMs);
      }
    } finally {
      await fn.close();
    }
  }
  return { ms: median(times), initMs: inits.length > 0 ? median(inits) : undefined, n: times.length };
}

async function closurePackWarm() {
  const fn = await newFunction(1);
  try {
    for (let i = 0; i < WARM_UP; i++) await invokeChecked(fn, i);
    const times = [];
    const durations = [];
    for (let i = 0; i < sizes.warm; i++) {
      const t = performance.now();
      const result = await invokeChecked(fn, i);
      times.push(performance.now() - t);
      durations.push(result.report.durationMs);
    }
    return { p50: percentile(times, 50), p99: percentile(times, 99), handlerP50: percentile(durations, 50), n: times.length };
  } finally {
    await fn.close();
  }
}

async function closurePackThroughput() {
  const fn = await newFunction(CONCURRENCY);
  try {
    // Both instances started and warm before the clock starts.
    await Promise.all(Array.from({ length: WARM_UP }, (_, i) => invokeChecked(fn, i)));
    const t = performance.now();
    // Every event at once: the runtime runs CONCURRENCY of them and queues the rest.
    await Promise.all(Array.from({ length: sizes.events }, (_, i) => invokeChecked(fn, i)));
    const ms = performance.now() - t;
    return { ms, perSecond: (sizes.events / ms) * 1000, instances: fn.stats().instances };
  } finally {
    await fn.close();
  }
}

// ---- lambda-local, in fresh processes ----

function lambdaLocalChild(mode, count = 0) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [childScript, mode, handlerFile, peersDir, String(count), String(CONCURRENCY)], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  const wallMs = performance.now() - started;
  const result = resultOf(child.stdout);
  if (!result)
    throw new Error(
      `lambda-local ${mode} failed: ${(child.stderr || child.error?.message || `exit ${child.status ?? child.signal}`).trim().split("\n").slice(-3).join(" ")}`,
    );
  return { ...result, wallMs };
}

function lambdaLocalCold() {
  const inProcess = [];
  const wall = [];
  for (let i = 0; i <= sizes.cold; i++) {
    const r = lambdaLocalChild("cold");
    if (i === 0) continue;
    inProcess.push(r.coldMs);
    wall.push(r.wallMs);
  }
  return { ms: median(inProcess), processMs: median(wall), n: inProcess.length };
}

function lambdaLocalWarm() {
  const { times } = lambdaLocalChild("warm", sizes.warm);
  return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length };
}

function lambdaLocalThroughput() {
  const { ms } = lambdaLocalChild("throughput", sizes.events);
  return { ms, perSecond: (sizes.events / ms) * 1000 };
}

// ---- report ----

const fmt = (n, digits = 2) => (n === undefined ? "–" : n.toFixed(digits));
const int = (n) => Math.round(n).toLocaleString("en-US");
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? "–" : `${(a / b).toFixed(2)}x`);

/** `run`'s result, or its error's first line (a synchronous `run` too). */
async function settle(run) {
  try {
    return { ok: true, ...(await run()) };
  } catch (error) {
    return { ok: false, error: String(error?.message ?? error).split("\n")[0] };
  }
}

function targetLine(name, value, limit, atMost, unit) {
  if (value === undefined) return `- ${name}: not measured; target ${atMost ? "≤" : "≥"} ${limit} ${unit}`;
  const met = atMost ? value <= limit : value >= limit;
  return `- ${name}: ${unit === "events/s" ? int(value) : fmt(value)} ${unit} (target ${atMost ? "≤" : "≥"} ${limit} ${unit}) ${met ? "met" : "MISSED"}`;
}

function report(cp, ll, versions) {
  const { commit, node, machine } = machineFacts(root);
  const v = (r, f) => (r.ok ? f(r) : undefined);
  const cell = (r, f) => (r.ok ? f(r) : `failed: ${r.error.replaceAll("|", "\\|")}`);
  const rows = [
    [
      "cold start ms (median)",
      cell(cp.cold, (r) => fmt(r.ms, 1)),
      cell(ll.cold, (r) => fmt(r.ms, 1)),
      ratio(
        v(cp.cold, (r) => r.ms),
        v(ll.cold, (r) => r.ms),
      ),
      `≤ ${targets.coldMs}`,
    ],
    [
      "warm invoke ms p50",
      cell(cp.warm, (r) => fmt(r.p50, 3)),
      cell(ll.warm, (r) => fmt(r.p50, 3)),
      ratio(
        v(cp.warm, (r) => r.p50),
        v(ll.warm, (r) => r.p50),
      ),
      `≤ ${targets.warmP50Ms}`,
    ],
    [
      "warm invoke ms p99",
      cell(cp.warm, (r) => fmt(r.p99, 3)),
      cell(ll.warm, (r) => fmt(r.p99, 3)),
      ratio(
        v(cp.warm, (r) => r.p99),
        v(ll.warm, (r) => r.p99),
      ),
      "–",
    ],
    [
      `throughput events/s (${int(sizes.events)} events, concurrency ${CONCURRENCY})`,
      cell(cp.throughput, (r) => int(r.perSecond)),
      cell(ll.throughput, (r) => int(r.perSecond)),
      ratio(
        v(cp.throughput, (r) => r.perSecond),
        v(ll.throughput, (r) => r.perSecond),
      ),
      `≥ ${targets.eventsPerSecond}`,
    ],
  ];
  const out = [
    `Measured at commit ${commit}, Node ${node}, ${machine}.`,
    `Handler: bench/runtime/handler/index.cjs (an empty async handler returning a small object); lambda-local ${versions["lambda-local"] ?? "not installed"}. Ratios are closure-pack / lambda-local, from this run.`,
    `Cold: a new function to its first answer, median of ${sizes.cold} after an untimed one. Warm: ${int(sizes.warm)} sequential invocations of one warm instance after ${WARM_UP} warm-ups, time from invoke() to its answer. Throughput: wall time of ${int(sizes.events)} events after ${WARM_UP} warm-ups.`,
    "",
    "| measure | closure-pack runtime | lambda-local | closure-pack / lambda-local | target (closure-pack) |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
    "",
    "Targets (issue 4):",
    targetLine(
      "warm overhead p50",
      v(cp.warm, (r) => r.p50),
      targets.warmP50Ms,
      true,
      "ms",
    ),
    targetLine(
      "cold start",
      v(cp.cold, (r) => r.ms),
      targets.coldMs,
      true,
      "ms",
    ),
    targetLine(
      "throughput",
      v(cp.throughput, (r) => r.perSecond),
      targets.eventsPerSecond,
      false,
      "events/s",
    ),
    "",
  ];
  const notes = [
    "closure-pack runs each instance in its own `node` child process (a clean environment, `--max-old-space-size`, a timeout that kills it) and passes events over the Lambda Runtime API on 127.0.0.1; its cold start includes starting that process and the bootstrap. All events go to `invoke()` at once and the runtime queues those past the concurrency limit.",
    "lambda-local runs the handler inside the calling process: no process, no isolation of environment, globals or crashes, no memory limit; it deletes the handler from `require.cache` and requires it again on every `execute()`, so module state never survives between invocations. Its cold start is the first `execute()` in a fresh process once lambda-local is loaded; it has no concurrency limit, so throughput keeps 2 `execute()` calls in flight.",
  ];
  if (cp.cold.ok && cp.cold.initMs !== undefined)
    notes.push(`closure-pack's REPORT gives an init duration of ${fmt(cp.cold.initMs, 1)} ms (median) for those cold starts.`);
  if (ll.cold.ok)
    notes.push(`A whole fresh \`node\` process that loads lambda-local and runs the handler once takes ${fmt(ll.cold.processMs, 1)} ms (median wall).`);
  if (cp.warm.ok) notes.push(`closure-pack's REPORT duration of the empty handler (inside the instance): p50 ${fmt(cp.warm.handlerP50, 3)} ms.`);
  out.push(...notes.map((note) => `- ${note}`));
  return out.join("\n");
}

async function main() {
  const versions = ensurePeers();
  const buildStatus = ensureBuilt();
  progress(`runtime: closure-pack in this process, lambda-local in child processes; dist: ${buildStatus}`);
  const cp = {};
  const ll = {};
  progress(`cold starts (${sizes.cold} + 1 each)...`);
  cp.cold = await settle(closurePackCold);
  ll.cold = await settle(lambdaLocalCold);
  progress(`warm invocations (${sizes.warm} each)...`);
  cp.warm = await settle(closurePackWarm);
  ll.warm = await settle(lambdaLocalWarm);
  progress(`throughput (${sizes.events} events each)...`);
  cp.throughput = await settle(closurePackThroughput);
  ll.throughput = await settle(lambdaLocalThroughput);
  console.log(report(cp, ll, versions));
}

await main();
