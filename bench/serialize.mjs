// Benchmark: closure-pack's serializeFunction against Pulumi's
// runtime.serializeFunction on the same seeded workloads (issue 2,
// "Performance"). Each serializer runs each workload in its own child process
// (bench/serialize/child.mjs); this file installs the peers, rebuilds a stale
// dist, schedules the children and prints markdown tables. Progress goes to stderr.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { benchDir, ensureBuilt, ensurePeers, root } from "./lib/prepare.mjs";
import { resultOf } from "./lib/result-line.mjs";
import { median, progress } from "./lib/stats.mjs";

const childScript = join(benchDir, "serialize", "child.mjs");
const { workloads } = createRequire(import.meta.url)("./serialize/workloads.cjs");

const quick = process.argv.includes("--quick");
// Per child: warm up for at most warmupMs/warmupRuns, then aim for
// measureMs of measured runs (between minRuns and maxRuns), never starting a
// run that it expects to end past capMs. Run counts are bounded by time, not
// by a small cap: a call of a fifth of a millisecond needs hundreds of runs
// before V8 has optimised it (100 runs measured the trivial closure at twice
// its steady-state time). The parent kills a child that has
// not answered by capMs + graceMs (a first call that never ends, a hang).
const budget = quick
  ? {
      warmupMs: 200,
      warmupRuns: 20,
      measureMs: 1_000,
      minRuns: 1,
      maxRuns: 200,
      capMs: 8_000,
      graceMs: 4_000,
    }
  : {
      warmupMs: 500,
      warmupRuns: 200,
      measureMs: 4_000,
      minRuns: 3,
      maxRuns: 5_000,
      capMs: 20_000,
      graceMs: 5_000,
    };
const overheadBudget = quick ? { roundMs: 10, rounds: 5 } : { roundMs: 40, rounds: 15 };
const serializers = ["closure-pack", "pulumi"];
const targets = { speedup: 20, linearity: 2.3, overhead: 1.2, floor: 1.5 };
// Rounds of floor and closure-pack in alternating processes, for the ratio
// to the floor: on a shared machine the load changes within seconds, and
// alternating puts both sides under the same load.
const floorRounds = quick ? 1 : 3;

function runChild(task) {
  const timeoutMs = budget.capMs + budget.graceMs;
  const child = spawnSync(process.execPath, ["--expose-gc", childScript, JSON.stringify(task)], {
    cwd: root,
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 * 2 ** 20,
  });
  const result = resultOf(child.stdout);
  if (result !== undefined) return result;
  if (/** @type {NodeJS.ErrnoException | undefined} */ (child.error)?.code === "ETIMEDOUT")
    return {
      ok: false,
      error: `timeout: no result after ${timeoutMs / 1000} s`,
    };
  // No result line: the process itself died (out of memory, a native crash).
  const lastLine = (child.stderr ?? "").trim().split("\n").filter(Boolean).at(-1) ?? "";
  return {
    ok: false,
    error: `child exited with ${child.status ?? child.signal}: ${lastLine.slice(0, 160)}`,
  };
}

function runLogged(label, task) {
  const started = performance.now();
  const result = runChild(task);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  progress(`  ${label.padEnd(44)} ${result.ok ? "ok" : "error"} in ${seconds} s`);
  return result;
}

// Three significant digits, thousands separators: 0.0123, 5.52, 1,480.
function ms(value) {
  return Number(value.toPrecision(3)).toLocaleString("en-US", {
    maximumFractionDigits: 6,
  });
}

