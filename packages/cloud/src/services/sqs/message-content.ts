// What a message carries besides its body, checked as SQS checks it: message
// attributes (at most 10; String, Number or Binary, with custom suffixes),
// the AWSTraceHeader system attribute, the characters a body may hold and
// the size limit; and the MD5 digests SQS answers with (of the body, and of
// the attributes in SQS's length-prefixed binary encoding), which the SDK
// recomputes and compares.
import { createHash } from "node:crypto";
import { invalidParameter, SqsError } from "./sqs-protocol.js";

/** One message attribute as SQS answers it (BinaryValue base64, as JSON carries bytes). */
export interface MessageAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

export type MessageAttributes = Record<string, MessageAttribute>;

const MAX_ATTRIBUTES = 10;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,256}$/;
const DATA_TYPE = /^(String|Number|Binary)(\.[^\s]{1,255})?$/;
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Reads and checks MessageAttributes (or MessageSystemAttributes when `system`); undefined when none. */
export function readMessageAttributes(value: unknown, system = false): MessageAttributes | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw invalidParameter("The message attributes are not a map.");
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return undefined;
  if (entries.length > MAX_ATTRIBUTES)
    throw invalidParameter(`Number of message attributes [${entries.length}] exceeds the allowed maximum [${MAX_ATTRIBUTES}].`);
  const out: MessageAttributes = {};
  for (const [name, raw] of entries.sort(([a], [b]) => compareNames(a, b))) {
    if (system && name !== "AWSTraceHeader") throw invalidParameter(`Message system attribute name '${name}' is invalid.`);
    if (!system) checkName(name);
    out[name] = readAttribute(name, raw);
  }
  return out;
}

function checkName(name: string): void {
  const reserved = /^(aws\.|amazon\.)/i.test(name);
  if (!ATTRIBUTE_NAME.test(name) || reserved || name.startsWith(".") || name.endsWith(".") || name.includes("..")) {
    throw invalidParameter(
      `Message (user) attribute '${name}' is invalid. Reason: The message attribute name can contain A-Z, a-z, 0-9, underscore (_), hyphen (-), and period (.), must not start or end with a period, must not contain consecutive periods, and must not start with AWS. or Amazon.`,
    );
  }
}

function readAttribute(name: string, raw: unknown): MessageAttribute {
  const given = (raw ?? {}) as Record<string, unknown>;
  const type = given.DataType;
  if (typeof type !== "string" || type === "") throw invalidParameter(`The message attribute '${name}' must contain non-empty message attribute type.`);
  if (!DATA_TYPE.test(type))
    throw invalidParameter(
      `The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`,
    );
  if (type.startsWith("Binary")) {
    const bytes = typeof given.BinaryValue === "string" ? given.BinaryValue : "";
    if (bytes === "") throw invalidParameter(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
    return { DataType: type, BinaryValue: bytes };
  }
  const text = given.StringValue;
  const base = type.startsWith("Number") ? "Number" : "String";
  if (typeof text !== "string" || text === "") throw invalidParameter(`The message attribute '${name}' with type '${base}' must use field 'String'.`);
  if (base === "Number" && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) {
    throw invalidParameter(`Can't cast the value of message (user) attribute '${name}' to a number.`);
  }
  checkCharacters(text, `message attribute '${name}'`);
  return { DataType: type, StringValue: text };
}

/** Refuses characters SQS does not store (InvalidMessageContents). */
export function checkCharacters(text: string, where = "message body"): void {
  const bad = FORBIDDEN.exec(text);
  if (bad === null) return;
  const code = `#x${bad[0].codePointAt(0)!.toString(16).toUpperCase()}`;
  throw new SqsError(
    "InvalidMessageContents",
    `Invalid binary character '${code}' was found in the ${where}, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF`,
  );
}

/** Bytes SQS counts toward MaximumMessageSize: the body, and each attribute's name, type and value. */
export function messageSize(body: string, attributes: MessageAttributes | undefined): number {
  let size = Buffer.byteLength(body);
  for (const [name, attribute] of Object.entries(attributes ?? {})) {
    size += Buffer.byteLength(name) + Buffer.byteLength(attribute.DataType);
    size += attribute.BinaryValue !== undefined ? Buffer.from(attribute.BinaryValue, "base64").length : Buffer.byteLength(attribute.StringValue ?? "");
  }
  return size;
}

export function md5Hex(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}

/**
 * MD5 of message attributes as SQS computes it: for each attribute in name
 * order, the name, the data type and the value, each a 4-byte big-endian
 * length then the bytes, with a transport byte (1 text, 2 binary) before
 * the value.
 */
export function attributesMd5(attributes: MessageAttributes): string {
  const hash = createHash("md5");
  const field = (bytes: Buffer): void => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  };
  for (const name of Object.keys(attributes).sort(compareNames)) {
    const attribute = attributes[name]!;
    field(Buffer.from(name, "utf8"));
    field(Buffer.from(attribute.DataType, "utf8"));
    if (attribute.BinaryValue !== undefined) {
      hash.update(Buffer.from([2]));
      field(Buffer.from(attribute.BinaryValue, "base64"));
    } else {
      hash.update(Buffer.from([1]));
      field(Buffer.from(attribute.StringValue ?? "", "utf8"));
    }
  }
  return hash.digest("hex");
}

// SQS (Java) orders names by UTF-16 code units, as JavaScript's < does.
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The attributes ReceiveMessage returns for MessageAttributeNames: "All", ".*", "prefix.*" or exact names. */
export function selectAttributes(attributes: MessageAttributes | undefined, names: readonly string[]): MessageAttributes | undefined {
  if (attributes === undefined || names.length === 0) return undefined;
  const all = names.includes("All") || names.includes(".*");
  const prefixes = names.filter((name) => name.endsWith(".*")).map((name) => name.slice(0, -1));
  const chosen = Object.entries(attributes).filter(([name]) => all || names.includes(name) || prefixes.some((prefix) => name.startsWith(prefix)));
  return chosen.length === 0 ? undefined : Object.fromEntries(chosen);
}
