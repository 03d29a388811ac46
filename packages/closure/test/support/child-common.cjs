"use strict";
// What both child processes share: reading the request, running a probe with
// its console output captured, and writing the one JSON result the test
// worker reads. Plain JS, so the children run the user's code untouched.

const fs = require("node:fs");
const { pathToFileURL } = require("node:url");
const { describeValue } = require("./describe.cjs");

/** Where finish() writes the result; set from the request's resultPath. */
let resultPath;

function readRequest() {
  const file = process.argv[2];
  if (!file) throw new Error(`usage: node ${process.argv[1]} <request.json>`);
  const request = JSON.parse(fs.readFileSync(file, "utf8"));
  resultPath = request.resultPath;
  return request;
}

/** Loads a module file by format; an ESM namespace or CJS exports object. */
async function loadModule(file, format) {
  if (format === "esm") return import(pathToFileURL(file).href);
  return require(file);
}

/**
 * Compiles the probe text `(f) => ...`. `require` is in scope for the probe
 * only (resolving from this directory), never a global the copy could use.
 */
function compileProbe(source) {
  return new Function("require", `"use strict";\nreturn (${source}\n);`)(require);
}

/** Runs probe(target), capturing stdout/stderr writes while it runs. */
async function runProbe(probeSource, target) {
  const probe = compileProbe(probeSource);
  const logs = { stdout: "", stderr: "" };
  const restore = [captureWrites(process.stdout, logs, "stdout"), captureWrites(process.stderr, logs, "stderr")];
  let outcome;
  try {
    outcome = { value: await probe(target) };
  } catch (error) {
    outcome = { threw: error };
  } finally {
    for (const undo of restore) undo();
  }
  const result = "threw" in outcome ? { threw: await describeValue(outcome.threw) } : await describeValue(outcome.value);
  return { result, logs };
}

function captureWrites(stream, logs, key) {
  const original = stream.write;
  stream.write = function write(chunk, encoding, callback) {
    logs[key] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done);
    return true;
  };
  return () => {
    stream.write = original;
  };
}

/**
 * Writes the result and exits, whatever handles the user's code left open.
 * A file, not stdout: a large result written to a non-blocking pipe just
 * before process.exit() can be cut short, and user code prints to stdout.
 */
function finish(payload, exitCode = 0) {
  let json;
  try {
    json = JSON.stringify(payload, (_key, value) => (typeof value === "bigint" ? `${value}n` : value));
  } catch (error) {
    // JSON.stringify recurses (a description thousands of levels deep
    // overflows) and strings have a maximum length: say which part is big.
    const sizes = Object.entries(payload).map(([key, value]) => `${key}: ${sizeOf(value)}`);
    throw new Error(`cannot write the result (${error.message}); sizes: ${sizes.join(", ")}`);
  }
  if (!resultPath) throw new Error("the request has no resultPath");
  fs.writeFileSync(resultPath, json);
  process.exit(exitCode);
}

function sizeOf(value) {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return `${value.length} characters`;
  if (Array.isArray(value)) return `${value.length} elements`;
  try {
    return `${JSON.stringify(value).length} characters of JSON`;
  } catch (error) {
    return `not printable (${error.message})`;
  }
}

function crash(error) {
  finish(
    {
      crash: {
        name: String(error && error.name),
        message: String(error && error.message),
        stack: String(error && error.stack),
      },
    },
    1,
  );
}

module.exports = { readRequest, loadModule, runProbe, finish, crash };
