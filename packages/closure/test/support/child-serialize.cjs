"use strict";
// Child A: serializes the case's `fn` with the built @closure-pack/closure,
// writes the text to the output directory, then runs the probe against the
// original (after serializing, so the copy starts from the same state).
// Writes { text, exportName, modules, captures, texts, result, logs } or, on
// a SerializationError, { error: { name, code, message, path, hint } }; on
// any other error { crash }. `captures` only when the request asks for it.

const fs = require("node:fs");
const path = require("node:path");
const { readRequest, loadModule, runProbe, finish, crash } = require("./child-common.cjs");

async function main() {
  const request = readRequest();
  if (typeof request.umask === "number") process.umask(request.umask);
  // Resolved from this file, inside the repository: the built package (dist).
  const closure = require("@closure-pack/closure");
  if (typeof closure.serializeFunction !== "function") {
    throw new TypeError(`serializeFunction is not a function: @closure-pack/closure exports [${Object.keys(closure).join(", ")}]`);
  }
  let mod = await loadModule(request.casePath, request.sourceFormat);
  // A CJS case may export a promise of its exports (to await handles it opens).
  if (mod && typeof mod.then === "function") mod = await mod;
  const fn = mod.fn;
  const options = { ...(mod.options || {}), ...(request.options || {}) };

  const texts = [];
  let result;
  for (let i = 0; i < (request.repeat || 1); i++) {
    try {
      // A case may declare its ES module's imports first (declareModuleImports).
      if (mod.declareImports) closure.declareModuleImports(mod.declareImports.probe, mod.declareImports.imports);
      result = await closure.serializeFunction(fn, options);
    } catch (error) {
      if (!isSerializationError(error, closure)) throw error;
      return finish({ error: describeError(error) });
    }
    texts.push(result.text);
  }
  const ext = options.format === "esm" ? "mjs" : "cjs";
  fs.mkdirSync(request.outDir, { recursive: true });
  fs.writeFileSync(path.join(request.outDir, `index.${ext}`), result.text);

  // isFactoryFunction: the copy exports fn(), called once at load time.
  const target = options.isFactoryFunction ? fn() : fn;
  const probed = await runProbe(request.probe, target);
  finish({
    text: result.text,
    exportName: result.exportName,
    modules: result.modules,
    // Only when asked: one entry per captured value, each with its whole
    // path, so a deep graph's captures outgrow its text many times over.
    captures: request.captures ? result.captures : undefined,
    warnings: result.warnings,
    // Only when asked: a second copy of a large text doubles the result.
    texts: texts.length > 1 ? texts : undefined,
    result: probed.result,
    logs: probed.logs,
  });
}

function isSerializationError(error, closure) {
  if (typeof closure.SerializationError === "function" && error instanceof closure.SerializationError) return true;
  return Boolean(error) && error.name === "SerializationError" && typeof error.code === "string";
}

function describeError(error) {
  return {
    name: error.name,
    code: error.code,
    message: error.message,
    path: Array.isArray(error.path) ? [...error.path] : error.path,
    hint: error.hint,
  };
}

main().catch(crash);
