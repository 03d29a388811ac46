// One measured run of the pack benchmark in a fresh process:
// `node child.mjs <json>` with { way, handler, resolveDir, out }. Packages the
// handler one way, writes the zip to `out` and prints one line,
// RESULT_PREFIX + JSON { ok, phases (ms), files } or { ok: false, error }.
//   closure-pack  load the handler, pack(liveHandler, { resolveDir })
//   hand-written  the handler file bundled as AWS CDK's NodejsFunction does
//                 (esbuild, minified, @aws-sdk/* external, CommonJS out),
//                 zipped with the same writeZip: "bare esbuild + zip"
//   pulumi-style  serializeFunction(handler, { format: "cjs" }) as index.js
//                 plus every file of the packages it needs and their
//                 dependencies, as Pulumi's computeCodePaths ships them
//   closure-pack-split  serializeFunction, then pack(serialized), timed apart
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { RESULT_PREFIX } from "../lib/result-line.mjs";

const task = JSON.parse(process.argv[2] ?? "{}");

/** Times `work`, adding its ms to `phases[name]`. */
async function timed(phases, name, work) {
  const started = performance.now();
  const value = await work();
  phases[name] = performance.now() - started;
  return value;
}

async function loadHandler(phases) {
  const mod = await timed(phases, "load", () => import(pathToFileURL(task.handler).href));
  if (typeof mod.handler !== "function") throw new Error(`${task.handler} exports no handler function`);
  return mod.handler;
}

async function packClosurePack(phases) {
  const { pack } = await timed(phases, "import", () => import("@closure-pack/pack"));
  const handler = await loadHandler(phases);
  const result = await timed(phases, "pack", () => pack(handler, { resolveDir: task.resolveDir }));
  return { zip: result.zip, files: result.manifest.files.length };
}

// The flags AWS CDK's NodejsFunction passes to esbuild for a Node.js 22
// function with `minify: true`: --bundle --target=node22 --platform=node
// --minify --external:@aws-sdk/* (CommonJS, CDK's default format). The
// rest is esbuild's defaults, as in CDK.
async function packHandWritten(phases) {
  const [{ build }, { writeZip }] = await timed(phases, "import", () => Promise.all([import("esbuild"), import("@closure-pack/pack")]));
  const zip = await timed(phases, "pack", async () => {
    const out = await build({
      entryPoints: [task.handler],
      outfile: join(dirname(task.out), "index.js"),
      write: false,
      bundle: true,
      platform: "node",
      target: "node22",
      format: "cjs",
      minify: true,
      external: ["@aws-sdk/*"],
      logLevel: "silent",
    });
    return writeZip(out.outputFiles.map((file) => ({ path: "index.js", bytes: file.contents })));
  });
  return { zip, files: 1 };
}

async function packPulumiStyle(phases) {
  const [{ serializeFunction }, { writeZip, packageName }] = await timed(phases, "import", () =>
    Promise.all([import("@closure-pack/closure"), import("@closure-pack/pack")]),
  );
  const handler = await loadHandler(phases);
  const serialized = await timed(phases, "serialize", () => serializeFunction(handler, { format: "cjs" }));
  const entries = await timed(phases, "collect", async () => {
    const nodeModules = join(task.resolveDir, "node_modules");
    const roots = serialized.modules.filter((specifier) => !isBuiltin(specifier) && !specifier.startsWith("@aws-sdk/"));
    const found = [{ path: "index.js", bytes: serialized.text }];
    for (const dir of packageClosure(roots.map(packageName), nodeModules)) {
      for (const file of listFiles(dir)) {
        found.push({ path: `node_modules/${relative(nodeModules, file).split(sep).join("/")}`, bytes: readFileSync(file) });
      }
    }
    return found;
  });
  return { zip: await timed(phases, "zip", () => writeZip(entries)), files: entries.length };
}

// serializeFunction and pack(serialized) timed apart: where pack(handler)'s
// time goes (the packaged zip is not measured from this way).
async function packClosurePackSplit(phases) {
  const [{ serializeFunction }, { pack }] = await timed(phases, "import", () => Promise.all([import("@closure-pack/closure"), import("@closure-pack/pack")]));
  const handler = await loadHandler(phases);
  const serialized = await timed(phases, "serialize", () => serializeFunction(handler, { format: "esm" }));
  const result = await timed(phases, "bundle", () => pack(serialized, { resolveDir: task.resolveDir }));
  return { zip: result.zip, files: result.manifest.files.length };
}

/** Folders of `names` and, transitively, of their dependencies (Node's lookup from each dependent). */
function packageClosure(names, nodeModules) {
  const found = new Set();
  const visit = (name, fromDir) => {
    for (let dir = fromDir; dir.startsWith(dirname(nodeModules)); dir = dirname(dir)) {
      const candidate = join(dir, "node_modules", name);
      if (!existsSync(join(candidate, "package.json"))) continue;
      if (found.has(candidate)) return;
      found.add(candidate);
      const manifest = JSON.parse(readFileSync(join(candidate, "package.json"), "utf8"));
      for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
        visit(dependency, candidate);
      }
      return;
    }
    throw new Error(`dependency ${name} is not installed under ${nodeModules}`);
  };
  for (const name of new Set(names)) visit(name, dirname(nodeModules));
  return [...found].sort();
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return entry.isFile() ? [full] : [];
  });
}

const ways = {
  "closure-pack": packClosurePack,
  "hand-written": packHandWritten,
  "pulumi-style": packPulumiStyle,
  "closure-pack-split": packClosurePackSplit,
};

async function main() {
  const phases = {};
  try {
    const run = ways[task.way];
    if (run === undefined) throw new Error(`unknown way "${task.way}"`);
    const { zip, files } = await run(phases);
    writeFileSync(task.out, zip);
    return { ok: true, phases, files };
  } catch (error) {
    return { ok: false, phases, error: error instanceof Error ? error.message : String(error) };
  }
}

process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(await main())}\n`);
