// The runtime inside each function instance, started by the parent as
// `node bootstrap.mjs` with AWS_LAMBDA_RUNTIME_API set: load the handler
// (errors go to /init/error), then loop: next event, call the handler with a
// Lambda context, post its response or error. Async and callback handlers,
// callbackWaitsForEmptyEventLoop, and exits on uncaught errors as
// aws-lambda-ric does (129 uncaught exception, 128 unhandled rejection).
import { realpathSync } from "node:fs";
import { patchConsole, setRequestId, writeEndMarker } from "./console-log.mjs";
import { formatForLog, toErrorResponse, UnhandledPromiseRejection } from "./errors.mjs";
import { loadHandler } from "./load-handler.mjs";
import { exitWithParent } from "./parent-watch.mjs";
import { hintMissingSdk, registerImportHooks } from "./provided-modules.mjs";
import { createRuntimeClient } from "./runtime-client.mjs";
import { fenceRequire, needsFence } from "./task-root.mjs";

const env = process.env;
const client = createRuntimeClient(env.AWS_LAMBDA_RUNTIME_API);
let initialized = false;
let current = undefined;

patchConsole();
exitWithParent();
hintMissingSdk();
// The loaders compare real paths: the root may be reached through a link.
const taskRoot = realpathSync(env.LAMBDA_TASK_ROOT);
if (needsFence(taskRoot)) {
  fenceRequire(taskRoot);
  registerImportHooks(taskRoot);
}
process.on("uncaughtException", (error) => void crash("Uncaught Exception", error, 129));
process.on("unhandledRejection", (reason) => void crash("Unhandled Promise Rejection", new UnhandledPromiseRejection(String(reason)), 128));

async function crash(label, error, exitCode) {
  // The error's properties are read once, for the log line and the post.
  const response = toErrorResponse(error);
  console.error(label, formatForLog(response));
  try {
    if (!initialized) await client.postInitError(response);
    else if (current !== undefined && !current.done) {
      current.done = true;
      writeEndMarker(current.requestId);
      await client.postError(current.requestId, response);
    }
  } finally {
    process.exit(exitCode);
  }
}

let handler;
try {
  handler = await loadHandler(taskRoot, env._HANDLER);
} catch (error) {
  await crash("Uncaught Exception", error, 129);
}
initialized = true;
for (;;) {
  const invocation = await client.next();
  await invoke(invocation);
}

function invoke(invocation) {
  return new Promise((settled) => {
    const { requestId } = invocation;
    const state = { requestId, done: false, waitForEmptyLoop: true, deferred: undefined };
    current = state;
    setRequestId(requestId);
    if (invocation.traceId) env._X_AMZN_TRACE_ID = invocation.traceId;
    else delete env._X_AMZN_TRACE_ID;

    const finish = (post) => {
      if (state.done) {
        console.error("Invocation has already been reported as done. Cannot call complete more than once per invocation.");
        return;
      }
      state.done = true;
      process.removeListener("beforeExit", onBeforeExit);
      writeEndMarker(requestId);
      post().then(() => settled(), (error) => crash("Runtime API failure", error, 1));
    };
    const succeed = (result) => {
      let payload;
      try {
        payload = JSON.stringify(result === undefined ? null : result);
      } catch (error) {
        return fail(Object.assign(new Error(`Unable to stringify response body: ${error.message}`), { name: "Runtime.SerializationError" }));
      }
      finish(() => client.postResponse(requestId, payload));
    };
    const fail = (error) => {
      const response = toErrorResponse(error);
      console.error("Invoke Error", formatForLog(response));
      finish(() => client.postError(requestId, response));
    };
    const done = (error, result) => (error === undefined || error === null ? succeed(result) : fail(error));
    // A callback handler's answer waits for an empty event loop unless told
    // not to; a handler that never answers gets null once the loop is empty.
    const callback = (error, result) => {
      if (state.waitForEmptyLoop) state.deferred = () => done(error, result);
      else done(error, result);
    };
    function onBeforeExit() {
      if (state.done) return;
      const deferred = state.deferred;
      state.deferred = undefined;
      if (deferred) deferred();
      else succeed(null);
    }
    process.on("beforeExit", onBeforeExit);

    let event;
    try {
      event = JSON.parse(invocation.body);
    } catch (error) {
      return fail(error);
    }
    const context = createContext(invocation, state, done);
    let result;
    try {
      result = handler(event, context, callback);
    } catch (error) {
      return fail(error);
    }
    if (result !== null && typeof result === "object" && typeof result.then === "function") result.then(succeed, fail);
  });
}

function createContext(invocation, state, done) {
  return {
    get callbackWaitsForEmptyEventLoop() {
      return state.waitForEmptyLoop;
    },
    set callbackWaitsForEmptyEventLoop(value) {
      state.waitForEmptyLoop = value;
    },
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: invocation.invokedFunctionArn,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: invocation.requestId,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: parseHeader(invocation.cognitoIdentity),
    clientContext: parseHeader(invocation.clientContext),
    getRemainingTimeInMillis: () => invocation.deadlineMs - Date.now(),
    // The legacy context methods Lambda still offers.
    succeed: (result) => done(null, result),
    fail: (error) => done(error ?? new Error("handled")),
    done: (error, result) => done(error, result),
  };
}

function parseHeader(value) {
  if (value === undefined || value === "") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
