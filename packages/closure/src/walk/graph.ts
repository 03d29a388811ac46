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
  /** The node that first reached this one (undefined for the root and synthetic nodes). */
  via?: GraphNode;
  /** A binding's value: the context and name it is bound to, and the script of the function that read it. */
  binding?: { context: GraphNode; name: string; scriptId: string | undefined };
  /** Why the value was rebuilt rather than copied, for the captures report. */
  why?: string;
  /** Classes only: #private fields that captured instances carry (kinds/private-restore.ts). */
  privateFields?: Set<string>;
  /** Classes only: the emitted name of the restore hooks object. */
  restoreName?: string;
  /** Classes only: ancestor classes whose hooks must be on while this class restores an instance. */
  restoreChain?: GraphNode[];
  /** Classes only: a built-in made another way (a Map, an EventTarget) gets this class's fields (restore hooks' `adopt`). */
  adoptsBuiltin?: boolean;
}

/** One step of a capture path. */
export type PathStep =
  | { readonly binding: string }
  | { readonly key: PropertyKey }
  | { readonly label: string };

/**
 * A capture path, built in O(1) per step (values can be 20,000 links deep,
 * closures 2,000 hops deep): a long property chain inside one hop keeps only
 * its first and last steps, and a long chain of hops only its first and last
 * hops, each with a count of what was left out. Arrays are copied only while
 * they are short, so a deep path costs as little as a short one.
 */
export class CapturePath {
  private constructor(
    /** Finished hops: the first HEAD_HOPS, then how many were left out, then the last TAIL_HOPS. */
    private readonly hops: Elided,
    /** Steps of the current hop, the same way. */
    private readonly steps: Elided,
  ) {}

  static root(name: string): CapturePath {
    return new CapturePath(EMPTY, { head: [name], skipped: 0, tail: [] });
  }

  extend(step: PathStep): CapturePath {
    if ("binding" in step) return new CapturePath(append(this.hops, this.#last(), HEAD_HOPS, TAIL_HOPS), { head: [step.binding], skipped: 0, tail: [] });
    const text = "label" in step ? step.label : formatKey(step.key);
    return new CapturePath(this.hops, append(this.steps, text, HEAD_STEPS, TAIL_STEPS));
  }

  /** One element per hop, as in SerializationError.path; left-out hops are one "…N more…" element. */
  toArray(): string[] {
    const { head, skipped, tail } = this.hops;
    return skipped > 0 ? [...head, marker(skipped), ...tail, this.#last()] : [...head, ...tail, this.#last()];
  }

  #last(): string {
    const { head, skipped, tail } = this.steps;
    return `${head.join("")}${skipped > 0 ? marker(skipped) : ""}${tail.join("")}`;
  }
}

interface Elided {
  readonly head: readonly string[];
  readonly skipped: number;
  readonly tail: readonly string[];
}

const EMPTY: Elided = { head: [], skipped: 0, tail: [] };
const HEAD_STEPS = 6;
const TAIL_STEPS = 4;
const HEAD_HOPS = 8;
const TAIL_HOPS = 8;

function append(list: Elided, text: string, headMax: number, tailMax: number): Elided {
  if (list.head.length < headMax) return { head: [...list.head, text], skipped: 0, tail: [] };
  const tail = [...list.tail, text];
  return tail.length > tailMax ? { head: list.head, skipped: list.skipped + 1, tail: tail.slice(1) } : { head: list.head, skipped: list.skipped, tail };
}

/** What stands for the left-out part of a path. */
function marker(skipped: number): string {
  return `…${skipped} more…`;
}

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
