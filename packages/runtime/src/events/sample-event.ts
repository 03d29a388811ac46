// `sampleEvent(kind, options)`: realistic events of the sources that invoke
// Lambda functions, one generator per source file, one row per kind here.
// Output is deterministic: fixed ids and a fixed time unless `time` is given.
import { RuntimeError } from "../errors.js";
import { apiGatewayV1Event, apiGatewayV2Event } from "./api-gateway.js";
import { logsEvent } from "./cloudwatch-logs.js";
import { eventBridgeEvent, scheduleEvent } from "./eventbridge.js";
import { snsEvent, sqsEvent } from "./queues.js";
import { s3Event } from "./s3.js";
import { DEFAULT_REGION } from "../options.js";
import { DEFAULT_TIME } from "./sample-values.js";
import { dynamodbEvent, kinesisEvent } from "./streams.js";

export interface SampleEventOptions {
  region?: string;
  /** ISO time of the event (default 2024-01-01T00:00:00.000Z). */
  time?: string;
  bucket?: string;
  key?: string;
  /** The payload: object content (s3), message (sqs, sns, kinesis, logs lines), item or detail JSON (dynamodb, eventbridge), request body (apigw). */
  body?: string;
  path?: string;
  method?: string;
  queue?: string;
  topic?: string;
  table?: string;
  stream?: string;
  source?: string;
  detailType?: string;
  logGroup?: string;
  /** Records in the batch, 1 to 10000 (default 1): the kinds Lambda reads in batches (sqs, dynamodb, kinesis). */
  count?: number;
}

export interface EventContext {
  options: SampleEventOptions;
  region: string;
  time: Date;
}

type Option = keyof SampleEventOptions;

interface EventKindRow {
  describe: string;
  options: readonly Option[];
  make(context: EventContext): object;
}

const EVENT_TABLE = {
  "s3-put": { describe: "S3 ObjectCreated:Put", options: ["bucket", "key", "body"], make: (c) => s3Event("put", c) },
  "s3-delete": { describe: "S3 ObjectRemoved:Delete", options: ["bucket", "key"], make: (c) => s3Event("delete", c) },
  sqs: { describe: "SQS message", options: ["queue", "body", "count"], make: sqsEvent },
  sns: { describe: "SNS notification", options: ["topic", "body"], make: snsEvent },
  dynamodb: { describe: "DynamoDB Streams INSERT (--body: the item as JSON)", options: ["table", "body", "count"], make: dynamodbEvent },
  kinesis: { describe: "Kinesis record", options: ["stream", "body", "count"], make: kinesisEvent },
  schedule: { describe: "EventBridge scheduled event", options: [], make: scheduleEvent },
  eventbridge: { describe: "EventBridge custom event (--body: the detail as JSON)", options: ["source", "detailType", "body"], make: eventBridgeEvent },
  logs: { describe: "CloudWatch Logs subscription (--body: lines)", options: ["logGroup", "body"], make: logsEvent },
  "apigw-v1": { describe: "API Gateway REST API proxy (payload 1.0)", options: ["path", "method", "body"], make: apiGatewayV1Event },
  "apigw-v2": { describe: "API Gateway HTTP API (payload 2.0)", options: ["path", "method", "body"], make: apiGatewayV2Event },
} satisfies Record<string, EventKindRow>;

export type EventKind = keyof typeof EVENT_TABLE;

/** Every kind with what it is and the options it reads (besides region and time). */
export const EVENT_KINDS: Readonly<Record<EventKind, { describe: string; options: readonly Option[] }>> = EVENT_TABLE;

export function isEventKind(kind: string): kind is EventKind {
  return Object.hasOwn(EVENT_TABLE, kind);
}

/** Most records in one batch: the largest batch size of Lambda's SQS, DynamoDB and Kinesis event source mappings. */
export const MAX_BATCH_RECORDS = 10_000;

/** A sample event of `kind`; throws INVALID_OPTION naming the option and what it must be. */
export function sampleEvent(kind: EventKind, options: SampleEventOptions = {}): object {
  const time = new Date(options.time ?? DEFAULT_TIME);
  if (Number.isNaN(time.getTime())) throw new RuntimeError("INVALID_OPTION", 'option "time"', `must be an ISO date, got ${JSON.stringify(options.time)}`);
  const row: EventKindRow = EVENT_TABLE[kind];
  checkCount(kind, row, options.count);
  return row.make({ options, region: options.region ?? DEFAULT_REGION, time });
}

function checkCount(kind: EventKind, row: EventKindRow, count: number | undefined): void {
  if (count === undefined) return;
  if (!row.options.includes("count")) {
    throw new RuntimeError("INVALID_OPTION", 'option "count"', `does not apply to ${kind}: Lambda sends its events one at a time`);
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH_RECORDS) {
    throw new RuntimeError("INVALID_OPTION", 'option "count"', `must be a whole number from 1 to ${MAX_BATCH_RECORDS}, got ${JSON.stringify(count)}`);
  }
}
