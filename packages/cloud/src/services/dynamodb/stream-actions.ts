// The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator
// (TRIM_HORIZON, LATEST, AT_/AFTER_SEQUENCE_NUMBER) and GetRecords, with
// iterators that expire after 15 minutes of the daemon clock and a shard
// that closes when its stream is disabled (or its table deleted).
import { choice, constraint, DynamoError, optionalString, requiredString, validation, type DynamoInput } from "./dynamodb-protocol.js";
import type { DynamoAction, DynamoState } from "./dynamodb-state.js";
import { parseSequenceNumber, RETENTION_MS, sequenceNumber, shardIdOf } from "./stream-reader.js";
import type { StreamRow } from "./table-store.js";

const ITERATOR_LIFETIME_MS = 15 * 60 * 1000;

interface Iterator {
  /** Stream row id, the row read last, when it was issued. */
  s: number;
  a: number;
  t: number;
}

function requireStream(state: DynamoState, input: DynamoInput): StreamRow {
  const arn = requiredString(input, "StreamArn");
  const stream = state.tables.streamByArn(arn);
  if (stream === undefined || isExpired(state, stream))
    throw new DynamoError("ResourceNotFoundException", `Requested resource not found: Stream: ${arn} not found`);
  return stream;
}

function isExpired(state: DynamoState, stream: StreamRow): boolean {
  return stream.disabledMs !== null && stream.disabledMs < state.context.clock.now() - RETENTION_MS;
}

const listStreams: DynamoAction = (state, input, request) => {
  const table = optionalString(input, "TableName");
  const start = optionalString(input, "ExclusiveStartStreamArn");
  const limit = input.Limit === undefined ? 100 : Number(input.Limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw constraint(input.Limit, "limit", "Member must have value less than or equal to 100");
  let streams = state.tables.streams(request.region, table, state.context.clock.now() - RETENTION_MS);
  if (start !== undefined) streams = streams.slice(streams.findIndex((each) => each.arn === start) + 1);
  const page = streams.slice(0, limit);
  return {
    Streams: page.map((each) => ({ StreamArn: each.arn, TableName: each.tableName, StreamLabel: each.label })),
    ...(streams.length > limit ? { LastEvaluatedStreamArn: page.at(-1)!.arn } : {}),
  };
};

const describeStream: DynamoAction = (state, input) => {
  const stream = requireStream(state, input);
  const table = state.tables.find(stream.region, stream.tableName);
  const last = state.streams.lastSeq(stream.id);
  const range = {
    StartingSequenceNumber: sequenceNumber(1),
    ...(stream.disabledMs === null ? {} : { EndingSequenceNumber: sequenceNumber(Math.max(last, 1)) }),
  };
  const d = table?.definition;
  return {
    StreamDescription: {
      StreamArn: stream.arn,
      StreamLabel: stream.label,
      StreamStatus: stream.disabledMs === null ? "ENABLED" : "DISABLED",
      StreamViewType: stream.viewType,
      CreationRequestDateTime: stream.createdMs / 1000,
      TableName: stream.tableName,
      KeySchema:
        d === undefined
          ? []
          : [{ AttributeName: d.hash.name, KeyType: "HASH" }, ...(d.range === undefined ? [] : [{ AttributeName: d.range.name, KeyType: "RANGE" }])],
      Shards: [{ ShardId: shardIdOf(stream), SequenceNumberRange: range }],
    },
  };
};

const getShardIterator: DynamoAction = (state, input) => {
  const stream = requireStream(state, input);
  const shard = requiredString(input, "ShardId");
  if (shard !== shardIdOf(stream)) throw new DynamoError("ResourceNotFoundException", `Requested resource not found: Shard does not exist`);
  const type = choice(input, "ShardIteratorType", ["TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"], "TRIM_HORIZON");
  if (input.ShardIteratorType === undefined) throw constraint(undefined, "shardIteratorType", "Member must not be null");
  let after = 0;
  if (type === "LATEST") after = state.streams.lastSeq(stream.id);
  if (type === "AT_SEQUENCE_NUMBER" || type === "AFTER_SEQUENCE_NUMBER") {
    const text = optionalString(input, "SequenceNumber");
    if (text === undefined) throw validation(`Must provide SequenceNumber for iterator type ${type}`);
    const seq = parseSequenceNumber(text);
    if (seq === undefined || seq > state.streams.lastSeq(stream.id)) throw validation(`Invalid SequenceNumber ${text} for shard ${shard}`);
    after = type === "AT_SEQUENCE_NUMBER" ? seq - 1 : seq;
  }
  const iterator: Iterator = { s: stream.id, a: after, t: state.context.clock.now() };
  return { ShardIterator: `${stream.arn}|${Buffer.from(JSON.stringify(iterator)).toString("base64url")}` };
};

function readIterator(state: DynamoState, text: string): Iterator {
  const encoded = text.slice(text.lastIndexOf("|") + 1);
  let iterator: Iterator;
  try {
    iterator = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as Iterator;
  } catch {
    throw validation("Invalid ShardIterator");
  }
  if (typeof iterator?.s !== "number" || typeof iterator.a !== "number" || typeof iterator.t !== "number") throw validation("Invalid ShardIterator");
  const now = state.context.clock.now();
  if (now - iterator.t > ITERATOR_LIFETIME_MS) {
    throw new DynamoError(
      "ExpiredIteratorException",
      `Iterator expired. The iterator was created at time ${new Date(iterator.t).toUTCString()} while right now it is ${new Date(now).toUTCString()} which is further in the future than the tolerated delay of ${ITERATOR_LIFETIME_MS} milliseconds.`,
    );
  }
  return iterator;
}

const getRecords: DynamoAction = (state, input) => {
  const iterator = readIterator(state, requiredString(input, "ShardIterator"));
  const limit = input.Limit === undefined ? 1000 : Number(input.Limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw constraint(input.Limit, "limit", "Member must have value less than or equal to 1000");
  const stream = state.tables.stream(iterator.s);
  if (stream === undefined || isExpired(state, stream)) throw new DynamoError("ResourceNotFoundException", "Requested resource not found: Stream not found");
  const records = state.streams.read(stream.id, iterator.a, limit);
  const after = records.length === 0 ? iterator.a : parseSequenceNumber(records.at(-1)!.sequenceNumber)!;
  // A closed shard read to its end has no next iterator.
  const exhausted = stream.disabledMs !== null && after >= state.streams.lastSeq(stream.id);
  const next: Iterator = { s: stream.id, a: after, t: state.context.clock.now() };
  return {
    Records: records.map((each) => each.record),
    ...(exhausted ? {} : { NextShardIterator: `${stream.arn}|${Buffer.from(JSON.stringify(next)).toString("base64url")}` }),
  };
};

export const STREAM_ACTIONS: Readonly<Record<string, DynamoAction>> = {
  ListStreams: listStreams,
  DescribeStream: describeStream,
  GetShardIterator: getShardIterator,
  GetRecords: getRecords,
};
