// Benchmark (issue 12, "Tests and benchmark"): `closure-pack up` of a
// program with 20 magic functions that loads the AWS SDK, against the real
// local cloud daemon (started here on a free port, its own data folder):
// the first up (target: at most 10 s) and an up with nothing to change
// (target: at most 2 s more than `node` loading the same program alone,
// measured in the same run). Warm-up, then median of N. Markdown on stdout,
// progress on stderr.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { build } from "esbuild";
import { describeMachine } from "./lib/machine.mjs";
import { benchDir, ensureBuilt, root } from "./lib/prepare.mjs";
import { median, progress } from "./lib/stats.mjs";

const quick = process.argv.includes("--quick");
const runs = quick ? 3 : 7;
const FUNCTIONS = 20;
const targets = { firstUpMs: 10_000, noChangeOverNodeMs: 2_000 };
const workDir = join(benchDir, ".tmp", "cloud");
const bin = join(root, "packages", "cli", "bin", "closure-pack.cjs");

function writeProgram() {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(join(workDir, "node_modules", "@closure-pack"), { recursive: true });
  symlinkSync(join(root, "packages", "aws"), join(workDir, "node_modules", "@closure-pack", "aws"), "junction");
  symlinkSync(join(root, "node_modules", "@aws-sdk"), join(workDir, "node_modules", "@aws-sdk"), "junction");
  writeFileSync(join(workDir, "package.json"), `${JSON.stringify({ name: "bench-cloud", private: true, type: "module" })}\n`);
  const handlers = Array.from(
    { length: FUNCTIONS },
    (_, i) => `
bucket.onObjectCreated("fn${i}", async (event) => {
  const s3 = new S3Client({});
  for (const record of event.Records) {
    const object = await s3.send(new GetObjectCommand({ Bucket: record.s3.bucket.name, Key: record.s3.object.key }));
    console.log("fn${i}", record.s3.object.key, object.ContentLength);
  }
}, { filterPrefix: "p${i}/" });`,
  ).join("\n");
  writeFileSync(
    join(workDir, "index.ts"),
    `import * as aws from "@closure-pack/aws";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";

const bucket = new aws.s3.Bucket("bench");
${handlers}

export const bucketName = bucket.bucketName;
`,
  );
}

/** The daemon on a free port with its own data; resolves with its port and a stop(). */
async function startDaemon() {
  const dataDir = join(workDir, "cloud-data");
  const entry = join(root, "packages", "cloud", "dist", "daemon", "main.mjs");
  const child = spawn(process.execPath, [entry, "--data", dataDir, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the daemon exited with ${code}`)));
  });
  const ready = JSON.parse(line);
  if (ready.port === undefined) throw new Error(`the daemon did not start: ${line}`);
  return { port: ready.port, stop: () => child.kill("SIGTERM") };
}

function time(args, env = {}) {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, {
    cwd: workDir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...env },
  });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited with ${run.status}:\n${run.stdout}\n${run.stderr}`);
  return { ms, stdout: run.stdout };
}

function measure(label, args, check) {
  time(args);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { ms, stdout } = time(args);
    check?.(stdout);
    samples.push(ms);
  }
  progress(`${label}: ${samples.map((ms) => ms.toFixed(0)).join(", ")} ms`);
  return median(samples);
}

progress(ensureBuilt());
writeProgram();
// `node` loading the program alone: the same file compiled as the CLI compiles it (packages external).
await build({
  entryPoints: [join(workDir, "index.ts")],
  outfile: join(workDir, "program.mjs"),
  bundle: true,
  packages: "external",
  format: "esm",
  platform: "node",
  logLevel: "warning",
});
const daemon = await startDaemon();
const up = [bin, "up", "index.ts", "--yes", "--port", String(daemon.port)];
try {
  const first = time(up);
  if (!first.stdout.includes(`+ ${FUNCTIONS * 4 + 2} to create`)) throw new Error(`first up did not create everything:\n${first.stdout}`);
  progress(`first up: ${first.ms.toFixed(0)} ms`);
  const noChange = measure("up, nothing to change", up, (stdout) => {
    if (!stdout.includes("no changes")) throw new Error(`an up with nothing to change changed something:\n${stdout}`);
  });
  const node = measure("node loading the program", [join(workDir, "program.mjs")]);
  /** @type {Array<{ what: string; ms: number; target?: string; met?: boolean }>} */
  const rows = [
    { what: "first up (20 functions, 82 resources)", ms: first.ms, target: `≤ ${targets.firstUpMs / 1000} s`, met: first.ms <= targets.firstUpMs },
    { what: "up with nothing to change", ms: noChange },
    { what: "node loading the program alone", ms: node },
    {
      what: "up with nothing to change − node",
      ms: noChange - node,
      target: `≤ ${targets.noChangeOverNodeMs / 1000} s`,
      met: noChange - node <= targets.noChangeOverNodeMs,
    },
  ];
  const lines = [
    ...describeMachine(root),
    "",
    `### closure-pack up against the local cloud (median of ${runs}, after a warm-up)`,
    "",
    "| measure | time | target | met |",
    "| --- | ---: | --- | --- |",
    ...rows.map(({ what, ms, target, met }) => `| ${what} | ${(ms / 1000).toFixed(2)} s | ${target ?? ""} | ${met === undefined ? "" : met ? "yes" : "NO"} |`),
  ];
  console.log(lines.join("\n"));
} finally {
  daemon.stop();
}
