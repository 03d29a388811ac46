// DynamoDB's wire protocol (JSON 1.0, X-Amz-Target DynamoDB_20120810.<Action>
// and DynamoDBStreams_20120810.<Action>): answers, errors with the
// namespaced __type the SDK and the aws CLI read, and the input readers the
// actions share, with DynamoDB's wording for bad input.
import { AwsError } from "../../errors.js";
import type { AwsResponse } from "../../server/aws-request.js";

export type DynamoInput = Record<string, unknown>;

/** An error answered as DynamoDB answers it; `namespace` is the service's shape namespace. */
export class DynamoError extends AwsError {
  /** Extra fields of the error body (ConditionalCheckFailedException's Item). */
  readonly fields: Record<string, unknown>;

  constructor(code: string, message: string, fields: Record<string, unknown> = {}, status = 400) {
    super(code, message, status);
    this.fields = fields;
  }
}

export const validation = (message: string): DynamoError => new DynamoError("ValidationException", message);
export const tableNotFound = (): DynamoError => new DynamoError("ResourceNotFoundException", "Requested resource not found");

/** The JSON answer of an action. */
export function dynamoReply(output: object): AwsResponse {
  return { status: 200, headers: { "content-type": "application/x-amz-json-1.0" }, body: JSON.stringify(output) };
}

/** An error as DynamoDB (`com.amazonaws.dynamodb.v20120810`) or DynamoDB Streams answers it. */
export function dynamoErrorReply(error: AwsError, namespace: string): AwsResponse {
  const fields = error instanceof DynamoError ? error.fields : {};
  return {
    status: error.status,
    headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-errortype": error.code },
    body: JSON.stringify({ __type: `${namespace}#${error.code}`, message: error.message, ...fields }),
  };
}

/** Parses a request body: a JSON object, or `{}` when empty. */
export function parseInput(bytes: Buffer): DynamoInput {
  if (bytes.length === 0) return {};
  try {
    const input: unknown = JSON.parse(bytes.toString("utf8"));
    if (input !== null && typeof input === "object" && !Array.isArray(input)) return input as DynamoInput;
  } catch {
    // Answered below.
  }
  throw new DynamoError("SerializationException", "Start of structure or map found where not expected.");
}

/** The "1 validation error detected" message of a field that breaks a constraint. */
export function constraint(value: unknown, field: string, rule: string): DynamoError {
  const shown = value === undefined || value === null ? "null" : typeof value === "object" ? JSON.stringify(value) : String(value);
  const prefix = value === undefined || value === null ? `Value null at '${field}'` : `Value '${shown}' at '${field}'`;
  return validation(`1 validation error detected: ${prefix} failed to satisfy constraint: ${rule}`);
}

export function requiredString(input: DynamoInput, field: string, wireName = lowerFirst(field)): string {
  const value = input[field];
  if (value === undefined || value === null) throw constraint(undefined, wireName, "Member must not be null");
  if (typeof value !== "string") throw new DynamoError("SerializationException", `NUMBER_VALUE cannot be converted to String`);
  return value;
}

export function optionalString(input: DynamoInput, field: string): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new DynamoError("SerializationException", `NUMBER_VALUE cannot be converted to String`);
  return value;
}

/** A table name: 3 to 255 of [a-zA-Z0-9_.-]. */
export function tableName(input: DynamoInput, field = "TableName"): string {
  const name = requiredString(input, field);
  if (name.length < 3) throw constraint(name, lowerFirst(field), "Member must have length greater than or equal to 3");
  if (name.length > 255) throw constraint(name, lowerFirst(field), "Member must have length less than or equal to 255");
  if (!/^[a-zA-Z0-9_.-]+$/.test(name)) throw constraint(name, lowerFirst(field), "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  return name;
}

/** An enum field, or its default. */
export function choice<T extends string>(input: DynamoInput, field: string, values: readonly T[], fallback: T): T {
  const value = input[field];
  if (value === undefined || value === null) return fallback;
  if (!values.includes(value as T)) throw constraint(value, lowerFirst(field), `Member must satisfy enum value set: [${values.join(", ")}]`);
  return value as T;
}

/** A positive integer field (Limit), or undefined. */
export function optionalLimit(input: DynamoInput, field: string): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
    throw constraint(value, lowerFirst(field), "Member must have value greater than or equal to 1");
  return value;
}

/** A string-keyed object field, or undefined. */
export function optionalMap(input: DynamoInput, field: string): Record<string, unknown> | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw new DynamoError("SerializationException", `Unexpected value type in payload for ${field}`);
  return value as Record<string, unknown>;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
