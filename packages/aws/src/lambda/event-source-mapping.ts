// lambda.EventSourceMapping: Lambda polls a source (an SQS queue, a DynamoDB
// or Kinesis stream) and invokes a function with batches of what it finds.
// Its physical id is `<function>|<event source ARN>` (Lambda allows one
// mapping per pair, and its UUID is known only after creation; outputs
// carry it); changing the function, the source or the starting position
// replaces it, everything else is updated in place.
import { checkInteger, checkObject, defined, invalidArgument } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES } from "../core/types.js";

export interface EventSourceMappingArgs {
  /** The queue's or stream's ARN. */
  eventSourceArn: Input<string>;
  /** The function (a resource) or its name or ARN. */
  functionName: Input<string> | { name: Output<string> };
  batchSize?: number;
  maximumBatchingWindowInSeconds?: number;
  /** Default true. */
  enabled?: boolean;
  functionResponseTypes?: Array<"ReportBatchItemFailures">;
  /** SQS only: at most this many batches at once. */
  scalingConfig?: { maximumConcurrency?: number };
  /** Streams only. */
  startingPosition?: "TRIM_HORIZON" | "LATEST" | "AT_TIMESTAMP";
  /** Streams only, with AT_TIMESTAMP: RFC 3339 time. */
  startingPositionTimestamp?: string;
  parallelizationFactor?: number;
  bisectBatchOnFunctionError?: boolean;
  maximumRetryAttempts?: number;
  maximumRecordAgeInSeconds?: number;
  tumblingWindowInSeconds?: number;
  destinationConfig?: { onFailure?: { destinationArn: Input<string> } };
}

const RANGES: ReadonlyArray<readonly [keyof EventSourceMappingArgs, number, number]> = [
  ["batchSize", 1, 10000],
  ["maximumBatchingWindowInSeconds", 0, 300],
  ["parallelizationFactor", 1, 10],
  ["maximumRetryAttempts", -1, 10000],
  ["maximumRecordAgeInSeconds", -1, 604800],
  ["tumblingWindowInSeconds", 0, 900],
];

export class EventSourceMapping extends Resource {
  /** Lambda's id of the mapping. */
  readonly uuid: Output<string>;
  readonly functionArn: Output<string>;
  readonly arn: Output<string>;

  constructor(name: string, args: EventSourceMappingArgs, options: ResourceOptions = {}) {
    const read = (options as { readId?: unknown }).readId !== undefined;
    super(TYPES.eventSourceMapping, name, read ? {} : mappingInputs(name, args), options, ["uuid", "functionArn", "arn"]);
    this.uuid = this.output("uuid");
    this.functionArn = this.output("functionArn");
    this.arn = this.output("arn");
  }

  /** The existing mapping with this UUID (or `<function>|<source ARN>`), read and never changed. */
  static get(name: string, id: Input<string>): EventSourceMapping {
    return new EventSourceMapping(name, { eventSourceArn: "", functionName: "" }, { readId: id } as ResourceOptions);
  }
}

function mappingInputs(name: string, args: EventSourceMappingArgs): Record<string, unknown> {
  const type = TYPES.eventSourceMapping;
  const given = checkObject(type, name, args) as Partial<EventSourceMappingArgs>;
  if (given.eventSourceArn === undefined) throw invalidArgument(type, name, `"eventSourceArn" is required`);
  if (given.functionName === undefined) throw invalidArgument(type, name, `"functionName" is required`);
  for (const [key, min, max] of RANGES) checkInteger(type, name, key, given[key], min, max);
  checkInteger(type, name, "scalingConfig.maximumConcurrency", given.scalingConfig?.maximumConcurrency, 2, 1000);
  const fn = descriptorOf(given.functionName)?.type === TYPES.function ? (given.functionName as { name: Output<string> }).name : given.functionName;
  return defined({
    eventSourceArn: given.eventSourceArn,
    functionName: fn,
    enabled: given.enabled ?? true,
    batchSize: given.batchSize,
    maximumBatchingWindowInSeconds: given.maximumBatchingWindowInSeconds,
    functionResponseTypes: given.functionResponseTypes === undefined ? undefined : [...given.functionResponseTypes],
    scalingConfig: given.scalingConfig === undefined ? undefined : { ...given.scalingConfig },
    startingPosition: given.startingPosition,
    startingPositionTimestamp: given.startingPositionTimestamp,
    parallelizationFactor: given.parallelizationFactor,
    bisectBatchOnFunctionError: given.bisectBatchOnFunctionError,
    maximumRetryAttempts: given.maximumRetryAttempts,
    maximumRecordAgeInSeconds: given.maximumRecordAgeInSeconds,
    tumblingWindowInSeconds: given.tumblingWindowInSeconds,
    destinationConfig: given.destinationConfig,
  });
}
