// What Lambda's actions share: the stores, the cloud, and the hooks that keep
// running functions in step with the stored ones. Also the REST-JSON
// plumbing every action uses (reading a JSON body, answering JSON, finding
// the function a path names).
import { AwsError } from "../../errors.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { CloudContext } from "../service.js";
import type { AsyncQueue } from "./async-queue.js";
import type { CodeStore } from "./code-store.js";
import { functionArn, parseFunctionRef } from "./function-config.js";
import type { FunctionRunner } from "./function-runner.js";
import type { FunctionRow, FunctionStore } from "./function-store.js";
import type { EventSourceMappings } from "./mappings/mappings.js";

export interface LambdaState {
  readonly context: CloudContext;
  readonly functions: FunctionStore;
  readonly code: CodeStore;
  readonly runner: FunctionRunner;
  readonly queue: AsyncQueue;
  /** Event source mappings and their pollers. */
  readonly mappings: EventSourceMappings;
  /** After a function's code or settings changed (or it was deleted): new invocations run the stored function. */
  changed(name: string, deleted: boolean): void;
}

/** One Lambda operation: the request and the decoded path parameters. */
export type LambdaAction = (state: LambdaState, request: AwsRequest, params: readonly string[]) => Promise<AwsResponse>;

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): AwsResponse {
  return { status, headers: { "content-type": "application/json", ...headers }, body: body === undefined ? "" : JSON.stringify(body) };
}

/** The JSON body of a request (`{}` when empty); `limit` in bytes, past which `operation` is refused as Lambda refuses it. */
export async function readJson<T>(request: AwsRequest, operation: string, limit = 6 * 1024 * 1024): Promise<T> {
  let bytes: Buffer;
  try {
    bytes = await request.body(limit);
  } catch (error) {
    if (error instanceof AwsError && error.status === 413) throw tooLarge(operation, limit);
    throw error;
  }
  if (bytes.length === 0) return {} as T;
  try {
    const parsed: unknown = JSON.parse(bytes.toString("utf8"));
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    return parsed as T;
  } catch {
    throw new AwsError("InvalidRequestContentException", "Could not parse request body into json: Could not parse payload into json", 400);
  }
}

export function tooLarge(operation: string, limit: number): AwsError {
  return new AwsError("RequestTooLargeException", `Request must be smaller than ${limit} bytes for the ${operation} operation`, 413);
}

/** The stored function a FunctionName (name or ARN, with `?Qualifier=`) names, or ResourceNotFoundException. */
export function findFunction(state: LambdaState, request: AwsRequest, rawName: string): FunctionRow {
  const ref = parseFunctionRef(rawName, request.query.get("Qualifier"));
  const row = state.functions.get(ref.name);
  const qualified = ref.qualifier === undefined ? "" : `:${ref.qualifier}`;
  if (row === undefined || (ref.qualifier !== undefined && ref.qualifier !== "$LATEST")) {
    throw new AwsError("ResourceNotFoundException", `Function not found: ${functionArn(row?.region ?? request.region, ref.name)}${qualified}`, 404);
  }
  return row;
}
