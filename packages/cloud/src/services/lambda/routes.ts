// Lambda's REST paths, one row per operation: method, path pattern (the
// function name or ARN is a percent-encoded segment) and the action. A new
// operation (event source mappings, issue 13) is a new row.
import { AwsError } from "../../errors.js";
import type { AwsRequest } from "../../server/aws-request.js";
import {
  createFunction,
  deleteFunction,
  getFunction,
  getFunctionConfiguration,
  listFunctions,
  updateFunctionCode,
  updateFunctionConfiguration,
} from "./function-actions.js";
import { invoke } from "./invoke-action.js";
import type { LambdaAction } from "./lambda-state.js";
import { createMapping, deleteMapping, getMapping, listMappings, updateMapping } from "./mappings/mapping-actions.js";
import { addPermission, getPolicy, removePermission } from "./permission-actions.js";
import { deleteFunctionConcurrency, getFunctionConcurrency, listTags, putFunctionConcurrency, tagResource, untagResource } from "./tag-actions.js";

type Route = readonly [method: string, path: RegExp, action: LambdaAction];

const SEGMENT = "([^/]+)";
const FUNCTION = `/2015-03-31/functions/${SEGMENT}`;

function path(pattern: string): RegExp {
  return new RegExp(`^${pattern}/?$`);
}

const ROUTES: readonly Route[] = [
  ["POST", path("/2015-03-31/functions"), createFunction],
  ["GET", path("/2015-03-31/functions"), listFunctions],
  ["GET", path(FUNCTION), getFunction],
  ["DELETE", path(FUNCTION), deleteFunction],
  ["GET", path(`${FUNCTION}/configuration`), getFunctionConfiguration],
  ["PUT", path(`${FUNCTION}/configuration`), updateFunctionConfiguration],
  ["PUT", path(`${FUNCTION}/code`), updateFunctionCode],
  ["POST", path(`${FUNCTION}/invocations`), invoke],
  ["POST", path(`${FUNCTION}/policy`), addPermission],
  ["GET", path(`${FUNCTION}/policy`), getPolicy],
  ["DELETE", path(`${FUNCTION}/policy/${SEGMENT}`), removePermission],
  ["PUT", path(`/2017-10-31/functions/${SEGMENT}/concurrency`), putFunctionConcurrency],
  ["DELETE", path(`/2017-10-31/functions/${SEGMENT}/concurrency`), deleteFunctionConcurrency],
  ["GET", path(`/2019-09-30/functions/${SEGMENT}/concurrency`), getFunctionConcurrency],
  ["POST", path(`/2017-03-31/tags/${SEGMENT}`), tagResource],
  ["DELETE", path(`/2017-03-31/tags/${SEGMENT}`), untagResource],
  ["GET", path(`/2017-03-31/tags/${SEGMENT}`), listTags],
  ["POST", path("/2015-03-31/event-source-mappings"), createMapping],
  ["GET", path("/2015-03-31/event-source-mappings"), listMappings],
  ["GET", path(`/2015-03-31/event-source-mappings/${SEGMENT}`), getMapping],
  ["PUT", path(`/2015-03-31/event-source-mappings/${SEGMENT}`), updateMapping],
  ["DELETE", path(`/2015-03-31/event-source-mappings/${SEGMENT}`), deleteMapping],
];

/** The action of a request and its decoded path parameters. */
export function matchRoute(request: AwsRequest): { action: LambdaAction; params: string[] } {
  for (const [method, pattern, action] of ROUTES) {
    const match = pattern.exec(request.rawPath);
    if (match !== null && method === request.method) return { action, params: match.slice(1).map(decodeURIComponent) };
  }
  throw new AwsError("UnknownOperationException", `Unknown operation ${request.method} ${request.rawPath}`, 404);
}
