// The global symbols by which copies of this package recognise each other's
// objects: a program may load another copy of @closure-pack/aws (or its
// CommonJS build next to the engine's ES module build), so nothing here
// relies on instanceof, only on Symbol.for keys and plain data.

/** Key of a resource's descriptor (see Resource). */
export const RESOURCE = Symbol.for("closure-pack.aws.resource");
/** Key of an output's node (see Output). */
export const OUTPUT = Symbol.for("closure-pack.aws.output");
/** Where resources register: globalThis[REGISTRY]. */
export const REGISTRY = Symbol.for("closure-pack.aws.registry");
/** A value not known until apply (a property of a resource still to be made). */
export const UNKNOWN = Symbol.for("closure-pack.aws.unknown");
/** The serializer's rebuild protocol (see @closure-pack/closure). */
export const REBUILD = Symbol.for("closure-pack.rebuild");
/** globalThis[DEPLOYED]: the engine's value lookup while it serializes functions. */
export const DEPLOYED = Symbol.for("closure-pack.aws.deployed-values");

export type Unknown = typeof UNKNOWN;

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}
