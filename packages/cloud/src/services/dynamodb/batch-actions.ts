// BatchWriteItem (up to 25 puts and deletes over any tables, applied in one
// transaction, each with its stream record) and BatchGetItem (up to 100
// keys, projections per table). Nothing is ever left unprocessed locally:
// UnprocessedItems and UnprocessedKeys are always empty.
import { itemSize, readItem, type Item } from "./attribute-value.js";
import { DynamoError, validation, type DynamoInput } from "./dynamodb-protocol.js";
import { project } from "./document-path.js";
import { readExpressionContext, readProjection } from "./expression-input.js";
import { itemKey, readKey, type EncodedKey } from "./item-store.js";
import { transact, writeItem, type DynamoAction, type DynamoState } from "./dynamodb-state.js";
import type { TableRow } from "./table-store.js";

function requestItems(input: DynamoInput): Record<string, unknown> {
  const value = input.RequestItems;
  if (value === undefined || value === null)
    throw validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
  if (typeof value !== "object" || Array.isArray(value)) throw new DynamoError("SerializationException", "Unexpected value type in payload for RequestItems");
  return value as Record<string, unknown>;
}

function tableFor(state: DynamoState, region: string, name: string): TableRow {
  const table = state.tables.find(region, name);
  if (table === undefined) throw new DynamoError("ResourceNotFoundException", "Requested resource not found");
  return table;
}

type Write = { table: TableRow; key: EncodedKey; item: Item | undefined };

function readWrites(state: DynamoState, region: string, requests: Record<string, unknown>): Write[] {
  const writes: Write[] = [];
  const seen = new Set<string>();
  for (const [name, list] of Object.entries(requests)) {
    if (!Array.isArray(list) || list.length === 0) {
      throw validation(
        `1 validation error detected: Value '${JSON.stringify(list)}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]`,
      );
    }
    const table = tableFor(state, region, name);
    for (const request of list as Array<{ PutRequest?: { Item?: unknown }; DeleteRequest?: { Key?: unknown } }>) {
      let write: Write;
      if (request.PutRequest !== undefined && request.DeleteRequest === undefined) {
        const item = readItem(request.PutRequest.Item);
        if (itemSize(item) > 400 * 1024) throw validation("Item size has exceeded the maximum allowed size");
        write = { table, key: itemKey(table, item).encoded, item };
      } else if (request.DeleteRequest !== undefined && request.PutRequest === undefined) {
        write = { table, key: readKey(table, readItem(request.DeleteRequest.Key)), item: undefined };
      } else {
        throw validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
      }
      const id = JSON.stringify([table.id, write.key.pk, write.key.sk]);
      if (seen.has(id)) throw validation("Provided list of item keys contains duplicates");
      seen.add(id);
      writes.push(write);
    }
  }
  if (writes.length > 25) {
    throw validation(
      "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]",
    );
  }
  return writes;
}

const batchWriteItem: DynamoAction = (state, input, request) => {
  const writes = readWrites(state, request.region, requestItems(input));
  transact(state, () => {
    for (const write of writes) writeItem(state, write.table, write.key, state.items.get(write.table.id, write.key), write.item);
  });
  return { UnprocessedItems: {} };
};

const batchGetItem: DynamoAction = (state, input, request) => {
  const requests = requestItems(input);
  const total = Object.values(requests).reduce(
    (sum: number, each) => sum + (Array.isArray((each as { Keys?: unknown }).Keys) ? (each as { Keys: unknown[] }).Keys.length : 0),
    0,
  );
  if (total > 100) throw validation("Too many items requested for the BatchGetItem call");
  const responses: Record<string, Item[]> = {};
  for (const [name, raw] of Object.entries(requests)) {
    const spec = raw as DynamoInput;
    const table = tableFor(state, request.region, name);
    if (!Array.isArray(spec.Keys) || spec.Keys.length === 0) {
      throw validation(
        `1 validation error detected: Value null at 'requestItems.${name}.member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1`,
      );
    }
    const context = readExpressionContext(spec);
    const projection = readProjection(spec, context);
    context.checkAllUsed();
    const seen = new Set<string>();
    const found: Item[] = [];
    for (const key of spec.Keys) {
      const encoded = readKey(table, readItem(key));
      const id = JSON.stringify(encoded);
      if (seen.has(id)) throw validation("Provided list of item keys contains duplicates");
      seen.add(id);
      const item = state.items.get(table.id, encoded);
      if (item !== undefined) found.push(projection === undefined ? item : project(item, projection));
    }
    responses[name] = found;
  }
  return { Responses: responses, UnprocessedKeys: {} };
};

export const BATCH_ACTIONS: Readonly<Record<string, DynamoAction>> = { BatchWriteItem: batchWriteItem, BatchGetItem: batchGetItem };
