// The payload an SQS event source mapping sends a function, and what the
// function may answer, as @types/aws-lambda has them, under the names
// Pulumi's users know; and the arguments of queue.onEvent.
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";

export type QueueEvent = SQSEvent;
export type QueueRecord = SQSRecord;
/** What a handler may return with functionResponseTypes: ["ReportBatchItemFailures"]. */
export type QueueBatchResponse = SQSBatchResponse;
export type QueueEventHandler = (event: QueueEvent, context: Context) => void | QueueBatchResponse | Promise<void | QueueBatchResponse>;

export interface QueueEventSubscriptionArgs {
  /** Messages per invocation: 1 to 10,000 (at most 10 for a FIFO queue, or without a batching window). Default 10. */
  batchSize?: number;
  /** Seconds to gather a batch, 0 to 300. Required above 0 for batchSize over 10. */
  maximumBatchingWindowInSeconds?: number;
  /** ["ReportBatchItemFailures"]: the handler returns { batchItemFailures } and only those messages stay. */
  functionResponseTypes?: Array<"ReportBatchItemFailures">;
  /** At most this many batches at once (2 to 1,000). */
  maximumConcurrency?: number;
  /** Default true. */
  enabled?: boolean;
}