function times(ratio) {
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}x`;
}

function escapeCell(text) {
  return text.replaceAll("|", "\\|");
}

function medianCell(result) {
  if (result.skipped) return "skipped (no median at n)";
  if (!result.ok) return escapeCell(`error: ${result.error}`);
  if (result.medianMs === null) return `no steady run in ${budget.capMs / 1000} s (first call ${ms(result.firstMs)})`;
  return ms(result.medianMs);
}

function table(header, rows) {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function sizeLabel(workload) {
  const { label, size } = workloads[workload];
  return size === 1 ? label : `${size.toLocaleString("en-US")} ${label}`;
}

function speedupCell(ours, theirs) {
  if (!ours.ok || !theirs.ok || ours.medianMs === null || theirs.medianMs === null) return "–";
  const ratio = theirs.medianMs / ours.medianMs;
  return `${times(ratio)}${ratio >= targets.speedup ? "" : " (below target)"}`;
}

function firstCallCell(result) {
  return result.ok ? ms(result.firstMs) : "–";
}

function detailsCell(result, key) {
  if (!result.ok) return "–";
  if (key === "runs") return String(result.runs);
  return (result.bytes / 1024).toFixed(result.bytes < 10_240 ? 1 : 0);
}

// Workloads with a floor in serialize/floor.mjs: the least work any
// serializer must do on them, to check the targets against.
const FLOOR_WORKLOADS = ["function-chain", "object-graph"];

/** The floor and closure-pack on one workload in alternating processes, `floorRounds` times each. */
function floorRoundsOf(workload) {
  const size = workloads[workload].size;
  const rounds = { floor: [], "closure-pack": [] };
  for (let round = 1; round <= floorRounds; round++) {
    rounds.floor.push(runLogged(`floor ${workload} n=${size} (round ${round})`, { task: "floor", workload, size, budget }));
    rounds["closure-pack"].push(
      runLogged(`closure-pack ${workload} n=${size} (round ${round})`, { task: "serialize", serializer: "closure-pack", workload, size, budget }),
    );
  }
  return rounds;
}

/** Median over rounds of each process's median (wall and CPU), or null when a round has none. */
function overRounds(results) {
  const ok = results.filter((r) => r.ok && r.medianMs !== null);
  if (ok.length === 0) return null;
  return { wall: median(ok.map((r) => r.medianMs)), cpu: median(ok.map((r) => r.medianCpuMs)), rounds: ok.length };
}

function ratioCell(ours, floor) {
  if (!ours || !floor) return "–";
  const ratio = ours / floor;
  return `${ratio.toFixed(2)}x${ratio <= targets.floor ? "" : " (above target)"}`;
}

function floorSection(results, floors, load) {
  const rows = FLOOR_WORKLOADS.map((w) => {
    const floor = overRounds(floors[w].rounds.floor);
    const ours = overRounds(floors[w].rounds["closure-pack"]);
    const pulumi = results[w].pulumi;
    const target = pulumi.ok && pulumi.medianMs !== null ? ms(pulumi.medianMs / targets.speedup) : "–";
    const atN = floor?.wall;
    const at2n = floors[w].at2n;
    const growth = atN && at2n.ok && at2n.medianMs !== null ? (at2n.medianMs / atN).toFixed(2) : "–";
    return [
      sizeLabel(w),
      floor ? ms(floor.cpu) : "–",
      ours ? ms(ours.cpu) : "–",
      ratioCell(ours?.cpu, floor?.cpu),
      floor ? ms(floor.wall) : "–",
      ours ? ms(ours.wall) : "–",
      ratioCell(ours?.wall, floor?.wall),
      target,
      growth,
    ];
  });
  return [
    `### Against the floors (bench/serialize/floor.mjs): target closure-pack ≤ ${targets.floor}x the floor`,
    "",
    "Chain of functions: one `Runtime.getProperties` per function, the call whose answer lists its [[Scopes]] (V8 copies every variable of every scope of the function to make it). Object graph: read every own key and property descriptor, keep identity in a Map and write one declaration per object, without ordering, cycles, names, capture paths or built-in checks.",
    "",
    `The floor and closure-pack run in alternating processes, ${floorRounds} round${floorRounds === 1 ? "" : "s"} each; each figure is the median over rounds of a process's median. CPU: the process's CPU time per call (every thread, garbage collection included), which a loaded machine disturbs far less than wall time. Load average (1 min) during these rounds: ${load.before.toFixed(1)} before, ${load.after.toFixed(1)} after, on ${cpus().length} cores.`,
    "",
    table(
      [
        "workload",
        "floor CPU (ms)",
        "closure-pack CPU (ms)",
        "CPU ratio",
        "floor wall (ms)",
        "closure-pack wall (ms)",
        "wall ratio",
        `Pulumi / ${targets.speedup} (ms)`,
        "floor growth at 2n",
      ],
      rows,
    ),
  ];
}

