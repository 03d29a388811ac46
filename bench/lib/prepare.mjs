// What a benchmark needs before it measures: the bench-only peers installed
// (bench/peers, never a dependency of any package) and packages/*/dist no
// older than its sources. Both report on stderr; neither throws, so a failure
// shows up as failed rows rather than no table.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { progress } from "./stats.mjs";

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const root = join(benchDir, "..");
export const peersDir = join(benchDir, "peers");

/** Installs bench/peers when one of its pinned dependencies is missing. Returns the peers' versions by name. */
export function ensurePeers() {
  const manifest = JSON.parse(readFileSync(join(peersDir, "package.json"), "utf8"));
  const names = Object.keys(manifest.dependencies ?? {});
  const installed = (name) => join(peersDir, "node_modules", ...name.split("/"), "package.json");
  const missing = names.filter((name) => !existsSync(installed(name)));
  if (missing.length > 0) {
    progress(`bench/peers lacks ${missing.join(", ")}: running npm install --prefix bench/peers --no-audit --no-fund`);
    const started = performance.now();
    const npm = spawnSync("npm", ["install", "--prefix", peersDir, "--no-audit", "--no-fund"], {
      cwd: root,
      stdio: ["ignore", process.stderr, process.stderr],
      shell: process.platform === "win32",
    });
    if (npm.status !== 0) progress(`npm install failed (exit ${npm.status ?? npm.error?.message}); rows that need the peers will be errors`);
    else progress(`installed bench peers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return Object.fromEntries(
    names.filter((name) => existsSync(installed(name))).map((name) => [name, JSON.parse(readFileSync(installed(name), "utf8")).version]),
  );
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/**
 * Children load the built dist, so a dist older than its sources would
 * measure old code: rebuilds every package (`npm run build`'s script) when
 * one of the workspaces is missing or stale (every package loads others,
 * @closure-pack/errors at least).
 */
export function ensureBuilt() {
  if (process.argv.includes("--no-build")) return "--no-build: used as found";
  const { workspaces } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const stale = workspaces.filter((folder) => {
    const pkg = join(root, folder);
    const dist = join(pkg, "dist", "index.cjs");
    const sources = Math.max(newestMtime(join(pkg, "src")), statSync(join(pkg, "package.json")).mtimeMs);
    return !existsSync(dist) || statSync(dist).mtimeMs < sources;
  });
  if (stale.length === 0) return "dist up to date";
  progress(`${stale.join(", ")}: dist is missing or stale: running node scripts/build.mjs`);
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], {
    cwd: root,
    stdio: ["ignore", process.stderr, process.stderr],
  });
  return build.status === 0 ? "rebuilt for this run" : `build failed (exit ${build.status}); figures use whatever dist exists`;
}
