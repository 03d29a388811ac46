// TagResource, UntagResource and ListTags (the resource is a function's or
// an event source mapping's ARN in the path), and reserved concurrency:
// Put/Get/DeleteFunctionConcurrency. A function's reserved concurrency is
// its local pool's limit on instances.
import { AwsError } from "../../errors.js";
import type { AwsRequest } from "../../server/aws-request.js";
import { validation } from "./function-config.js";
import { findFunction, jsonReply, readJson, type LambdaAction, type LambdaState } from "./lambda-state.js";

// Lambda keeps 100 of the account's 1,000 concurrent executions unreserved.
const MAX_RESERVED = 900;

// arn:aws:lambda:<region>:<account>:event-source-mapping:<uuid>
const MAPPING_ARN = /^arn:aws[a-z-]*:lambda:[^:]*:[^:]*:event-source-mapping:([^:]+)$/;

/** The tags of the function or mapping an ARN names, and how to store new ones. */
interface Taggable {
  tags: Record<string, string>;
  save(tags: Record<string, string>): void;
}

function taggable(state: LambdaState, request: AwsRequest, arn: string): Taggable {
  const mapping = MAPPING_ARN.exec(arn);
  if (mapping === null) {
    const row = findFunction(state, request, arn);
    return { tags: row.tags, save: (tags) => state.functions.put({ ...row, tags }) };
  }
  const row = state.mappings.store.get(mapping[1]!);
  if (row === undefined) throw new AwsError("ResourceNotFoundException", `Event source mapping not found: ${arn}`, 404);
  return { tags: row.tags, save: (tags) => state.mappings.store.put({ ...row, tags }) };
}

export const tagResource: LambdaAction = async (state, request, [arn]) => {
  const input = await readJson<{ Tags?: Record<string, unknown> }>(request, "TagResource");
  const resource = taggable(state, request, arn!);
  const tags = { ...resource.tags, ...Object.fromEntries(Object.entries(input.Tags ?? {}).map(([key, value]) => [key, String(value)])) };
  if (Object.keys(tags).length > 50) throw new AwsError("InvalidParameterValueException", "Number of tags exceeds resource tag limit.");
  resource.save(tags);
  return jsonReply(204, undefined);
};

export const untagResource: LambdaAction = async (state, request, [arn]) => {
  const resource = taggable(state, request, arn!);
  const removed = new Set(repeatedQuery(request, "tagKeys"));
  resource.save(Object.fromEntries(Object.entries(resource.tags).filter(([key]) => !removed.has(key))));
  return jsonReply(204, undefined);
};

export const listTags: LambdaAction = async (state, request, [arn]) => jsonReply(200, { Tags: taggable(state, request, arn!).tags });

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
