// aws:lambda:EventSourceMapping through Lambda. Its id is
// `<function>|<event source ARN>`: Lambda allows one mapping per pair and
// makes the UUID itself, so a create cut short by a crash is found again by
// listing the pair and keeping the mapping with the stack's tags (set by
// CreateEventSourceMapping in the same call); the pair's mapping someone
// else made is refused, never adopted. Create retries while a new role's
// permissions are not yet visible to Lambda; updates and deletes retry
// while the mapping is in a transition (ResourceInUseException).
import { lambdaApi } from "./sdk.js";
import type { CreateEventSourceMappingCommandInput, EventSourceMappingConfiguration } from "@aws-sdk/client-lambda";
import { TYPES } from "../core/types.js";
import { errorCode, isNotFound, isOwnResource, notMadeByThisStack, resourceTags, retrying } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function split(id: string): { functionName: string; eventSourceArn: string } {
  const at = id.indexOf("|");
  return { functionName: id.slice(0, at), eventSourceArn: id.slice(at + 1) };
}

/** The settings of Create/UpdateEventSourceMapping from the inputs; unset SQS settings go back to Lambda's defaults. */
function settings(inputs: Record<string, unknown>): Omit<CreateEventSourceMappingCommandInput, "FunctionName" | "EventSourceArn"> {
  const isQueue = String(inputs.eventSourceArn).includes(":sqs:");
  const scaling = inputs.scalingConfig as { maximumConcurrency?: number } | undefined;
  const onFailure = (inputs.destinationConfig as { onFailure?: { destinationArn?: string } } | undefined)?.onFailure;
  const optional: Record<string, unknown> = {
    BatchSize: inputs.batchSize,
    MaximumBatchingWindowInSeconds: inputs.maximumBatchingWindowInSeconds ?? (isQueue ? 0 : undefined),
    Enabled: inputs.enabled ?? true,
    FunctionResponseTypes: inputs.functionResponseTypes ?? [],
    ScalingConfig: isQueue ? (scaling?.maximumConcurrency === undefined ? {} : { MaximumConcurrency: scaling.maximumConcurrency }) : undefined,
    ParallelizationFactor: inputs.parallelizationFactor,
    BisectBatchOnFunctionError: inputs.bisectBatchOnFunctionError,
    MaximumRetryAttempts: inputs.maximumRetryAttempts,
    MaximumRecordAgeInSeconds: inputs.maximumRecordAgeInSeconds,
    TumblingWindowInSeconds: inputs.tumblingWindowInSeconds,
    DestinationConfig: onFailure === undefined ? undefined : { OnFailure: { Destination: onFailure.destinationArn } },
  };
  return Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
}

function outputs(mapping: EventSourceMappingConfiguration): Record<string, unknown> {
  return { uuid: mapping.UUID, functionArn: mapping.FunctionArn, arn: mapping.EventSourceMappingArn ?? "" };
}

/** What is under an id: the mapping it names (a UUID, or the pair's mapping with this stack's tags), and whether the pair has a mapping someone else made. */
interface Found {
  mapping?: EventSourceMappingConfiguration;
  foreign: boolean;
}

async function find(context: ApplyContext, id: string): Promise<Found> {
  const lambda = context.clients.lambda;
  try {
    if (UUID.test(id)) return { mapping: await lambda.send(new (lambdaApi().GetEventSourceMappingCommand)({ UUID: id })), foreign: false };
    const { functionName, eventSourceArn } = split(id);
    const listed =
      (await lambda.send(new (lambdaApi().ListEventSourceMappingsCommand)({ FunctionName: functionName, EventSourceArn: eventSourceArn })))
        .EventSourceMappings ?? [];
    for (const mapping of listed) {
      if (isOwnResource(context, await tagsOf(context, mapping))) return { mapping, foreign: false };
    }
    return { foreign: listed.length > 0 };
  } catch (error) {
    if (isNotFound(error, "ResourceNotFoundException")) return { foreign: false };
    throw error;
  }
}

