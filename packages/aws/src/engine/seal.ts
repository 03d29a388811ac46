// Inputs that may hold secret values (a function's environment) are kept in
// the state file and the journal as a SHA-256 of their canonical JSON, never
// as text: enough to tell whether the program changed them, nothing to read.
// Which inputs: each provider's `secretInputs`.
import { createHash } from "node:crypto";
import { canonical } from "./diff.js";

const SEAL = "closure-pack:sha256";

export type Sealed = { [SEAL]: string };

export function seal(value: unknown): Sealed {
  return { [SEAL]: createHash("sha256").update(canonical(value)).digest("hex") };
}

export function isSealed(value: unknown): value is Sealed {
  return typeof value === "object" && value !== null && Object.keys(value).length === 1 && typeof (value as Record<string, unknown>)[SEAL] === "string";
}

/** `inputs` with the values of `keys` sealed (as the state records them). */
export function sealInputs(inputs: Record<string, unknown>, keys: readonly string[] = []): Record<string, unknown> {
  const sealed = { ...inputs };
  for (const key of keys) if (key in sealed && sealed[key] !== undefined && !isSealed(sealed[key])) sealed[key] = seal(sealed[key]);
  return sealed;
}
