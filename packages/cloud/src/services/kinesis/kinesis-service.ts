// The Kinesis service (JSON 1.1, X-Amz-Target Kinesis_20131202.*): wires the
// store and the actions, and offers Lambda's pollers the StreamSource they
// read through (in the daemon, without HTTP), with records in the shape
// Lambda's Kinesis events carry.
import { AwsError } from "../../errors.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { CloudContext, Service, StreamRecord, StreamSource } from "../service.js";
import { kinesisErrorReply, kinesisReply, parseInput } from "./kinesis-protocol.js";
import { KinesisStore, parseSequenceNumber, sequenceNumber, shardId, shardIndex, type RecordRow, type StreamRow } from "./kinesis-store.js";
import { streamByArn, type KinesisAction, type KinesisState } from "./kinesis-state.js";
import { RECORD_ACTIONS } from "./record-actions.js";
import { STREAM_ACTIONS } from "./stream-actions.js";

const ACTIONS: Readonly<Record<string, KinesisAction>> = { ...STREAM_ACTIONS, ...RECORD_ACTIONS };
const TARGET_PREFIX = "Kinesis_20131202.";
// A PutRecords request is at most 5 MB of records (and their base64).
const BODY_LIMIT = 10 * 1024 * 1024;
const TRIM_MS = 60_000;

export function createKinesisService(context: CloudContext): Service & StreamSource {
  const store = new KinesisStore(context.db);
  const waiting = new Map<number, Set<() => void>>();
  const state: KinesisState = {
    context,
    store,
    durably: async (work) => context.db.transaction(work)(),
    written: (id) => [...(waiting.get(id) ?? [])].forEach((done) => done()),
  };
  let trim: NodeJS.Timeout | undefined;
  const shardOf = (arn: string, id: string): { stream: StreamRow; shard: number } => {
    const stream = streamByArn(state, arn);
    const shard = stream === undefined ? undefined : shardIndex(id, stream.shardCount);
    if (stream === undefined || shard === undefined) throw new AwsError("ResourceNotFoundException", `Stream or shard not found: ${arn} ${id}`);
    return { stream, shard };
  };
  return {
    name: "kinesis",
    protocol: "json",
    async handle(request: AwsRequest): Promise<AwsResponse> {
      try {
        const target = request.headers["x-amz-target"];
        const name = typeof target === "string" && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
        if (!Object.hasOwn(ACTIONS, name)) throw new AwsError("UnknownOperationException", `Unknown operation ${String(target)}`);
        return kinesisReply(await ACTIONS[name]!(state, parseInput(await request.body(BODY_LIMIT)), request));
      } catch (error) {
        if (error instanceof AwsError) return kinesisErrorReply(error);
        throw error;
      }
    },
    start() {
      trim = setInterval(() => store.trim(context.clock.now()), TRIM_MS).unref();
    },
    async close() {
      clearInterval(trim);
    },
    listShards(arn) {
      const stream = streamByArn(state, arn);
      return stream === undefined ? undefined : Array.from({ length: stream.shardCount }, (_, index) => ({ shardId: shardId(index), closed: false }));
    },
    startPosition(arn, id, start) {
      const { stream, shard } = shardOf(arn, id);
      let seq = 0;
      if (start.position === "LATEST") seq = store.lastSeq(stream.id, shard);
      else if (start.position === "AT_TIMESTAMP") seq = store.seqBefore(stream.id, shard, start.timestampMs);
      return seq === 0 ? "" : sequenceNumber(seq);
    },
    readRecords(arn, id, after, max) {
      const { stream, shard } = shardOf(arn, id);
      const rows = store.read(
        stream.id,
        shard,
        after === "" ? 0 : (parseSequenceNumber(after) ?? 0),
        context.clock.now() - stream.retentionHours * 3600_000,
        max,
      );
      return rows.map((row) => lambdaRecord(stream, id, row));
    },
    waitForRecords(arn, ms, signal) {
      const stream = streamByArn(state, arn);
      if (stream === undefined) return new Promise((resolve) => setTimeout(resolve, Math.min(ms, 1000)).unref());
      return new Promise((resolve) => {
        const timer = new AbortController();
        const set = waiting.get(stream.id) ?? new Set();
        waiting.set(stream.id, set);
        const done = (): void => {
          set.delete(done);
          if (set.size === 0) waiting.delete(stream.id);
          signal.removeEventListener("abort", done);
          timer.abort();
          resolve();
        };
        if (signal.aborted) return done();
        set.add(done);
        signal.addEventListener("abort", done, { once: true });
        context.clock.waitUntil(context.clock.now() + ms, timer.signal).then(done, () => {});
      });
    },
  };
}

/** One record as Lambda's Kinesis event carries it (KinesisStreamRecord), without eventSourceARN. */
function lambdaRecord(stream: StreamRow, shard: string, row: RecordRow): StreamRecord {
  const seq = sequenceNumber(row.seq);
  return {
    sequenceNumber: seq,
    arrivalMs: row.arrivalMs,
    record: {
      kinesis: {
        kinesisSchemaVersion: "1.0",
        partitionKey: row.partitionKey,
        sequenceNumber: seq,
        data: row.data.toString("base64"),
        approximateArrivalTimestamp: row.arrivalMs / 1000,
      },
      eventSource: "aws:kinesis",
      eventVersion: "1.0",
      eventID: `${shard}:${seq}`,
      eventName: "aws:kinesis:record",
      awsRegion: stream.region,
    },
  };
}