function main() {
  const versions = ensurePeers();
  const buildStatus = ensureBuilt();
  const names = Object.keys(workloads);
  const results = {};
  progress(`serialize: each serializer per workload in its own process (cap ${budget.capMs / 1000} s each)`);
  for (const workload of names) {
    results[workload] = {};
    for (const serializer of serializers) {
      const { size } = workloads[workload];
      const task = { task: "serialize", serializer, workload, size, budget };
      results[workload][serializer] = runLogged(`${serializer} ${workload} n=${size}`, task);
    }
  }
  const linearity = {};
  for (const workload of names.filter((name) => workloads[name].scalable)) {
    const single = results[workload]["closure-pack"];
    // Without a median at n there is nothing to compare 2n with: save the time.
    if (!single.ok || single.medianMs === null) {
      linearity[workload] = { ok: true, skipped: true };
      continue;
    }
    const size = workloads[workload].size * 2;
    const task = {
      task: "serialize",
      serializer: "closure-pack",
      workload,
      size,
      budget,
    };
    linearity[workload] = runLogged(`closure-pack ${workload} n=${size}`, task);
  }
  const floors = {};
  const load = { before: loadavg()[0], after: 0 };
  for (const workload of FLOOR_WORKLOADS) {
    const size = workloads[workload].size * 2;
    floors[workload] = {
      rounds: floorRoundsOf(workload),
      at2n: runLogged(`floor ${workload} n=${size}`, { task: "floor", workload, size, budget }),
    };
  }
  load.after = loadavg()[0];
  const overhead = {};
  for (const serializer of serializers) {
    overhead[serializer] = runLogged(`${serializer} per-call overhead`, {
      task: "overhead",
      serializer,
      budget: overheadBudget,
    });
  }

  const pulumiVersion = versions["@pulumi/pulumi"] ?? "not installed";
  const loadTimes = serializers.map((s) => {
    const loaded = names.map((w) => results[w][s]).find((r) => r.ok);
    return `${s} ${loaded ? `${ms(loaded.loadMs)} ms` : "–"}`;
  });
  const out = [
    `closure-pack: packages/closure/dist (${buildStatus}); Pulumi: @pulumi/pulumi ${pulumiVersion}${quick ? "; --quick: short, noisy runs" : ""}`,
    "",
    `### Steady state: median ms per serializeFunction call (target: Pulumi / closure-pack ≥ ${targets.speedup}x)`,
    "",
    table(
      ["workload", "closure-pack (ms)", `Pulumi ${pulumiVersion} (ms)`, "Pulumi / closure-pack"],
      names.map((w) => [
        sizeLabel(w),
        medianCell(results[w]["closure-pack"]),
        medianCell(results[w].pulumi),
        speedupCell(results[w]["closure-pack"], results[w].pulumi),
      ]),
    ),
    "",
    "### First call and run counts",
    "",
    `First call: the first serializeFunction in a fresh process (inspector session, lazy setup, cold JIT), after loading the module (load: ${loadTimes.join(", ")}). Output: emitted text in KiB.`,
    "",
    table(
      ["workload", "closure-pack first (ms)", "Pulumi first (ms)", "runs (cp / Pulumi)", "output KiB (cp / Pulumi)"],
      names.map((w) => {
        const [cp, pu] = [results[w]["closure-pack"], results[w].pulumi];
        return [
          sizeLabel(w),
          firstCallCell(cp),
          firstCallCell(pu),
          `${detailsCell(cp, "runs")} / ${detailsCell(pu, "runs")}`,
          `${detailsCell(cp, "bytes")} / ${detailsCell(pu, "bytes")}`,
        ];
      }),
    ),
    "",
    `### Linearity: closure-pack median ms at n and 2n (target: ratio ≤ ${targets.linearity})`,
    "",
    table(
      ["workload", "n", "ms at n", "2n", "ms at 2n", "ratio"],
      Object.entries(linearity).map(([w, doubled]) => {
        const single = results[w]["closure-pack"];
        const n = workloads[w].size;
        const both = single.ok && doubled.ok && single.medianMs !== null && doubled.medianMs !== null;
        const ratio = both ? doubled.medianMs / single.medianMs : null;
        const ratioCell = ratio === null ? "–" : `${ratio.toFixed(2)}${ratio <= targets.linearity ? "" : " (above target)"}`;
        return [workloads[w].label, n.toLocaleString("en-US"), medianCell(single), (2 * n).toLocaleString("en-US"), medianCell(doubled), ratioCell];
      }),
    ),
    "",
    ...floorSection(results, floors, load),
    "",
    `### Per-call overhead of the emitted handler: \`(x) => x + captured.a\` (target for closure-pack: copy / original ≤ ${targets.overhead})`,
    "",
    table(
      ["serializer", "original (ns/call)", "serialized copy (ns/call)", "added (ns/call)", "copy / original"],
      serializers.map((s) => {
        const r = overhead[s];
        if (!r.ok) return [s, "–", escapeCell(`error: ${r.error}`), "–", "–"];
        const ratio = `${times(r.ratio)}${s === "closure-pack" && r.ratio > targets.overhead ? " (above target)" : ""}`;
        return [s, ms(r.originalNs), ms(r.copyNs), ms(r.copyNs - r.originalNs), ratio];
      }),
    ),
  ];
  console.log(out.join("\n"));
}

main();
