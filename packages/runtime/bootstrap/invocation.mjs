// @ts-check
// One invocation inside the instance: the handler is called with the event
// and a Lambda context, and exactly one answer is posted, whether it comes
// from a returned promise, the callback (after the event loop empties unless
// callbackWaitsForEmptyEventLoop is false), the legacy context methods, or
// the loop emptying with no answer at all (null), as aws-lambda-ric does.
import { setRequestId, writeEndMarker } from "./console-log.mjs";
import { formatForLog, SerializationError, toErrorResponse } from "./errors.mjs";

/** @typedef {import("./runtime-client.mjs").Invocation} Invocation */
/** @typedef {import("./runtime-client.mjs").RuntimeClient} RuntimeClient */
/** @typedef {import("./load-handler.mjs").Handler} Handler */
/** @typedef {(label: string, error: unknown, exitCode: number) => Promise<never>} Crash */
/** @typedef {import("./load-handler.mjs").Callback} Callback */

export class InvocationRun {
  /** Set once the answer is written: a second one is refused. */
  done = false;
  waitForEmptyLoop = true;
  /** @type {(() => void) | undefined} A callback answer waiting for the empty event loop. */
  #deferred = undefined;
  #invocation;
  #client;
  #crash;
  /** @type {() => void} */
  #settled = () => {};

  /**
   * @param {Invocation} invocation
   * @param {RuntimeClient} client
   * @param {Crash} crash ends the process when the Runtime API cannot be reached
   */
  constructor(invocation, client, crash) {
    this.#invocation = invocation;
    this.#client = client;
    this.#crash = crash;
  }

  get requestId() {
    return this.#invocation.requestId;
  }

  /**
   * Calls the handler; resolves once the answer is posted.
   * @param {Handler} handler
   * @returns {Promise<void>}
   */
  run(handler) {
    return new Promise((settled) => {
      this.#settled = settled;
      setRequestId(this.requestId);
      if (this.#invocation.traceId) process.env._X_AMZN_TRACE_ID = this.#invocation.traceId;
      else delete process.env._X_AMZN_TRACE_ID;
      process.on("beforeExit", this.#onBeforeExit);
      this.#call(handler);
    });
  }

  /** @param {Handler} handler */
  #call(handler) {
    /** @type {unknown} */
    let event;
    try {
      event = JSON.parse(this.#invocation.body);
    } catch (error) {
      return this.fail(error);
    }
    /** @type {unknown} */
    let result;
    try {
      result = handler(event, createContext(this.#invocation, this), this.callback);
    } catch (error) {
      return this.fail(error);
    }
    if (isThenable(result)) result.then(this.succeed, this.fail);
  }

  /** @param {unknown} result */
  succeed = (result) => {
    let payload;
    try {
      payload = JSON.stringify(result === undefined ? null : result);
    } catch (error) {
      return this.fail(new SerializationError(`Unable to stringify response body: ${error instanceof Error ? error.message : String(error)}`));
    }
    this.#finish(() => this.#client.postResponse(this.requestId, payload));
  };

  /** @param {unknown} error */
  fail = (error) => {
    const response = toErrorResponse(error);
    console.error("Invoke Error", formatForLog(response));
    this.#finish(() => this.#client.postError(this.requestId, response));
  };

  /** The callback's and context.done's answer, now. @type {Callback} */
  complete = (error, result) => (error === undefined || error === null ? this.succeed(result) : this.fail(error));

  /** The handler's callback: the answer waits for an empty event loop unless told not to. @type {Callback} */
  callback = (error, result) => {
    if (this.waitForEmptyLoop) this.#deferred = () => this.complete(error, result);
    else this.complete(error, result);
  };

  /**
   * Marks the invocation answered (its last output line written); false when it already was.
   * The caller then posts the answer.
   */
  claim() {
    if (this.done) return false;
    this.done = true;
    process.removeListener("beforeExit", this.#onBeforeExit);
    writeEndMarker(this.requestId);
    return true;
  }

  /** @param {() => Promise<unknown>} post */
  #finish(post) {
    if (!this.claim()) {
      console.error("Invocation has already been reported as done. Cannot call complete more than once per invocation.");
      return;
    }
    post().then(
      () => this.#settled(),
      (error) => this.#crash("Runtime API failure", error, 1),
    );
  }

  // The event loop is empty: a deferred callback answer goes now; a handler
  // that never answered gets null.
  #onBeforeExit = () => {
    if (this.done) return;
    const deferred = this.#deferred;
    this.#deferred = undefined;
    if (deferred) deferred();
    else this.succeed(null);
  };
}

/**
 * @param {unknown} value
 * @returns {value is PromiseLike<unknown>}
 */
function isThenable(value) {
  return value !== null && typeof value === "object" && typeof (/** @type {{ then?: unknown }} */ (value).then) === "function";
}

/**
 * The context object handlers get, as Lambda's Node.js runtime builds it.
 * @param {Invocation} invocation
 * @param {InvocationRun} run
 */
function createContext(invocation, run) {
  const env = process.env;
  return {
    get callbackWaitsForEmptyEventLoop() {
      return run.waitForEmptyLoop;
    },
    set callbackWaitsForEmptyEventLoop(value) {
      run.waitForEmptyLoop = value;
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
    /** @param {unknown} result */
    succeed: (result) => run.complete(null, result),
    /** @param {unknown} error */
    fail: (error) => run.complete(error ?? new Error("handled")),
    /** @type {Callback} */
    done: (error, result) => run.complete(error, result),
  };
}

/** @param {string | undefined} value */
function parseHeader(value) {
  if (value === undefined || value === "") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
