// One measurement in a fresh process, so one serializer's heap, caches and
// inspector session never touch the other's: `node --expose-gc child.mjs <json>`.
// Tasks: "serialize" times serializeFunction on one workload; "floor" times the
// least work any serializer must do on it (floor.mjs); "overhead" times
// calls of a small handler against its serialized copy. The result is one
// JSON line on stdout prefixed with RESULT_PREFIX; failures are results too.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "../lib/stats.mjs";
import { RESULT_PREFIX } from "../lib/result-line.mjs";
import { openInspector, readScopesOfAll, writeObjectGraph } from "./floor.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { workloads, makeSmallHandler, objectGraphRoot, generatedDir } = require("./workloads.cjs");

/** @returns {(fn: Function) => Promise<{ text: string, exportName: string }>} */
function loadSerializer(name) {
  if (name === "closure-pack") {
    // Resolved through the workspace link to packages/closure/dist, as a user would.
    return require("@closure-pack/closure").serializeFunction;
  }
  if (name === "pulumi") {
    // Pulumi needs no program, engine or settings for this: requiring the
    // package (its v8Hooks module sets --allow-natives-syntax) and calling
    // runtime.serializeFunction(fn) is enough; it opens its own inspector
    // session on the first call. It is CommonJS, resolved from bench/peers.
    const peers = createRequire(join(here, "..", "peers", "package.json"));
    return peers("@pulumi/pulumi").runtime.serializeFunction;
  }
  throw new Error(`unknown serializer "${name}"`);
}

const gc = /** @type {() => void} */ (globalThis.gc ?? (() => {}));

// Runs are steady state, as in the issue's Pulumi figures: no forced GC
// between them. A full GC before every run (as this bench once did) empties
// V8's compilation cache and inline caches, so each run measured a
// half-cold process: 1.4x to 2.4x slower for both serializers. Collections
// the work itself causes stay in the times.
async function timeSerialize(serialize, fn) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await serialize(fn);
  const ms = performance.now() - start;
  const cpuMs = cpuMsSince(cpuStart);
  if (typeof result?.text !== "string") throw new Error("serializeFunction did not resolve to { text, exportName }");
  return { ms, cpuMs, bytes: Buffer.byteLength(result.text) };
}

// CPU time of the whole process (every thread, so garbage collection on
// helper threads counts): on a loaded machine it moves far less than wall
// time, which includes waiting for a core.
function cpuMsSince(start) {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

async function runSerialize({ serializer, workload, size, budget }) {
  const started = performance.now();
  const serialize = loadSerializer(serializer);
  const loadMs = performance.now() - started;
  const make = workloads[workload].build(size);
  return measure(() => timeSerialize(serialize, make()), budget, started, loadMs);
}

// The floor of a workload (floor.mjs), each run on a fresh instance of it.
async function runFloor({ workload, size, budget }) {
  const started = performance.now();
  if (workload === "object-graph") {
    return measure(() => timeWork(objectGraphRoot(size), writeObjectGraph), budget, started, 0);
  }
  if (workload === "function-chain") {
    const post = openInspector();
    const make = workloads[workload].build(size);
    return measure(() => timeWork(make(true), (functions) => readScopesOfAll(post, functions)), budget, started, 0);
  }
  throw new Error(`no floor for workload "${workload}"`);
}

/** Times `work` on `input` alone: building the input is not timed. */
async function timeWork(input, work) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const output = work(input);
  const ms = performance.now() - start;
  const cpuMs = cpuMsSince(cpuStart);
  return { ms, cpuMs, bytes: typeof output === "string" ? Buffer.byteLength(output) : 0 };
}