async function tagsOf(context: ApplyContext, mapping: EventSourceMappingConfiguration): Promise<Record<string, string> | undefined> {
  const arn = mapping.EventSourceMappingArn ?? `arn:aws:lambda:${context.target.region}:${await context.accountId()}:event-source-mapping:${mapping.UUID!}`;
  return (await context.clients.lambda.send(new (lambdaApi().ListTagsCommand)({ Resource: arn }))).Tags;
}

// "The provided execution role does not have permissions to call
// ReceiveMessage on SQS": a role policy put seconds ago is not yet visible.
function isRoleNotReady(error: unknown): boolean {
  return errorCode(error) === "InvalidParameterValueException" && /execution role|permission/i.test(String((error as Error).message));
}

const isInUse = (error: unknown): boolean => errorCode(error) === "ResourceInUseException";

export const eventSourceMappingProvider: Provider = {
  type: TYPES.eventSourceMapping,
  nameRule: { max: 64 },
  replaceKeys: ["functionName", "eventSourceArn", "startingPosition", "startingPositionTimestamp"],
  identity: (inputs) => `${String(inputs.functionName)}|${String(inputs.eventSourceArn)}`,
  predict: (account, region, id) => {
    const { functionName } = split(id);
    return functionName.startsWith("arn:") ? { functionArn: functionName } : { functionArn: `arn:aws:lambda:${region}:${account}:function:${functionName}` };
  },

  async read(context, id) {
    const { mapping } = await find(context, id);
    return mapping === undefined ? undefined : outputs(mapping);
  },

  async create(context, id, inputs) {
    // Made before a crash: the pair has its mapping already; bring it up to date.
    // Listed first because not every endpoint refuses a second mapping (moto makes one).
    const existing = await find(context, id);
    if (existing.mapping !== undefined) return eventSourceMappingProvider.update(context, id, {}, inputs, outputs(existing.mapping));
    if (existing.foreign) throw notMadeByThisStack("event source mapping", id, "ResourceConflictException");
    const { functionName, eventSourceArn } = split(id);
    const position = typeof inputs.startingPosition === "string" ? { StartingPosition: inputs.startingPosition as "LATEST" } : {};
    const timestamp = typeof inputs.startingPositionTimestamp === "string" ? { StartingPositionTimestamp: new Date(inputs.startingPositionTimestamp) } : {};
    const made = await retrying(context, isRoleNotReady, () =>
      context.clients.lambda.send(
        new (lambdaApi().CreateEventSourceMappingCommand)({
          FunctionName: functionName,
          EventSourceArn: eventSourceArn,
          ...position,
          ...timestamp,
          ...settings(inputs),
          Tags: resourceTags(context, inputs.tags),
        }),
      ),
    );
    return outputs(made);
  },

  async update(context, id, _olds, inputs, previous) {
    const uuid = typeof previous.uuid === "string" ? previous.uuid : (await find(context, id)).mapping?.UUID;
    if (uuid === undefined) return eventSourceMappingProvider.create(context, id, inputs);
    const updated = await retrying(
      context,
      (error) => isInUse(error) || isRoleNotReady(error),
      () =>
        context.clients.lambda.send(
          new (lambdaApi().UpdateEventSourceMappingCommand)({ UUID: uuid, FunctionName: split(id).functionName, ...settings(inputs) }),
        ),
    );
    return outputs(updated);
  },

  async delete(context, id, _inputs, previous) {
    const uuid = typeof previous.uuid === "string" ? previous.uuid : (await find(context, id)).mapping?.UUID;
    if (uuid === undefined) return;
    try {
      await retrying(context, isInUse, () => context.clients.lambda.send(new (lambdaApi().DeleteEventSourceMappingCommand)({ UUID: uuid })));
    } catch (error) {
      if (!isNotFound(error, "ResourceNotFoundException")) throw error;
    }
  },
};
