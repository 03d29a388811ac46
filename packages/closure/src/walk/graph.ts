// The captured-value graph: one node per non-primitive value (identity kept),
// plus synthetic nodes for closure contexts and binding assignments. Kinds
// fill in `data` and `deps` while walking; the emitter orders nodes by deps.

/**
 * How soon a dependency must exist: to create the node, or only before the
 * program finishes loading; "none" walks a value without ordering it.
 */
export type Timing = "create" | "fill" | "none";

/** A reference to a value: inline source for primitives, or a graph node. */
export type Slot = { readonly code: string; readonly node?: undefined } | { readonly node: GraphNode; readonly code?: undefined };

export interface Dep {
  readonly node: GraphNode;
  readonly timing: Timing;
}

export interface GraphNode {
  readonly id: number;
  readonly value: unknown;
  /** Name of the kind module that walks and emits this node. */
  readonly kind: string;
  /** Capture path of the first route to this node, one hop per element. */
  readonly path: readonly string[];
  /** Program-derived name hint (binding name, property key). */
  readonly hint: string;
  readonly deps: Dep[];
  /** Kind-specific facts gathered while walking. */
  data: unknown;
  /** Emitted identifier, set by the emitter. */
  name: string;
  /** Bytes of emitted source, for the captures report. */
  bytes: number;
  /** Module specifier, for module references. */
  module?: string;
  /** Classes only: #private fields that captured instances carry (kinds/private-restore.ts). */
  privateFields?: Set<string>;
  /** Classes only: the emitted name of the restore hooks object. */
  restoreName?: string;
}

/** One step of a capture path. */
export type PathStep =
  | { readonly binding: string }
  | { readonly key: PropertyKey }
  | { readonly label: string };

export function extendPath(path: readonly string[], step: PathStep): string[] {
  if ("binding" in step) return [...path, step.binding];
  const last = path.length > 0 ? path[path.length - 1]! : "";
  const head = path.slice(0, -1);
  if ("label" in step) return [...head, `${last}${step.label}`];
  return [...head, `${last}${formatKey(step.key)}`];
}

export function formatKey(key: PropertyKey): string {
  if (typeof key === "symbol") return `[${key.toString()}]`;
  if (typeof key === "number" || /^(0|[1-9]\d*)$/.test(key)) return `[${String(key)}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

export function hintOf(step: PathStep): string {
  if ("binding" in step) return step.binding;
  if ("label" in step) return step.label.replace(/[^\w$]+/g, "_");
  if (typeof step.key === "symbol") return step.key.description ?? "symbol";
  return String(step.key);
}
