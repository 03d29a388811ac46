// TagResource, UntagResource and ListTagsOfResource on tables (by ARN),
// kept in the table's definition with CreateTable's Tags.
import { DynamoError, requiredString, validation, type DynamoInput } from "./dynamodb-protocol.js";
import { transact, type DynamoAction, type DynamoState } from "./dynamodb-state.js";
import type { TableRow } from "./table-store.js";

const TABLE_ARN = /^arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):\d{12}:table\/([a-zA-Z0-9_.-]+)$/;

function tableOf(state: DynamoState, input: DynamoInput): TableRow {
  const arn = requiredString(input, "ResourceArn");
  const match = TABLE_ARN.exec(arn);
  if (match === null) throw validation(`Invalid TableArn: Invalid ResourceArn provided as input ${arn}`);
  const table = state.tables.find(match[1]!, match[2]!);
  if (table === undefined) throw new DynamoError("ResourceNotFoundException", `Requested resource not found: ResourceArn: ${arn} not found`);
  return table;
}

function setTags(state: DynamoState, table: TableRow, tags: Array<{ Key: string; Value: string }>): void {
  transact(state, () => state.tables.update(table.id, { ...table.definition, tags }, table.streamId));
}

const tagResource: DynamoAction = (state, input) => {
  const table = tableOf(state, input);
  const given = input.Tags;
  if (!Array.isArray(given) || given.length === 0)
    throw validation("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
  const tags = new Map(table.definition.tags.map((tag) => [tag.Key, tag.Value]));
  for (const tag of given as Array<{ Key?: unknown; Value?: unknown }>) tags.set(String(tag.Key), String(tag.Value ?? ""));
  setTags(
    state,
    table,
    [...tags].map(([Key, Value]) => ({ Key, Value })),
  );
  return {};
};

const untagResource: DynamoAction = (state, input) => {
  const table = tableOf(state, input);
  const keys = Array.isArray(input.TagKeys) ? (input.TagKeys as unknown[]).map(String) : [];
  setTags(
    state,
    table,
    table.definition.tags.filter((tag) => !keys.includes(tag.Key)),
  );
  return {};
};

const listTags: DynamoAction = (state, input) => ({ Tags: tableOf(state, input).definition.tags });

export const TAG_ACTIONS: Readonly<Record<string, DynamoAction>> = { TagResource: tagResource, UntagResource: untagResource, ListTagsOfResource: listTags };
