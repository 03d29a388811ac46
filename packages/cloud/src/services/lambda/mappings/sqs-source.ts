// SQS as an event source: Lambda's refusals for a queue mapping, and the
// run that polls the queue. Up to concurrency() batches are in flight at
// once; a batch is at most BatchSize messages, gathered for up to
// MaximumBatchingWindowInSeconds (at once with no window); its messages stay
// invisible for the queue's visibility timeout while the function runs. A
// batch that succeeded is deleted; a failed one is left to come back after
// the timeout (and to the dead-letter queue after maxReceiveCount, which SQS
// itself does); with ReportBatchItemFailures only the failed items stay.
// FIFO order holds because SQS hands out no message of a group in flight.
import { AwsError } from "../../../errors.js";
import { queueSource, type PolledMessage, type QueueSource } from "../../service.js";
import { readBatchItemFailures } from "./batch-failures.js";
import type { EventSourceKind, MappingRun } from "./event-source.js";

// SQS's longest receive wait: Lambda's pollers long-poll.
const POLL_WAIT_MS = 20_000;
// A synchronous invocation's payload limit is 6 MB; stop gathering short of it.
const PAYLOAD_LIMIT = 6 * 1024 * 1024 - 64 * 1024;
const RETRY_MS = 5_000;
const THROTTLED_MS = 1_000;
const STREAM_ONLY = [
  "MaximumRetryAttempts",
  "MaximumRecordAgeInSeconds",
  "BisectBatchOnFunctionError",
  "ParallelizationFactor",
  "TumblingWindowInSeconds",
  "DestinationConfig",
] as const;

const invalid = (message: string): AwsError => new AwsError("InvalidParameterValueException", message);

