"use strict";
// Child process that loads an unzipped package the way Lambda's Node.js
// runtime does (index.js with require, index.mjs with import), calls its
// `handler` export once per event in order (warm invocations), and writes
// { results } as JSON. Run in the package's own folder, where no
// node_modules resolve: the package must be self-contained.
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

async function main() {
  const request = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const esm = fs.existsSync(path.join(request.dir, "index.mjs"));
  const file = path.join(request.dir, esm ? "index.mjs" : "index.js");
  const mod = esm ? await import(pathToFileURL(file).href) : require(file);
  const handler = mod[request.exportName ?? "handler"];
  if (typeof handler !== "function") throw new TypeError(`${file} exports no function "${request.exportName ?? "handler"}"`);
  const results = [];
  for (const event of request.events) results.push(await handler(event));
  fs.writeFileSync(request.resultPath, JSON.stringify({ results, format: esm ? "esm" : "cjs" }));
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
