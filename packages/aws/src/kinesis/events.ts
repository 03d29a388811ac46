// The payload a Kinesis mapping sends a function, and what it may answer,
// as @types/aws-lambda has them, under the names Pulumi's users know; and
// the arguments of stream.onEvent.
import type { Context, KinesisStreamBatchResponse, KinesisStreamEvent, KinesisStreamRecord } from "aws-lambda";
import type { TableEventSubscriptionArgs } from "../dynamodb/events.js";

export type StreamEvent = KinesisStreamEvent;
export type StreamRecord = KinesisStreamRecord;
/** What a handler may return with functionResponseTypes: ["ReportBatchItemFailures"]. */
export type StreamBatchResponse = KinesisStreamBatchResponse;
export type StreamEventHandler = (event: StreamEvent, context: Context) => void | StreamBatchResponse | Promise<void | StreamBatchResponse>;

export interface StreamEventSubscriptionArgs extends Omit<TableEventSubscriptionArgs, "startingPosition"> {
  /** Where a new subscription starts reading: the oldest record kept, only new ones, or from a time. */
  startingPosition: "TRIM_HORIZON" | "LATEST" | "AT_TIMESTAMP";
  /** With AT_TIMESTAMP: an RFC 3339 time (e.g. "2026-12-07T00:00:00Z"). */
  startingPositionTimestamp?: string;
}
