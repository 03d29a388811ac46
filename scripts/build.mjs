// Builds every workspace package into dist/: an ESM and a CommonJS bundle of
// src/index.ts (dependencies stay external) and .d.ts files from tsc.
// Packages are built in dependency order so declarations resolve.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

// CLOSURE_PACK_BUILD_ONLY=packages/closure builds one workspace (and is for
// local iteration only: CI always builds everything).
function readPackages() {
  const only = process.env.CLOSURE_PACK_BUILD_ONLY;
  const dirs = only ? rootManifest.workspaces.filter((dir) => dir === only) : rootManifest.workspaces;
  return dirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
    return { dir: join(root, dir), manifest };
  });
}

function sortByDependencies(packages) {
  const byName = new Map(packages.map((p) => [p.manifest.name, p]));
  const done = new Set();
  const order = [];
  const visit = (pkg) => {
    if (done.has(pkg.manifest.name)) return;
    done.add(pkg.manifest.name);
    for (const dep of Object.keys(pkg.manifest.dependencies ?? {})) {
      const local = byName.get(dep);
      if (local) visit(local);
    }
    order.push(pkg);
  };
  packages.forEach(visit);
  return order;
}

// CommonJS has no import.meta: a package that finds files shipped beside its
// code (the runtime's bootstrap) reads import.meta.url, which in the .cjs
// bundle becomes the file URL of the bundle itself.
const CJS_IMPORT_META = {
  define: { "import.meta.url": "__closure_pack_import_meta_url" },
  banner: { js: `const __closure_pack_import_meta_url = require("node:url").pathToFileURL(__filename).href;` },
};

async function buildPackage({ dir, manifest }) {
  // dist/ is overwritten in place, never removed first: tests running in
  // other processes keep loading a complete package during a rebuild.
  const entries = manifest.closurePack?.entries ?? ["index"];
  const common = {
    absWorkingDir: dir,
    bundle: true,
    packages: "external",
    platform: "node",
    target: "node20",
    sourcemap: false,
    logLevel: "warning",
  };
  for (const entry of entries) {
    const entryPoints = [join(dir, "src", `${entry}.ts`)];
    await build({ ...common, entryPoints, format: "esm", outfile: join(dir, "dist", `${entry}.mjs`) });
    await build({ ...common, ...CJS_IMPORT_META, entryPoints, format: "cjs", outfile: join(dir, "dist", `${entry}.cjs`) });
  }
  const tsconfig = join(dir, "tsconfig.build.json");
  if (existsSync(tsconfig)) {
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    execFileSync(process.execPath, [tsc, "-p", tsconfig], { stdio: "inherit" });
  }
}

const started = Date.now();
const packages = sortByDependencies(readPackages());
for (const pkg of packages) await buildPackage(pkg);
if (!process.env.CLOSURE_PACK_QUIET_BUILD) {
  console.log(`built ${packages.length} package(s) in ${Date.now() - started} ms`);
}
