// serializeFunction: one function, through the same pass as many
// (serialize-functions.ts), so its result is the one a batch gives for it.
import type { SerializedFunction, SerializeOptions } from "./options.js";
import { checkItem, serializeFunctions } from "./serialize-functions.js";

/**
 * Serializes a live function, and everything it captures, into the source
 * of a self-contained module that exports an equivalent function.
 */
export async function serializeFunction(fn: Function, options: SerializeOptions = {}): Promise<SerializedFunction> {
  checkItem({ fn, options }, undefined);
  const [result] = await serializeFunctions([{ fn, options }]);
  return result!;
}
