"use strict";
// Child B: a fresh `node` with cwd at the output directory loads the emitted
// module, takes its export and runs the same probe as child A. Only node
// builtins and the packages the serializer listed in `modules` resolve here.
// Writes { result, logs }, or { loadError } if the text does not load.

const { readRequest, loadModule, runProbe, finish, crash } = require("./child-common.cjs");

async function main() {
  const request = readRequest();
  let exported;
  try {
    const mod = await loadModule(request.outFile, request.format);
    if (!(request.exportName in mod)) {
      throw new Error(`the module has no export "${request.exportName}"; it exports [${Object.keys(mod).join(", ")}]`);
    }
    exported = mod[request.exportName];
  } catch (error) {
    return finish({
      loadError: { name: String(error && error.name), message: String(error && error.message), stack: String(error && error.stack) },
    });
  }
  finish(await runProbe(request.probe, exported));
}

main().catch(crash);
