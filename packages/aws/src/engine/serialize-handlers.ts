// The one place where the program's magic functions become module text:
// all of them together (serializeFunctions: one inspector session, at most
// one heap snapshot). An Output or Resource a function captures is rebuilt
// as its deployed value through the serializer's rebuild protocol (see
// core/output.ts, core/resource.ts), never copied as the SDK's internals:
// while serializing, globalThis[DEPLOYED] holds the engine's lookup, and
// each function's `serialize` callback notes the resources it captured and
// whether a captured value is still unknown (it then waits for apply).
import { serializeFunction, serializeFunctions, type SerializedFunction, type SerializeOptions } from "@closure-pack/closure";
import { DEPLOYED, OUTPUT } from "../core/brand.js";
import { containsUnknown, type DeployedValues, type OutputInternals, type ValueLookup } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { AwsError } from "../errors.js";

export interface HandlerToSerialize {
  key: string;
  /** For messages: the function's logical name. */
  name: string;
  fn: Function;
  factory: boolean;
}

export interface SerializedHandler {
  serialized: SerializedFunction;
  /** Resources whose values it captured: it depends on them. */
  captured: Set<object>;
  /** It captured a value known only after apply: serialize it again then. */
  unknown: boolean;
}

interface Noted {
  captured: Set<object>;
  unknown: boolean;
}

export async function serializeHandlers(handlers: readonly HandlerToSerialize[], lookup: ValueLookup): Promise<Map<string, SerializedHandler>> {
  const results = new Map<string, SerializedHandler>();
  if (handlers.length === 0) return results;
  const holder = globalThis as Record<symbol, unknown>;
  const deployed: DeployedValues = { lookup, captured: new Set(), unknown: false };
  holder[DEPLOYED] = deployed;
  const noted = handlers.map(() => ({ captured: new Set<object>(), unknown: false }));
  try {
    const serialized = await serializeFunctions(handlers.map((handler, i) => ({ fn: handler.fn, options: optionsFor(handler, noted[i]!, lookup) }))).catch(
      async (error: unknown) => {
        throw await locateFailure(handlers, lookup, error);
      },
    );
    handlers.forEach((handler, i) => results.set(handler.key, { serialized: serialized[i]!, ...noted[i]! }));
    return results;
  } finally {
    delete holder[DEPLOYED];
  }
}

function optionsFor(handler: HandlerToSerialize, noted: Noted, lookup: ValueLookup): SerializeOptions {
  return { exportName: "handler", format: "esm", isFactoryFunction: handler.factory, serialize: (value) => note(value, noted, lookup) };
}

/** Records a captured output's or resource's resources; always keeps the value (its rebuild method emits it). */
function note(value: unknown, noted: Noted, lookup: ValueLookup): boolean {
  if (typeof value !== "object" || value === null) return true;
  const output = (value as Record<symbol, OutputInternals | undefined>)[OUTPUT];
  if (output !== undefined) {
    for (const resource of output.resources()) noted.captured.add(resource);
    if (containsUnknown(output.evaluate(lookup))) noted.unknown = true;
  } else if (descriptorOf(value) !== undefined) {
    noted.captured.add(value);
    for (const key of descriptorOf(value)!.outputKeys) if (containsUnknown(lookup.property(value, key))) noted.unknown = true;
  }
  return true;
}

/** The batch names no function when one fails: serialize them one by one to find it, and prefix its name. */
async function locateFailure(handlers: readonly HandlerToSerialize[], lookup: ValueLookup, batchError: unknown): Promise<unknown> {
  for (const handler of handlers) {
    try {
      await serializeFunction(handler.fn, optionsFor(handler, { captured: new Set(), unknown: false }, lookup));
    } catch (error) {
      return handlerError(handler.name, error);
    }
  }
  return batchError;
}

/** `docsHandler: handler -> client -> socket: …`: the serializer's message prefixed by the function's name. */
function handlerError(name: string, error: unknown): unknown {
  const e = error as { code?: string; message?: string; path?: readonly string[] } | null;
  if (e === null || typeof e.code !== "string" || typeof e.message !== "string" || !(error instanceof Error) || error.name !== "SerializationError")
    return error;
  const [first = "", ...rest] = e.message.split("\n");
  const hint = rest.find((line) => line.startsWith("hint: "))?.slice(6);
  return new AwsError("HANDLER_NOT_SERIALIZABLE", name, first, { cause: error, ...(hint ? { hint } : {}), ...(e.path ? { path: e.path } : {}) });
}
