// DynamoDB streams as an event source: Lambda's defaults and refusals for a
// stream mapping (a starting position is required, AT_TIMESTAMP is not
// DynamoDB's, the stream must exist); the run is stream-poller.ts's, shared
// with Kinesis. Records reach the function as DynamoDB Streams writes them,
// with the stream's ARN as eventSourceARN.
import { AwsError } from "../../../errors.js";
import { streamSource } from "../../service.js";
import type { EventSourceKind, MappingSettings } from "./event-source.js";
import { isSupportedDestination } from "./failure-destination.js";
import { runStream } from "./stream-poller.js";

const invalid = (message: string): AwsError => new AwsError("InvalidParameterValueException", message);

/** The fields every stream kind answers, with Lambda's values when unset. */
export const STREAM_FIELDS = {
  StartingPosition: undefined,
  StartingPositionTimestamp: undefined,
  MaximumBatchingWindowInSeconds: 0,
  ParallelizationFactor: 1,
  DestinationConfig: { OnFailure: {} },
  BisectBatchOnFunctionError: false,
  MaximumRetryAttempts: -1,
  MaximumRecordAgeInSeconds: -1,
  TumblingWindowInSeconds: 0,
};

/** Lambda's refusals common to stream kinds. */
export function checkStreamSettings(settings: MappingSettings, creating: boolean): void {
  if (creating && settings.StartingPosition === undefined)
    throw invalid("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
  if (settings.StartingPosition === "AT_TIMESTAMP" && settings.StartingPositionTimestamp === undefined) throw invalid("Need to specify a timestamp");
  const age = settings.MaximumRecordAgeInSeconds;
  if (age !== undefined && age !== -1 && age < 60) throw invalid("MaximumRecordAgeInSeconds must be -1 or between 60 and 604800.");
  if ((settings.TumblingWindowInSeconds ?? 0) > 0) throw invalid("The local cloud does not support TumblingWindowInSeconds on event source mappings.");
  if (settings.ScalingConfig !== undefined) throw invalid("Unsupported ScalingConfig parameter for given event source mapping type.");
  const destination = settings.DestinationConfig?.OnFailure?.Destination;
  if (destination !== undefined && !isSupportedDestination(destination)) {
    throw invalid(`The local cloud sends on-failure records to SQS queues only, got ${destination}`);
  }
}

export const DYNAMODB_SOURCE: EventSourceKind = {
  name: "dynamodb",
  matches: (arn) => /^arn:aws[a-z-]*:dynamodb:[^:]+:\d{12}:table\/[^/]+\/stream\/.+$/.test(arn),
  defaults: { BatchSize: 100 },
  fields: STREAM_FIELDS,

  check(settings, arn, _fn, context, creating) {
    checkStreamSettings(settings, creating);
    if (settings.StartingPosition === "AT_TIMESTAMP") throw invalid("Unsupported starting position for DynamoDB streams: AT_TIMESTAMP");
    if (settings.BatchSize > 10000) throw invalid("BatchSize must be between 1 and 10000 for DynamoDB streams.");
    if (streamSource(context, "dynamodb")?.listShards(arn) === undefined) throw invalid(`Stream not found: ${arn}`);
  },

  run: (run) => runStream(run, { service: "dynamodb", batchInfo: "DDBStreamBatchInfo" }),
};
