// Argument checks shared by the resource classes: each failure names the
// resource, the argument and what it must be.
import { AwsError, describeResource } from "../errors.js";
import { callSite } from "./call-site.js";
import { isOutput } from "./output.js";

export function invalidArgument(type: string, name: string, problem: string, hint?: string): AwsError {
  const site = callSite();
  const where = site ? `${site}: ${describeResource(type, name)}` : describeResource(type, name);
  return new AwsError("INVALID_ARGUMENT", where, problem, hint === undefined ? {} : { hint });
}

export function checkObject(type: string, name: string, args: unknown): Record<string, unknown> {
  if (args === undefined) return {};
  if (typeof args !== "object" || args === null || Array.isArray(args)) throw invalidArgument(type, name, "arguments must be an object");
  return args as Record<string, unknown>;
}

/** An integer in [min, max], or an output (checked when known). */
export function checkInteger(type: string, name: string, key: string, value: unknown, min: number, max: number): void {
  if (value === undefined || isOutput(value)) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalidArgument(type, name, `"${key}" must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
}

export function checkString(type: string, name: string, key: string, value: unknown): void {
  if (value === undefined || isOutput(value)) return;
  if (typeof value !== "string" || value === "") throw invalidArgument(type, name, `"${key}" must be a non-empty string, got ${JSON.stringify(value)}`);
}

export function checkTags(type: string, name: string, tags: unknown): void {
  if (tags === undefined) return;
  const ok = typeof tags === "object" && tags !== null && Object.values(tags).every((v) => typeof v === "string" || isOutput(v));
  if (!ok) throw invalidArgument(type, name, `"tags" must be an object of string values`);
}

/** Drops keys whose value is undefined, so inputs compare by what was given. */
export function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
