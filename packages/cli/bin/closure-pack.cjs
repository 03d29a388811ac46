#!/usr/bin/env node
// The `closure-pack` command: a shim over the built CLI (dist/ is built by the
// workspace's `prepare`). main() resolves to the exit code; exiting explicitly
// after output is flushed keeps a handler's open handles (sockets, timers made
// at load time) from holding the process open.
"use strict";
const { main } = require("../dist/index.cjs");

function exit(code) {
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

// `closure-pack print x.ts | head`: the reader left, nothing more to say.
process.stdout.on("error", (error) => {
  if (error && error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(exit, (error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\nclosure-pack: this is a bug, please report it\n`);
  exit(1);
});
