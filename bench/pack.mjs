// Benchmark: the fixture handler (fixtures/pack/handler.cjs: a CommonJS and
// an ES module package, a local module, load-time state) packaged three ways
// in the same run: closure-pack, the hand-written equivalent bundled by
// esbuild (AWS CDK NodejsFunction style) and Pulumi-style (serialized text
// plus whole node_modules trees). Reports zip bytes, files, wall time of a
// whole packing process and cold load time; median of N after a warm-up.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readZip } from "@closure-pack/pack";

const benchDir = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes("--quick");
const runs = quick ? 3 : 7;
const modes = ["closure-pack", "esbuild", "pulumi-style"];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function packOnce(mode) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(benchDir, "pack", "child.cjs"), mode], { encoding: "utf8", maxBuffer: 1 << 28 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const line = child.stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (child.status !== 0 || !line) throw new Error(`pack ${mode} failed:\n${child.stderr}`);
  const { ms, zip } = JSON.parse(line.slice("BENCH_RESULT ".length));
  return { wallMs, packMs: ms, zip: Buffer.from(zip, "base64") };
}

async function coldLoadMs(zip) {
  const dir = mkdtempSync(join(tmpdir(), "closure-pack-bench-"));
  try {
    const { writeFileSync, mkdirSync } = await import("node:fs");
    for (const entry of await readZip(zip)) {
      mkdirSync(dirname(join(dir, entry.path)), { recursive: true });
      writeFileSync(join(dir, entry.path), entry.bytes);
    }
    const script = `const t=process.hrtime.bigint();require("./index.js");process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
    const times = [];
    for (let i = 0; i < runs + 1; i++) {
      const out = spawnSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" });
      if (out.status !== 0) throw new Error(out.stderr);
      if (i > 0) times.push(Number(out.stdout)); // the first run warms the disk cache
    }
    return median(times);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
for (const mode of modes) {
  packOnce(mode); // warm-up: disk cache, esbuild binary
  const samples = Array.from({ length: runs }, () => packOnce(mode));
  const zip = samples[0].zip;
  const files = (await readZip(zip)).length;
  rows.push({
    mode,
    bytes: zip.length,
    files,
    wallMs: median(samples.map((s) => s.wallMs)),
    packMs: median(samples.map((s) => s.packMs)),
    loadMs: await coldLoadMs(zip),
  });
  process.stderr.write(`measured ${mode}\n`);
}

const base = rows.find((r) => r.mode === "esbuild");
console.log(`median of ${runs} runs after one warm-up; ratios against the esbuild bundle of the same run\n`);
console.log("| way | zip bytes | files | process wall ms | pack() ms | cold require ms | size / esbuild |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const r of rows) {
  console.log(
    `| ${r.mode} | ${r.bytes} | ${r.files} | ${r.wallMs.toFixed(0)} | ${r.packMs.toFixed(1)} | ${r.loadMs.toFixed(2)} | ${(r.bytes / base.bytes).toFixed(2)}x |`,
  );
}
