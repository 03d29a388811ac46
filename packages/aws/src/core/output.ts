// Output<T>: a value known only when the stack is planned or deployed (a
// bucket's name, a function's ARN). At deploy time it is a recipe the engine
// evaluates with its lookup; inside a deployed function the serializer
// rebuilds it as a small object whose get() returns the deployed value.
import { AwsError } from "../errors.js";
import { DEPLOYED, OUTPUT, REBUILD, UNKNOWN, type Unknown } from "./brand.js";

/** How the engine answers "what is this property of that resource?". */
export interface ValueLookup {
  /** A property of a resource (the user's resource object), or UNKNOWN. */
  property(resource: object, key: string): unknown;
  /** accountId, region, stack or project. */
  context(key: ContextKey): unknown;
}

export type ContextKey = "accountId" | "region" | "stack" | "project";

/** What the engine reads through OUTPUT; plain functions, so any copy of this package can call them. */
export interface OutputInternals {
  evaluate(lookup: ValueLookup): unknown;
  /** The resources whose properties this output reads. */
  resources(): object[];
}

/** While the engine serializes functions: the lookup, and what the functions captured. */
export interface DeployedValues {
  lookup: ValueLookup;
  /** Resources whose values a function captured (its dependencies). */
  captured: Set<object>;
  /** Set when a captured value is still unknown: the function waits for apply. */
  unknown: boolean;
}

export type Input<T> = T | Output<T>;
export type Unwrap<T> = T extends Output<infer U> ? U : T;

export class Output<T> {
  /** @internal */
  readonly [OUTPUT]: OutputInternals;

  /** @internal Use output(), all(), interpolate() or a resource's properties. */
  constructor(internals: OutputInternals) {
    this[OUTPUT] = internals;
  }

  /** A new output computed from this one's value when it is known. */
  apply<U>(fn: (value: T) => Input<U>): Output<U> {
    const source = this[OUTPUT];
    return new Output<U>({
      evaluate: (lookup) => {
        const value = source.evaluate(lookup);
        return value === UNKNOWN ? UNKNOWN : resolveValue(fn(value as T), lookup);
      },
      resources: () => source.resources(),
    });
  }

  /** The value, inside a deployed function only; at deploy time use apply(). */
  get(): T {
    throw new AwsError("OUTPUT_GET_AT_DEPLOY", "Output.get()", "an output's value is known only inside a deployed function", {
      hint: "use output.apply(value => ...) at deploy time, or call get() inside the handler",
    });
  }

  /** Rebuilt in a deployed function as `{ get, apply }` over the deployed value. */
  [REBUILD](): { fn: Function; args: unknown[] } {
    return { fn: deployedOutput, args: [valueForFunction(this[OUTPUT])] };
  }

  toString(): string {
    return "[Output: use apply() or interpolate to read it]";
  }

  toJSON(): never {
    throw new AwsError("OUTPUT_GET_AT_DEPLOY", "Output.toJSON()", "an output cannot be turned into JSON at deploy time", {
      hint: "use output.apply(value => JSON.stringify(value))",
    });
  }
}

// Self-contained: it is emitted into the function's package.
function deployedOutput(value: unknown): { get(): unknown; apply(fn: (v: unknown) => unknown): unknown } {
  return {
    get: () => value,
    apply: (fn) => {
      const next = fn(value);
      return { get: () => next, apply: (f: (v: unknown) => unknown) => f(next) };
    },
  };
}

/** The value of an output for a function being serialized now; records what it captured. */
export function valueForFunction(internals: OutputInternals): unknown {
  const deployed = (globalThis as Record<symbol, DeployedValues | undefined>)[DEPLOYED];
  if (deployed === undefined) return undefined;
  for (const resource of internals.resources()) deployed.captured.add(resource);
  const value = internals.evaluate(deployed.lookup);
  if (containsUnknown(value)) {
    deployed.unknown = true;
    return undefined;
  }
  return value;
}

export function isOutput(value: unknown): value is Output<unknown> {
  return typeof value === "object" && value !== null && OUTPUT in value;
}

/** Replaces every output in a value (deeply, through arrays and plain objects) by its value or UNKNOWN. */
export function resolveValue(value: unknown, lookup: ValueLookup): unknown {
  if (isOutput(value)) return resolveValue(value[OUTPUT].evaluate(lookup), lookup);
  if (Array.isArray(value)) return value.map((each) => resolveValue(each, lookup));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, each] of Object.entries(value)) out[key] = resolveValue(each, lookup);
    return out;
  }
  return value;
}

/** The resources that the outputs inside a value read. */
export function resourcesOf(value: unknown, into: Set<object> = new Set()): Set<object> {
  if (isOutput(value)) for (const resource of value[OUTPUT].resources()) into.add(resource);
  else if (Array.isArray(value)) for (const each of value) resourcesOf(each, into);
  else if (isPlainObject(value)) for (const each of Object.values(value)) resourcesOf(each, into);
  return into;
}

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isPlainObject(value)) return Object.values(value).some(containsUnknown);
  return false;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An output of a resource's property. */
export function propertyOutput<T>(resource: object, key: string): Output<T> {
  return new Output<T>({ evaluate: (lookup) => lookup.property(resource, key), resources: () => [resource] });
}

/** accountId, region, stack or project of the deployment. */
export function contextOutput(key: ContextKey): Output<string> {
  return new Output<string>({ evaluate: (lookup) => lookup.context(key), resources: () => [] });
}

/** An output of a value that may itself hold outputs (deeply). */
export function output<T>(value: T): Output<UnwrapDeep<T>> {
  return new Output({
    evaluate: (lookup) => {
      const resolved = resolveValue(value, lookup);
      return containsUnknown(resolved) ? (UNKNOWN as Unknown) : resolved;
    },
    resources: () => [...resourcesOf(value)],
  });
}

export type UnwrapDeep<T> =
  T extends Output<infer U>
    ? U
    : T extends readonly unknown[]
      ? { [K in keyof T]: UnwrapDeep<T[K]> }
      : T extends Record<string, unknown>
        ? { [K in keyof T]: UnwrapDeep<T[K]> }
        : T;

/** One output of the values of several. */
export function all<T extends readonly unknown[]>(values: readonly [...T]): Output<{ [K in keyof T]: Unwrap<T[K]> }> {
  return output(values as unknown) as Output<{ [K in keyof T]: Unwrap<T[K]> }>;
}

/** A template string whose placeholders may be outputs: interpolate`arn:${bucket.arn}/*`. */
export function interpolate(parts: TemplateStringsArray, ...values: unknown[]): Output<string> {
  return all(values).apply((known) => parts.reduce((text, part, i) => text + part + (i < known.length ? String(known[i]) : ""), ""));
}

/** concat("a", output, "b") */
export function concat(...values: unknown[]): Output<string> {
  return all(values).apply((known) => known.map(String).join(""));
}
