// The payload a DynamoDB stream mapping sends a function, and what it may
// answer, as @types/aws-lambda has them, under the names Pulumi's users
// know; and the arguments of table.onEvent.
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";

export type TableEvent = DynamoDBStreamEvent;
export type TableRecord = DynamoDBRecord;
/** What a handler may return with functionResponseTypes: ["ReportBatchItemFailures"]. */
export type TableBatchResponse = DynamoDBBatchResponse;
export type TableEventHandler = (event: TableEvent, context: Context) => void | TableBatchResponse | Promise<void | TableBatchResponse>;

export interface TableEventSubscriptionArgs {
  /** Where a new subscription starts reading: the oldest record kept (24 h), or only new ones. */
  startingPosition: "TRIM_HORIZON" | "LATEST";
  /** Records per invocation, 1 to 10,000. Default 100. */
  batchSize?: number;
  /** Seconds to gather a batch, 0 to 300. */
  maximumBatchingWindowInSeconds?: number;
  /** Split a failing batch in two before retrying it. */
  bisectBatchOnFunctionError?: boolean;
  /** Retries of a failing batch before it is skipped, -1 (until the records expire) to 10,000. */
  maximumRetryAttempts?: number;
  /** Skip records older than this, -1 (never) or 60 to 604,800 seconds. */
  maximumRecordAgeInSeconds?: number;
  /** Batches per shard processed at once, 1 to 10. */
  parallelizationFactor?: number;
  /** ["ReportBatchItemFailures"]: the handler returns { batchItemFailures } naming the failed sequence numbers. */
  functionResponseTypes?: Array<"ReportBatchItemFailures">;
  /** Where skipped batches are described (an SQS queue's ARN). */
  destinationConfig?: { onFailure?: { destinationArn: string } };
  /** Default true. */
  enabled?: boolean;
}
