// aws:kinesis:Stream through Kinesis: CreateStream with its shard count or
// on-demand mode and tags (a stream this stack already made, as its tags
// say, is adopted and brought up to date; one someone else made is
// refused), waits for ACTIVE, retention through Increase/Decrease
// StreamRetentionPeriod, tags by difference (AddTagsToStream,
// RemoveTagsFromStream), DeleteStream. A new shard count or mode replaces
// the stream (resharding is not emulated locally).
import type { StreamDescriptionSummary } from "@aws-sdk/client-kinesis";
import { TYPES } from "../core/types.js";
import { errorCode, isNotFound, isOwnResource, notMadeByThisStack, resourceTags, retrying, tagRecord } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";
import { kinesisApi } from "./sdk.js";

function arnOf(account: string, region: string, id: string): string {
  return `arn:aws:kinesis:${region}:${account}:stream/${id}`;
}

async function describe(context: ApplyContext, id: string): Promise<StreamDescriptionSummary | undefined> {
  try {
    return (await context.clients.kinesis.send(new (kinesisApi().DescribeStreamSummaryCommand)({ StreamName: id }))).StreamDescriptionSummary;
  } catch (error) {
    if (isNotFound(error, "ResourceNotFoundException")) return undefined;
    throw error;
  }
}

const NOT_YET = new Error("the stream is not ACTIVE yet");

async function active(context: ApplyContext, id: string): Promise<StreamDescriptionSummary> {
  return retrying(
    context,
    (error) => error === NOT_YET,
    async () => {
      const stream = await describe(context, id);
      if (stream?.StreamStatus !== "ACTIVE") throw NOT_YET;
      return stream;
    },
  );
}

async function tagsOf(context: ApplyContext, id: string): Promise<Record<string, string>> {
  return tagRecord((await context.clients.kinesis.send(new (kinesisApi().ListTagsForStreamCommand)({ StreamName: id }))).Tags);
}

/** Brings the stream in line with `inputs`; `tags` when they were just read (an adoption). */
async function reconcile(context: ApplyContext, id: string, inputs: Record<string, unknown>, tags?: Record<string, string>): Promise<Record<string, unknown>> {
  const api = kinesisApi();
  const kinesis = context.clients.kinesis;
  const stream = await active(context, id);
  const hours = Number(inputs.retentionPeriod ?? 24);
  if (stream.RetentionPeriodHours !== undefined && stream.RetentionPeriodHours !== hours) {
    const change =
      hours > stream.RetentionPeriodHours
        ? new api.IncreaseStreamRetentionPeriodCommand({ StreamName: id, RetentionPeriodHours: hours })
        : new api.DecreaseStreamRetentionPeriodCommand({ StreamName: id, RetentionPeriodHours: hours });
    await kinesis.send(change as never);
    await active(context, id);
  }
  const wanted = resourceTags(context, inputs.tags);
  const current = tags ?? (await tagsOf(context, id));
  const removed = Object.keys(current).filter((key) => !(key in wanted));
  if (removed.length > 0) await kinesis.send(new api.RemoveTagsFromStreamCommand({ StreamName: id, TagKeys: removed }));
  const changed = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => current[key] !== value));
  if (Object.keys(changed).length > 0) await kinesis.send(new api.AddTagsToStreamCommand({ StreamName: id, Tags: changed }));
  return { name: id, arn: stream.StreamARN };
}

export const streamProvider: Provider = {
  type: TYPES.stream,
  nameRule: { max: 128 },
  replaceKeys: ["name", "shardCount", "streamMode"],
  identity: (inputs, generated) => (typeof inputs.name === "string" ? inputs.name : generated.replace(/[^A-Za-z0-9_.-]/g, "-")),
  predict: (account, region, id) => ({ name: id, arn: arnOf(account, region, id) }),

  isOwn: async (context, id) => isOwnResource(context, await tagsOf(context, id)),

  async read(context, id) {
    const stream = await describe(context, id);
    return stream === undefined ? undefined : { name: id, arn: stream.StreamARN };
  },

  async create(context, id, inputs) {
    const onDemand = inputs.streamMode === "ON_DEMAND";
    try {
      await context.clients.kinesis.send(
        new (kinesisApi().CreateStreamCommand)({
          StreamName: id,
          ...(onDemand ? { StreamModeDetails: { StreamMode: "ON_DEMAND" } } : { ShardCount: Number(inputs.shardCount) }),
          Tags: resourceTags(context, inputs.tags),
        }),
      );
    } catch (error) {
      if (errorCode(error) !== "ResourceInUseException") throw error;
      // The name is taken: adopted only if this stack made it before a crash
      // (its tags say), refused otherwise.
      const tags = await tagsOf(context, id);
      if (!isOwnResource(context, tags)) throw notMadeByThisStack("stream", id, "ResourceInUseException");
      return reconcile(context, id, inputs, tags);
    }
    // Read back, not assumed: moto 5.2.1 drops CreateStream's tags.
    return reconcile(context, id, inputs);
  },

  update: (context, id, _olds, inputs) => reconcile(context, id, inputs),

  async delete(context, id) {
    try {
      await context.clients.kinesis.send(new (kinesisApi().DeleteStreamCommand)({ StreamName: id, EnforceConsumerDeletion: true }));
    } catch (error) {
      if (!isNotFound(error, "ResourceNotFoundException")) throw error;
    }
  },
};
