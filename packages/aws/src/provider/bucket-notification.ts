// aws:s3:BucketNotification through S3. A bucket has ONE notification
// configuration, so every write is read, merge, write: entries this stack
// manages (by Id) are replaced, everything else (queues, topics, other
// people's functions) is kept, also when the stack's entries are removed.
import { s3Api } from "./sdk.js";
import type { LambdaFunctionConfiguration, NotificationConfiguration, Event } from "@aws-sdk/client-s3";
import { TYPES } from "../core/types.js";
import { AwsError } from "../errors.js";
import { configurationsOverlap } from "../s3/overlap.js";
import { isNotFound } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

interface Entry {
  id: string;
  lambdaFunctionArn: string;
  events: string[];
  filterPrefix?: string;
  filterSuffix?: string;
}

function entriesOf(inputs: Record<string, unknown>): Entry[] {
  return (inputs.lambdaFunctions as Entry[] | undefined) ?? [];
}

function toAws(entry: Entry): LambdaFunctionConfiguration {
  const rules = [
    ...(entry.filterPrefix ? [{ Name: "prefix" as const, Value: entry.filterPrefix }] : []),
    ...(entry.filterSuffix ? [{ Name: "suffix" as const, Value: entry.filterSuffix }] : []),
  ];
  return {
    Id: entry.id,
    LambdaFunctionArn: entry.lambdaFunctionArn,
    Events: entry.events as Event[],
    ...(rules.length ? { Filter: { Key: { FilterRules: rules } } } : {}),
  };
}

function filterOf(configuration: LambdaFunctionConfiguration): { filterPrefix?: string; filterSuffix?: string } {
  const rules = configuration.Filter?.Key?.FilterRules ?? [];
  const value = (name: string) => rules.find((rule) => rule.Name?.toLowerCase() === name)?.Value;
  const prefix = value("prefix");
  const suffix = value("suffix");
  return { ...(prefix ? { filterPrefix: prefix } : {}), ...(suffix ? { filterSuffix: suffix } : {}) };
}

async function current(context: ApplyContext, bucket: string): Promise<NotificationConfiguration | undefined> {
  try {
    const { $metadata: _, ...configuration } = await context.clients.s3.send(new (s3Api().GetBucketNotificationConfigurationCommand)({ Bucket: bucket }));
    return configuration;
  } catch (error) {
    if (isNotFound(error, "NoSuchBucket")) return undefined;
    throw error;
  }
}

/** Writes `ours` in place of the entries with `managedIds`, keeping everyone else's. */
async function write(context: ApplyContext, bucket: string, managedIds: Set<string>, ours: Entry[]): Promise<void> {
  const existing = (await current(context, bucket)) ?? {};
  const foreign = (existing.LambdaFunctionConfigurations ?? []).filter((c) => !managedIds.has(c.Id ?? ""));
  for (const entry of ours) {
    const clash = foreign.find((c) => configurationsOverlap({ events: c.Events ?? [], ...filterOf(c) }, entry));
    if (clash) {
      throw new AwsError(
        "FOREIGN_NOTIFICATION",
        `${TYPES.bucketNotification} "${context.name}"`,
        `subscription "${entry.id}" overlaps the notification "${clash.Id ?? "(no id)"}" that bucket ${bucket} already has`,
        {
          hint: "AWS refuses overlapping notifications: use other events or prefix/suffix filters; closure-pack never removes entries it did not make",
        },
      );
    }
  }
  const { EventBridgeConfiguration, ...rest } = existing;
  const configuration: NotificationConfiguration = { ...rest, LambdaFunctionConfigurations: [...foreign, ...ours.map(toAws)] };
  if (EventBridgeConfiguration !== undefined) configuration.EventBridgeConfiguration = EventBridgeConfiguration;
  await context.clients.s3.send(new (s3Api().PutBucketNotificationConfigurationCommand)({ Bucket: bucket, NotificationConfiguration: configuration }));
}

function outputs(id: string, inputs: Record<string, unknown>): Record<string, unknown> {
  return { bucket: id, ids: entriesOf(inputs).map((entry) => entry.id) };
}

export const bucketNotificationProvider: Provider = {
  type: TYPES.bucketNotification,
  nameRule: { max: 63 },
  replaceKeys: ["bucket"],
  identity: (inputs) => String(inputs.bucket),
  predict: (_account, _region, id, inputs) => outputs(id, inputs),

  async read(context, id, inputs) {
    const configuration = await current(context, id);
    if (configuration === undefined) return undefined;
    return outputs(id, inputs);
  },

  async create(context, id, inputs) {
    const ours = entriesOf(inputs);
    await write(context, id, new Set(ours.map((entry) => entry.id)), ours);
    return outputs(id, inputs);
  },

  async update(context, id, olds, inputs) {
    const ours = entriesOf(inputs);
    await write(context, id, new Set([...entriesOf(olds), ...ours].map((entry) => entry.id)), ours);
    return outputs(id, inputs);
  },

  async delete(context, id, inputs) {
    const managed = new Set(entriesOf(inputs).map((entry) => entry.id));
    if ((await current(context, id)) === undefined) return;
    await write(context, id, managed, []);
  },
};
