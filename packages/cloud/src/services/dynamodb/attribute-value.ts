// DynamoDB's AttributeValue: checked as DynamoDB checks what a client sends
// (exactly one type, numbers that parse, sets that are neither empty nor
// repeat), numbers normalised as DynamoDB stores them ("01.50" is 1.5),
// equality and ordering, and the size an item counts for.
import { validation } from "./dynamodb-protocol.js";
import { compareNumbers, normalizeNumber } from "./numbers.js";

export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { M: Record<string, AttributeValue> }
  | { L: AttributeValue[] }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] };

export type Item = Record<string, AttributeValue>;
export type TypeName = "S" | "N" | "B" | "BOOL" | "NULL" | "M" | "L" | "SS" | "NS" | "BS";

const TYPES: ReadonlySet<string> = new Set(["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"]);
const SET_NAMES: Readonly<Record<string, string>> = { SS: "string", NS: "number", BS: "binary" };

export function typeOf(value: AttributeValue): TypeName {
  return Object.keys(value)[0] as TypeName;
}

/** The value's payload (string, boolean, list, map...). */
export function payloadOf(value: AttributeValue): unknown {
  return (value as Record<string, unknown>)[typeOf(value)];
}

/** Checks one value a client sent and returns it normalised (numbers in DynamoDB's form). */
export function readValue(raw: unknown): AttributeValue {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    throw validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  const present = Object.entries(raw as Record<string, unknown>).filter(([name, value]) => TYPES.has(name) && value !== undefined && value !== null);
  if (present.length === 0) throw validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  if (present.length > 1) throw validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
  const [type, value] = present[0]!;
  switch (type) {
    case "S":
    case "B":
      if (typeof value !== "string") throw validation(`Supplied AttributeValue has an invalid ${type} value`);
      return { [type]: value } as AttributeValue;
    case "N":
      return { N: normalizeNumber(String(value)) };
    case "BOOL":
      if (typeof value !== "boolean") throw validation("Supplied AttributeValue has an invalid BOOL value");
      return { BOOL: value };
    case "NULL":
      if (value !== true) throw validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
      return { NULL: true };
    case "M":
      return { M: readItem(value) };
    case "L":
      if (!Array.isArray(value)) throw validation("Supplied AttributeValue has an invalid L value");
      return { L: value.map(readValue) };
    default:
      return readSet(type as "SS" | "NS" | "BS", value);
  }
}

function readSet(type: "SS" | "NS" | "BS", value: unknown): AttributeValue {
  if (!Array.isArray(value)) throw validation(`Supplied AttributeValue has an invalid ${type} value`);
  if (value.length === 0) throw validation(`One or more parameter values were invalid: An ${SET_NAMES[type]} set  may not be empty`);
  const members = value.map((each) => (type === "NS" ? normalizeNumber(String(each)) : String(each)));
  const seen = new Set<string>();
  for (const member of members) {
    if (seen.has(member)) throw validation(`One or more parameter values were invalid: Input collection [${value.join(", ")}] contains duplicates.`);
    seen.add(member);
  }
  return { [type]: members } as AttributeValue;
}

/** Checks a map of attribute values (an item, a key, ExpressionAttributeValues). */
export function readItem(raw: unknown): Item {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    throw validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  const item: Item = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) item[name] = readValue(value);
  return item;
}

/** Deep equality as DynamoDB's `=` sees it (sets are equal regardless of order). */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  const type = typeOf(a);
  if (type !== typeOf(b)) return false;
  const left = payloadOf(a);
  const right = payloadOf(b);
  switch (type) {
    case "N":
      return compareNumbers(left as string, right as string) === 0;
    case "M": {
      const l = left as Item;
      const r = right as Item;
      const keys = Object.keys(l);
      return keys.length === Object.keys(r).length && keys.every((key) => r[key] !== undefined && valuesEqual(l[key]!, r[key]!));
    }
    case "L": {
      const l = left as AttributeValue[];
      const r = right as AttributeValue[];
      return l.length === r.length && l.every((each, index) => valuesEqual(each, r[index]!));
    }
    case "SS":
    case "BS":
    case "NS": {
      const l = left as string[];
      const r = right as string[];
      return l.length === r.length && l.every((each) => setHas(type, r, each));
    }
    default:
      return left === right;
  }
}

/** True when a set of `type` holds `member`. */
export function setHas(type: string, members: readonly string[], member: string): boolean {
  return type === "NS" ? members.some((each) => compareNumbers(each, member) === 0) : members.includes(member);
}

/** Orders two scalars of the same type (S, N or B), or undefined when they cannot be ordered. */
export function compareValues(a: AttributeValue, b: AttributeValue): number | undefined {
  const type = typeOf(a);
  if (type !== typeOf(b)) return undefined;
  if (type === "N") return compareNumbers((a as { N: string }).N, (b as { N: string }).N);
  if (type === "S") return compareBytes(Buffer.from((a as { S: string }).S), Buffer.from((b as { S: string }).S));
  if (type === "B") return compareBytes(Buffer.from((a as { B: string }).B, "base64"), Buffer.from((b as { B: string }).B, "base64"));
  return undefined;
}

function compareBytes(a: Buffer, b: Buffer): number {
  return Math.sign(Buffer.compare(a, b));
}

/** The bytes an item counts for against the 400 KB limit: names plus values, as DynamoDB sizes them. */
export function itemSize(item: Item): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  const payload = payloadOf(value);
  switch (typeOf(value)) {
    case "S":
      return Buffer.byteLength(payload as string);
    case "B":
      return Buffer.from(payload as string, "base64").length;
    case "N":
      return Math.ceil((payload as string).replace(/[-.]/g, "").length / 2) + 1;
    case "BOOL":
    case "NULL":
      return 1;
    case "M":
      return 3 + itemSize(payload as Item);
    case "L":
      return 3 + (payload as AttributeValue[]).reduce((sum, each) => sum + 1 + valueSize(each), 0);
    default:
      return (payload as string[]).reduce((sum, each) => sum + Buffer.byteLength(each), 0);
  }
}
