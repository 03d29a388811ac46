// Which inputs changed between the state and the program: compared as
// canonical JSON (key order does not matter); a value still unknown counts
// as changed. Also how a value prints under --diff.
import { UNKNOWN } from "../core/brand.js";
import { containsUnknown } from "../core/output.js";

export function changedKeys(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].sort();
  return keys.filter((key) => containsUnknown(news[key]) || canonical(olds[key]) !== canonical(news[key]));
}

export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "undefined";
}

function sortKeys(value: unknown): unknown {
  if (value === UNKNOWN) return "(known after apply)";
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** A value as --diff shows it. */
export function showValue(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = canonical(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
