// aws:dynamodb:Table through DynamoDB: CreateTable with the key schema,
// billing, stream and tags (a table this stack already made, as its tags
// say, is adopted and brought up to date; one someone else made is
// refused), DescribeTable to read, UpdateTable for billing and
// the stream (a new view type is the old stream disabled and a new one
// enabled, as DynamoDB requires), tags by difference, DeleteTable. DynamoDB
// answers CREATING/UPDATING first: each step waits for ACTIVE.
import type { TableDescription } from "@aws-sdk/client-dynamodb";
import { TYPES } from "../core/types.js";
import { errorCode, isNotFound, isOwnResource, notMadeByThisStack, resourceTags, retrying, tagList, tagRecord } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";
import { dynamodbApi } from "./sdk.js";

function arnOf(account: string, region: string, id: string): string {
  return `arn:aws:dynamodb:${region}:${account}:table/${id}`;
}

async function describe(context: ApplyContext, id: string): Promise<TableDescription | undefined> {
  try {
    return (await context.clients.dynamodb.send(new (dynamodbApi().DescribeTableCommand)({ TableName: id }))).Table;
  } catch (error) {
    if (isNotFound(error, "ResourceNotFoundException")) return undefined;
    throw error;
  }
}

/** Waits (bounded) until the table is ACTIVE; answers its description. */
async function active(context: ApplyContext, id: string): Promise<TableDescription> {
  return retrying(
    context,
    (error) => error === NOT_YET,
    async () => {
      const table = await describe(context, id);
      if (table?.TableStatus !== "ACTIVE") throw NOT_YET;
      return table;
    },
  );
}
const NOT_YET = new Error("the table is not ACTIVE yet");

function outputsOf(table: TableDescription): Record<string, unknown> {
  return { name: table.TableName, arn: table.TableArn, streamArn: table.LatestStreamArn ?? "", streamLabel: table.LatestStreamLabel ?? "" };
}

function billingOf(inputs: Record<string, unknown>) {
  return inputs.billingMode === "PAY_PER_REQUEST"
    ? { BillingMode: "PAY_PER_REQUEST" as const }
    : {
        BillingMode: "PROVISIONED" as const,
        ProvisionedThroughput: { ReadCapacityUnits: Number(inputs.readCapacity), WriteCapacityUnits: Number(inputs.writeCapacity) },
      };
}

function streamOf(inputs: Record<string, unknown>) {
  return inputs.streamEnabled === true ? { StreamEnabled: true, StreamViewType: inputs.streamViewType as "NEW_IMAGE" } : { StreamEnabled: false };
}

/** UpdateTable, retried while a previous change is still being applied. */
async function updateTable(context: ApplyContext, id: string, change: Record<string, unknown>): Promise<void> {
  await retrying(
    context,
    (error) => errorCode(error) === "ResourceInUseException",
    () => context.clients.dynamodb.send(new (dynamodbApi().UpdateTableCommand)({ TableName: id, ...change })),
  );
  await active(context, id);
}

/** Brings the table in line with `inputs`; `tags` when they were just read (an adoption). */
async function reconcile(context: ApplyContext, id: string, inputs: Record<string, unknown>, tags?: Record<string, string>): Promise<TableDescription> {
  let table = await active(context, id);
  const billing = billingOf(inputs);
  const current = table.BillingModeSummary?.BillingMode ?? "PROVISIONED";
  const throughput = table.ProvisionedThroughput;
  if (
    current !== billing.BillingMode ||
    (billing.ProvisionedThroughput !== undefined &&
      (throughput?.ReadCapacityUnits !== billing.ProvisionedThroughput.ReadCapacityUnits ||
        throughput?.WriteCapacityUnits !== billing.ProvisionedThroughput.WriteCapacityUnits))
  ) {
    await updateTable(context, id, billing);
  }
  const wanted = streamOf(inputs);
  const stream = table.StreamSpecification?.StreamEnabled === true ? table.StreamSpecification.StreamViewType : undefined;
  if (stream !== (wanted.StreamEnabled ? wanted.StreamViewType : undefined)) {
    if (stream !== undefined) await updateTable(context, id, { StreamSpecification: { StreamEnabled: false } });
    if (wanted.StreamEnabled) await updateTable(context, id, { StreamSpecification: wanted });
  }
  await tag(context, table.TableArn!, inputs, tags);
  table = await active(context, id);
  return table;
}

