"use strict";
// Child for serializeFunctions: loads the case module's `fns` (an array of
// { fn, options }), serializes them in one call, and counts the heap
// snapshots taken through the serializer's diagnostics channel. Writes
// { texts, modules, snapshots } or { error } like child-serialize.cjs.

const { subscribe } = require("node:diagnostics_channel");
const { readRequest, loadModule, finish, crash } = require("./child-common.cjs");

async function main() {
  const request = readRequest();
  const closure = require("@closure-pack/closure");
  let snapshots = 0;
  subscribe(closure.HEAP_SNAPSHOT_CHANNEL, () => snapshots++);
  const mod = await loadModule(request.casePath, request.sourceFormat);
  let results;
  try {
    results = await closure.serializeFunctions(mod.fns);
  } catch (error) {
    if (!(error instanceof closure.SerializationError)) throw error;
    return finish({ error: { name: error.name, code: error.code, message: error.message, path: [...error.path] } });
  }
  finish({ texts: results.map((each) => each.text), modules: results.map((each) => each.modules), snapshots });
}

main().catch(crash);
