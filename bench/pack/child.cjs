"use strict";
// One measured run of the pack benchmark, in a fresh process: packs the
// fixture one way and prints BENCH_RESULT {ms, zip (base64)}. Modes:
// closure-pack (load handler.cjs, pack the live function), esbuild (pack the
// hand-written entry: esbuild + zip, as CDK's NodejsFunction bundles),
// pulumi-style (serialized text plus the whole node_modules trees it needs).
const fs = require("node:fs");
const path = require("node:path");
const { pack, writeZip } = require("@closure-pack/pack");
const { serializeFunction } = require("@closure-pack/closure");

const fixtures = path.join(__dirname, "..", "..", "fixtures", "pack");

function listFiles(dir, prefix) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((dirent) => {
    const full = path.join(dir, dirent.name);
    const rel = `${prefix}/${dirent.name}`;
    return dirent.isDirectory() ? listFiles(full, rel) : [{ path: rel, bytes: fs.readFileSync(full) }];
  });
}

async function run(mode) {
  const started = process.hrtime.bigint();
  let zip;
  if (mode === "esbuild") {
    zip = (await pack({ entry: path.join(fixtures, "hand-written.mjs") }, { resolveDir: fixtures })).zip;
  } else {
    const mod = require(path.join(fixtures, "handler.cjs"));
    await mod.ready;
    if (mode === "closure-pack") {
      zip = (await pack(mod.handler, { resolveDir: fixtures })).zip;
    } else {
      const serialized = await serializeFunction(mod.handler, { format: "cjs" });
      const roots = [...new Set(serialized.modules.filter((m) => !m.startsWith("node:")).map((m) => m.split("/")[0]))];
      const trees = roots.flatMap((name) => listFiles(path.join(fixtures, "node_modules", name), `node_modules/${name}`));
      zip = await writeZip([{ path: "index.js", bytes: serialized.text }, ...trees]);
    }
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ ms, zip: zip.toString("base64") })}\n`);
}

run(process.argv[2]).catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
