// The captured-value graph: one node per non-primitive value (identity kept),
// plus synthetic nodes for closure contexts and binding assignments. Kinds
// fill in `data` and `deps` while walking; the emitter orders nodes by deps.

/**
 * How soon a dependency must exist: to create the node, or only before the
 * program finishes loading; "none" walks a value without ordering it.
 */
export type Timing = "create" | "fill" | "none";

/** A reference to a value: inline source for primitives, or a graph node (whose data is `Data`). */
export type Slot<Data = unknown> = { readonly code: string; readonly node?: undefined } | { readonly node: GraphNode<Data>; readonly code?: undefined };

/**
 * What a property's visit reaches, without a Slot around it (a big graph
 * has one per property): a primitive's source text, or the value's node.
 */
export type Reached = string | GraphNode;

export interface Dep {
  readonly node: GraphNode;
  readonly timing: Timing;
}

/**
 * One value of the graph. `Data` is what its kind module records while
 * walking it (kinds/table.ts maps each kind name to it); it is undefined
 * until the node is walked.
 */
export interface GraphNode<Data = unknown> {
  readonly id: number;
  readonly value: unknown;
  /** Name of the kind module that walks and emits this node. */
  readonly kind: string;
  /** Capture path of the first route to this node. */
  readonly path: CapturePath;
  /** Program-derived name hint (binding name, property key). */
  readonly hint: string;
  /** Grown by addDep (walk/walker.ts), which keeps small lists small. */
  deps: Dep[];
  /** Kind-specific facts gathered while walking. */
  data: Data;
  /** Emitted identifier, set by the emitter. */
  name: string;
  /** Bytes of emitted source, for the captures report. */
  bytes: number;
  /** Module specifier, for module references. */
  module?: string;
  /** The node that first reached this one (undefined for the root and synthetic nodes). */
  via: GraphNode | undefined;
  /** A binding's value: the context and name it is bound to, and the script of the function that read it. */
  binding?: { context: GraphNode; name: string; scriptId: string | undefined };
  /** Why the value was rebuilt rather than copied, for the captures report. */
  why?: string;
  /** Classes only: #private fields that captured instances carry (kinds/function/private-restore.ts). */
  privateFields?: Set<string>;
  /** Classes only: the emitted name of the restore hooks object. */
  restoreName?: string;
  /** Classes only: ancestor classes whose hooks must be on while this class restores an instance. */
  restoreChain?: GraphNode[];
  /** Classes only: a built-in made another way (a Map, an EventTarget) gets this class's fields (restore hooks' `adopt`). */
  adoptsBuiltin?: boolean;
}

/** One step of a capture path. */
export type PathStep = { readonly binding: string } | { readonly key: PropertyKey } | { readonly label: string };

/**
 * A capture path, built in O(1) per step (values can be 20,000 links deep,
 * closures 2,000 hops deep): a long property chain inside one hop shows only
 * its first and last steps, and a long chain of hops only its first and last
 * hops, each with a count of what was left out. A step is one small object
 * linked to the step before it; the text of a hop is made only when asked
 * for (every capture's path is, for the report), and then once per step.
 */
export class CapturePath {
  #text: string | undefined;

  private constructor(
    /** Finished hops: the first HEAD_HOPS, then how many were left out, then the last TAIL_HOPS. */
    private readonly hops: Elided,
    /** The previous step of the current hop. */
    private readonly previous: CapturePath | undefined,
    private readonly step: string,
    /** Steps in the current hop up to this one. */
    private readonly count: number,
    /** The step that ends the current hop's head (the HEAD_STEPS-th), once the hop is longer. */
    private readonly head: CapturePath | undefined,
  ) {}

  static root(name: string): CapturePath {
    return new CapturePath(EMPTY, undefined, name, 1, undefined);
  }

  extend(step: PathStep): CapturePath {
    if ("binding" in step) return new CapturePath(append(this.hops, this.#hopText(), HEAD_HOPS, TAIL_HOPS), undefined, step.binding, 1, undefined);
    const text = "label" in step ? step.label : formatKey(step.key);
    const head = this.count === HEAD_STEPS ? this : this.head;
    return new CapturePath(this.hops, this, text, this.count + 1, head);
  }

  /** One element per hop, as in SerializationError.path; left-out hops are one "…N more…" element. */
  toArray(): string[] {
    const { head, skipped, tail } = this.hops;
    // Sized up front: a path per capture, and push() would leave room for 16 more.
    const hops = new Array<string>(head.length + (skipped > 0 ? 1 : 0) + tail.length + 1);
    let at = 0;
    for (let i = 0; i < head.length; i++) hops[at++] = head[i]!;
    if (skipped > 0) hops[at++] = marker(skipped);
    for (let i = 0; i < tail.length; i++) hops[at++] = tail[i]!;
    hops[at] = this.#hopText();
    return hops;
  }

  /** The current hop: every step while it is short, else its head, a count and its last TAIL_STEPS steps. */
  #hopText(): string {
    if (this.#text !== undefined) return this.#text;
    if (this.count <= HEAD_STEPS + TAIL_STEPS) {
      this.#text = this.previous ? this.previous.#hopText() + this.step : this.step;
      return this.#text;
    }
    let tail = this.step;
    let at = this.previous!;
    for (let i = 1; i < TAIL_STEPS; i++, at = at.previous!) tail = at.step + tail;
    this.#text = this.head!.#hopText() + marker(this.count - HEAD_STEPS - TAIL_STEPS) + tail;
    return this.#text;
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

/** What stands for the left-out part of a path; the deep nodes of a graph share a few counts. */
function marker(skipped: number): string {
  if (skipped >= MARKERS.length) return `…${skipped} more…`;
  return (MARKERS[skipped] ??= `…${skipped} more…`);
}

const MARKERS: Array<string | undefined> = new Array(256);

export function extendPath(path: CapturePath, step: PathStep): CapturePath {
  return path.extend(step);
}

// The objects of a big graph share a few dozen property names: each name's step text is made once.
const stepTexts = new Map<string, string>();
const MAX_STEP_TEXTS = 10_000;

export function formatKey(key: PropertyKey): string {
  if (typeof key !== "string") return formatOtherKey(key);
  let text = stepTexts.get(key);
  if (text === undefined) {
    text = /^(0|[1-9]\d*)$/.test(key) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    if (stepTexts.size >= MAX_STEP_TEXTS) stepTexts.clear();
    stepTexts.set(key, text);
  }
  return text;
}

function formatOtherKey(key: number | symbol): string {
  if (typeof key === "symbol") return `[${key.toString()}]`;
  return `[${String(key)}]`;
}

export function hintOf(step: PathStep): string {
  if ("binding" in step) return step.binding;
  if ("label" in step) return step.label.replace(/[^\w$]+/g, "_");
  if (typeof step.key === "symbol") return step.key.description ?? "symbol";
  return String(step.key);
}