async function tagsOf(context: ApplyContext, arn: string): Promise<Record<string, string>> {
  return tagRecord((await context.clients.dynamodb.send(new (dynamodbApi().ListTagsOfResourceCommand)({ ResourceArn: arn }))).Tags);
}

async function tag(context: ApplyContext, arn: string, inputs: Record<string, unknown>, known?: Record<string, string>): Promise<void> {
  const api = dynamodbApi();
  const wanted = resourceTags(context, inputs.tags);
  const current = known ?? (await tagsOf(context, arn));
  const removed = Object.keys(current).filter((key) => !(key in wanted));
  if (removed.length > 0) await context.clients.dynamodb.send(new api.UntagResourceCommand({ ResourceArn: arn, TagKeys: removed }));
  const changed = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => current[key] !== value));
  if (Object.keys(changed).length > 0) await context.clients.dynamodb.send(new api.TagResourceCommand({ ResourceArn: arn, Tags: tagList(changed) }));
}

export const tableProvider: Provider = {
  type: TYPES.table,
  nameRule: { max: 255 },
  replaceKeys: ["name", "attributes", "hashKey", "rangeKey"],
  identity: (inputs, generated) => (typeof inputs.name === "string" ? inputs.name : generated.replace(/[^A-Za-z0-9_.-]/g, "-")),
  predict: (account, region, id) => ({ name: id, arn: arnOf(account, region, id) }),

  isOwn: async (context, id) => isOwnResource(context, await tagsOf(context, arnOf(await context.accountId(), context.target.region, id))),

  async read(context, id) {
    const table = await describe(context, id);
    return table === undefined ? undefined : outputsOf(table);
  },

  async create(context, id, inputs) {
    const attributes = inputs.attributes as Array<{ name: string; type: "S" }>;
    const keySchema = [
      { AttributeName: String(inputs.hashKey), KeyType: "HASH" as const },
      ...(inputs.rangeKey === undefined ? [] : [{ AttributeName: String(inputs.rangeKey), KeyType: "RANGE" as const }]),
    ];
    try {
      await context.clients.dynamodb.send(
        new (dynamodbApi().CreateTableCommand)({
          TableName: id,
          AttributeDefinitions: attributes.map((attribute) => ({ AttributeName: attribute.name, AttributeType: attribute.type })),
          KeySchema: keySchema,
          ...billingOf(inputs),
          ...(inputs.streamEnabled === true ? { StreamSpecification: streamOf(inputs) } : {}),
          Tags: tagList(resourceTags(context, inputs.tags)),
        }),
      );
    } catch (error) {
      if (errorCode(error) !== "ResourceInUseException") throw error;
      // The name is taken: adopted only if this stack made it before a crash
      // (CreateTable set the tags in the same call), refused otherwise.
      const tags = await tagsOf(context, arnOf(await context.accountId(), context.target.region, id));
      if (!isOwnResource(context, tags)) throw notMadeByThisStack("table", id, "ResourceInUseException");
      return outputsOf(await reconcile(context, id, inputs, tags));
    }
    // Made with exactly these tags: nothing to read back.
    return outputsOf(await reconcile(context, id, inputs, resourceTags(context, inputs.tags)));
  },

  async update(context, id, _olds, inputs) {
    return outputsOf(await reconcile(context, id, inputs));
  },

  async delete(context, id) {
    try {
      await retrying(
        context,
        (error) => errorCode(error) === "ResourceInUseException",
        () => context.clients.dynamodb.send(new (dynamodbApi().DeleteTableCommand)({ TableName: id })),
      );
    } catch (error) {
      if (!isNotFound(error, "ResourceNotFoundException")) throw error;
    }
  },
};
