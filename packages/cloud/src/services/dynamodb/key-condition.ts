// Query's KeyConditionExpression, read as DynamoDB reads it: the partition
// key with `=`, and optionally one condition on the sort key (=, <, <=, >,
// >=, BETWEEN, begins_with), joined by AND; anything else is refused with
// DynamoDB's messages. The result is the partition to read and the range of
// encoded sort keys.
import { typeOf, type AttributeValue, type Item } from "./attribute-value.js";
import { validation } from "./dynamodb-protocol.js";
import type { Condition, Operand } from "./expression-parser.js";
import { encodeKeyValue, type SortRange } from "./item-store.js";
import type { KeyElement, TableRow } from "./table-store.js";

export interface KeyQuery {
  pk: string;
  hashValue: AttributeValue;
  range: SortRange;
}

const unsupported = () => validation("Query key condition not supported");

export function readKeyCondition(condition: Condition, table: TableRow, values: Readonly<Item>): KeyQuery {
  const parts: Condition[] = [];
  const flatten = (each: Condition): void => {
    if (each.kind === "and") {
      flatten(each.left);
      flatten(each.right);
    } else if (each.kind === "or" || each.kind === "not") {
      throw validation(`Invalid operator used in KeyConditionExpression: ${each.kind.toUpperCase()}`);
    } else parts.push(each);
  };
  flatten(condition);
  if (parts.length > 2) throw validation("Conditions can be of length 1 or 2 only");
  const { hash, range } = table.definition;
  let hashValue: AttributeValue | undefined;
  let sortRange: SortRange = {};
  for (const part of parts) {
    const name = subjectName(part);
    if (name === hash.name) {
      if (part.kind !== "compare" || part.op !== "=") throw unsupported();
      hashValue = keyValue(part.right, hash, values);
    } else if (range !== undefined && name === range.name) sortRange = readSortCondition(part, range, values);
    else throw validation(`Query condition missed key schema element: ${hash.name}`);
  }
  if (hashValue === undefined) throw validation(`Query condition missed key schema element: ${hash.name}`);
  return { pk: encodeKeyValue(hashValue), hashValue, range: sortRange };
}

function subjectName(part: Condition): string {
  const subject = part.kind === "compare" ? part.left : part.kind === "between" ? part.operand : part.kind === "function" ? part.args[0] : undefined;
  if (subject === undefined || subject.kind !== "path" || subject.steps.length !== 1 || !("name" in subject.steps[0]!)) throw unsupported();
  return subject.steps[0].name;
}

function keyValue(operand: Operand | undefined, element: KeyElement, values: Readonly<Item>): AttributeValue {
  if (operand === undefined || operand.kind !== "value") throw unsupported();
  const value = values[operand.name]!;
  if (typeOf(value) !== element.type) throw validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
  return value;
}

function readSortCondition(part: Condition, range: KeyElement, values: Readonly<Item>): SortRange {
  if (part.kind === "between") {
    const low = encodeKeyValue(keyValue(part.low, range, values));
    const high = encodeKeyValue(keyValue(part.high, range, values));
    if (low > high) throw validation("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound");
    return { low: { value: low, inclusive: true }, high: { value: high, inclusive: true } };
  }
  if (part.kind === "function") {
    if (part.name !== "begins_with") throw validation(`Invalid KeyConditionExpression: Invalid function name; function: ${part.name}`);
    if (range.type === "N")
      throw validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
    return { prefix: encodeKeyValue(keyValue(part.args[1], range, values)) };
  }
  if (part.kind !== "compare" || part.op === "<>") throw unsupported();
  const value = encodeKeyValue(keyValue(part.right, range, values));
  switch (part.op) {
    case "=":
      return { low: { value, inclusive: true }, high: { value, inclusive: true } };
    case "<":
    case "<=":
      return { high: { value, inclusive: part.op === "<=" } };
    default:
      return { low: { value, inclusive: part.op === ">=" } };
  }
}
