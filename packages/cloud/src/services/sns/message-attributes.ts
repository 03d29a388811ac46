// The MessageAttributes of Publish and PublishBatch
// (`MessageAttributes.entry.N.Name`, `.Value.DataType`, `.Value.StringValue`,
// `.Value.BinaryValue`), checked as SNS checks them: at most 10, names of
// SNS's alphabet, a type prefix of String, Number or Binary (with an
// optional custom suffix), a value of that type.
import type { MessageAttribute } from "@closure-pack/event-rules";
import type { QueryParams } from "../../protocols/query.js";
import { invalidParameter } from "./sns-input.js";

export type MessageAttributes = Record<string, MessageAttribute & { StringValue?: string; BinaryValue?: string }>;

const MAX_ATTRIBUTES = 10;

export function readMessageAttributes(params: QueryParams): MessageAttributes {
  const attributes: MessageAttributes = {};
  for (let index = 1; ; index++) {
    const prefix = `MessageAttributes.entry.${index}`;
    const name = params.get(`${prefix}.Name`);
    if (name === undefined) break;
    if (index > MAX_ATTRIBUTES) continue;
    checkName(name);
    const type = params.get(`${prefix}.Value.DataType`) ?? "";
    const text = params.get(`${prefix}.Value.StringValue`);
    const binary = params.get(`${prefix}.Value.BinaryValue`);
    attributes[name] = checkValue(name, type, text, binary);
  }
  const count = Object.keys(attributes).length + countBeyond(params);
  if (count > MAX_ATTRIBUTES)
    throw invalidParameter(`MessageAttributes Reason: Number of message attributes [${count}] exceeds the allowed maximum [${MAX_ATTRIBUTES}].`);
  return attributes;
}

function countBeyond(params: QueryParams): number {
  let extra = 0;
  while (params.get(`MessageAttributes.entry.${MAX_ATTRIBUTES + extra + 1}.Name`) !== undefined) extra++;
  return extra;
}

function checkName(name: string): void {
  const valid = /^[A-Za-z0-9_.-]{1,256}$/.test(name) && !name.includes("..") && !name.startsWith(".") && !name.endsWith(".") && !/^(aws|amazon)\./i.test(name);
  if (!valid)
    throw invalidParameter(
      `The message attribute name '${name}' is invalid: use letters, digits, _, - and . (not at either end, not twice in a row, not starting with AWS. or Amazon.)`,
    );
}

function checkValue(
  name: string,
  type: string,
  text: string | undefined,
  binary: string | undefined,
): MessageAttribute & { StringValue?: string; BinaryValue?: string } {
  if (type === "") throw invalidParameter(`The message attribute '${name}' must contain non-empty message attribute type.`);
  const base = type.split(".")[0];
  if (base !== "String" && base !== "Number" && base !== "Binary") {
    throw invalidParameter(
      `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
    );
  }
  const value = base === "Binary" ? binary : text;
  if (value === undefined || value === "")
    throw invalidParameter(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`);
  if (base === "Number" && !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value.trim()))
    throw invalidParameter(`Could not cast message attribute '${name}' value to number.`);
  if (type === "String.Array" && !isArrayOfLeaves(value)) {
    throw invalidParameter(
      `The message attribute '${name}' with type 'String.Array' has an invalid value: it must be a JSON array of strings, numbers, true, false or null.`,
    );
  }
  return base === "Binary" ? { DataType: type, BinaryValue: value } : { DataType: type, StringValue: value };
}

function isArrayOfLeaves(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((item) => item === null || ["string", "number", "boolean"].includes(typeof item));
  } catch {
    return false;
  }
}

/** The bytes the attributes count towards the 256 KiB message limit: names, types and values. */
export function attributeBytes(attributes: MessageAttributes): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(attributes))
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value.DataType) + Buffer.byteLength(value.StringValue ?? value.BinaryValue ?? "");
  return bytes;
}
