// Which inputs changed between the state and the program: compared as
// canonical JSON (key order does not matter); a value still unknown counts
// as changed, a sealed one by its hash. Also how a value prints under --diff.
import { UNKNOWN } from "../core/brand.js";
import { containsUnknown } from "../core/output.js";
import { isSealed, seal } from "./seal.js";

export function changedKeys(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].sort();
  // A value the state keeps sealed (seal.ts) is compared by its hash.
  const now = (key: string) => (isSealed(olds[key]) && news[key] !== undefined ? seal(news[key]) : news[key]);
  return keys.filter((key) => containsUnknown(news[key]) || canonical(olds[key]) !== canonical(now(key)));
}

export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "undefined";
}

function sortKeys(value: unknown): unknown {
  if (value === UNKNOWN) return "(known after apply)";
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** A changed input as --diff shows it: an input the state keeps sealed is secret on both sides. */
export function showChange(old: unknown, now: unknown): string {
  return `${showValue(old)} => ${isSealed(old) ? "(secret)" : showValue(now)}`;
}

/** A value as --diff shows it; a sealed one as (secret). */
export function showValue(value: unknown): string {
  if (value === undefined) return "(none)";
  if (isSealed(value)) return "(secret)";
  const text = canonical(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
