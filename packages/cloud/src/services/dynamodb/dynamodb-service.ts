// The DynamoDB service: DynamoDB's API (X-Amz-Target DynamoDB_20120810.*)
// and DynamoDB Streams' (DynamoDBStreams_20120810.*, signed as "dynamodb"
// too) on the daemon's port, each answering errors in its own namespace.
import { AwsError } from "../../errors.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { CloudContext, Service, StreamSource } from "../service.js";
import { BATCH_ACTIONS } from "./batch-actions.js";
import { DynamoError, dynamoErrorReply, dynamoReply, parseInput } from "./dynamodb-protocol.js";
import type { DynamoAction, DynamoState } from "./dynamodb-state.js";
import { ITEM_ACTIONS } from "./item-actions.js";
import { ItemStore } from "./item-store.js";
import { QUERY_ACTIONS } from "./query-actions.js";
import { STREAM_ACTIONS } from "./stream-actions.js";
import { parseSequenceNumber, sequenceNumber, shardIdOf, StreamReader } from "./stream-reader.js";
import { TABLE_ACTIONS } from "./table-actions.js";
import { TAG_ACTIONS } from "./tag-actions.js";
import { TableStore } from "./table-store.js";

const DYNAMODB: Readonly<Record<string, DynamoAction>> = { ...TABLE_ACTIONS, ...ITEM_ACTIONS, ...QUERY_ACTIONS, ...BATCH_ACTIONS, ...TAG_ACTIONS };
const APIS = [
  { prefix: "DynamoDB_20120810.", namespace: "com.amazonaws.dynamodb.v20120810", actions: DYNAMODB },
  { prefix: "DynamoDBStreams_20120810.", namespace: "com.amazonaws.dynamodb.v20120810", actions: STREAM_ACTIONS },
];
// A request is at most 16 MB on DynamoDB.
const BODY_LIMIT = 16 * 1024 * 1024;
// Stream records past the retention are deleted every minute.
const TRIM_MS = 60_000;

export function createDynamoDbService(context: CloudContext): Service & StreamSource {
  const tables = new TableStore(context.db);
  const streams = new StreamReader(context.db, tables, context.clock);
  const state: DynamoState = {
    context,
    tables,
    items: new ItemStore(context.db),
    streams,
    streamWritten: (id) => streams.written(id),
    pendingStreams: new Set(),
  };
  let trim: NodeJS.Timeout | undefined;
  const streamOf = (arn: string) => {
    const stream = tables.streamByArn(arn);
    if (stream === undefined) throw new DynamoError("ResourceNotFoundException", `Requested resource not found: Stream: ${arn} not found`);
    return stream;
  };
  return {
    name: "dynamodb",
    protocol: "json",
    async handle(request: AwsRequest): Promise<AwsResponse> {
      const target = request.headers["x-amz-target"];
      const api = APIS.find((each) => typeof target === "string" && target.startsWith(each.prefix)) ?? APIS[0]!;
      try {
        const name = typeof target === "string" ? target.slice(api.prefix.length) : "";
        const action = Object.hasOwn(api.actions, name) ? api.actions[name]! : undefined;
        if (action === undefined) throw new DynamoError("UnknownOperationException", `Unknown operation ${String(target)}`);
        return dynamoReply(await action(state, parseInput(await request.body(BODY_LIMIT)), request));
      } catch (error) {
        if (error instanceof AwsError) return dynamoErrorReply(error, api.namespace);
        throw error;
      }
    },
    start() {
      trim = setInterval(() => streams.trim(), TRIM_MS).unref();
    },
    async close() {
      clearInterval(trim);
    },
    listShards(arn) {
      const stream = tables.streamByArn(arn);
      return stream === undefined ? undefined : [{ shardId: shardIdOf(stream), closed: stream.disabledMs !== null }];
    },
    startPosition(arn, _shard, start) {
      const stream = streamOf(arn);
      let seq = 0;
      if (start.position === "LATEST") seq = streams.lastSeq(stream.id);
      else if (start.position === "AT_TIMESTAMP") seq = streams.seqBefore(stream.id, start.timestampMs);
      return seq === 0 ? "" : sequenceNumber(seq);
    },
    readRecords(arn, _shard, after, max) {
      return streams.read(streamOf(arn).id, after === "" ? 0 : (parseSequenceNumber(after) ?? 0), max);
    },
    waitForRecords(arn, ms, signal) {
      return streams.wait(streamOf(arn).id, ms, signal);
    },
  };
}
