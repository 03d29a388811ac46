// The expression parameters of a request, read as DynamoDB reads them:
// ExpressionAttributeNames/Values (keys starting with # and :, not empty,
// only with expressions, every one used), the expressions themselves, and
// the legacy parameters, which the local cloud refuses by name (all but
// AttributesToGet, which is a projection of top-level names).
import { readItem } from "./attribute-value.js";
import { optionalMap, optionalString, validation, type DynamoInput } from "./dynamodb-protocol.js";
import { ExpressionContext } from "./expression-lexer.js";
import { parseCondition, parseProjection, type Condition, type Path } from "./expression-parser.js";

const LEGACY = ["Expected", "AttributeUpdates", "KeyConditions", "QueryFilter", "ScanFilter", "ConditionalOperator"];
const EXPRESSIONS = ["ConditionExpression", "FilterExpression", "KeyConditionExpression", "UpdateExpression", "ProjectionExpression"];

/** The request's names and values, checked; call checkAllUsed() once every expression is parsed. */
export function readExpressionContext(input: DynamoInput): ExpressionContext {
  const legacy = LEGACY.find((field) => input[field] !== undefined && input[field] !== null);
  if (legacy !== undefined) throw validation(`The local cloud does not support the legacy parameter ${legacy}; use expressions instead.`);
  const hasExpression = EXPRESSIONS.some((field) => typeof input[field] === "string");
  const names = optionalMap(input, "ExpressionAttributeNames");
  const rawValues = optionalMap(input, "ExpressionAttributeValues");
  if (names !== undefined) {
    if (!hasExpression) throw validation("ExpressionAttributeNames can only be specified when using expressions");
    if (Object.keys(names).length === 0) throw validation("ExpressionAttributeNames must not be empty");
    const bad = Object.keys(names).find((key) => !/^#[A-Za-z0-9_]+$/.test(key));
    if (bad !== undefined) throw validation(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${bad}"`);
  }
  if (rawValues !== undefined) {
    if (!hasExpression) throw validation("ExpressionAttributeValues can only be specified when using expressions");
    if (Object.keys(rawValues).length === 0) throw validation("ExpressionAttributeValues must not be empty");
    const bad = Object.keys(rawValues).find((key) => !/^:[A-Za-z0-9_]+$/.test(key));
    if (bad !== undefined) throw validation(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${bad}"`);
  }
  let values;
  try {
    values = readItem(rawValues ?? {});
  } catch (error) {
    throw validation(`ExpressionAttributeValues contains invalid value: ${(error as Error).message}`);
  }
  return new ExpressionContext((names ?? {}) as Record<string, string>, values);
}

/** A condition-like expression field, parsed, or undefined when absent. */
export function readCondition(input: DynamoInput, field: string, context: ExpressionContext): Condition | undefined {
  const text = optionalString(input, field);
  return text === undefined ? undefined : parseCondition(text, field, context);
}

/** ProjectionExpression or AttributesToGet, as paths, or undefined for the whole item. */
export function readProjection(input: DynamoInput, context: ExpressionContext): Path[] | undefined {
  const text = optionalString(input, "ProjectionExpression");
  const names = input.AttributesToGet;
  if (text !== undefined && names !== undefined && names !== null) {
    throw validation(
      "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
    );
  }
  if (text !== undefined) return parseProjection(text, context);
  if (Array.isArray(names)) return names.map((name) => ({ kind: "path", steps: [{ name: String(name) }] }));
  return undefined;
}
