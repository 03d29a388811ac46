// Create/Get/List/Update/DeleteEventSourceMapping. The generic checks are
// mapping-config.ts's, the source's own its kind's; the runs follow the
// stored rows through EventSourceMappings (changed/deleted).
import { randomUUID } from "node:crypto";
import { AwsError } from "../../../errors.js";
import type { AwsRequest } from "../../../server/aws-request.js";
import { functionArn, parseFunctionRef, validation } from "../function-config.js";
import type { FunctionRow } from "../function-store.js";
import { jsonReply, readJson, type LambdaAction, type LambdaState } from "../lambda-state.js";
import type { EventSourceKind, MappingSettings } from "./event-source.js";
import { mappingConfiguration, readEnabled, readSettings, type MappingInput } from "./mapping-config.js";
import type { MappingRow } from "./mapping-store.js";

const PAGE_LIMIT = 100;

export const createMapping: LambdaAction = async (state, request) => {
  const input = await readJson<MappingInput>(request, "CreateEventSourceMapping");
  const arn = input.EventSourceArn;
  if (typeof arn !== "string" || arn === "") throw validation("null", "eventSourceArn", "Member must not be null");
  const fn = requireFunction(state, request, input.FunctionName);
  const kind = requireKind(state, arn);
  const settings: MappingSettings = { FunctionResponseTypes: [], ...kind.defaults, ...readSettings(input) };
  kind.check(settings, arn, fn, state.context, true);
  const existing = state.mappings.store.list({ eventSourceArn: arn, functionName: fn.name }, undefined, 1)[0];
  if (existing !== undefined) {
    throw new AwsError(
      "ResourceConflictException",
      `The event source arn (" ${arn} ") and function (" ${fn.name} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${existing.uuid}`,
      409,
    );
  }
  const row: MappingRow = {
    uuid: randomUUID(),
    functionName: fn.name,
    region: fn.region,
    eventSourceArn: arn,
    enabled: readEnabled(input) ?? true,
    state: "Creating",
    stateReason: "USER_INITIATED",
    settings,
    lastModified: state.context.clock.now(),
    lastResult: null,
    tags: (input.Tags ?? {}) as Record<string, string>,
  };
  state.mappings.store.put(row);
  state.mappings.changed(row.uuid);
  return jsonReply(202, mappingConfiguration(row, kind));
};

export const getMapping: LambdaAction = async (state, _request, [uuid]) => {
  const row = requireMapping(state, uuid!);
  return jsonReply(200, mappingConfiguration(row, requireKind(state, row.eventSourceArn)));
};

export const listMappings: LambdaAction = async (state, request) => {
  const max = Number(request.query.get("MaxItems") ?? PAGE_LIMIT);
  if (!Number.isInteger(max) || max < 1 || max > 10000)
    throw validation(`'${request.query.get("MaxItems")}'`, "maxItems", "Member must have value between 1 and 10000");
  const name = request.query.get("FunctionName");
  const filter = {
    ...(request.query.has("EventSourceArn") ? { eventSourceArn: request.query.get("EventSourceArn")! } : {}),
    ...(name === undefined ? {} : { functionName: parseFunctionRef(name).name }),
  };
  const limit = Math.min(max, PAGE_LIMIT);
  const rows = state.mappings.store.list(filter, request.query.get("Marker"), limit + 1);
  const page = rows.slice(0, limit);
  const next = rows.length > limit ? page[page.length - 1]!.uuid : undefined;
  const mappings = page.map((row) => mappingConfiguration(row, requireKind(state, row.eventSourceArn)));
  return jsonReply(200, { EventSourceMappings: mappings, ...(next === undefined ? {} : { NextMarker: next }) });
};

export const updateMapping: LambdaAction = async (state, request, [uuid]) => {
  const input = await readJson<MappingInput>(request, "UpdateEventSourceMapping");
  const row = requireMapping(state, uuid!);
  const fn = input.FunctionName === undefined ? requireFunction(state, request, row.functionName) : requireFunction(state, request, input.FunctionName);
  const kind = requireKind(state, row.eventSourceArn);
  const given = readSettings(input);
  // An empty ScalingConfig removes it, as Lambda documents.
  const settings: MappingSettings = { ...row.settings, ...given };
  if (given.ScalingConfig !== undefined && given.ScalingConfig.MaximumConcurrency === undefined) delete settings.ScalingConfig;
  kind.check(settings, row.eventSourceArn, fn, state.context, false);
  const enabled = readEnabled(input) ?? row.enabled;
  const transition = enabled === row.enabled ? "Updating" : enabled ? "Enabling" : "Disabling";
  const updated: MappingRow = { ...row, functionName: fn.name, enabled, settings, state: transition, lastModified: state.context.clock.now() };
  state.mappings.store.put(updated);
  state.mappings.changed(row.uuid);
  return jsonReply(202, mappingConfiguration(updated, kind));
};

export const deleteMapping: LambdaAction = async (state, _request, [uuid]) => {
  const row = requireMapping(state, uuid!);
  state.mappings.store.delete(row.uuid);
  state.mappings.deleted(row.uuid);
  return jsonReply(202, mappingConfiguration({ ...row, state: "Deleting" }, requireKind(state, row.eventSourceArn)));
};

function requireMapping(state: LambdaState, uuid: string): MappingRow {
  const row = state.mappings.store.get(uuid);
  if (row === undefined) throw new AwsError("ResourceNotFoundException", "The resource you requested does not exist.", 404);
  return row;
}

function requireFunction(state: LambdaState, request: AwsRequest, given: unknown): FunctionRow {
  if (typeof given !== "string" || given === "") throw validation("null", "functionName", "Member must not be null");
  const name = parseFunctionRef(given).name;
  const fn = state.functions.get(name);
  if (fn === undefined) throw new AwsError("ResourceNotFoundException", `Function not found: ${functionArn(request.region, name)}`, 404);
  return fn;
}

function requireKind(state: LambdaState, arn: string): EventSourceKind {
  const kind = state.mappings.kindOf(arn);
  if (kind === undefined)
    throw new AwsError(
      "InvalidParameterValueException",
      `Unsupported event source type: the local cloud reads SQS queues, DynamoDB streams and Kinesis streams, got ${arn}`,
    );
  return kind;
}
