// @ts-check
// The runtime inside each function instance, started by the parent as
// `node bootstrap.mjs` with AWS_LAMBDA_RUNTIME_API set: load the handler
// (errors go to /init/error), then loop: next event, run it (invocation.mjs),
// and exit on uncaught errors as aws-lambda-ric does (129 uncaught
// exception, 128 unhandled rejection).
import { realpathSync } from "node:fs";
import { patchConsole } from "./console-log.mjs";
import { formatForLog, toErrorResponse, UnhandledPromiseRejection } from "./errors.mjs";
import { InvocationRun } from "./invocation.mjs";
import { loadHandler } from "./load-handler.mjs";
import { exitWithParent } from "./parent-watch.mjs";
import { hintMissingSdk, registerImportHooks } from "./provided-modules.mjs";
import { createRuntimeClient } from "./runtime-client.mjs";
import { fenceRequire, needsFence } from "./task-root.mjs";

const client = createRuntimeClient(setting("AWS_LAMBDA_RUNTIME_API"));
let initialized = false;
/** @type {InvocationRun | undefined} The invocation under way, if any. */
let current = undefined;

patchConsole();
exitWithParent();
hintMissingSdk();
// The loaders compare real paths: the root may be reached through a link.
const taskRoot = realpathSync(setting("LAMBDA_TASK_ROOT"));
if (needsFence(taskRoot)) {
  fenceRequire(taskRoot);
  registerImportHooks(taskRoot);
}
process.on("uncaughtException", (error) => void crash("Uncaught Exception", error, 129));
process.on("unhandledRejection", (reason) => void crash("Unhandled Promise Rejection", new UnhandledPromiseRejection(String(reason)), 128));

const handler = await loadHandler(taskRoot, setting("_HANDLER")).catch((error) => crash("Uncaught Exception", error, 129));
initialized = true;
for (;;) {
  const invocation = await client.next();
  current = new InvocationRun(invocation, client, crash);
  await current.run(handler);
}

/**
 * Reports the error (to /init/error before the handler is loaded, else as
 * the answer of the invocation under way unless it has one) and exits.
 * @param {string} label
 * @param {unknown} error
 * @param {number} exitCode
 * @returns {Promise<never>}
 */
async function crash(label, error, exitCode) {
  // The error's properties are read once, for the log line and the post.
  const response = toErrorResponse(error);
  console.error(label, formatForLog(response));
  try {
    if (!initialized) await client.postInitError(response);
    else if (current !== undefined && current.claim()) await client.postError(current.requestId, response);
  } finally {
    process.exit(exitCode);
  }
}

/**
 * A variable the parent always sets (src/environment.ts).
 * @param {string} name
 */
function setting(name) {
  const value = process.env[name];
  if (value === undefined) throw new Error(`bootstrap: ${name} is not set`);
  return value;
}
