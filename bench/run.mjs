// Runs the benchmarks: `npm run bench -- [filter...] [--quick] [--no-build]`.
// Every bench/<topic>.mjs whose name contains one of the filters (all of
// them without a filter) runs in its own process, after one header naming the
// commit, Node version and machine. Topics own their inputs and output.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeMachine } from "./lib/machine.mjs";

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, "..");

const args = process.argv.slice(2);
const flags = args.filter((arg) => arg.startsWith("--"));
const filters = args.filter((arg) => !arg.startsWith("--"));
const knownFlags = ["--quick", "--no-build"];
const unknown = flags.filter((flag) => !knownFlags.includes(flag));
const topics = readdirSync(benchDir)
  .filter((file) => file.endsWith(".mjs") && file !== "run.mjs")
  .map((file) => file.slice(0, -".mjs".length))
  .sort();

if (unknown.length > 0 || args.includes("--help")) {
  console.error(`usage: npm run bench -- [filter...] [--quick] [--no-build]
  --quick     shorter, noisier measurements (for iterating)
  --no-build  use packages/*/dist as it is, even if older than its sources
  topics: ${topics.join(", ")}`);
  if (unknown.length > 0) console.error(`unknown flag "${unknown[0]}": expected one of ${knownFlags.join(", ")}`);
  process.exit(2);
}

const selected = filters.length === 0 ? topics : topics.filter((topic) => filters.some((filter) => topic.includes(filter)));
if (selected.length === 0) {
  console.error(`no benchmark matches "${filters.join('", "')}"; topics: ${topics.join(", ")}`);
  process.exit(2);
}

console.log(describeMachine(root).join("\n"));
let failed = false;
for (const topic of selected) {
  console.log(`\n## ${topic}\n`);
  const result = spawnSync(process.execPath, [join(benchDir, `${topic}.mjs`), ...flags], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    failed = true;
    console.error(`bench ${topic} failed (exit ${result.status ?? result.signal})`);
  }
}
process.exitCode = failed ? 1 : 0;
