// The one place where the program's magic functions become module text, and
// where an Output or a Resource they capture becomes its deployed value
// (never the SDK's internals). While serializing, globalThis[DEPLOYED] holds
// the engine's lookup: an Output's or Resource's rebuild method reads it and
// records what the function captured and whether a value is still unknown.
import { serializeFunction, type SerializedFunction } from "@closure-pack/closure";
import { DEPLOYED, OUTPUT, REBUILD } from "../core/brand.js";
import { valueForFunction, type DeployedValues, type OutputInternals, type ValueLookup } from "../core/output.js";
import { isResource } from "../core/registry.js";
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

/**
 * Serializes the handlers. One at a time for now: the serializer's batch API
 * (one inspector session, one heap snapshot for all) replaces the loop here.
 */
export async function serializeHandlers(handlers: readonly HandlerToSerialize[], lookup: ValueLookup): Promise<Map<string, SerializedHandler>> {
  const results = new Map<string, SerializedHandler>();
  for (const handler of handlers) {
    const deployed: DeployedValues = { lookup, captured: new Set(), unknown: false };
    const holder = globalThis as Record<symbol, unknown>;
    holder[DEPLOYED] = deployed;
    try {
      const serialized = await serializeFunction(handler.fn, {
        exportName: "handler",
        format: "esm",
        isFactoryFunction: handler.factory,
        serialize: (value) => keepCapture(value),
      });
      results.set(handler.key, { serialized, captured: deployed.captured, unknown: deployed.unknown });
    } catch (error) {
      throw handlerError(handler.name, error);
    } finally {
      delete holder[DEPLOYED];
    }
  }
  return results;
}

// Until the serializer calls REBUILD itself, a captured output or resource
// is read here (recording the dependency and unknown values) and emitted as
// undefined rather than as the SDK's internals.
function keepCapture(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (OUTPUT in value) {
    valueForFunction((value as Record<symbol, OutputInternals>)[OUTPUT]!);
    return false;
  }
  if (isResource(value)) {
    (value as Record<symbol, () => unknown>)[REBUILD]!();
    return false;
  }
  return true;
}

/** `docsHandler: handler -> client -> socket: …`: the serializer's message prefixed by the function's name. */
function handlerError(name: string, error: unknown): unknown {
  const e = error as { code?: string; message?: string; hint?: string; path?: readonly string[] } | null;
  if (e === null || typeof e.code !== "string" || typeof e.message !== "string" || !(error instanceof Error) || error.name !== "SerializationError") return error;
  const [first = "", ...rest] = e.message.split("\n");
  const hint = rest.find((line) => line.startsWith("hint: "))?.slice(6);
  return new AwsError("HANDLER_NOT_SERIALIZABLE", name, first, { cause: error, ...(hint ? { hint } : {}), ...(e.path ? { path: e.path } : {}) });
}
