// The REST-JSON plumbing both API Gateway control planes share: reading a
// JSON body, answering JSON, AWS's error codes (BadRequestException,
// NotFoundException, ConflictException), the ids API Gateway hands out, and
// the checks on input fields.
import { randomBytes } from "node:crypto";
import { AwsError } from "../../errors.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";

// Control-plane bodies are small; API Gateway refuses large ones too.
const BODY_LIMIT = 6 * 1024 * 1024;
const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

export type Json = Record<string, unknown>;

export function badRequest(message: string): AwsError {
  return new AwsError("BadRequestException", message, 400);
}

export function notFound(message: string): AwsError {
  return new AwsError("NotFoundException", message, 404);
}

export function conflict(message: string): AwsError {
  return new AwsError("ConflictException", message, 409);
}

/** The JSON object a request carries (`{}` when empty), or BadRequestException. */
export async function readJson(request: AwsRequest): Promise<Json> {
  const bytes = await request.body(BODY_LIMIT);
  if (bytes.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw badRequest("Invalid Request Body");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw badRequest("Invalid Request Body");
  return parsed as Json;
}

export function reply(status: number, body?: unknown): AwsResponse {
  if (body === undefined) return { status, headers: { "content-length": 0 } };
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** An id as API Gateway makes them: lowercase letters and digits. */
export function newId(length: number): string {
  const bytes = randomBytes(length);
  let id = "";
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

/** `value` as a string field, or BadRequestException naming the field. */
export function stringField(value: unknown, field: string, required = false): string | undefined {
  if (value === undefined || value === null) {
    if (required) throw badRequest(`${field} is required`);
    return undefined;
  }
  if (typeof value !== "string") throw badRequest(`Invalid value for ${field}: must be a string`);
  return value;
}

export function booleanField(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw badRequest(`Invalid value for ${field}: must be true or false`);
  return value;
}

/** A string-to-string map field (tags, stage variables). */
export function mapField(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw badRequest(`Invalid value for ${field}: must be a map of strings`);
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(value as Json)) {
    if (typeof item !== "string") throw badRequest(`Invalid value for ${field}.${key}: must be a string`);
    map[key] = item;
  }
  return map;
}

/** An integration timeout within API Gateway's bounds (50 ms up to `max`). */
export function timeoutField(value: unknown, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 50 || value > max) {
    throw badRequest(`Timeout should be between 50 ms and ${max} ms`);
  }
  return value;
}

/** Drops the keys whose value is undefined, as AWS leaves unset members out. */
export function compact<T extends Json>(doc: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
