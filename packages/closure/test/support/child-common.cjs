"use strict";
// What both child processes share: reading the request, running a probe with
// its console output captured, and printing the one result line the test
// worker parses. Plain JS, so the children run the user's code untouched.

const fs = require("node:fs");
const { pathToFileURL } = require("node:url");
const { describeValue } = require("./describe.cjs");

/** Prefix of the single result line; user code may print anything else. */
const MARKER = "@@closure-pack-test@@ ";

function readRequest() {
  const file = process.argv[2];
  if (!file) throw new Error(`usage: node ${process.argv[1]} <request.json>`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
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

/** Prints the result line synchronously and exits, whatever handles are open. */
function finish(payload, exitCode = 0) {
  const json = JSON.stringify(payload, (_key, value) => (typeof value === "bigint" ? `${value}n` : value));
  fs.writeSync(1, `\n${MARKER}${json}\n`);
  process.exit(exitCode);
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

module.exports = { MARKER, readRequest, loadModule, runProbe, finish, crash };
