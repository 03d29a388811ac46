// What every CloudWatch Logs action reads from its JSON input: the group
// (by name or ARN), required strings, limits, and opaque paging tokens; and
// the ARNs Logs answers with. Messages follow Logs' own.
import { AwsError } from "../../errors.js";
import { ACCOUNT_ID } from "../service.js";
import type { LogsStore, GroupRow } from "./logs-store.js";

export type LogsInput = Record<string, unknown>;

export function invalid(message: string): AwsError {
  return new AwsError("InvalidParameterException", message, 400);
}

export function requiredString(input: LogsInput, field: string): string {
  const value = input[field];
  if (typeof value !== "string" || value === "")
    throw invalid(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  return value;
}

export function optionalString(input: LogsInput, field: string): string | undefined {
  const value = input[field];
  return typeof value === "string" ? value : undefined;
}

/** An integer field within [min, max], or `fallback` when absent. */
export function limitOf(input: LogsInput, field: string, min: number, max: number, fallback: number): number {
  const value = input[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(
      `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: Member must have value between ${min} and ${max}`,
    );
  }
  return value;
}

/** logGroupName, or logGroupIdentifier (a name or the group's ARN). */
export function groupNameOf(input: LogsInput): string {
  const identifier = optionalString(input, "logGroupIdentifier");
  if (identifier !== undefined) return /^arn:aws[a-z-]*:logs:[^:]*:\d{12}:log-group:(.+?)(:\*)?$/.exec(identifier)?.[1] ?? identifier;
  return requiredString(input, "logGroupName");
}

export function requireGroup(store: LogsStore, name: string): GroupRow {
  const group = store.getGroup(name);
  if (group === undefined) throw new AwsError("ResourceNotFoundException", "The specified log group does not exist.", 400);
  return group;
}

export function groupArn(region: string, name: string): string {
  return `arn:aws:logs:${region}:${ACCOUNT_ID}:log-group:${name}`;
}

export function encodeToken(value: string): string {
  return Buffer.from(value).toString("base64url");
}

export function decodeToken(token: string): string {
  return Buffer.from(token, "base64url").toString("utf8");
}
