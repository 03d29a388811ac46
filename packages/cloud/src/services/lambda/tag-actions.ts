// TagResource, UntagResource and ListTags (the resource is a function's ARN in
// the path), and reserved concurrency: Put/Get/DeleteFunctionConcurrency. A
// function's reserved concurrency is its local pool's limit on instances.
import { AwsError } from "../../errors.js";
import type { AwsRequest } from "../../server/aws-request.js";
import { validation } from "./function-config.js";
import { findFunction, jsonReply, readJson, type LambdaAction } from "./lambda-state.js";

// Lambda keeps 100 of the account's 1,000 concurrent executions unreserved.
const MAX_RESERVED = 900;

export const tagResource: LambdaAction = async (state, request, [arn]) => {
  const input = await readJson<{ Tags?: Record<string, unknown> }>(request, "TagResource");
  const row = findFunction(state, request, arn!);
  const tags = { ...row.tags, ...Object.fromEntries(Object.entries(input.Tags ?? {}).map(([key, value]) => [key, String(value)])) };
  if (Object.keys(tags).length > 50) throw new AwsError("InvalidParameterValueException", "Number of tags exceeds resource tag limit.");
  state.functions.put({ ...row, tags });
  return jsonReply(204, undefined);
};

export const untagResource: LambdaAction = async (state, request, [arn]) => {
  const row = findFunction(state, request, arn!);
  const removed = new Set(repeatedQuery(request, "tagKeys"));
  state.functions.put({ ...row, tags: Object.fromEntries(Object.entries(row.tags).filter(([key]) => !removed.has(key))) });
  return jsonReply(204, undefined);
};

export const listTags: LambdaAction = async (state, request, [arn]) => jsonReply(200, { Tags: findFunction(state, request, arn!).tags });

export const putFunctionConcurrency: LambdaAction = async (state, request, [name]) => {
  const input = await readJson<{ ReservedConcurrentExecutions?: unknown }>(request, "PutFunctionConcurrency");
  const value = Number(input.ReservedConcurrentExecutions);
  if (input.ReservedConcurrentExecutions === undefined || !Number.isInteger(value) || value < 0) {
    throw validation(`'${String(input.ReservedConcurrentExecutions)}'`, "reservedConcurrentExecutions", "Member must have value greater than or equal to 0");
  }
  if (value > MAX_RESERVED) {
    throw new AwsError(
      "InvalidParameterValueException",
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
    );
  }
  const row = findFunction(state, request, name!);
  state.functions.put({ ...row, reservedConcurrency: value });
  state.changed(row.name, false);
  return jsonReply(200, { ReservedConcurrentExecutions: value });
};

export const getFunctionConcurrency: LambdaAction = async (state, request, [name]) => {
  const row = findFunction(state, request, name!);
  return jsonReply(200, row.reservedConcurrency === null ? {} : { ReservedConcurrentExecutions: row.reservedConcurrency });
};

export const deleteFunctionConcurrency: LambdaAction = async (state, request, [name]) => {
  const row = findFunction(state, request, name!);
  state.functions.put({ ...row, reservedConcurrency: null });
  state.changed(row.name, false);
  return jsonReply(204, undefined);
};

// AwsRequest.query keeps one value per name; UntagResource repeats tagKeys.
function repeatedQuery(request: AwsRequest, name: string): string[] {
  const url = request.stream.url ?? "";
  const mark = url.indexOf("?");
  return mark === -1 ? [] : new URLSearchParams(url.slice(mark + 1)).getAll(name);
}
