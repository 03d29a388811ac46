// The stack outputs: the program's exports with every output resolved
// (a resource exported whole becomes its outputs); functions and other
// live values are left out.
import { UNKNOWN } from "../core/brand.js";
import { isPlainObject, resolveValue } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import type { Values } from "./values.js";

export function stackOutputs(exports: Record<string, unknown>, values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(exports).sort()) {
    if (name.startsWith("__closurePack")) continue;
    const value = exportValue(exports[name], values);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function exportValue(value: unknown, values: Values): unknown {
  const descriptor = descriptorOf(value);
  if (descriptor !== undefined) {
    return Object.fromEntries(descriptor.outputKeys.map((key) => [key, values.property(value as object, key)]).filter(([, v]) => v !== UNKNOWN));
  }
  const resolved = resolveValue(value, values);
  return isJson(resolved) ? resolved : undefined;
}

function isJson(value: unknown): boolean {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isJson);
  return isPlainObject(value) && Object.values(value).every(isJson);
}
