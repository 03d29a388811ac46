// PutItem, GetItem, UpdateItem and DeleteItem: the key checked against the
// schema, the condition evaluated against the item as it is (in the same
// transaction as the write), ReturnValues and
// ReturnValuesOnConditionCheckFailure as DynamoDB answers them.
import { itemSize, readItem, type Item } from "./attribute-value.js";
import { evaluate } from "./condition-eval.js";
import { choice, DynamoError, optionalMap, validation, type DynamoInput } from "./dynamodb-protocol.js";
import { project } from "./document-path.js";
import { readCondition, readExpressionContext, readProjection } from "./expression-input.js";
import { parseUpdate, type Condition } from "./expression-parser.js";
import type { ExpressionContext } from "./expression-lexer.js";
import { itemKey, keyElements, readKey } from "./item-store.js";
import { requireTable, transact, writeItem, type DynamoAction } from "./dynamodb-state.js";
import { applyUpdate } from "./update-apply.js";

const ITEM_LIMIT = 400 * 1024;

function returnValues<T extends string>(input: DynamoInput, allowed: readonly T[]): T {
  const value = input.ReturnValues;
  if (value === undefined || value === null) return "NONE" as T;
  if (!allowed.includes(value as T)) throw validation("Return values set to invalid value");
  return value as T;
}

/** Throws ConditionalCheckFailedException when `condition` is false for `current` (with the item when asked). */
export function checkCondition(input: DynamoInput, condition: Condition | undefined, current: Item | undefined, context: ExpressionContext): void {
  if (condition === undefined || evaluate(condition, current ?? {}, context.values)) return;
  const onFailure = choice(input, "ReturnValuesOnConditionCheckFailure", ["ALL_OLD", "NONE"], "NONE");
  throw new DynamoError(
    "ConditionalCheckFailedException",
    "The conditional request failed",
    onFailure === "ALL_OLD" && current !== undefined ? { Item: current } : {},
  );
}

function requireItem(input: DynamoInput, field: string): Item {
  const raw = optionalMap(input, field);
  if (raw === undefined)
    throw validation(
      `1 validation error detected: Value null at '${field.charAt(0).toLowerCase()}${field.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  return readItem(raw);
}

const putItem: DynamoAction = (state, input, request) => {
  const table = requireTable(state, input, request.region);
  const item = requireItem(input, "Item");
  const { encoded } = itemKey(table, item);
  if (itemSize(item) > ITEM_LIMIT) throw validation("Item size has exceeded the maximum allowed size");
  const context = readExpressionContext(input);
  const condition = readCondition(input, "ConditionExpression", context);
  context.checkAllUsed();
  const mode = returnValues(input, ["NONE", "ALL_OLD"]);
  return transact(state, () => {
    const before = state.items.get(table.id, encoded);
    checkCondition(input, condition, before, context);
    writeItem(state, table, encoded, before, item);
    return mode === "ALL_OLD" && before !== undefined ? { Attributes: before } : {};
  });
};

const getItem: DynamoAction = (state, input, request) => {
  const table = requireTable(state, input, request.region);
  const encoded = readKey(table, requireItem(input, "Key"));
  const context = readExpressionContext(input);
  const projection = readProjection(input, context);
  context.checkAllUsed();
  const item = state.items.get(table.id, encoded);
  if (item === undefined) return {};
  return { Item: projection === undefined ? item : project(item, projection) };
};

const deleteItem: DynamoAction = (state, input, request) => {
  const table = requireTable(state, input, request.region);
  const encoded = readKey(table, requireItem(input, "Key"));
  const context = readExpressionContext(input);
  const condition = readCondition(input, "ConditionExpression", context);
  context.checkAllUsed();
  const mode = returnValues(input, ["NONE", "ALL_OLD"]);
  return transact(state, () => {
    const before = state.items.get(table.id, encoded);
    checkCondition(input, condition, before, context);
    writeItem(state, table, encoded, before, undefined);
    return mode === "ALL_OLD" && before !== undefined ? { Attributes: before } : {};
  });
};

const updateItem: DynamoAction = (state, input, request) => {
  const table = requireTable(state, input, request.region);
  const key = requireItem(input, "Key");
  const encoded = readKey(table, key);
  const context = readExpressionContext(input);
  const text = input.UpdateExpression;
  if (text !== undefined && typeof text !== "string") throw validation("Invalid UpdateExpression: The expression can not be empty;");
  const actions = text === undefined ? undefined : parseUpdate(text, context);
  const condition = readCondition(input, "ConditionExpression", context);
  context.checkAllUsed();
  const mode = returnValues(input, ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"]);
  const keyNames = keyElements(table).map((element) => element.name);
  return transact(state, () => {
    const before = state.items.get(table.id, encoded);
    checkCondition(input, condition, before, context);
    // UpdateItem on a missing item creates it from the key.
    const base = before ?? structuredClone(key);
    const { item, paths } = actions === undefined ? { item: base, paths: [] } : applyUpdate(base, actions, context.values, keyNames);
    if (itemSize(item) > ITEM_LIMIT) throw validation("Item size to update has exceeded the maximum allowed size");
    writeItem(state, table, encoded, before, item);
    switch (mode) {
      case "ALL_OLD":
        return before === undefined ? {} : { Attributes: before };
      case "ALL_NEW":
        return { Attributes: item };
      case "UPDATED_OLD":
        return nonEmpty(before === undefined ? {} : project(before, paths));
      case "UPDATED_NEW":
        return nonEmpty(project(item, paths));
      default:
        return {};
    }
  });
};

function nonEmpty(attributes: Item): object {
  return Object.keys(attributes).length === 0 ? {} : { Attributes: attributes };
}

export const ITEM_ACTIONS: Readonly<Record<string, DynamoAction>> = {
  PutItem: putItem,
  GetItem: getItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
};
