// Kinesis's wire protocol (JSON 1.1, X-Amz-Target Kinesis_20131202.<Action>):
// answers, errors as Kinesis writes them, and the input readers the actions
// share, with Kinesis's wording for bad input.
import { AwsError } from "../../errors.js";
import type { AwsResponse } from "../../server/aws-request.js";

export type KinesisInput = Record<string, unknown>;

export const invalidArgument = (message: string): AwsError => new AwsError("InvalidArgumentException", message);
export const validation = (value: unknown, field: string, rule: string): AwsError =>
  new AwsError(
    "ValidationException",
    `1 validation error detected: Value '${value === undefined ? "null" : String(value)}' at '${field}' failed to satisfy constraint: ${rule}`,
  );

export function kinesisReply(output: object): AwsResponse {
  return { status: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: JSON.stringify(output) };
}

export function kinesisErrorReply(error: AwsError): AwsResponse {
  return {
    status: error.status,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": error.code },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}

export function parseInput(bytes: Buffer): KinesisInput {
  if (bytes.length === 0) return {};
  try {
    const input: unknown = JSON.parse(bytes.toString("utf8"));
    if (input !== null && typeof input === "object" && !Array.isArray(input)) return input as KinesisInput;
  } catch {
    // Answered below.
  }
  throw new AwsError("SerializationException", "Start of structure or map found where not expected.");
}

export function requiredString(input: KinesisInput, field: string, wireName = field.charAt(0).toLowerCase() + field.slice(1)): string {
  const value = input[field];
  if (typeof value !== "string" || value === "") throw validation(undefined, wireName, "Member must not be null");
  return value;
}

/** A positive integer field in [min, max], or undefined. */
export function optionalInteger(input: KinesisInput, field: string, min: number, max: number): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  const wire = field.charAt(0).toLowerCase() + field.slice(1);
  if (typeof value !== "number" || !Number.isInteger(value)) throw validation(value, wire, "Member must be an integer");
  if (value < min) throw validation(value, wire, `Member must have value greater than or equal to ${min}`);
  if (value > max) throw validation(value, wire, `Member must have value less than or equal to ${max}`);
  return value;
}
