// PutRecord, PutRecords, GetShardIterator and GetRecords: records routed to
// shards by the MD5 of their partition key (or an explicit hash key),
// durable before the answer; iterators that expire after 5 minutes of the
// daemon clock; reads within the stream's retention.
import { AwsError } from "../../errors.js";
import { invalidArgument, optionalInteger, requiredString, validation, type KinesisInput } from "./kinesis-protocol.js";
import { parseSequenceNumber, sequenceNumber, shardFor, shardId, shardIndex, type RecordRow, type StreamRow } from "./kinesis-store.js";
import { requireStream, type KinesisAction, type KinesisState } from "./kinesis-state.js";

const ITERATOR_LIFETIME_MS = 5 * 60 * 1000;
const MAX_DATA = 1024 * 1024;

interface Iterator {
  s: number;
  h: number;
  a: number;
  t: number;
}

function readEntry(entry: KinesisInput, stream: StreamRow, field: string): { shard: number; partitionKey: string; data: Buffer } {
  const partitionKey = requiredString(entry, "PartitionKey", `${field}partitionKey`);
  if (partitionKey.length > 256) throw validation(partitionKey, `${field}partitionKey`, "Member must have length less than or equal to 256");
  if (typeof entry.Data !== "string") throw validation(undefined, `${field}data`, "Member must not be null");
  const data = Buffer.from(entry.Data, "base64");
  if (data.length > MAX_DATA) throw validation("java.nio.HeapByteBuffer", `${field}data`, `Member must have length less than or equal to ${MAX_DATA}`);
  const explicit = typeof entry.ExplicitHashKey === "string" ? entry.ExplicitHashKey : undefined;
  if (explicit !== undefined && !/^(0|[1-9]\d{0,38})$/.test(explicit)) throw invalidArgument(`ExplicitHashKey ${explicit} is invalid.`);
  return { shard: shardFor(partitionKey, explicit, stream.shardCount), partitionKey, data };
}

async function append(state: KinesisState, stream: StreamRow, entries: Array<{ shard: number; partitionKey: string; data: Buffer }>): Promise<number[]> {
  const arrivalMs = state.context.clock.now();
  const rows = await state.durably(() =>
    state.store.append(
      stream.id,
      entries.map((entry) => ({ ...entry, arrivalMs })),
    ),
  );
  state.written(stream.id);
  return rows;
}

const putRecord: KinesisAction = async (state, input, request) => {
  const stream = requireStream(state, input, request.region);
  const entry = readEntry(input, stream, "");
  const [seq] = await append(state, stream, [entry]);
  return { ShardId: shardId(entry.shard), SequenceNumber: sequenceNumber(seq!), EncryptionType: "NONE" };
};

const putRecords: KinesisAction = async (state, input, request) => {
  const stream = requireStream(state, input, request.region);
  const records = input.Records;
  if (!Array.isArray(records) || records.length === 0) throw validation(undefined, "records", "Member must have length greater than or equal to 1");
  if (records.length > 500) throw validation("[...]", "records", "Member must have length less than or equal to 500");
  const entries = (records as KinesisInput[]).map((record, index) => readEntry(record, stream, `records.${index + 1}.member.`));
  const rows = await append(state, stream, entries);
  return {
    FailedRecordCount: 0,
    Records: rows.map((seq, index) => ({ SequenceNumber: sequenceNumber(seq), ShardId: shardId(entries[index]!.shard) })),
    EncryptionType: "NONE",
  };
};

const getShardIterator: KinesisAction = (state, input, request) => {
  const stream = requireStream(state, input, request.region);
  const id = requiredString(input, "ShardId");
  const shard = shardIndex(id, stream.shardCount);
  if (shard === undefined) throw new AwsError("ResourceNotFoundException", `Shard ${id} in stream ${stream.name} under account 000000000000 does not exist`);
  const type = input.ShardIteratorType;
  let after: number;
  if (type === "TRIM_HORIZON") after = 0;
  else if (type === "LATEST") after = state.store.lastSeq(stream.id, shard);
  else if (type === "AT_TIMESTAMP") {
    if (typeof input.Timestamp !== "number")
      throw invalidArgument("Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.");
    after = state.store.seqBefore(stream.id, shard, input.Timestamp * 1000);
  } else if (type === "AT_SEQUENCE_NUMBER" || type === "AFTER_SEQUENCE_NUMBER") {
    const text = typeof input.StartingSequenceNumber === "string" ? input.StartingSequenceNumber : "";
    const seq = parseSequenceNumber(text);
    if (seq === undefined)
      throw invalidArgument(
        `StartingSequenceNumber ${text} used in GetShardIterator on shard ${id} in stream ${stream.name} under account 000000000000 is invalid.`,
      );
    after = type === "AT_SEQUENCE_NUMBER" ? seq - 1 : seq;
  } else
    throw validation(
      type,
      "shardIteratorType",
      "Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER, AT_TIMESTAMP, TRIM_HORIZON, LATEST]",
    );
  return { ShardIterator: encode({ s: stream.id, h: shard, a: after, t: state.context.clock.now() }) };
};

const encode = (iterator: Iterator): string => Buffer.from(JSON.stringify(iterator)).toString("base64");

function decode(state: KinesisState, text: string): Iterator {
  let iterator: Iterator;
  try {
    iterator = JSON.parse(Buffer.from(text, "base64").toString("utf8")) as Iterator;
  } catch {
    throw invalidArgument("Invalid ShardIterator.");
  }
  if (typeof iterator?.s !== "number" || typeof iterator.h !== "number" || typeof iterator.a !== "number" || typeof iterator.t !== "number")
    throw invalidArgument("Invalid ShardIterator.");
  const now = state.context.clock.now();
  if (now - iterator.t > ITERATOR_LIFETIME_MS) {
    throw new AwsError(
      "ExpiredIteratorException",
      `Iterator expired. The iterator was created at time ${new Date(iterator.t).toUTCString()} while right now it is ${new Date(now).toUTCString()} which is further in the future than the tolerated delay of ${ITERATOR_LIFETIME_MS} milliseconds.`,
    );
  }
  return iterator;
}

/** A record as GetRecords answers it. */
export function wireRecord(row: RecordRow): Record<string, unknown> {
  return {
    SequenceNumber: sequenceNumber(row.seq),
    ApproximateArrivalTimestamp: row.arrivalMs / 1000,
    Data: row.data.toString("base64"),
    PartitionKey: row.partitionKey,
  };
}

const getRecords: KinesisAction = (state, input) => {
  const iterator = decode(state, requiredString(input, "ShardIterator"));
  const limit = optionalInteger(input, "Limit", 1, 10000) ?? 10000;
  const stream = state.store.byId(iterator.s);
  if (stream === undefined) throw new AwsError("ResourceNotFoundException", "Stream not found.");
  const rows = state.store.read(stream.id, iterator.h, iterator.a, state.context.clock.now() - stream.retentionHours * 3600_000, limit);
  const after = rows.at(-1)?.seq ?? iterator.a;
  const last = state.store.read(stream.id, iterator.h, after, 0, 1)[0];
  return {
    Records: rows.map(wireRecord),
    NextShardIterator: encode({ ...iterator, a: after, t: state.context.clock.now() }),
    MillisBehindLatest: last === undefined ? 0 : Math.max(0, state.context.clock.now() - last.arrivalMs),
  };
};

export const RECORD_ACTIONS: Readonly<Record<string, KinesisAction>> = {
  PutRecord: putRecord,
  PutRecords: putRecords,
  GetShardIterator: getShardIterator,
  GetRecords: getRecords,
};
