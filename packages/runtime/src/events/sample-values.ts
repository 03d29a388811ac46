// The fixed values sample events are made of: one moment (the account is the
// local functions' own, environment.ts, and the region their default), ids
// that look real but never change, so `closure-pack event` prints the same
// bytes every time (unless the caller asks for the current time).
import { createHash } from "node:crypto";
import { RuntimeError } from "../errors.js";

/** 2024-01-01T00:00:00Z. */
export const DEFAULT_TIME = "2024-01-01T00:00:00.000Z";

/** A UUID-shaped id derived from a label: stable, and different per use. */
export function fixedId(label: string): string {
  const hex = createHash("sha256").update(label).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `count` records from `make` (index 0 first): the Records of a batch. */
export function records<T>(count: number | undefined, make: (index: number) => T): T[] {
  return Array.from({ length: count ?? 1 }, (_, index) => make(index));
}

/** `label`, or `label#index` past the first record: each record of a batch gets ids of its own. */
export function nth(label: string, index: number): string {
  return index === 0 ? label : `${label}#${index}`;
}

export function md5Hex(text: string): string {
  return createHash("md5").update(text).digest("hex");
}

/** `01/Jan/2024:00:00:00 +0000`, as API Gateway writes request times. */
export function clfTime(date: Date): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** `--body` read as JSON; `object` asks for a JSON object. */
export function parseJsonOption(text: string, what: string, object: boolean): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RuntimeError("INVALID_OPTION", 'option "body"', `must be JSON (${what}): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (object && (value === null || typeof value !== "object" || Array.isArray(value))) {
    throw new RuntimeError("INVALID_OPTION", 'option "body"', `must be a JSON object (${what}), got ${JSON.stringify(text)}`);
  }
  return value;
}