// First call (setup: module load done, but inspector session, lazy tables,
// cold JIT) is reported apart; then warm-up runs; then as many measured runs
// as fit the budget. `run` times one call on a fresh instance of the workload.
async function measure(run, budget, started, loadMs) {
  const elapsed = () => performance.now() - started;
  const first = await run();
  const result = {
    loadMs,
    firstMs: first.ms,
    bytes: first.bytes,
    runs: 0,
    medianMs: null,
  };
  if (elapsed() + first.ms > budget.capMs) return { ...result, note: "first call alone used the budget" };

  gc(); // once, so the first call's garbage is not charged to the measured runs
  const warmStart = performance.now();
  let estimate = first.ms;
  // Warm up only while there is room left for one measured run after it.
  const hasRoomToWarm = () => performance.now() - warmStart < budget.warmupMs && elapsed() + 2 * estimate <= budget.capMs;
  for (let i = 0; i < budget.warmupRuns && hasRoomToWarm(); i++) {
    estimate = (await run()).ms;
  }
  const wanted = Math.max(budget.minRuns, Math.min(budget.maxRuns, Math.round(budget.measureMs / Math.max(estimate, 0.001))));
  const times = [];
  const cpuTimes = [];
  while (times.length < wanted && (times.length === 0 || elapsed() + estimate <= budget.capMs)) {
    const { ms, cpuMs } = await run();
    times.push(ms);
    cpuTimes.push(cpuMs);
  }
  return {
    ...result,
    runs: times.length,
    medianMs: median(times),
    minMs: Math.min(...times),
    medianCpuMs: median(cpuTimes),
  };
}

// A distinct source per callee, so each loop has its own feedback and the
// call site stays monomorphic (identical `new Function` sources may share one).
function makeCallLoop(tag) {
  return new Function("f", "n", `/* ${tag} */ let s = 0; for (let i = 0; i < n; i++) s = (s + f(i)) | 0; return s;`);
}

function nsPerCall(loop, fn, calls) {
  const start = performance.now();
  loop(fn, calls);
  return ((performance.now() - start) * 1e6) / calls;
}

// The copy is loaded the way a runtime loads a handler: written to a file and required.
async function runOverhead({ serializer, budget }) {
  const serialize = loadSerializer(serializer);
  const original = makeSmallHandler();
  const { text, exportName } = await serialize(original);
  mkdirSync(generatedDir, { recursive: true });
  const file = join(generatedDir, `small-handler-${serializer}.cjs`);
  writeFileSync(file, text);
  const copy = require(file)[exportName];
  if (typeof copy !== "function") throw new Error(`the emitted module does not export a function "${exportName}"`);
  if (copy(41) !== original(41)) throw new Error(`the copy returns ${copy(41)}, the original ${original(41)}`);

  const callees = { original, copy };
  const loops = {
    original: makeCallLoop("original"),
    copy: makeCallLoop("copy"),
  };
  const calls = {};
  for (const name of ["original", "copy"]) {
    // Calibrate: double the call count until one round takes ~roundMs (also the warm-up).
    let n = 1000;
    while (nsPerCall(loops[name], callees[name], n) * n < budget.roundMs * 1e6 && n < 2 ** 30) n *= 2;
    calls[name] = n;
  }
  const samples = { original: [], copy: [] };
  for (let round = 0; round < budget.rounds; round++) {
    for (const name of ["original", "copy"]) samples[name].push(nsPerCall(loops[name], callees[name], calls[name]));
  }
  const originalNs = median(samples.original);
  const copyNs = median(samples.copy);
  return {
    originalNs,
    copyNs,
    ratio: copyNs / originalNs,
    bytes: Buffer.byteLength(text),
  };
}

function firstLine(error) {
  const message = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  return message.split("\n")[0].slice(0, 160);
}

const task = JSON.parse(process.argv[2] ?? "{}");
let result;
try {
  result = {
    ok: true,
    ...(task.task === "overhead" ? await runOverhead(task) : task.task === "floor" ? await runFloor(task) : await runSerialize(task)),
  };
} catch (error) {
  result = { ok: false, error: firstLine(error) };
}
process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
// Inspector sessions or handles a serializer left open must not keep us alive.
process.exit(0);
