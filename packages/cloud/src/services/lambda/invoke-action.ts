// Invoke: RequestResponse runs the function and answers its result (or its
// error with X-Amz-Function-Error, and the log tail with LogType=Tail);
// Event queues the payload durably and answers 202; DryRun checks and
// answers 204. A payload Lambda would refuse is refused with its codes.
import { formatLogRecord, RuntimeError, type InvokeResult } from "@closure-pack/runtime";
import { AwsError } from "../../errors.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import { validation } from "./function-config.js";
import type { FunctionRow } from "./function-store.js";
import { findFunction, tooLarge, type LambdaAction, type LambdaState } from "./lambda-state.js";

const SYNC_LIMIT = 6 * 1024 * 1024;
// Lambda's documented limit for an asynchronous invocation's payload.
const ASYNC_LIMIT = 256 * 1024;
const TAIL_BYTES = 4096;

export const invoke: LambdaAction = async (state, request, [name]) => {
  const row = findFunction(state, request, name!);
  const type = header(request, "x-amz-invocation-type") ?? "RequestResponse";
  if (!["RequestResponse", "Event", "DryRun"].includes(type)) {
    throw validation(`'${type}'`, "invocationType", "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
  }
  const payload = await readPayload(request, type === "Event" ? ASYNC_LIMIT : SYNC_LIMIT);
  if (type === "DryRun") return { status: 204 };
  if (type === "Event") {
    // Accepted even while throttled (reserved concurrency 0): it waits in the queue, as on AWS.
    await state.queue.enqueueDurably(row.name, payload, "lambda:Invoke");
    return { status: 202, headers: { "content-length": 0 } };
  }
  if (row.reservedConcurrency === 0) {
    throw new AwsError("TooManyRequestsException", "Rate Exceeded.", 429, { Reason: "ReservedFunctionConcurrentInvocationLimitExceeded" });
  }
  return answer(await runSync(state, row, payload), header(request, "x-amz-log-type") === "Tail");
};

async function readPayload(request: AwsRequest, limit: number): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await request.body(limit);
  } catch (error) {
    if (error instanceof AwsError && error.status === 413) throw tooLarge("Invoke", limit);
    throw error;
  }
  const text = bytes.length === 0 ? "{}" : bytes.toString("utf8");
  try {
    JSON.parse(text);
  } catch (error) {
    throw new AwsError(
      "InvalidRequestContentException",
      `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`,
      400,
    );
  }
  return text;
}

async function runSync(state: LambdaState, row: FunctionRow, payload: string): Promise<InvokeResult> {
  try {
    return await state.runner.invoke(row, payload);
  } catch (error) {
    if (!(error instanceof RuntimeError)) throw error;
    if (error.code === "FUNCTION_CLOSED" && state.functions.get(row.name) === undefined) {
      throw new AwsError("ResourceNotFoundException", `The function ${row.name} was deleted before the invocation finished`, 404);
    }
    throw new AwsError("ServiceException", `the local cloud could not run ${row.name}: ${error.message}`, 500);
  }
}

function answer(result: InvokeResult, tail: boolean): AwsResponse {
  const headers: Record<string, string> = { "content-type": "application/json", "x-amz-executed-version": "$LATEST" };
  if (!result.ok) headers["x-amz-function-error"] = "Unhandled";
  if (tail) headers["x-amz-log-result"] = logTail(result);
  const { errorType, errorMessage, trace } = result.ok ? { errorType: "", errorMessage: "", trace: [] } : result.error;
  const body = result.ok ? JSON.stringify(result.value) : JSON.stringify({ errorType, errorMessage, ...(trace.length > 0 ? { trace } : {}) });
  return { status: 200, headers, body };
}

/** The last 4 KB of the invocation's log lines, base64, as LogType=Tail returns them. */
function logTail(result: InvokeResult): string {
  const text = Buffer.from(result.logs.map((record) => `${formatLogRecord(record)}\n`).join(""));
  return text.subarray(Math.max(0, text.length - TAIL_BYTES)).toString("base64");
}

function header(request: AwsRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