export const SQS_SOURCE: EventSourceKind = {
  name: "sqs",
  matches: (arn) => /^arn:aws[a-z-]*:sqs:/.test(arn),
  defaults: { BatchSize: 10, MaximumBatchingWindowInSeconds: 0 },
  fields: { MaximumBatchingWindowInSeconds: 0, ScalingConfig: undefined },

  check(settings, arn, fn, context) {
    if (settings.StartingPosition !== undefined) throw invalid("StartingPosition is not valid for SQS event sources.");
    const extra = STREAM_ONLY.find((field) => settings[field] !== undefined);
    if (extra !== undefined) throw invalid(`Unsupported ${extra} parameter for given event source mapping type.`);
    const queue = queueSource(context)?.describeQueue(arn);
    if (queue === undefined) {
      throw invalid(
        "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist or you do not have access to it.",
      );
    }
    const window = settings.MaximumBatchingWindowInSeconds ?? 0;
    if (queue.fifo && settings.BatchSize > 10) throw invalid(`BatchSize ${settings.BatchSize} exceeds the max of 10 for FIFO queues.`);
    if (queue.fifo && window > 0) throw invalid("MaximumBatchingWindowInSeconds is not supported for FIFO queues.");
    if (settings.BatchSize > 10 && window === 0)
      throw invalid("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
    if (fn.settings.timeout > queue.visibilityTimeoutSeconds) {
      throw invalid(`Queue visibility timeout: ${queue.visibilityTimeoutSeconds} seconds is less than Function timeout: ${fn.settings.timeout} seconds`);
    }
  },

  async run(run) {
    const source = queueSource(run.context);
    if (source === undefined) return;
    const inFlight = new Set<Promise<void>>();
    const stopped = aborted(run.signal);
    while (!run.signal.aborted) {
      const limit = run.concurrency();
      if (limit === 0) {
        // Throttled (reserved concurrency 0) or the function is gone: look again soon.
        await run.sleep(THROTTLED_MS);
        continue;
      }
      if (inFlight.size >= limit) {
        await Promise.race([...inFlight, stopped]);
        continue;
      }
      const batch = await gather(run, source);
      if (batch.length === 0) continue;
      const processing: Promise<void> = process(run, source, batch).finally(() => inFlight.delete(processing));
      inFlight.add(processing);
    }
  },
};

/** Receives one batch: up to BatchSize messages within the batching window, [] when none came. */
async function gather(run: MappingRun, source: QueueSource): Promise<PolledMessage[]> {
  const { BatchSize: size, MaximumBatchingWindowInSeconds: window = 0 } = run.mapping.settings;
  const batch: PolledMessage[] = [];
  let bytes = 0;
  let closesAt = Infinity;
  while (batch.length < size && bytes < PAYLOAD_LIMIT && !run.signal.aborted) {
    const now = run.clock.now();
    if (now >= closesAt) break;
    const wait = batch.length === 0 ? POLL_WAIT_MS : closesAt - now;
    const received = await receive(run, source, Math.min(10, size - batch.length), wait);
    if (received === undefined) break;
    // The window opens with the batch's first message.
    if (batch.length === 0 && received.length > 0) closesAt = window === 0 ? 0 : run.clock.now() + window * 1000;
    for (const message of received) bytes += Buffer.byteLength(message.body) + 1024;
    batch.push(...received);
    if (batch.length === 0) break;
  }
  return batch;
}

async function receive(run: MappingRun, source: QueueSource, max: number, waitMs: number): Promise<PolledMessage[] | undefined> {
  try {
    return await source.receiveMessages(run.mapping.eventSourceArn, max, waitMs, run.signal);
  } catch (error) {
    // The queue was deleted: Lambda keeps the mapping and keeps trying.
    run.report(`PROBLEM: ${error instanceof Error ? error.message : String(error)}`);
    await run.sleep(RETRY_MS);
    return undefined;
  }
}

async function process(run: MappingRun, source: QueueSource, batch: PolledMessage[]): Promise<void> {
  const outcome = await run.invoke(JSON.stringify({ Records: batch.map((message) => record(run, message)) }));
  if (!outcome.ok) {
    run.report("PROBLEM: Function call failed");
    return;
  }
  let done = batch;
  if (run.mapping.settings.FunctionResponseTypes.includes("ReportBatchItemFailures")) {
    const verdict = readBatchItemFailures(
      outcome.payload,
      batch.map((message) => message.messageId),
    );
    if (verdict.kind === "all-failed") {
      run.report(`PROBLEM: Invalid batchItemFailures response: ${verdict.reason}`);
      return;
    }
    if (verdict.kind === "some-failed") done = batch.filter((message) => !verdict.failed.has(message.messageId));
  }
  try {
    source.deleteMessages(
      run.mapping.eventSourceArn,
      done.map((message) => message.receiptHandle),
    );
    run.report("OK");
  } catch (error) {
    run.report(`PROBLEM: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** One message as Lambda puts it in the event (SQSRecord of @types/aws-lambda). */
function record(run: MappingRun, message: PolledMessage): Record<string, unknown> {
  const attributes = Object.keys(message.messageAttributes);
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes: orderedAttributes(message.attributes),
    messageAttributes: Object.fromEntries(
      attributes.map((name) => {
        const { DataType, StringValue, BinaryValue } = message.messageAttributes[name]!;
        const value = BinaryValue === undefined ? { stringValue: StringValue } : { binaryValue: BinaryValue };
        return [name, { ...value, stringListValues: [], binaryListValues: [], dataType: DataType }];
      }),
    ),
    md5OfBody: message.md5OfBody,
    ...(message.md5OfMessageAttributes === undefined ? {} : { md5OfMessageAttributes: message.md5OfMessageAttributes }),
    eventSource: "aws:sqs",
    eventSourceARN: run.mapping.eventSourceArn,
    awsRegion: run.mapping.region,
  };
}

// In the order Lambda's events list them.
const ATTRIBUTE_ORDER = [
  "ApproximateReceiveCount",
  "AWSTraceHeader",
  "SentTimestamp",
  "SequenceNumber",
  "MessageGroupId",
  "SenderId",
  "MessageDeduplicationId",
  "ApproximateFirstReceiveTimestamp",
  "DeadLetterQueueSourceArn",
];

function orderedAttributes(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(ATTRIBUTE_ORDER.filter((name) => attributes[name] !== undefined).map((name) => [name, attributes[name]!]));
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true })));
}
