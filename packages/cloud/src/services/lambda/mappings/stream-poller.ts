// The run of a stream mapping (DynamoDB streams, Kinesis): one loop per
// shard, batches in shard order, one batch in flight per shard. The
// position (the sequence number of the last record done) is a durable
// checkpoint per shard, written after a batch is done, so a kill -9 mid-batch
// delivers it again (at least once). A failing batch blocks its shard and is
// retried with backoff on the daemon clock, split in two first when
// BisectBatchOnFunctionError is on; with ReportBatchItemFailures the records
// before the lowest failed one are done and the rest retried. Past
// MaximumRetryAttempts, or records older than MaximumRecordAgeInSeconds, are
// skipped and described to the on-failure destination (an SQS queue).
import { randomUUID } from "node:crypto";
import type { ServiceName } from "../../../server/aws-request.js";
import { streamSource, type StreamRecord, type StreamSource, type StreamStart } from "../../service.js";
import { readBatchItemFailures } from "./batch-failures.js";
import type { MappingRun } from "./event-source.js";
import { sendToDestination } from "./failure-destination.js";

export interface StreamSpec {
  service: ServiceName;
  /** The on-failure record's batch field: DDBStreamBatchInfo, KinesisBatchInfo. */
  batchInfo: string;
}

const PAYLOAD_LIMIT = 6 * 1024 * 1024 - 64 * 1024;
const IDLE_WAIT_MS = 60_000;
const RETRY_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

export async function runStream(run: MappingRun, spec: StreamSpec): Promise<void> {
  const source = streamSource(run.context, spec.service);
  if (source === undefined) return;
  while (!run.signal.aborted) {
    const shards = source.listShards(run.mapping.eventSourceArn);
    if (shards !== undefined) {
      await Promise.all(shards.map((shard) => runShard(run, source, spec, shard.shardId)));
      return;
    }
    run.report("PROBLEM: Stream not found");
    await run.sleep(RETRY_MS);
  }
}

function startOf(run: MappingRun): StreamStart {
  const { StartingPosition: position = "LATEST", StartingPositionTimestamp: seconds = 0 } = run.mapping.settings;
  return position === "AT_TIMESTAMP" ? { position, timestampMs: seconds * 1000 } : { position: position as "TRIM_HORIZON" | "LATEST" };
}

async function runShard(run: MappingRun, source: StreamSource, spec: StreamSpec, shardId: string): Promise<void> {
  const arn = run.mapping.eventSourceArn;
  let position = run.checkpoints.get(shardId);
  if (position === undefined) {
    // Kept at once: after a restart, LATEST means where the mapping started, not the new end.
    position = source.startPosition(arn, shardId, startOf(run));
    run.checkpoints.set(shardId, position);
  }
  while (!run.signal.aborted) {
    if (run.concurrency() === 0) {
      await run.sleep(1_000);
      continue;
    }
    const batch = await gather(run, source, shardId, position);
    if (batch === undefined) continue;
    if (batch.length === 0) {
      if (source.listShards(arn)?.find((shard) => shard.shardId === shardId)?.closed === true) return;
      await source.waitForRecords(arn, IDLE_WAIT_MS, run.signal);
      continue;
    }
    position = await processBatch(run, spec, shardId, batch);
  }
}

/** The next batch after `position`: up to BatchSize records (and 6 MB), waiting up to the batching window for more. */
async function gather(run: MappingRun, source: StreamSource, shardId: string, position: string): Promise<StreamRecord[] | undefined> {
  const { BatchSize: size, MaximumBatchingWindowInSeconds: window = 0 } = run.mapping.settings;
  try {
    let batch = source.readRecords(run.mapping.eventSourceArn, shardId, position, size);
    if (batch.length > 0 && batch.length < size && window > 0) {
      await run.sleep(window * 1000);
      batch = source.readRecords(run.mapping.eventSourceArn, shardId, position, size);
    }
    let bytes = 0;
    const fits = batch.findIndex((record) => (bytes += JSON.stringify(record.record).length + 128) > PAYLOAD_LIMIT);
    return fits <= 0 ? batch : batch.slice(0, fits);
  } catch (error) {
    run.report(`PROBLEM: ${error instanceof Error ? error.message : String(error)}`);
    await run.sleep(RETRY_MS);
    return undefined;
  }
}

