// CreateStream (provisioned with ShardCount, or on-demand with 4 shards),
// DescribeStream, DescribeStreamSummary, ListShards, ListStreams,
// DeleteStream, retention changes and tags. A stream is ACTIVE as soon as
// CreateStream has answered; its shards never split or merge locally.
import { AwsError } from "../../errors.js";
import { ACCOUNT_ID } from "../service.js";
import { invalidArgument, optionalInteger, requiredString, validation, type KinesisInput } from "./kinesis-protocol.js";
import { hashRange, sequenceNumber, shardId, type StreamRow } from "./kinesis-store.js";
import { requireStream, streamArn, type KinesisAction, type KinesisState } from "./kinesis-state.js";

const ON_DEMAND_SHARDS = 4;

function shards(stream: StreamRow): Array<Record<string, unknown>> {
  return Array.from({ length: stream.shardCount }, (_, index) => ({
    ShardId: shardId(index),
    HashKeyRange: hashRange(index, stream.shardCount),
    SequenceNumberRange: { StartingSequenceNumber: sequenceNumber(0) },
  }));
}

function common(stream: StreamRow): Record<string, unknown> {
  return {
    StreamName: stream.name,
    StreamARN: streamArn(stream),
    StreamStatus: "ACTIVE",
    StreamModeDetails: { StreamMode: stream.onDemand ? "ON_DEMAND" : "PROVISIONED" },
    RetentionPeriodHours: stream.retentionHours,
    StreamCreationTimestamp: stream.createdMs / 1000,
    EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
    EncryptionType: "NONE",
  };
}

const createStream: KinesisAction = async (state, input, request) => {
  const name = requiredString(input, "StreamName");
  if (!/^[a-zA-Z0-9_.-]{1,128}$/.test(name)) throw validation(name, "streamName", "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  const mode = (input.StreamModeDetails as { StreamMode?: unknown } | undefined)?.StreamMode ?? "PROVISIONED";
  if (mode !== "PROVISIONED" && mode !== "ON_DEMAND")
    throw validation(mode, "streamModeDetails.streamMode", "Member must satisfy enum value set: [ON_DEMAND, PROVISIONED]");
  const count = optionalInteger(input, "ShardCount", 1, 1000);
  if (mode === "PROVISIONED" && count === undefined) throw invalidArgument("ShardCount is required for PROVISIONED stream mode.");
  if (mode === "ON_DEMAND" && count !== undefined) throw invalidArgument("ShardCount is not allowed for ON_DEMAND stream mode.");
  const tags = (input.Tags ?? {}) as Record<string, string>;
  await state.durably(() => {
    if (state.store.find(request.region, name) !== undefined)
      throw new AwsError("ResourceInUseException", `Stream ${name} under account ${ACCOUNT_ID} already exists.`);
    state.store.create({
      region: request.region,
      name,
      shardCount: count ?? ON_DEMAND_SHARDS,
      retentionHours: 24,
      createdMs: state.context.clock.now(),
      tags,
      onDemand: mode === "ON_DEMAND",
    });
  });
  return {};
};

const describeStream: KinesisAction = (state, input, request) => {
  const stream = requireStream(state, input, request.region);
  return { StreamDescription: { ...common(stream), Shards: shards(stream), HasMoreShards: false } };
};

const describeSummary: KinesisAction = (state, input, request) => {
  const stream = requireStream(state, input, request.region);
  return { StreamDescriptionSummary: { ...common(stream), OpenShardCount: stream.shardCount, ConsumerCount: 0 } };
};

const listShards: KinesisAction = (state, input, request) => ({ Shards: shards(requireStream(state, input, request.region)) });

const listStreams: KinesisAction = (state, input, request) => {
  const start = typeof input.ExclusiveStartStreamName === "string" ? input.ExclusiveStartStreamName : "";
  const limit = optionalInteger(input, "Limit", 1, 10000) ?? 100;
  const names = state.store.names(request.region).filter((name) => name > start);
  const page = names.slice(0, limit);
  const summaries = page.map((name) => {
    const stream = state.store.find(request.region, name)!;
    return {
      StreamName: name,
      StreamARN: streamArn(stream),
      StreamStatus: "ACTIVE",
      StreamModeDetails: common(stream).StreamModeDetails,
      StreamCreationTimestamp: stream.createdMs / 1000,
    };
  });
  return { StreamNames: page, HasMoreStreams: names.length > limit, StreamSummaries: summaries };
};

const deleteStream: KinesisAction = async (state, input, request) => {
  const stream = requireStream(state, input, request.region);
  await state.durably(() => state.store.delete(stream.id));
  state.written(stream.id);
  return {};
};

function retention(increase: boolean): KinesisAction {
  return async (state: KinesisState, input: KinesisInput, request) => {
    const stream = requireStream(state, input, request.region);
    const hours = optionalInteger(input, "RetentionPeriodHours", 24, 8760);
    if (hours === undefined) throw validation(undefined, "retentionPeriodHours", "Member must not be null");
    if (increase ? hours < stream.retentionHours : hours > stream.retentionHours) {
      throw invalidArgument(
        `Requested retention period (${hours} hours) for stream ${stream.name} can not be ${increase ? "shorter" : "longer"} than existing retention period (${stream.retentionHours} hours). Use ${increase ? "DecreaseStreamRetentionPeriod" : "IncreaseStreamRetentionPeriod"} API.`,
      );
    }
    await state.durably(() => state.store.setRetention(stream.id, hours));
    return {};
  };
}

const addTags: KinesisAction = async (state, input, request) => {
  const stream = requireStream(state, input, request.region);
  await state.durably(() => state.store.setTags(stream.id, { ...stream.tags, ...((input.Tags ?? {}) as Record<string, string>) }));
  return {};
};

const removeTags: KinesisAction = async (state, input, request) => {
  const stream = requireStream(state, input, request.region);
  const keys = Array.isArray(input.TagKeys) ? (input.TagKeys as string[]) : [];
  await state.durably(() => state.store.setTags(stream.id, Object.fromEntries(Object.entries(stream.tags).filter(([key]) => !keys.includes(key)))));
  return {};
};

const listTags: KinesisAction = (state, input, request) => {
  const stream = requireStream(state, input, request.region);
  return {
    Tags: Object.entries(stream.tags)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([Key, Value]) => ({ Key, Value })),
    HasMoreTags: false,
  };
};

export const STREAM_ACTIONS: Readonly<Record<string, KinesisAction>> = {
  CreateStream: createStream,
  DescribeStream: describeStream,
  DescribeStreamSummary: describeSummary,
  ListShards: listShards,
  ListStreams: listStreams,
  DeleteStream: deleteStream,
  IncreaseStreamRetentionPeriod: retention(true),
  DecreaseStreamRetentionPeriod: retention(false),
  AddTagsToStream: addTags,
  RemoveTagsFromStream: removeTags,
  ListTagsForStream: listTags,
};
