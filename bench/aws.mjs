// Benchmark (issue 9): the seed program deployed to moto_server (the AWS
// API anchor) through the engine: the first up, an up with nothing to change
// (the calls made must be reads only), and a one-handler edit (exactly one
// UpdateFunctionCode). Each up runs in its own process (bench/aws/child.mjs);
// the no-change up is the median of N after a warm-up. Markdown on stdout.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { describeMachine } from "./lib/machine.mjs";
import { benchDir, ensureBuilt, root } from "./lib/prepare.mjs";
import { resultOf } from "./lib/result-line.mjs";
import { median, progress } from "./lib/stats.mjs";

const runs = process.argv.includes("--quick") ? 3 : 7;
const workDir = join(benchDir, ".tmp", "aws");
const READS = new Set(["sts:GetCallerIdentity"]);

if (spawnSync("sh", ["-c", "command -v moto_server"]).status !== 0) {
  console.log("moto_server is not installed: the aws benchmark needs it (pip install 'moto[server]==5.2.1')");
  process.exit(0);
}

function stage() {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(join(workDir, "node_modules", "@closure-pack"), { recursive: true });
  symlinkSync(join(root, "packages", "aws"), join(workDir, "node_modules", "@closure-pack", "aws"), "junction");
  writeFileSync(join(workDir, "package.json"), `${JSON.stringify({ name: "seed", private: true, type: "module" })}\n`);
  copyFileSync(join(benchDir, "aws", "seed.mjs"), join(workDir, "index.mjs"));
}

async function startMoto() {
  const port = await new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const free = /** @type {import("node:net").AddressInfo} */ (server.address()).port;
      server.close(() => resolve(free));
    });
  });
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt++) {
    const ok = await fetch(`${endpoint}/moto-api/config`, { method: "POST", body: JSON.stringify({ lambda: { use_docker: false } }) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { endpoint, stop: () => child.kill("SIGTERM") };
    await new Promise((done) => setTimeout(done, 50));
  }
  child.kill("SIGKILL");
  throw new Error("moto_server did not start");
}

function up(endpoint, message) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [join(benchDir, "aws", "child.mjs"), workDir, endpoint], {
    encoding: "utf8",
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...(message ? { BENCH_MESSAGE: message } : {}) },
  });
  const result = resultOf(child.stdout);
  if (result === undefined) throw new Error(`up failed:\n${child.stderr}`);
  return { ...result, wallMs: performance.now() - started };
}

const count = (calls, name) => calls.filter((call) => call === name).length;

progress(ensureBuilt());
stage();
const moto = await startMoto();
try {
  const first = up(moto.endpoint);
  progress(`first up: ${first.wallMs.toFixed(0)} ms, ${first.calls.length} calls`);
  up(moto.endpoint);
  const same = Array.from({ length: runs }, () => up(moto.endpoint));
  const writes = [...new Set(same.flatMap((run) => run.calls.filter((call) => !READS.has(call))))];
  const edit = up(moto.endpoint, "Goodbye from Lambda");
  const lines = [
    ...describeMachine(root),
    "",
    `### the seed program against moto_server (no-change up: median of ${runs})`,
    "",
    "| up | time (process) | AWS calls | changes | check |",
    "| --- | ---: | ---: | --- | --- |",
    `| first | ${(first.wallMs / 1000).toFixed(2)} s | ${first.calls.length} | ${first.changes.length} created | |`,
    `| nothing to change | ${(median(same.map((run) => run.wallMs)) / 1000).toFixed(2)} s | ${same[0].calls.length} | none | calls other than reads: ${writes.length === 0 ? "none" : writes.join(", ")} |`,
    `| one handler edited | ${(edit.wallMs / 1000).toFixed(2)} s | ${edit.calls.length} | ${edit.changes.join(", ")} | UpdateFunctionCode: ${count(edit.calls, "lambda:UpdateFunctionCode")} |`,
  ];
  console.log(lines.join("\n"));
} finally {
  moto.stop();
}
