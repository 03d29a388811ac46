"use strict";
// Child process that packs a fixture with the built @closure-pack/pack (the
// test worker rewrites modules, so live functions are never packed there),
// writes the zip, then calls the original handler with the request's events
// (after packing, so the copy starts from the same state). Writes one JSON
// result: { codeSha256, contentHash, handler, manifest, warnings, results,
// ms } or { error: { name, code, message } } for a known error.
//
// Request: { mode: "function" | "serialized" | "entry", fixture, export?, options?, zipPath,
// events?, umask?, clockOffsetMs?, resultPath }.
const fs = require("node:fs");
const { pathToFileURL } = require("node:url");

function shiftClock(offsetMs) {
  // The zip must not depend on the clock: run this child "in another year".
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = ShiftedDate;
}

async function loadHandler(request) {
  const mod = request.fixture.endsWith(".mjs") ? await import(pathToFileURL(request.fixture).href) : require(request.fixture);
  // A fixture may finish loading asynchronously (a dynamic import).
  if (mod.ready) await mod.ready;
  const fn = mod[request.export ?? "handler"];
  if (typeof fn !== "function") throw new TypeError(`${request.fixture} exports no function "${request.export ?? "handler"}"`);
  return fn;
}

async function main() {
  const request = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  if (typeof request.umask === "number") process.umask(request.umask);
  if (request.clockOffsetMs) shiftClock(request.clockOffsetMs);
  const { pack, PackError } = require("@closure-pack/pack");
  // In entry mode the fixture is only loaded to call the original with the events.
  const fn = request.mode === "entry" && !(request.events ?? []).length ? undefined : await loadHandler(request);
  const input =
    request.mode === "entry"
      ? { entry: request.fixture, export: request.export }
      : request.mode === "serialized"
        ? await require("@closure-pack/closure").serializeFunction(fn, request.serializeOptions)
        : fn;
  const started = process.hrtime.bigint();
  let result;
  try {
    result = await pack(input, request.options ?? {});
  } catch (error) {
    if (!(error instanceof PackError) && error?.name !== "SerializationError") throw error;
    return finish(request, { error: { name: error.name, code: error.code, message: error.message } });
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  fs.writeFileSync(request.zipPath, result.zip);
  const results = [];
  for (const event of request.events ?? []) results.push(fn ? await fn(event) : null);
  const { zip, ...rest } = result;
  finish(request, { ...rest, zipBytes: zip.length, results, ms });
}

function finish(request, result) {
  fs.writeFileSync(request.resultPath, JSON.stringify(result));
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
