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
  /** Capture path of the first route to this node. */
  readonly path: CapturePath;
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
  /** Classes only: ancestor classes whose hooks must be on while this class restores an instance. */
  restoreChain?: GraphNode[];
}

/** One step of a capture path. */
export type PathStep =
  | { readonly binding: string }
  | { readonly key: PropertyKey }
  | { readonly label: string };

/**
 * A capture path, built in O(1) per step (values can be 20,000 links deep):
 * finished hops are shared, and a long property chain inside one hop keeps
 * only its first and last steps.
 */
export class CapturePath {
  private constructor(
    private readonly hops: readonly string[],
    private readonly head: readonly string[],
    private readonly skipped: number,
    private readonly tail: readonly string[],
  ) {}

  static root(name: string): CapturePath {
    return new CapturePath([], [name], 0, []);
  }

  extend(step: PathStep): CapturePath {
    if ("binding" in step) return new CapturePath([...this.hops, this.#last()], [step.binding], 0, []);
    const text = "label" in step ? step.label : formatKey(step.key);
    if (this.head.length < HEAD_STEPS) return new CapturePath(this.hops, [...this.head, text], 0, []);
    const tail = [...this.tail, text];
    const overflow = tail.length > TAIL_STEPS ? 1 : 0;
    return new CapturePath(this.hops, this.head, this.skipped + overflow, overflow ? tail.slice(1) : tail);
  }

  toArray(): string[] {
    return [...this.hops, this.#last()];
  }

  #last(): string {
    const skipped = this.skipped > 0 ? `…${this.skipped} more…` : "";
    return `${this.head.join("")}${skipped}${this.tail.join("")}`;
  }
}

const HEAD_STEPS = 6;
const TAIL_STEPS = 4;

export function extendPath(path: CapturePath, step: PathStep): CapturePath {
  return path.extend(step);
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