/** Delivers `records` until each is done or skipped; returns the new position (also checkpointed). */
async function processBatch(run: MappingRun, spec: StreamSpec, shardId: string, records: StreamRecord[]): Promise<string> {
  const { MaximumRetryAttempts: maxRetries = -1, MaximumRecordAgeInSeconds: maxAge = -1, BisectBatchOnFunctionError: bisect = false } = run.mapping.settings;
  const reportFailures = run.mapping.settings.FunctionResponseTypes.includes("ReportBatchItemFailures");
  let position = records[0]!.sequenceNumber;
  const done = (record: StreamRecord): void => {
    position = record.sequenceNumber;
    run.checkpoints.set(shardId, position);
  };
  const pending: StreamRecord[][] = [records];
  let attempts = 0;
  while (pending.length > 0 && !run.signal.aborted) {
    let batch = pending[0]!;
    if (maxAge !== -1) {
      const cutoff = run.clock.now() - maxAge * 1000;
      const expired = batch.filter((record) => record.arrivalMs < cutoff);
      if (expired.length > 0) {
        await skip(run, spec, shardId, expired, "RecordAgeExceeded", attempts);
        done(expired.at(-1)!);
        batch = batch.slice(expired.length);
        pending[0] = batch;
        if (batch.length === 0) {
          pending.shift();
          continue;
        }
      }
    }
    const outcome = await run.invoke(JSON.stringify({ Records: batch.map((record) => ({ ...record.record, eventSourceARN: run.mapping.eventSourceArn })) }));
    let failedFrom = 0;
    if (outcome.ok) {
      const verdict = reportFailures
        ? readBatchItemFailures(
            outcome.payload,
            batch.map((record) => record.sequenceNumber),
          )
        : { kind: "all-succeeded" as const };
      if (verdict.kind === "all-succeeded") {
        done(batch.at(-1)!);
        pending.shift();
        attempts = 0;
        run.report("OK");
        continue;
      }
      if (verdict.kind === "some-failed") {
        // Resume from the lowest failed sequence number: those before it are done.
        failedFrom = batch.findIndex((record) => verdict.failed.has(record.sequenceNumber));
        if (failedFrom > 0) done(batch[failedFrom - 1]!);
        pending[0] = batch = batch.slice(failedFrom);
        run.report("PROBLEM: Function call failed");
      } else run.report(`PROBLEM: Invalid batchItemFailures response: ${verdict.reason}`);
    } else run.report("PROBLEM: Function call failed");
    attempts++;
    if (maxRetries !== -1 && attempts > maxRetries) {
      await skip(run, spec, shardId, batch, "RetryAttemptsExhausted", attempts);
      done(batch.at(-1)!);
      pending.shift();
      attempts = 0;
      continue;
    }
    if (bisect && !outcome.ok && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      pending.splice(0, 1, batch.slice(0, half), batch.slice(half));
    }
    await run.sleep(Math.min(1000 * 2 ** (attempts - 1), MAX_BACKOFF_MS));
  }
  return position;
}

async function skip(run: MappingRun, spec: StreamSpec, shardId: string, records: StreamRecord[], condition: string, attempts: number): Promise<void> {
  const destination = run.mapping.settings.DestinationConfig?.OnFailure?.Destination;
  if (destination === undefined) return;
  const first = records[0]!;
  const last = records.at(-1)!;
  const message = {
    requestContext: { requestId: randomUUID(), functionArn: run.mapping.functionArn, condition, approximateInvokeCount: attempts },
    responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" },
    version: "1.0",
    timestamp: new Date(run.clock.now()).toISOString(),
    [spec.batchInfo]: {
      shardId,
      startSequenceNumber: first.sequenceNumber,
      endSequenceNumber: last.sequenceNumber,
      approximateArrivalOfFirstRecord: new Date(first.arrivalMs).toISOString(),
      approximateArrivalOfLastRecord: new Date(last.arrivalMs).toISOString(),
      batchSize: records.length,
      streamArn: run.mapping.eventSourceArn,
    },
  };
  try {
    await sendToDestination(run.context.endpoint, destination, JSON.stringify(message));
  } catch (error) {
    run.report(`PROBLEM: the on-failure destination ${destination} refused the record: ${error instanceof Error ? error.message : String(error)}`);
  }
}
