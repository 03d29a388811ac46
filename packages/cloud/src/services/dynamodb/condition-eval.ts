// Evaluates a condition tree against an item, as DynamoDB does: a missing
// attribute makes a comparison false (but `<>` true), ordering compares only
// two values of the same scalar type, functions test existence, type,
// prefix, membership and size.
import { compareValues, payloadOf, setHas, typeOf, valuesEqual, type AttributeValue, type Item } from "./attribute-value.js";
import { validation } from "./dynamodb-protocol.js";
import { getPath } from "./document-path.js";
import type { Condition, Operand } from "./expression-parser.js";

const TYPE_NAMES: ReadonlySet<string> = new Set(["S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"]);

/** The value an operand of a condition stands for in `item`, or undefined when absent. */
export function operandValue(operand: Operand, item: Item, values: Readonly<Item>): AttributeValue | undefined {
  switch (operand.kind) {
    case "path":
      return getPath(item, operand);
    case "value":
      return values[operand.name];
    case "size": {
      const value = getPath(item, operand.path);
      const size = value === undefined ? undefined : sizeOf(value);
      return size === undefined ? undefined : { N: String(size) };
    }
    default:
      throw new Error(`${operand.kind} is not a condition operand`);
  }
}

function sizeOf(value: AttributeValue): number | undefined {
  const payload = payloadOf(value);
  switch (typeOf(value)) {
    case "S":
      return (payload as string).length;
    case "B":
      return Buffer.from(payload as string, "base64").length;
    case "M":
      return Object.keys(payload as object).length;
    case "L":
    case "SS":
    case "NS":
    case "BS":
      return (payload as unknown[]).length;
    default:
      return undefined;
  }
}

export function evaluate(condition: Condition, item: Item, values: Readonly<Item>): boolean {
  const value = (operand: Operand) => operandValue(operand, item, values);
  switch (condition.kind) {
    case "and":
      return evaluate(condition.left, item, values) && evaluate(condition.right, item, values);
    case "or":
      return evaluate(condition.left, item, values) || evaluate(condition.right, item, values);
    case "not":
      return !evaluate(condition.condition, item, values);
    case "compare":
      return compare(condition.op, value(condition.left), value(condition.right));
    case "between": {
      const [subject, low, high] = [value(condition.operand), value(condition.low), value(condition.high)];
      if (low !== undefined && high !== undefined && (compareValues(low, high) ?? 0) > 0) {
        throw validation(
          `Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {${typeOf(low)}:${String(payloadOf(low))}}, upper bound operand: AttributeValue: {${typeOf(high)}:${String(payloadOf(high))}}`,
        );
      }
      return compare(">=", subject, low) && compare("<=", subject, high);
    }
    case "in": {
      const subject = value(condition.operand);
      return (
        subject !== undefined &&
        condition.list.some((each) => {
          const candidate = value(each);
          return candidate !== undefined && valuesEqual(subject, candidate);
        })
      );
    }
    case "function":
      return callFunction(condition.name, condition.args.map(value));
  }
}

function compare(op: string, left: AttributeValue | undefined, right: AttributeValue | undefined): boolean {
  if (op === "<>") return left === undefined || right === undefined || !valuesEqual(left, right);
  if (left === undefined || right === undefined) return false;
  if (op === "=") return valuesEqual(left, right);
  const order = compareValues(left, right);
  if (order === undefined) return false;
  return op === "<" ? order < 0 : op === "<=" ? order <= 0 : op === ">" ? order > 0 : order >= 0;
}

function callFunction(name: string, args: Array<AttributeValue | undefined>): boolean {
  const [subject, argument] = args;
  switch (name) {
    case "attribute_exists":
      return subject !== undefined;
    case "attribute_not_exists":
      return subject === undefined;
    case "attribute_type": {
      if (argument === undefined || !("S" in argument) || !TYPE_NAMES.has(argument.S)) {
        throw validation(
          `Invalid ConditionExpression: Invalid attribute type name found; type: ${argument !== undefined && "S" in argument ? argument.S : "unknown"}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`,
        );
      }
      return subject !== undefined && typeOf(subject) === argument.S;
    }
    case "begins_with":
      if (subject === undefined || argument === undefined) return false;
      if ("S" in subject && "S" in argument) return subject.S.startsWith(argument.S);
      if ("B" in subject && "B" in argument)
        return Buffer.from(subject.B, "base64").subarray(0, Buffer.from(argument.B, "base64").length).equals(Buffer.from(argument.B, "base64"));
      return false;
    case "contains":
      return contains(subject, argument);
    default:
      return false;
  }
}

function contains(subject: AttributeValue | undefined, argument: AttributeValue | undefined): boolean {
  if (subject === undefined || argument === undefined) return false;
  if ("S" in subject) return "S" in argument && subject.S.includes(argument.S);
  if ("L" in subject) return subject.L.some((each) => valuesEqual(each, argument));
  const type = typeOf(subject);
  if (type === "SS" || type === "NS" || type === "BS") {
    const member = type === "SS" ? "S" : type === "NS" ? "N" : "B";
    return typeOf(argument) === member && setHas(type, payloadOf(subject) as string[], payloadOf(argument) as string);
  }
  return false;
}
